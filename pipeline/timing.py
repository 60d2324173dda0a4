"""Time and size per stage, accumulated over a run (what ``eventalign bench`` reports)."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

STAGES = ("read", "clean", "script", "segment", "extract", "store", "align")


@dataclass
class StageTimer:
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started

    def add(self, seconds: dict[str, float]) -> None:
        for name, value in seconds.items():
            self.seconds[name] += value


@contextmanager
def maybe(timer: StageTimer | None, name: str) -> Iterator[None]:
    if timer is None:
        yield
    else:
        with timer.stage(name):
            yield
