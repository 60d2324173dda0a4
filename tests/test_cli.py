"""The CLI end to end on the bundled corpus, in a temporary folder."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import CORPUS

runner = CliRunner()


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_writes_jsonl_and_sqlite_deterministically(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = runner.invoke(app, ["run", str(CORPUS), "--out", str(out), "--no-progress"])
    assert first.exit_code == 0, first.output
    assert "2 processed" in first.output
    files = {
        name: (out / name).read_bytes()
        for name in ("mentions.jsonl", "entities.jsonl", "events.jsonl")
    }
    assert all(files.values())
    # a second run into a fresh folder gives byte-identical records
    again = tmp_path / "again"
    assert (
        runner.invoke(app, ["run", str(CORPUS), "--out", str(again), "--no-progress"]).exit_code
        == 0
    )
    for name, data in files.items():
        assert (again / name).read_bytes() == data, name
    # a re-run into the same folder skips both articles and changes nothing
    rerun = runner.invoke(app, ["run", str(CORPUS), "--out", str(out), "--no-progress"])
    assert "0 processed, 2 unchanged" in rerun.output
    for name, data in files.items():
        assert (out / name).read_bytes() == data, name
    with sqlite3.connect(out / "eventalign.sqlite") as db:
        assert db.execute("select count(*) from articles").fetchone() == (2,)
        stored = db.execute("select count(*) from mentions").fetchone()[0]
    assert stored == len(_read_jsonl(out / "mentions.jsonl"))


def test_every_mention_offset_points_at_its_surface(seed_run) -> None:
    out, _ = seed_run
    raws = {p.stem: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    found = _read_jsonl(out / "mentions.jsonl")
    assert len(found) > 50
    for m in found:
        assert raws[m["article_id"]][m["start"] : m["end"]] == m["text"], m
    ids = [m["id"] for m in found]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_chinese_mentions_come_in_both_scripts(seed_run) -> None:
    out, _ = seed_run
    zh = [m for m in _read_jsonl(out / "mentions.jsonl") if m["article_id"].startswith("004")]
    assert zh and all(m["text_hans"] and m["text_hant"] for m in zh)
    pairs = {(m["text_hans"], m["text_hant"]) for m in zh}
    assert ("苏联", "蘇聯") in pairs


def test_schema_command_prints_event_record_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "EventRecord"
    assert {"id", "names", "time", "members", "score", "evidence"} <= set(schema["properties"])
    names = schema["$defs"]["Names"]["properties"]
    assert {"en", "zh-Hans", "zh-Hant"} <= set(names)


def test_show_prints_records(seed_run) -> None:
    out, _ = seed_run
    result = runner.invoke(app, ["show", "--out", str(out)])
    assert result.exit_code == 0
    assert "member" in result.output and "because" in result.output
    missing = runner.invoke(app, ["show", "e_nope", "--out", str(out)])
    assert missing.exit_code == 2


def test_bad_articles_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        (CORPUS / "000_b9b5bcfd31925d4e.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\nxxxx")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--no-progress"])
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.output
    assert "image.txt: binary file (a PNG image)" in result.output
    assert "1 processed" in result.output
    assert _read_jsonl(out / "mentions.jsonl")
