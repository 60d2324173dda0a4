"""Plain text without markup: kept as it is (minus invisible characters)."""

from __future__ import annotations

from pipeline.clean.builder import CleanText, TextBuilder


def clean_plain(raw: str) -> CleanText:
    b = TextBuilder(raw)
    b.keep(0, len(raw))
    return b.finish()
