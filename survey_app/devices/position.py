"""The latest position, handed out only while it is fresh: a lost fix or an unplugged receiver is never
attached to a new reading, speed test or interview."""
from __future__ import annotations

import time
from typing import Callable

from survey_app.models.base import Position

# A GPS or modem fix older than this (seconds since it was received) is not attached to a new record.
# Receivers report about once a second; 5 s allows a few missed sentences, not a walk down the street.
POSITION_MAX_AGE_S = 5.0


class PositionHolder:
    """Thread-safe holder of the latest fix and when it arrived (a position typed in by hand does not age)."""

    def __init__(self, max_age_s: float = POSITION_MAX_AGE_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age_s = max_age_s
        self._clock = clock
        self._latest: tuple[Position | None, float] = (None, 0.0)  # one tuple: read and replaced atomically

    def set(self, position: Position | None) -> None:
        """A new fix (None: the fix was lost)."""
        self._latest = (position, self._clock())

    def current(self) -> Position | None:
        """The position if it is fresh enough to attach now, else None."""
        position, received = self._latest
        if position is None:
            return None
        if position.source == "manual" or self._clock() - received <= self.max_age_s:
            return position
        return None
