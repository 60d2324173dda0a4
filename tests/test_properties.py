"""Property-based tests (hypothesis) on the cleaner, for every format.

Whatever the markup, broken or not: the offset map is monotonic, every clean
character maps into the raw text, and a character kept verbatim is the raw one.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import Format
from pipeline.clean import clean

PIECES = [
    "[[",
    "]]",
    "{{",
    "}}",
    "|",
    "'''",
    "''",
    "<ref>",
    "</ref>",
    "<ref name=a/>",
    "==",
    "\n",
    "{|",
    "|}",
    "|-",
    "[",
    "]",
    "(",
    ")",
    '"wikilink")',
    "](https://zh.wikipedia.org/wiki/",
    "**",
    "## ",
    "  - ",
    "\\]\\]",
    "-{",
    "}-",
    "zh-hant:",
    ";",
    "File:",
    "Category:",
    "&amp;",
    "&#931;",
    "<!--",
    "-->",
    "<br/>",
    "^",
    "\r\n",
    "\r",
    "\u200b",
    "\ufeff",
    "\x00",
    "Soviet Union",
    "蘇聯",
    "1939年",
    "Wiki",
    "See also",
    "(ja)",
    " jiken?)",
    "•",
]
markup = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=markup, fmt=st.sampled_from(list(Format)))
def test_offset_map_is_monotonic_and_points_into_raw(raw: str, fmt: Format) -> None:
    cleaned = clean(raw, fmt)
    assert len(cleaned.starts) == len(cleaned.ends) == len(cleaned.text)
    previous = -1
    for i, ch in enumerate(cleaned.text):
        start, end = cleaned.starts[i], cleaned.ends[i]
        assert 0 <= start <= end <= len(raw)
        assert start >= previous
        previous = start
        if end - start == 1 and ch not in "\n ":
            assert raw[start] == ch
    for link in cleaned.links:
        a, b = cleaned.raw_span(link.clean_start, link.clean_end)
        assert 0 <= a <= b <= len(raw)
    for a, b in cleaned.citations:
        assert 0 <= a <= b <= len(cleaned.text)
