"""Plain text without markup: kept as it is, minus invisible characters and citation
marks (``[12]``) left by exports."""

from __future__ import annotations

from pipeline.clean.builder import CleanText, TextBuilder
from pipeline.clean.common import CITATION_MARK


def clean_plain(raw: str) -> CleanText:
    b = TextBuilder(raw)
    pos = 0
    for m in CITATION_MARK.finditer(raw):
        b.keep(pos, m.start())
        pos = m.end()
    b.keep(pos, len(raw))
    return b.finish()
