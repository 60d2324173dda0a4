"""A time limit per article, so that one pathological input cannot hang a batch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from pipeline.errors import MarkupError


@contextmanager
def time_limit(seconds: float, source: str, stage: str) -> Iterator[None]:
    """Raise :class:`MarkupError` naming ``source`` if the block runs longer than ``seconds``.

    Uses SIGALRM, so it works in the main thread of the process doing the work (the
    runner's own process and each worker of its pool); elsewhere it does nothing.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise MarkupError(
            f"took longer than {seconds:g} s in {stage} (setting article_timeout)",
            source=source,
            stage=stage,
        )

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
