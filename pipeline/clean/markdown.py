"""Clean pandoc / GFM markdown exports of Wikipedia.

Handles ``[text](url "wikilink")`` links (kept as text + entity hint), image
links (``"fig:…"`` titles, ``![…](…)``) and their ``\\]\\]`` residue,
``**bold**``, ``## headings`` (recorded as sections, left out of the text),
``[Category:…]`` links, list markers and stray ``^`` lines.
"""

from __future__ import annotations

import re

from pipeline.clean.builder import CleanText, TextBuilder
from pipeline.clean.common import (
    is_furniture,
    is_reference_section,
    keep_citation_text,
    keep_variants,
    page_target,
)

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d+\.)[ \t]+")
_FURNITURE_LINE = re.compile(r"^[\s^|:\-]*$")
_INLINE = re.compile(
    r"""
      (?P<image>!?\[(?P<itext>[^\]\n]*)\]\((?P<iurl>[^)\s]*)\s+"fig:[^"\n]*"\))
    | (?P<mdimage>!\[[^\]\n]*\]\([^)\n]*\))
    | (?P<link>\[(?P<text>(?:[^\[\]\n]|\\\[|\\\])*)\]
               \((?P<url>[^)\s]*)(?:\s+"(?P<title>[^"\n]*)")?\))
    | (?P<residue>(?:\\\]){2}|(?:\\\[){2})
    | (?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|"'$^~<>]))
    | (?P<emph>\*\*|__|`)
    | (?P<ref><ref[^>]*>.*?</ref>|<ref[^>]*/>)
    | (?P<tag></?[a-zA-Z][^>\n]*>)
    | (?P<mark>\[(?:\d{1,3}|citation\ needed)\])
    """,
    re.X,
)


def clean_markdown(raw: str) -> CleanText:
    b = TextBuilder(raw)
    in_refs = False
    for m in _LINE.finditer(raw):
        start, end = m.start(), m.end()
        if start == end:
            break
        line = raw[start:end].rstrip("\r\n")
        body_end = start + len(line)
        heading = _HEADING.match(line)
        if heading:
            title = heading.group(2).strip()
            b.section(title, len(heading.group(1)), start, body_end)
            was_refs, in_refs = in_refs, is_reference_section(title)
            b.paragraph(start)
            if in_refs and not was_refs:
                b.citations.append((len(b), -1))
            elif was_refs and not in_refs:
                _close_citations(b)
            continue
        if not line.strip():
            b.paragraph(start)
            continue
        if _FURNITURE_LINE.match(line):
            continue
        list_mark = _LIST_MARK.match(line)
        pos = start + (list_mark.end() if list_mark else 0)
        _inline(b, pos, body_end, in_refs)
        b.newline(body_end)
    if in_refs:
        _close_citations(b)
    return b.finish()


def _close_citations(b: TextBuilder) -> None:
    first, _ = b.citations[-1]
    b.citations[-1] = (first, len(b))


def _inline(b: TextBuilder, start: int, end: int, in_refs: bool) -> None:
    raw = b.raw
    plain = (lambda a, z: keep_citation_text(b, a, z)) if in_refs else b.keep

    def keep(a: int, z: int) -> None:
        keep_variants(b, a, z, plain)

    pos = start
    for m in _INLINE.finditer(raw, start, end):
        keep(pos, m.start())
        pos = m.end()
        kind = m.lastgroup
        if kind == "link":
            target = page_target(m.group("url"))
            text_start, text_end = m.start("text"), m.end("text")
            if is_furniture(target) or is_furniture(raw[text_start:text_end]):
                continue
            at = len(b)
            _inline(b, text_start, text_end, in_refs)
            if (m.group("title") or "") == "wikilink" or "/wiki/" in m.group("url"):
                b.link(at, target, m.start(), m.end())
        elif kind == "escape":
            b.keep(m.start("escaped"), m.end("escaped"))
        elif kind in ("image", "mdimage", "residue", "emph", "ref", "tag", "mark"):
            continue
    keep(pos, end)
