"""Storage: the same suite against an SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.errors import StorageError
from pipeline.export import ExportFormat, export
from pipeline.runner import run_corpus
from pipeline.settings import Settings
from pipeline.store import Store
from tests.conftest import CORPUS


def _rows(url: str) -> dict[str, list[tuple]]:
    engine = sa.create_engine(url)
    out = {}
    with engine.connect() as conn:
        for table in (
            "articles",
            "mentions",
            "entities",
            "entity_names",
            "events",
            "event_members",
        ):
            columns = "id" if table not in ("entity_names", "event_members") else "*"
            rows = conn.execute(sa.text(f"SELECT {columns} FROM {table}")).fetchall()
            out[table] = sorted(tuple(r) for r in rows)
    engine.dispose()
    return out


def test_runs_are_idempotent(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_corpus(CORPUS, out, Settings(), db_url=db_url, progress=False)
    assert len(first.processed) == 2 and first.ok
    rows = _rows(db_url)
    assert len(rows["articles"]) == 2 and rows["mentions"] and rows["events"]
    again = run_corpus(CORPUS, out, Settings(), db_url=db_url, progress=False)
    assert again.processed == [] and len(again.skipped) == 2
    assert _rows(db_url) == rows
    assert (again.mentions, again.events) == (first.mentions, first.events)


def test_a_changed_article_replaces_its_mentions(
    db_url: str, corpus_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_corpus(corpus_copy, out, Settings(), db_url=db_url, progress=False)
    zh = corpus_copy / "004_52d569664bc2f98a.txt"
    text = zh.read_text(encoding="utf-8")
    zh.write_text(text.replace("1940年7月18日", "1940年7月19日"), encoding="utf-8")
    report = run_corpus(corpus_copy, out, Settings(), db_url=db_url, progress=False)
    assert report.processed == ["004_52d569664bc2f98a"]
    store = Store(db_url)
    values = {m.value for m in store.load_mentions() if m.article_id.startswith("004")}
    store.close()
    assert "1940-07-19" in values and "1940-07-18" not in values


def test_a_removed_article_leaves_the_store(db_url: str, corpus_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_corpus(corpus_copy, out, Settings(), db_url=db_url, progress=False)
    manifest = corpus_copy / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    head, _, _ = text.partition('[[article]]\nid = "004')
    manifest.write_text(head, encoding="utf-8")
    (corpus_copy / "004_52d569664bc2f98a.txt").unlink()
    run_corpus(corpus_copy, out, Settings(), db_url=db_url, progress=False)
    assert [a.id for a in Store(db_url).load_articles()] == ["000_b9b5bcfd31925d4e"]


def test_a_missing_file_keeps_what_was_stored(
    db_url: str, corpus_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_corpus(corpus_copy, out, Settings(), db_url=db_url, progress=False)
    (corpus_copy / "004_52d569664bc2f98a.txt").unlink()
    report = run_corpus(corpus_copy, out, Settings(), db_url=db_url, progress=False)
    assert not report.ok and "is missing" in report.failed[0]
    assert len(Store(db_url).load_articles()) == 2


def test_a_newer_schema_is_never_written_by_an_older_version(db_url: str) -> None:
    Store(db_url).close()
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE meta SET value = '99' WHERE key = 'schema'"))
    engine.dispose()
    with pytest.raises(StorageError, match="schema 99 is newer"):
        Store(db_url)


def test_titles_with_quotes_and_sql_are_stored_as_text(db_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "000_b9b5bcfd31925d4e.txt", corpus / "a.txt")
    title = 'Robert\'); DROP TABLE articles; -- "quoted" SELECT'
    (corpus / "manifest.toml").write_text(
        f'[[article]]\nid = "a"\npath = "a.txt"\ntitle = {json.dumps(title)}\n', encoding="utf-8"
    )
    run_corpus(corpus, tmp_path / "out", Settings(), db_url=db_url, progress=False)
    assert [a.title for a in Store(db_url).load_articles()] == [title]


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_export_formats(db_url: str, tmp_path: Path, fmt: ExportFormat) -> None:
    run_corpus(CORPUS, tmp_path / "out", Settings(), db_url=db_url, progress=False)
    store = Store(db_url)
    target = tmp_path / f"events.{fmt.value}"
    count = export(store, fmt, target)
    events = store.load_events()
    assert count == len(events) > 0
    if fmt is ExportFormat.jsonl:
        ids = [json.loads(line)["id"] for line in target.read_text().splitlines()]
        assert ids == sorted(e.id for e in events)
    elif fmt is ExportFormat.parquet:
        import pyarrow.parquet as pq

        table = pq.read_table(target)
        assert table.column("id").to_pylist() == sorted(e.id for e in events)
        assert "zh-Hant" in table.schema.field("names").type.names
    else:
        copy = Store(f"sqlite:///{target}")
        assert [e.id for e in copy.load_events()] == [e.id for e in events]
        assert len(copy.load_mentions()) == len(store.load_mentions())
    assert not list(tmp_path.glob(".events*.tmp"))  # no temporary file left behind
