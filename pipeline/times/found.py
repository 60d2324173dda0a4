"""What the recognizers return: a span of text and how to normalize it."""

from __future__ import annotations

from dataclasses import dataclass

from models import TimeMod, TimeValue
from pipeline.times.values import Point


@dataclass
class Found:
    """A time expression at ``start:end`` of the text.

    Exactly one way of normalizing is set:
    - ``point`` (and ``end_point`` for an interval): calendar units; if a point lacks its
      year (``8月24日``, ``24 August``) the year comes from the reference date;
    - ``shift``: ``(amount, unit)`` from the reference date (``Four months later``);
    - ``same``: the reference at a unit (``the same year`` → ``("year", 0)``);
    - ``timex``: a value that needs nothing else (durations).
    """

    start: int
    end: int
    point: Point | None = None
    end_point: Point | None = None
    shift: tuple[int, str] | None = None
    same: tuple[str, int] | None = None
    timex: TimeValue | None = None
    mod: TimeMod | None = None

    @property
    def absolute(self) -> bool:
        return self.timex is not None or (
            self.point is not None
            and self.point.complete
            and (self.end_point is None or self.end_point.complete)
        )
