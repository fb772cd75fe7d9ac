"""An in-process sliding-window counter for cheap rate limits on hot paths."""

from __future__ import annotations

import threading
import time
from collections import deque


class SlidingWindow:
    """At most *limit* events per key in any *seconds*-long window."""

    def __init__(self, seconds: float, limit: int, max_keys: int = 100_000) -> None:
        self._seconds, self._limit, self._max_keys = seconds, limit, max_keys
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> bool:
        """Count one event for *key*; False (and not counted) when over the limit."""
        moment = time.monotonic() if now is None else now
        with self._lock:
            events = self._events.setdefault(key, deque())
            while events and events[0] <= moment - self._seconds:
                events.popleft()
            if len(events) >= self._limit:
                return False
            events.append(moment)
            if len(self._events) > self._max_keys:
                self._forget_idle(moment)
            return True

    def _forget_idle(self, moment: float) -> None:
        for key in [k for k, v in self._events.items() if not v or v[-1] <= moment - self._seconds]:
            del self._events[key]
