# Two entry points for a fresh machine:
#   make run   - set up .venv and run the pipeline on the bundled corpus into output/
#   make test  - set up .venv and run the test suite (ruff + pytest)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/eventalign run corpus --out output

test: $(STAMP)
	$(BIN)/ruff check pipeline models tests
	$(BIN)/ruff format --check pipeline models tests
	$(BIN)/pytest -q

eval: $(STAMP)
	$(BIN)/eventalign eval tests/data/seeds.yaml --corpus corpus

bench: $(STAMP)
	$(BIN)/eventalign bench

clean:
	rm -rf $(VENV) output/*.jsonl output/*.sqlite*
