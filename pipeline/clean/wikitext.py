"""Clean raw MediaWiki wikitext with mwparserfromhell.

The parse tree is walked with the raw offset of every node (``str(node)`` is
the exact source of the node), so each kept character maps back to the file.
Links keep their text and become entity hints; file, category and
interlanguage links, templates (but for a few that carry prose), references,
comments and magic words are dropped; headings become sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from pipeline.clean.builder import CleanText, TextBuilder
from pipeline.clean.common import (
    is_furniture,
    is_reference_section,
    keep_citation_text,
    keep_variants,
)

_DROP_TAGS = frozenset(
    [
        "ref",
        "references",
        "gallery",
        "math",
        "score",
        "timeline",
        "syntaxhighlight",
        "source",
        "imagemap",
        "templatedata",
        "includeonly",
        "graph",
        "mapframe",
        "maplink",
        "chem",
        "ce",
        "hiero",
    ]
)
_BLOCK_TAGS = frozenset(
    ["table", "tr", "td", "th", "caption", "li", "dd", "dt", "p", "div", "blockquote", "center"]
)
_MAGIC_WORD = re.compile(r"__[A-Z]+__")
_INTERLANG = re.compile(r"^:?[a-z]{2,3}(?:-[a-z]+)?:")
#: Templates whose parameter is prose: {{lang|xx|text}}, {{nihongo|English|漢字|romaji}} …
_PROSE_TEMPLATES: dict[str, int] = {
    "lang": 2,
    "nihongo": 1,
    "nowrap": 1,
    "nobr": 1,
    "linktext": 1,
    "small": 1,
    "小": 1,
}


@dataclass
class _State:
    in_refs: bool = False


#: Unmatched openers beyond which the markup is too broken to parse: mwparserfromhell's
#: tokenizer backtracks on each of them (3,000 unclosed ``{{`` take it 15 s, in C code that
#: no time limit can interrupt).
MAX_UNMATCHED = 50


def too_broken(raw: str) -> bool:
    return (
        raw.count("{{") - raw.count("}}") > MAX_UNMATCHED
        or raw.count("[[") - raw.count("]]") > MAX_UNMATCHED
    )


def clean_wikitext(raw: str) -> CleanText:
    if too_broken(raw):  # kept as plain text: slower parsing would not make it better
        from pipeline.clean.plain import clean_plain

        return clean_plain(raw)
    b = TextBuilder(raw)
    code = mwparserfromhell.parse(raw, skip_style_tags=False)
    state = _State()
    _walk(b, code, 0, state)
    if state.in_refs:
        b.citations[-1] = (b.citations[-1][0], len(b))
    return b.finish()


def _walk(b: TextBuilder, code: Wikicode, offset: int, state: _State) -> None:
    pos = offset
    for node in code.nodes:
        source = str(node)
        _node(b, node, source, pos, state)
        pos += len(source)


def _keep(b: TextBuilder, start: int, end: int, state: _State) -> None:
    if state.in_refs:
        keep_citation_text(b, start, end)
    else:
        b.keep(start, end)


def _node(b: TextBuilder, node: object, source: str, pos: int, state: _State) -> None:
    if isinstance(node, Text):
        last = 0

        def keep(a: int, z: int) -> None:
            _keep(b, a, z, state)

        for m in _MAGIC_WORD.finditer(source):
            keep_variants(b, pos + last, pos + m.start(), keep)
            last = m.end()
        keep_variants(b, pos + last, pos + len(source), keep)
    elif isinstance(node, Wikilink):
        _wikilink(b, node, pos, state)
    elif isinstance(node, Heading):
        _heading(b, node, source, pos, state)
    elif isinstance(node, Tag):
        _tag(b, node, source, pos, state)
    elif isinstance(node, Template):
        _template(b, node, pos, state)
    elif isinstance(node, HTMLEntity):
        b.put(node.normalize(), pos, pos + len(source))
    elif isinstance(node, ExternalLink):
        if node.brackets and node.title is not None:
            title_at = source.index(str(node.title), len(str(node.url)) + 1)
            _walk(b, node.title, pos + title_at, state)
    elif isinstance(node, Argument):
        if node.default is not None:
            _walk(b, node.default, pos + 3 + len(str(node.name)) + 1, state)
    elif isinstance(node, Comment):
        return


def _wikilink(b: TextBuilder, node: Wikilink, pos: int, state: _State) -> None:
    title = str(node.title)
    target = title.split("#", 1)[0].strip().replace("_", " ")
    if is_furniture(target) or _INTERLANG.match(target):
        return
    at = len(b)
    if node.text is not None:
        _walk(b, node.text, pos + 2 + len(title) + 1, state)
    else:
        _walk(b, node.title, pos + 2, state)
    if target:
        b.link(at, target[:1].upper() + target[1:], pos, pos + len(str(node)))


def _heading(b: TextBuilder, node: Heading, source: str, pos: int, state: _State) -> None:
    title = node.title.strip_code().strip()
    b.section(title, node.level, pos, pos + len(source.rstrip()))
    b.paragraph(pos)
    was_refs, state.in_refs = state.in_refs, is_reference_section(title)
    if state.in_refs and not was_refs:
        b.citations.append((len(b), -1))
    elif was_refs and not state.in_refs:
        b.citations[-1] = (b.citations[-1][0], len(b))


def _tag(b: TextBuilder, node: Tag, source: str, pos: int, state: _State) -> None:
    name = str(node.tag).strip().lower()
    if name in _DROP_TAGS:
        return
    if name == "br" or name == "hr":
        b.newline(pos)
        return
    if node.self_closing or node.contents is None:
        return
    contents = str(node.contents)
    if node.wiki_markup is not None:
        closing = node.closing_wiki_markup or ""
        inner = len(source) - len(contents) - len(closing)
    else:
        inner = source.index(">") + 1
    if name == "nowiki":
        _keep(b, pos + inner, pos + inner + len(contents), state)
        return
    block = name in _BLOCK_TAGS
    if block:
        b.newline(pos)
    _walk(b, node.contents, pos + inner, state)
    if block:
        b.newline(pos + len(source))


def _template(b: TextBuilder, node: Template, pos: int, state: _State) -> None:
    name = str(node.name).strip().lower()
    which = _PROSE_TEMPLATES.get(name)
    if which is None and name.startswith("lang-"):
        which = 1
    if which is None:
        return
    at = pos + 2 + len(str(node.name))
    for index, param in enumerate(node.params, start=1):
        at += 1  # the "|"
        if index == which and not param.showkey:
            _walk(b, param.value, at, state)
            return
        at += len(str(param))
