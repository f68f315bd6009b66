"""Storage's change announcements, from any thread or another process, as one Qt signal on the GUI thread.

Every write path in storage announces the tables it changed once they are committed (storage/changes.py); the
bridge queues that news to the GUI thread, gathers what arrives within a moment and emits
`AppContext.records_changed(table)` once per table, which every view follows instead of reloading when it is
shown. Writes by another process (the CLI while the window is open) are not announced in this process: a cheap
`PRAGMA data_version` poll sees them and emits `records_changed("")`, "something changed, look again".
"""
from __future__ import annotations

import logging

from survey_app.qt.qt import QObject, QTimer, Signal, is_alive
from survey_app.storage import changes

log = logging.getLogger(__name__)
ANY_TABLE = ""


def affects(table: str, *names: str) -> bool:
    """Whether a `records_changed(table)` may concern any of `names` ("" means it may concern every table)."""
    return table == ANY_TABLE or table in names


class StorageBridge(QObject):
    """Owned by the AppContext: subscribes to storage's changes and polls for other processes' writes."""

    _heard = Signal(object, bool)   # tables, written through the GUI thread's own connection

    def __init__(self, ctx, *, coalesce_ms: int = 120, poll_ms: int = 1000) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self._pending: set[str] = set()
        self._closed = False
        self._foreign_write = False   # another connection of this process wrote since the last poll
        self._version = self._data_version()
        self._flush_timer = QTimer(self, singleShot=True, interval=coalesce_ms)
        self._flush_timer.timeout.connect(self._flush)
        self._heard.connect(self._on_heard)
        self._poll_timer = QTimer(self, interval=poll_ms)
        self._poll_timer.timeout.connect(self._poll)
        self._poll_timer.start()
        self._unsubscribe = changes.subscribe(self._on_storage_changed)

    def close(self) -> None:
        """Stop listening (the context is closing)."""
        self._unsubscribe()
        self._poll_timer.stop()
        self._flush_timer.stop()
        self._pending.clear()
        self._closed = True

    def _on_storage_changed(self, tables: frozenset, conn) -> None:
        # Runs on the writer's thread: only hand the news on (a queued signal when that is not the GUI thread).
        if is_alive(self):
            self._heard.emit(tables, conn is self.ctx.conn)

    def _on_heard(self, tables: frozenset, own: bool) -> None:
        if self._closed:   # news queued before close() arrives after it
            return
        if not own:
            self._foreign_write = True
        self._pending |= tables
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush(self) -> None:
        tables, self._pending = sorted(self._pending), set()
        for table in tables:
            self.ctx.records_changed.emit(table)

    def _data_version(self) -> int | None:
        from survey_app.storage.db import data_version
        from survey_app.storage.driver import sqlite

        try:
            return data_version(self.ctx.conn)
        except sqlite.Error as exc:   # a closed connection at shutdown
            log.debug("data_version: %s", exc)
            return None

    def _poll(self) -> None:
        version = self._data_version()
        if version is not None and version != self._version and not self._foreign_write:
            self._pending.add(ANY_TABLE)
            self._flush_timer.start()
        self._version = version
        self._foreign_write = False
