"""Batch runs: adding articles, worker processes, and a run killed half-way."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import CORPUS, DATA

runner = CliRunner()
NEW_ARTICLE = DATA / "articles" / "neutrality_pact.wiki"


def _events(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]


def test_add_processes_only_the_new_article_and_joins_records(
    corpus_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert (
        runner.invoke(app, ["run", str(corpus_copy), "--out", str(out), "--no-progress"]).exit_code
        == 0
    )
    result = runner.invoke(
        app,
        ["add", str(NEW_ARTICLE), "--corpus", str(corpus_copy), "--out", str(out), "--no-progress"],
    )
    assert result.exit_code == 0, result.output
    assert "added neutrality_pact (en, wikitext)" in result.output
    assert "1 processed, 2 unchanged" in result.output
    assert (corpus_copy / "neutrality_pact.wiki").read_bytes() == NEW_ARTICLE.read_bytes()
    assert 'id = "neutrality_pact"' in (corpus_copy / "manifest.toml").read_text()
    pact = next(e for e in _events(out) if "蘇日中立條約" in e["names"]["zh-Hant"])
    assert {m["article_id"] for m in pact["members"]} == {
        "000_b9b5bcfd31925d4e",
        "004_52d569664bc2f98a",
        "neutrality_pact",
    }
    # the same file again: its id is taken, nothing is overwritten
    again = runner.invoke(
        app,
        ["add", str(NEW_ARTICLE), "--corpus", str(corpus_copy), "--out", str(out), "--no-progress"],
    )
    assert again.exit_code == 1 and "already in the corpus" in again.output


def test_add_refuses_unreadable_files(corpus_copy: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(
        app,
        [
            "add",
            str(empty),
            "--corpus",
            str(corpus_copy),
            "--out",
            str(tmp_path / "out"),
            "--no-progress",
        ],
    )
    assert result.exit_code == 1 and "empty.txt: empty file" in result.output
    assert not (corpus_copy / "empty.txt").exists()


def test_workers_give_the_same_output(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    shutil.copy(NEW_ARTICLE, corpus / "neutrality_pact.wiki")
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        result = runner.invoke(
            app, ["run", str(corpus), "--out", str(out), "--workers", workers, "--no-progress"]
        )
        assert result.exit_code == 0, result.output
        outputs[workers] = [
            (out / n).read_bytes() for n in ("mentions.jsonl", "entities.jsonl", "events.jsonl")
        ]
    assert outputs["1"] == outputs["2"]


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_a_killed_run_resumes_without_redoing_finished_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):  # twelve articles
        for seed in CORPUS.glob("*.txt"):
            shutil.copy(seed, corpus / f"{seed.stem}_{i}.txt")
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-c",
        "from pipeline.cli import app; app()",
        "run",
        str(corpus),
        "--out",
        str(out),
        "--no-progress",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    db = out / "eventalign.sqlite"
    deadline = time.monotonic() + 120
    while _stored(db) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = _stored(db)
    assert 0 < done < 12
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for name in ("mentions.jsonl", "events.jsonl"):
        assert not (out / name).exists()  # written only at the end, never half
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{12 - done} processed, {done} unchanged" in again.stdout
