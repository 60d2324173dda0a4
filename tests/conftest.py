"""Shared fixtures: the bundled corpus, the gold annotation, a finished run."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from spacy.language import Language

from pipeline.nlp import load_chinese, load_english
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


@pytest.fixture(scope="session")
def en() -> Language:
    """The English spaCy pipeline with eventalign's components."""
    return load_english()


@pytest.fixture(scope="session")
def zh() -> Language:
    """The Chinese spaCy pipeline (jieba tokenizer) with eventalign's components."""
    return load_chinese()


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


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL server on loopback (skipped, with the reason, where none installs)."""
    from tests.postgres import postgres_server

    try:
        with postgres_server() as url:
            yield url
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        pytest.skip(f"no PostgreSQL server: {exc} {detail.decode(errors='replace')[:200]}")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same tests against an SQLite file and a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    url = request.getfixturevalue("postgres_url")
    import sqlalchemy as sa

    from pipeline.store import metadata

    engine = sa.create_engine(url)
    metadata.drop_all(engine)  # each test starts from an empty schema
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS meta"))
    engine.dispose()
    return url
