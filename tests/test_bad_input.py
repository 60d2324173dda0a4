"""Bad input: every battery file gets its exact outcome; the batch goes on."""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models import ManifestEntry
from pipeline.cli import app
from pipeline.errors import EventalignError
from pipeline.process import process_article
from pipeline.settings import Settings
from tests.conftest import DATA

BAD = DATA / "bad"
EXPECTED = tomllib.loads((BAD / "expected.toml").read_text(encoding="utf-8"))


def _entry(name: str) -> ManifestEntry:
    return ManifestEntry(id=Path(name).stem, path=name)


@pytest.mark.parametrize("case", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_battery_file_outcome(case: str) -> None:
    spec = EXPECTED[case]
    if spec["outcome"] == "refused":
        with pytest.raises(EventalignError) as err:
            process_article(_entry(spec["file"]), BAD, Settings())
        message = str(err.value)
        assert spec["reason"] in message and spec["file"] in message and "\n" not in message
    else:
        result = process_article(_entry(spec["file"]), BAD, Settings())
        raw = (BAD / spec["file"]).read_bytes()
        surfaces = {m.text for m in result.mentions}
        for expected in spec["expect"]:
            assert expected in surfaces, (expected, surfaces)
        if not raw.startswith((b"\xff\xfe", b"\xfe\xff")) and result.article.lang.value == "en":
            text = raw.decode("utf-8")
            for m in result.mentions:  # offsets stay offsets into the file
                assert text[m.start : m.end] == m.text


def test_every_battery_file_is_listed() -> None:
    listed = {spec["file"] for spec in EXPECTED.values()}
    present = {p.name for p in BAD.iterdir() if p.name != "expected.toml"}
    assert listed == present


def test_the_batch_of_all_battery_files_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BAD, corpus)
    (corpus / "expected.toml").unlink()
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(out), "--no-progress"])
    refused = [k for k, v in EXPECTED.items() if v["outcome"] == "refused"]
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(refused)
    ok = len(EXPECTED) - len(refused)
    assert f"{ok} processed, 0 unchanged, {len(refused)} failed" in result.output
    assert (out / "mentions.jsonl").stat().st_size > 0


def test_a_100_mb_article_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # sparse: no 100 MB written to disk
        f.truncate(100 * 1024 * 1024)
    with pytest.raises(
        EventalignError,
        match=r"104,857,600 bytes, over the limit of "
        r"20,000,000 \(setting max_bytes",
    ):
        process_article(ManifestEntry(id="big", path="big.txt"), tmp_path, Settings())


def test_a_1_mb_single_line_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    (tmp_path / "line.txt").write_text("The war began in 1939 and " * 40_000, encoding="utf-8")
    with pytest.raises(
        EventalignError,
        match=r"over the limit of 200,000 \(setting "
        r"max_line_chars\)",
    ):
        process_article(ManifestEntry(id="line", path="line.txt"), tmp_path, Settings())


def test_markup_too_broken_to_parse_is_kept_as_text(tmp_path: Path) -> None:
    """3,000 unclosed {{ take mwparserfromhell 15 s in C code; they are not parsed at all."""
    (tmp_path / "slow.wiki").write_text(
        "{{a|" * 3000 + "[[b|" * 3000 + "\nThe war ended in 1945.\n", encoding="utf-8"
    )
    result = process_article(ManifestEntry(id="slow", path="slow.wiki"), tmp_path, Settings())
    assert [m.value for m in result.mentions if m.kind.value == "time"] == ["1945"]


def test_the_time_limit_names_the_article_and_the_setting() -> None:
    from pipeline.errors import MarkupError
    from pipeline.limits import time_limit

    expected = r"^corpus/slow.wiki: took longer than 0.05 s in clean \(setting article_timeout\)$"
    with pytest.raises(MarkupError, match=expected), time_limit(0.05, "corpus/slow.wiki", "clean"):
        while True:
            sum(range(1000))


@pytest.mark.parametrize("path", ["../outside.txt", "/etc/passwd", "link.txt"])
def test_manifest_paths_outside_the_corpus_are_refused(tmp_path: Path, path: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (tmp_path / "outside.txt").write_text("The war began in 1939.", encoding="utf-8")
    os.symlink(tmp_path / "outside.txt", corpus / "link.txt")
    (corpus / "manifest.toml").write_text(f'[[article]]\nid = "x"\npath = "{path}"\n')
    from pipeline.corpus import load_corpus

    loaded = load_corpus(corpus)
    assert loaded.entries == []
    assert "outside the corpus folder" in str(loaded.errors[0])


def test_duplicate_ids_and_missing_files_in_a_manifest(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The war began in 1939.", encoding="utf-8")
    (corpus / "manifest.toml").write_text(
        '[[article]]\nid = "a"\npath = "a.txt"\n[[article]]\nid = "a"\npath = "a.txt"\n'
        '[[article]]\nid = "b"\npath = "missing.txt"\n[[article]]\nid = "c"\npath = "a.txt"\n'
        'lang = "fr"\n'
    )
    from pipeline.corpus import load_corpus

    loaded = load_corpus(corpus)
    assert [e.id for e in loaded.entries] == ["a"]
    messages = [str(e) for e in loaded.errors]
    assert any("duplicate id 'a'" in m for m in messages)
    assert any("file 'missing.txt' is missing" in m for m in messages)
    assert any("invalid manifest entry: lang" in m for m in messages)
