"""Helpers for the producer/consumer threads of sync and bundle import."""
from __future__ import annotations

import queue
import threading


def put_unless_stopped(q: queue.Queue, item, stop: threading.Event, poll_s: float = 0.1) -> bool:
    """Put `item` on a bounded queue, waiting for room; False (item dropped) once `stop` is set."""
    while not stop.is_set():
        try:
            q.put(item, timeout=poll_s)
            return True
        except queue.Full:
            continue
    return False
