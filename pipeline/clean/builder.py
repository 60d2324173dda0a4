"""Build clean text piece by piece while remembering where each character came from."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

from models import Section

#: Characters that never reach the clean text: BOM, zero-width and bidi controls,
#: C0/C1 controls other than tab and newline.
_INVISIBLE = re.compile(
    "[\ufeff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


@dataclass(frozen=True)
class LinkHint:
    """A wiki link: the anchor text as written and the page it points to."""

    surface: str
    target: str
    clean_start: int
    clean_end: int
    raw_start: int
    raw_end: int


@dataclass
class CleanText:
    """Plain text with, for character ``i``, the raw span ``starts[i]:ends[i]`` it came from."""

    text: str
    starts: array
    ends: array
    links: list[LinkHint] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    infobox: dict[str, str] = field(default_factory=dict)
    citations: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    infobox_range: tuple[int, int] | None = None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the clean span ``start:end`` (``end`` exclusive)."""
        if end <= start:
            at = (
                self.starts[start]
                if start < len(self.starts)
                else (self.ends[-1] if len(self.ends) else 0)
            )
            return at, at
        return self.starts[start], self.ends[end - 1]

    def in_citation(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.citations)


class TextBuilder:
    """Append raw slices (kept verbatim) or replacements (mapped to a raw span)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._parts: list[str] = []
        self._len = 0
        self.starts = array("q")
        self.ends = array("q")
        self.sections: list[Section] = []
        self.infobox: dict[str, str] = {}
        self.citations: list[tuple[int, int]] = []
        self.infobox_range: tuple[int, int] | None = None
        self._tail = "\n\n"  # the last two characters appended
        self._links: list[tuple[int, int, str, int, int]] = []

    def __len__(self) -> int:
        return self._len

    def keep(self, start: int, end: int) -> None:
        """Append ``raw[start:end]`` as it is, minus invisible characters; CR becomes LF."""
        piece = self.raw[start:end]
        if not piece:
            return
        if _INVISIBLE.search(piece) is None and "\r" not in piece:
            self._append(piece, range(start, end), range(start + 1, end + 1))
            return
        for i, ch in enumerate(piece, start):
            if ch == "\r":
                if self.raw[i + 1 : i + 2] == "\n":
                    continue
                ch = "\n"
            elif _INVISIBLE.match(ch):
                continue
            self._append(ch, (i,), (i + 1,))

    def put(self, text: str, start: int, end: int) -> None:
        """Append ``text`` standing for the raw span ``start:end`` (an entity, a separator)."""
        if text:
            n = len(text)
            self._append(text, [start] * n, [end] * n)

    def newline(self, at: int) -> None:
        """End the current line, unless it is already ended."""
        if self._tail[-1] != "\n":
            self.put("\n", at, at)

    def paragraph(self, at: int) -> None:
        """Leave one blank line, unless there is one already."""
        self.newline(at)
        if self._tail != "\n\n":
            self.put("\n", at, at)

    def space(self, at: int) -> None:
        if self._tail[-1] not in " \n":
            self.put(" ", at, at)

    def link(self, surface_start: int, target: str, raw_start: int, raw_end: int) -> None:
        """Record that the clean text from ``surface_start`` to here is a link to ``target``."""
        if self._len > surface_start and target:
            self._links.append((surface_start, self._len, target, raw_start, raw_end))

    def section(self, title: str, level: int, start: int, end: int) -> None:
        self.sections.append(Section(title=title, level=level, start=start, end=end))

    def finish(self, title: str | None = None) -> CleanText:
        text = "".join(self._parts)
        links = [
            LinkHint(text[a:b], target, a, b, rs, re_) for a, b, target, rs, re_ in self._links
        ]
        return CleanText(
            text,
            self.starts,
            self.ends,
            links,
            self.sections,
            self.infobox,
            self.citations,
            title,
            self.infobox_range,
        )

    def _append(self, text: str, starts: object, ends: object) -> None:
        self._parts.append(text)
        self._len += len(text)
        self.starts.extend(starts)  # type: ignore[arg-type]
        self.ends.extend(ends)  # type: ignore[arg-type]
        self._tail = (self._tail + text)[-2:]
