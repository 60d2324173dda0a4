"""Stage 1, clean: wiki markup → plain text with a map back to the raw file.

``clean(raw, fmt)`` returns a :class:`CleanText`: the text, for every clean
character the raw offsets it came from, the link anchors (entity hints), the
section headings, the infobox fields and the citation regions.
"""

from __future__ import annotations

from collections.abc import Callable

from models import Format
from pipeline.clean.builder import CleanText, LinkHint, TextBuilder
from pipeline.clean.fandom import clean_fandom
from pipeline.clean.markdown import clean_markdown
from pipeline.clean.plain import clean_plain
from pipeline.clean.wikitext import clean_wikitext

_CLEANERS: dict[Format, Callable[[str], CleanText]] = {
    Format.markdown: clean_markdown,
    Format.fandom: clean_fandom,
    Format.wikitext: clean_wikitext,
    Format.text: clean_plain,
}


def clean(raw: str, fmt: Format) -> CleanText:
    """Clean ``raw`` written in markup ``fmt``."""
    return _CLEANERS[fmt](raw)


__all__ = ["CleanText", "LinkHint", "TextBuilder", "clean"]
