"""The time component: recognize, resolve and put times on ``doc.spans["times"]``."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span

from pipeline.extensions import TIMES
from pipeline.times import chinese, english
from pipeline.times.found import Found
from pipeline.times.resolve import resolve

_CJK = re.compile(r"[\u3400-\u9fff]")


def find_times(text: str, lang: str) -> list[Found]:
    """Time expressions of a text in ``lang``; Chinese text also gets English-format dates
    that stand between non-Chinese characters (citations such as ``Retrieved 27 November 2016``)."""
    if lang != "zh":
        return english.find_times(text)
    return list(_chinese_times(text))


@lru_cache(maxsize=4)
def _chinese_times(text: str) -> tuple[Found, ...]:
    """Found once per text: the jieba tokenizer protects these spans, then the tagger
    normalizes them (the items are never changed after recognition)."""
    found = chinese.find_times(text)
    taken = [(f.start, f.end) for f in found]
    for f in english.find_times(text):
        before = text[f.start - 1 : f.start]
        after = text[f.end : f.end + 1]
        if _CJK.match(before) or _CJK.match(after):
            continue
        if all(f.end <= a or f.start >= b for a, b in taken):
            found.append(f)
    return tuple(sorted(found, key=lambda f: f.start))


class TimeTagger:
    """Times with TIMEX3 values on ``span._.timex``; relative ones resolved in order."""

    def __call__(self, doc: Doc) -> Doc:
        found = find_times(doc.text, doc.lang_)
        sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        citations = doc._.citations or []
        sentence_of = [bisect_right(sent_starts, f.start) - 1 for f in found]
        cited = [any(a <= f.start < b for a, b in citations) for f in found]
        spans: list[Span] = []
        by_found: dict[int, Span] = {}
        for item in resolve(found, sentence_of, cited):
            span = doc.char_span(item.found.start, item.found.end, label=item.timex.type.value)
            if span is None:
                span = doc.char_span(
                    item.found.start,
                    item.found.end,
                    label=item.timex.type.value,
                    alignment_mode="expand",
                )
            if span is None:
                continue
            if (span.start_char, span.end_char) != (item.found.start, item.found.end):
                span._.chars = (item.found.start, item.found.end)  # token wider than the date
            span._.timex = item.timex
            span._.source = "rule"
            if item.anchor is not None and id(item.anchor) in by_found:
                anchor = by_found[id(item.anchor)]
                span._.anchor = anchor._.chars or (anchor.start_char, anchor.end_char)
            by_found[id(item.found)] = span
            spans.append(span)
        doc.spans[TIMES] = spans
        return doc
