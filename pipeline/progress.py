"""Progress of a run: a tqdm bar on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from tqdm import tqdm


class Progress:
    """Counts articles done and failed; shows articles/s and ETA."""

    def __init__(self, total: int, *, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.failed = 0
        self.done = 0
        self.enabled = enabled
        self._bar: tqdm | None = None
        self._started = time.monotonic()
        self._last_log = 0.0
        if enabled and total and self.stream.isatty():
            self._bar = tqdm(total=total, unit="article", file=self.stream, dynamic_ncols=True)

    def advance(self, *, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        if self._bar is not None:
            self._bar.set_postfix(failed=self.failed, refresh=False)
            self._bar.update(1)
        elif self.enabled:
            now = time.monotonic()
            if now - self._last_log >= 5 or self.done == self.total:
                self._last_log = now
                rate = self.done / max(now - self._started, 1e-9)
                eta = (self.total - self.done) / rate if rate else 0.0
                print(
                    f"eventalign: {self.done}/{self.total} articles, {rate:.1f}/s, "
                    f"ETA {eta:.0f}s, {self.failed} failed",
                    file=self.stream,
                    flush=True,
                )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
