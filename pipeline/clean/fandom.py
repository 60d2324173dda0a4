"""Clean plain-text exports of fandom wiki pages.

Such an export starts with the wiki's name (``Military Wiki``) and the page
title, then the flattened infobox (``File:`` lines, captions, ``Label value``
lines), the prose with its short section headings, and ends with a licence
footer. Infobox lines stay in the text, one per line; the fields are recorded.
Citation marks (``[1]``), language markers (``(ja)``) and the romanization
left by the ``nihongo`` template (``(哈爾哈廟事件 Haruhabyō jiken?)``) are
removed; the original-script name is kept.
"""

from __future__ import annotations

import re

from pipeline.clean.builder import CleanText, TextBuilder
from pipeline.clean.common import CITATION_MARK, is_reference_section, keep_citation_text

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_FOOTER = re.compile(r"This page uses Creative Commons Licensed content from \w+")
_FILE_LINE = re.compile(r"^\s*(?:File|Image):\S", re.I)
_BULLET = re.compile(r"^\s*[•·*\-]\s+")
_INLINE = re.compile(
    r"(?P<mark>" + CITATION_MARK.pattern + r")"
    r"|(?P<lang>(?<=\))\s?\([a-z]{2,3}\))"
    r"|(?P<nihongo>\((?P<native>[^()\n]*?[\u3040-\u30ff\u3400-\u9fff][^()\n]*?)"
    r"\s(?P<roman>[^()\n?]+)\?\))"
)
#: Infobox labels that stand alone on a line, or begin one (``Result …``).
INFOBOX_LABELS = (
    "Date",
    "Location",
    "Result",
    "Territorial changes",
    "Belligerents",
    "Commanders and leaders",
    "Strength",
    "Casualties and losses",
    "Units involved",
    "Born",
    "Died",
    "Place of birth",
    "Place of death",
    "Allegiance",
    "Years of service",
    "Rank",
    "Battles/wars",
    "Awards",
    "Capital",
    "Government",
    "Status",
)
_LABEL_LINE = re.compile(r"^(" + "|".join(re.escape(x) for x in INFOBOX_LABELS) + r")(?:\s+(.*))?$")


def clean_fandom(raw: str) -> CleanText:
    b = TextBuilder(raw)
    lines = [
        (m.start(), m.start() + len(m.group().rstrip("\r\n")))
        for m in _LINE.finditer(raw)
        if m.start() != m.end()
    ]
    texts = [raw[a:z] for a, z in lines]
    i = _skip_header(b, texts, lines)
    i = _infobox(b, texts, lines, i)
    _body(b, texts, lines, i)
    return b.finish(title=b.sections[0].title if b.sections else None)


def _skip_header(b: TextBuilder, texts: list[str], lines: list[tuple[int, int]]) -> int:
    """Drop the wiki's name line; record the title line as the level-1 section."""
    i = 0
    if texts and texts[0].strip().lstrip("\ufeff").endswith(" Wiki"):
        i = 1
    if i < len(texts) and texts[i].strip():
        b.section(texts[i].strip(), 1, *lines[i])
        i += 1
    return i


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 12 and line.rstrip()[-1:] in ".!?:;)\"'"


def _infobox(b: TextBuilder, texts: list[str], lines: list[tuple[int, int]], i: int) -> int:
    """Keep infobox lines one per line up to the first prose paragraph; record the fields."""
    label: str | None = None
    first = len(b)
    while i < len(texts) and not _is_prose(texts[i]):
        text, (start, end) = texts[i], lines[i]
        i += 1
        stripped = text.strip()
        if not stripped or _FILE_LINE.match(text):
            continue
        m = _LABEL_LINE.match(stripped)
        if m:
            label = m.group(1)
            if m.group(2):
                b.infobox[label] = m.group(2)
                pos = start + text.index(m.group(2), len(label))
                _inline(b, pos, end, False)
                b.newline(end)
            continue
        if label:
            previous = b.infobox.get(label)
            b.infobox[label] = f"{previous}\n{stripped}" if previous else stripped
        bullet = _BULLET.match(text)
        lead = len(text) - len(text.lstrip())
        _inline(b, start + (bullet.end() if bullet else lead), end, False)
        b.newline(end)
    if len(b) > first:
        b.infobox_range = (first, len(b))
    b.paragraph(lines[i][0] if i < len(lines) else len(b.raw))
    return i


def _body(b: TextBuilder, texts: list[str], lines: list[tuple[int, int]], i: int) -> None:
    in_refs = False
    n = len(texts)
    for j in range(i, n):
        text, (start, end) = texts[j], lines[j]
        stripped = text.strip()
        if not stripped:
            b.paragraph(start)
            continue
        if _FOOTER.search(text):
            continue
        blank_before = j == 0 or not texts[j - 1].strip()
        blank_after = j + 1 >= n or not texts[j + 1].strip()
        if blank_before and blank_after and _is_heading(stripped):
            b.section(stripped, 2, start, end)
            was_refs, in_refs = in_refs, is_reference_section(stripped)
            if in_refs and not was_refs:
                b.citations.append((len(b), -1))
            elif was_refs and not in_refs:
                b.citations[-1] = (b.citations[-1][0], len(b))
            continue
        bullet = _BULLET.match(text)
        lead = len(text) - len(text.lstrip())
        _inline(b, start + (bullet.end() if bullet else lead), end, in_refs)
        b.newline(end)
    if in_refs:
        b.citations[-1] = (b.citations[-1][0], len(b))


def _is_heading(line: str) -> bool:
    return (
        len(line) <= 80
        and len(line.split()) <= 10
        and line[-1] not in ".,;:!?)\"'"
        and not _BULLET.match(line)
        and line[0].isupper()
    )


def _inline(b: TextBuilder, start: int, end: int, in_refs: bool) -> None:
    raw = b.raw
    keep = (lambda a, z: keep_citation_text(b, a, z)) if in_refs else b.keep
    pos = start
    for m in _INLINE.finditer(raw, start, end):
        if m.lastgroup == "nihongo":
            keep(pos, m.end("native"))
            b.keep(m.end() - 1, m.end())  # the closing parenthesis
        else:
            keep(pos, m.start())
        pos = m.end()
    keep(pos, end)
