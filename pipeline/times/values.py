"""TIMEX3 values and the calendar days they cover.

A :class:`Point` is one calendar unit (decade, year, season, month or day);
``to_timex`` turns a point, or two points as an interval, into a
:class:`models.TimeValue` with its first and last day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from dateutil.relativedelta import relativedelta

from models import TimeMod, TimeType, TimeValue

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class Point:
    """A calendar unit; the finest field set gives the granularity."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    decade: int | None = None  # 1930 for the 1930s

    @property
    def complete(self) -> bool:
        return self.year is not None or self.decade is not None

    def inherit(self, other: Point) -> Point:
        """Fill the missing coarser fields from ``other`` (May–September 1939)."""
        year = self.year if self.year is not None else other.year
        month = self.month
        if month is None and self.day is not None:
            month = other.month
        return replace(self, year=year, month=month)

    def value(self) -> str:
        if self.decade is not None and self.year is None:
            return f"{self.decade // 10}X"
        assert self.year is not None
        if self.season:
            return f"{self.year:04d}-{self.season}"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def bounds(self) -> tuple[date, date]:
        if self.decade is not None and self.year is None:
            return date(self.decade, 1, 1), date(self.decade + 9, 12, 31)
        assert self.year is not None
        y = self.year
        if self.season:
            first, last = SEASONS[self.season]
            end_year = y + 1 if last < first else y
            return date(y, first, 1), _month_end(end_year, last)
        if self.month is None:
            return date(y, 1, 1), date(y, 12, 31)
        if self.day is None:
            return date(y, self.month, 1), _month_end(y, self.month)
        day = date(y, self.month, self.day)
        return day, day

    def shift(self, amount: int, unit: str) -> Point:
        """The point ``amount`` units later (negative: earlier), at the unit's granularity."""
        start, _ = self.bounds()
        moved = start + relativedelta(**{f"{unit}s": amount})
        if unit == "year":
            return Point(year=moved.year)
        if unit == "month":
            return Point(year=moved.year, month=moved.month)
        if self.day is None and unit in ("day", "week", "hour"):
            # a day count from a month or year: the result is as coarse as the reference
            return Point(year=moved.year, month=moved.month if self.month else None)
        if unit == "hour":
            moved = start + relativedelta(days=int(amount / 24))
        return Point(year=moved.year, month=moved.month, day=moved.day)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def valid(point: Point) -> bool:
    try:
        point.bounds()
    except (ValueError, AssertionError):
        return False
    return True


def to_timex(
    start: Point,
    end: Point | None = None,
    *,
    mod: TimeMod | None = None,
    type_: TimeType = TimeType.DATE,
) -> TimeValue:
    """A TIMEX3 value for a point or an interval ``start/end``."""
    first, last = start.bounds()
    value = start.value()
    if end is not None and end != start:
        _, last = end.bounds()
        value = f"{value}/{end.value()}"
    return TimeValue(value=value, type=type_, mod=mod, start=first, end=last)


def duration(amount: int, unit: str) -> TimeValue:
    """A TIMEX3 DURATION such as ``P4M``."""
    code = {"year": "Y", "month": "M", "week": "W", "day": "D"}.get(unit)
    if code is None:
        return TimeValue(value=f"PT{amount}H", type=TimeType.DURATION)
    return TimeValue(value=f"P{amount}{code}", type=TimeType.DURATION)


_VALUE = re.compile(r"^(\d{3})X$|^(\d{4})(?:-(SP|SU|FA|WI)|-(\d{2})(?:-(\d{2}))?)?$")


def parse_value(value: str) -> tuple[date, date]:
    """First and last day of a TIMEX3 DATE value (or ``A/B`` interval); ValueError if not one."""
    if "/" in value:
        a, b = value.split("/", 1)
        return parse_value(a)[0], parse_value(b)[1]
    m = _VALUE.match(value)
    if not m:
        raise ValueError(f"not a TIMEX3 date value: {value!r}")
    if m.group(1):
        return Point(decade=int(m.group(1)) * 10).bounds()
    point = Point(
        year=int(m.group(2)),
        season=m.group(3),
        month=int(m.group(4)) if m.group(4) else None,
        day=int(m.group(5)) if m.group(5) else None,
    )
    return point.bounds()
