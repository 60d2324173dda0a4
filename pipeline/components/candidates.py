"""Entity candidates from several sources, resolved into non-overlapping spans.

Each source proposes ``Candidate`` spans with a priority (Chinese link anchors,
then rules and links over the statistical model, longer over shorter); ``resolve`` keeps the best
non-overlapping set. A candidate marked ``nested`` (the place inside
"Battle of Lake Khasan") is kept inside a kept span of another label.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

#: Priorities of sources: a higher one wins an overlap.
PRIORITY = {"anchor": 5, "infobox": 4, "rule": 3, "link": 2, "lexicon": 2, "model": 1}


@dataclass(frozen=True)
class Candidate:
    start: int  # token index
    end: int
    label: str
    source: str
    nested: bool = False

    @property
    def rank(self) -> tuple[int, int, int]:
        return (PRIORITY.get(self.source, 0), self.end - self.start, -self.start)


def resolve(doc: Doc, candidates: list[Candidate]) -> list[Span]:
    """Best non-overlapping candidates, plus nested ones inside a kept span."""
    kept: list[Candidate] = []
    taken = [False] * len(doc)
    for c in sorted((c for c in candidates if not c.nested), key=lambda c: c.rank, reverse=True):
        if c.end <= c.start or any(taken[c.start : c.end]):
            continue
        kept.append(c)
        for i in range(c.start, c.end):
            taken[i] = True
    outer = list(kept)
    for c in candidates:
        if c.nested and any(
            o.start <= c.start and c.end <= o.end and o.label != c.label for o in outer
        ):
            kept.append(c)
    spans = []
    for c in sorted(set(kept), key=lambda c: (c.start, c.end, c.label)):
        span = Span(doc, c.start, c.end, label=c.label)
        span._.source = c.source
        spans.append(span)
    return spans
