"""The bench command runs on a tiny corpus and emits well-formed JSON (no timed asserts)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.timing import STAGES


def test_bench_emits_json_with_every_figure() -> None:
    result = CliRunner().invoke(
        app,
        ["bench", "--base", "1", "--zh-base", "1", "--scales", "1,2", "--workers", "2", "--json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [run["scale"] for run in data["scaling"]] == [1, 2]
    first = data["scaling"][0]
    assert first["articles"] == 2 and first["processed"] == 2 and first["failed"] == 0
    assert set(first["stages"]) == set(STAGES)
    assert first["peak_rss_mb"] > 0 and first["chars"]["zh"] > 0
    assert data["floor"]["en_words"] > 0 and data["ratio_to_floor"] > 0
    assert data["workers"]["speedup"] > 0


def test_bench_refuses_bad_scales() -> None:
    result = CliRunner().invoke(app, ["bench", "--scales", "1,x"])
    assert result.exit_code == 2 and "--scales" in result.output
