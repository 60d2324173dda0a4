"""Crash safety and concurrency: kill -9 at random points, two runs at once."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import CORPUS

RUN = [sys.executable, "-c", "from pipeline.cli import app; app()", "run"]


def _corpus(tmp_path: Path, copies: int) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(copies):
        for seed in sorted(CORPUS.glob("*.txt")):
            shutil.copy(seed, corpus / f"{seed.stem}_{i}.txt")
    return corpus


def _check_outputs(out: Path) -> None:
    db = out / "eventalign.sqlite"
    if db.exists():
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for name in ("mentions.jsonl", "entities.jsonl", "events.jsonl"):
        path = out / name
        if path.exists():  # complete, or not there: never half written
            for line in path.read_text(encoding="utf-8").splitlines():
                json.loads(line)


def test_kill_9_loop_never_corrupts_and_the_next_run_completes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 4)
    out = tmp_path / "out"
    cmd = [*RUN, str(corpus), "--out", str(out), "--no-progress"]
    rng = random.Random(20261123)
    for _ in range(20):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 6.0))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        _check_outputs(out)
        # a run that finished leaves nothing for the next ones: start again from scratch
        if (out / "events.jsonl").exists():
            shutil.rmtree(out)
    final = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    _check_outputs(out)
    clean = tmp_path / "clean"
    subprocess.run(
        [*RUN, str(corpus), "--out", str(clean), "--no-progress"],
        check=True,
        capture_output=True,
        timeout=600,
    )
    for name in ("mentions.jsonl", "entities.jsonl", "events.jsonl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    assert not list(out.glob(".*.tmp"))


def test_two_runs_at_once_the_second_refuses(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 3)
    out = tmp_path / "out"
    cmd = [*RUN, str(corpus), "--out", str(out), "--no-progress"]
    first = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (out / "eventalign.sqlite").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    second = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    first_out, first_err = first.communicate(timeout=600)
    assert first.returncode == 0, first_err
    assert second.returncode == 2
    assert "another eventalign run is writing to this output folder" in second.stderr
    assert "6 processed" in first_out
