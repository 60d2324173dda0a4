"""Resolve relative and year-less expressions against the article's narrative date.

The reference date of a sentence is its first time expression (absolute or
resolved); a relative expression uses the reference of its own sentence if an
earlier expression there set one, else that of the latest sentence that had
one. "On April 5, 1945, … it expired on April 13, 1946. Four months later"
resolves against April 5, 1945, as a reader does. Citations never set it.
"""

from __future__ import annotations

from dataclasses import dataclass

from models import TimeValue
from pipeline.times.found import Found
from pipeline.times.values import Point, to_timex, valid


@dataclass
class Resolved:
    found: Found
    timex: TimeValue
    anchor: Found | None  # the expression the value was resolved from


def resolve(found: list[Found], sentence_of: list[int], citation: list[bool]) -> list[Resolved]:
    """Normalize ``found`` (in text order); drop what cannot be resolved."""
    out: list[Resolved] = []
    current_sentence = -1
    sentence_ref: tuple[Point, Found] | None = None
    previous_ref: tuple[Point, Found] | None = None
    for item, sentence, cited in zip(found, sentence_of, citation, strict=True):
        if sentence != current_sentence:
            if sentence_ref is not None:
                previous_ref = sentence_ref
            sentence_ref, current_sentence = None, sentence
        ref = sentence_ref or previous_ref
        resolved = _resolve_one(item, None if cited else ref)
        if resolved is None:
            continue
        out.append(resolved)
        point = _reference_point(item, resolved)
        if not cited and point is not None and sentence_ref is None:
            sentence_ref = (point, item)
    return out


def _resolve_one(item: Found, ref: tuple[Point, Found] | None) -> Resolved | None:
    if item.timex is not None:
        return Resolved(item, item.timex, None)
    if item.absolute and item.point is not None:
        return Resolved(item, to_timex(item.point, item.end_point, mod=item.mod), None)
    if ref is None:
        return None
    base, anchor = ref
    if item.point is not None:  # year-less: take the year from the reference
        start = item.point.inherit(base)
        end = item.end_point.inherit(start) if item.end_point else None
        if not start.complete or not valid(start) or (end is not None and not valid(end)):
            return None
        return Resolved(item, to_timex(start, end, mod=item.mod), anchor)
    if item.shift is not None:
        amount, unit = item.shift
        return Resolved(item, to_timex(base.shift(amount, unit), mod=item.mod), anchor)
    if item.same is not None:
        unit, offset = item.same
        return Resolved(item, to_timex(_coarsen(base, unit).shift(offset, unit)), anchor)
    return None


def _coarsen(point: Point, unit: str) -> Point:
    if unit == "year" or point.month is None:
        return Point(year=point.year)
    if unit == "month" or point.day is None:
        return Point(year=point.year, month=point.month)
    return Point(year=point.year, month=point.month, day=point.day)


def _reference_point(item: Found, resolved: Resolved) -> Point | None:
    """The point a later relative expression counts from: the start of this one."""
    if resolved.timex.type.value != "DATE" or resolved.timex.start is None:
        return None
    if item.point is not None and item.point.complete and item.point.decade is None:
        return item.point.inherit(item.end_point or item.point)
    value = resolved.timex.value.split("/")[0]
    parts = value.split("-")
    if not parts[0].isdigit():
        return None
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    day = int(parts[2]) if len(parts) > 2 else None
    return Point(year=year, month=month, day=day)
