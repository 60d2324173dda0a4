"""Shared fixtures: the bundled corpus, the gold annotation, a finished run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pipeline.runner import RunReport, run_corpus
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"
EN_SEED = CORPUS / "000_b9b5bcfd31925d4e.txt"
ZH_SEED = CORPUS / "004_52d569664bc2f98a.txt"


@pytest.fixture(scope="session")
def gold() -> dict:
    return yaml.safe_load((DATA / "seeds.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def gold_docs(gold: dict) -> dict[str, dict]:
    return {d["file"]: d for d in gold["documents"]}


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RunReport]:
    """One run of the bundled corpus, shared by the tests that only read its output."""
    out = tmp_path_factory.mktemp("out")
    report = run_corpus(CORPUS, out, Settings(), progress=False)
    return out, report
