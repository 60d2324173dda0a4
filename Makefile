# Two entry points for a fresh machine:
#   make run   - set up .venv and run the pipeline on the bundled corpus into output/
#   make test  - set up .venv and run the test suite (ruff + pytest)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench eval clean postgres

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/eventalign run corpus --out output

test: $(STAMP) postgres
	$(BIN)/ruff check pipeline models tests
	$(BIN)/ruff format --check pipeline models tests
	$(BIN)/pytest -q

# The tests start a real PostgreSQL server on loopback: install Debian's package where it
# is missing (as root); where it cannot be installed those tests are skipped with the reason.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || \
	{ [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } || \
	echo "PostgreSQL could not be installed: the PostgreSQL tests will be skipped"

eval: $(STAMP)
	$(BIN)/eventalign eval tests/data/seeds.yaml --corpus corpus

bench: $(STAMP)
	$(BIN)/eventalign bench

clean:
	rm -rf $(VENV) output/*.jsonl output/*.sqlite*
