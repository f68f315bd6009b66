"""What changed in the database: storage's write paths call `changed(db, table, ...)`; listeners hear it once
the write is committed (the window turns it into one Qt signal that every view follows).

A change made inside `db.atomic()` is held until the outermost COMMIT (and dropped on ROLLBACK), so a listener
that reads at once never sees the data before it is there. Listeners run on the writer's thread and must only
hand the news on (the window's bridge queues it to the GUI thread). Writes by other processes (the CLI while the
window is open) are not seen here; the window's bridge notices them through PRAGMA data_version.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

log = logging.getLogger(__name__)

Listener = Callable[[frozenset, object], None]   # (tables, the connection that wrote them)
_listeners: list[Listener] = []
_lock = threading.Lock()


def subscribe(listener: Listener) -> Callable[[], None]:
    """Call `listener(tables, conn)` after every committed change; returns the function that unsubscribes."""
    with _lock:
        _listeners.append(listener)

    def unsubscribe() -> None:
        with _lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return unsubscribe


def changed(db, *tables: str) -> None:
    """Tell the listeners that `tables` changed through `db` (now, or at the COMMIT of its open transaction)."""
    if not tables:
        return
    conn = getattr(db, "conn", db)
    pending = getattr(db, "pending_changes", None)
    if pending is not None and conn.in_transaction:
        pending.update(tables)
        return
    _emit(frozenset(tables), conn)


def committed(db) -> None:
    """The outermost transaction of `db` committed: announce what it changed."""
    pending = getattr(db, "pending_changes", None)
    if pending:
        tables = frozenset(pending)
        pending.clear()
        _emit(tables, db.conn)


def rolled_back(db) -> None:
    """The outermost transaction of `db` was rolled back: nothing it announced happened."""
    pending = getattr(db, "pending_changes", None)
    if pending:
        pending.clear()


def _emit(tables: frozenset, conn) -> None:
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(tables, conn)
        except Exception:   # a listener must never undo or fail the write that was just committed
            log.exception("change listener failed")
