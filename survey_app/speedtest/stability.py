"""When a throughput phase may stop early: its reading has held still (Ookla's "stable stop" idea).

Ookla's engine ends a direction once its running estimate stops changing, Cloudflare's once a request takes
long enough to be representative; both save data and time on a steady link. Here: after the warm-up and at
least MIN_MEASURED_S of kept samples, the phase ends when the running estimate (bytes since the warm-up over
the time since) has moved by less than STABLE_RANGE of itself during the last STABLE_WINDOW_S. A link whose
rate keeps changing runs to the phase's maximum duration instead.
"""
from __future__ import annotations

from collections import deque

STABLE_WINDOW_S = 2.0
STABLE_RANGE = 0.01  # max - min of the estimate within the window, relative to the estimate
MIN_MEASURED_S = 3.0


class StableStop:
    """Feed it the phase's cumulative (t, bytes) samples; `update` says when the reading is stable."""

    def __init__(self, warmup_s: float, *, window_s: float = STABLE_WINDOW_S, rel_range: float = STABLE_RANGE,
                 min_measured_s: float = MIN_MEASURED_S):
        self.warmup_s, self.window_s, self.rel_range, self.min_measured_s = warmup_s, window_s, rel_range, \
            min_measured_s
        self._start: tuple[float, int] | None = None
        self._estimates: deque[tuple[float, float]] = deque()

    def update(self, t: float, total: int) -> bool:
        """Add a sample; True when the phase can end now."""
        if t < self.warmup_s:
            return False
        if self._start is None:
            self._start = (t, total)
            return False
        t0, b0 = self._start
        if t - t0 <= 0:
            return False
        estimate = (total - b0) / (t - t0)
        self._estimates.append((t, estimate))
        while self._estimates and self._estimates[0][0] < t - self.window_s:
            self._estimates.popleft()
        if t - t0 < self.min_measured_s or estimate <= 0:
            return False
        values = [e for _t, e in self._estimates]
        return (max(values) - min(values)) <= self.rel_range * estimate
