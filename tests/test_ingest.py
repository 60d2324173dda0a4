"""Wikipedia dump ingestion: streamed, redirects and other namespaces skipped."""

from __future__ import annotations

import bz2
import shutil
import tomllib
from pathlib import Path

from models import Lang
from pipeline.ingest import ingest
from pipeline.runner import run_corpus
from pipeline.settings import Settings
from pipeline.store import Store
from tests.conftest import DATA

DUMP = DATA / "dump" / "enwiki-sample-pages-articles.xml"


def _bz2_dump(tmp_path: Path) -> Path:
    path = tmp_path / "enwiki-sample-pages-articles.xml.bz2"
    path.write_bytes(bz2.compress(DUMP.read_bytes()))
    return path


def test_ingest_streams_articles_with_provenance(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    report = ingest(_bz2_dump(tmp_path), corpus, Lang.en)
    assert (report.written, report.redirects, report.other_namespaces) == (2, 1, 1)
    manifest = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))
    entries = {a["id"]: a for a in manifest["article"]}
    assert set(entries) == {"enwiki-1123401", "enwiki-1123404"}
    pact = entries["enwiki-1123401"]
    assert pact["title"] == "Soviet–Japanese Neutrality Pact"
    assert pact["source"] == "enwiki page 1123401 revision 900000002"  # the latest revision
    assert pact["format"] == "wikitext" and pact["lang"] == "en"
    assert (corpus / "enwiki-1123401.wiki").read_text(encoding="utf-8") == (
        DATA / "articles" / "neutrality_pact.wiki"
    ).read_text(encoding="utf-8")
    again = ingest(_bz2_dump(tmp_path), corpus, Lang.en)  # nothing twice
    assert (again.written, again.already_there) == (0, 2)


def test_ingested_articles_give_the_records_of_the_same_files(tmp_path: Path) -> None:
    from_dump = tmp_path / "from_dump"
    ingest(_bz2_dump(tmp_path), from_dump, Lang.en)
    as_files = tmp_path / "as_files"
    as_files.mkdir()
    shutil.copy(DATA / "articles" / "neutrality_pact.wiki", as_files / "enwiki-1123401.wiki")
    shutil.copy(DATA / "dump" / "battle_of_khalkhin_gol.wiki", as_files / "enwiki-1123404.wiki")
    for corpus in (from_dump, as_files):
        report = run_corpus(corpus, tmp_path / f"out_{corpus.name}", Settings(), progress=False)
        assert report.ok and len(report.processed) == 2
    a = tmp_path / "out_from_dump"
    b = tmp_path / "out_as_files"
    for name in ("mentions.jsonl", "events.jsonl", "entities.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    titles = {x.title for x in Store(f"sqlite:///{a / 'eventalign.sqlite'}").load_articles()}
    assert titles == {"Soviet–Japanese Neutrality Pact", "Battle of Khalkhin Gol"}


def test_paired_articles_are_evidence_and_shown(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app
    from tests.conftest import CORPUS

    runner = CliRunner()
    out = tmp_path / "out"
    assert (
        runner.invoke(app, ["run", str(CORPUS), "--out", str(out), "--no-progress"]).exit_code == 0
    )
    before = (out / "events.jsonl").read_bytes()
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("# en\tzh\nSoviet–Japanese Border Wars\t外蒙古\n", encoding="utf-8")
    result = runner.invoke(app, ["pair", str(pairs), "--out", str(out)])
    assert "1 title pairs recorded; 1 pair stored articles" in result.output
    rerun = runner.invoke(app, ["run", str(CORPUS), "--out", str(out), "--no-progress"])
    assert "0 processed, 2 unchanged" in rerun.output
    after = (out / "events.jsonl").read_text(encoding="utf-8")
    assert after.encode() != before  # re-aligned with the new evidence
    assert "articles paired (langlinks): 000_b9b5bcfd31925d4e ↔ 004_52d569664bc2f98a" in after
    shown = runner.invoke(app, ["show", "--out", str(out)])
    assert "paired articles: 000_b9b5bcfd31925d4e ↔ 004_52d569664bc2f98a" in shown.output
