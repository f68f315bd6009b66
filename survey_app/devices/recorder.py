"""Writes modem samples to signal_readings in batched transactions (a crash loses at most the last second).

The recorder never dies quietly: while another writer holds the database, readings wait in memory and the
write is retried with backoff; `status()` tells the window the true state and how many readings wait. When
the database truly cannot be written (disk full, read-only, damaged) the state says so at once, and the
readings still wait in memory in case the cause goes away.
"""
from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from survey_app.devices.monitor import ModemSample
from survey_app.i18n import _
from survey_app.models.base import Position
from survey_app.clock import new_id
from survey_app.storage.driver import sqlite
from survey_app.storage.records import RecordContext

FLUSH_EVERY_S = 0.5  # commit at least this often, so a kill -9 loses under a second of readings
RETRY_FIRST_S = 0.25  # backoff while the database is busy: 0.25, 0.5, 1, 2, 2, ... s
RETRY_MAX_S = 2.0
BUSY_TIMEOUT_MS = 500  # one attempt waits this long for the lock, so the state is reported promptly
MAX_WAITING = 500_000  # readings kept in memory (2 modems at 10 Hz for almost 7 hours)

STATE_WRITING = "writing"
STATE_WAITING = "waiting"  # the database is busy (another writer): retrying
STATE_FAILED = "failed"    # the database cannot be written: `message` says why


@dataclass(frozen=True)
class RecorderStatus:
    """What the recorder is doing: state, readings stored, readings waiting in memory, and why."""

    state: str
    written: int = 0
    waiting: int = 0
    lost: int = 0
    message: str = ""


def _busy(exc: sqlite.Error) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite.OperationalError) and ("locked" in text or "busy" in text)


class SignalRecorder:
    """Buffers samples and commits them together; used from a single thread that owns its connection."""

    def __init__(self, db, ctx: RecordContext, *, session_id: str | None = None, unit_code: str | None = None,
                 position: Callable[[], Position | None] = lambda: None, clock: Callable[[], float] = time.monotonic):
        self.db, self.ctx = db, ctx
        self.session_id, self.unit_code = session_id, unit_code
        self.position = position
        self.clock = clock
        self._pending: list[dict] = []
        self._modems: dict[tuple, str] = {}       # (manufacturer, model, port) -> modem id its readings carry
        self._new_modems: list[dict] = []         # first seen since the last commit
        self._changes: list[dict] = []  # the handover log: serving-cell changes, written with the readings
        self._cells: dict[tuple, tuple | None] = {}
        self._last_summary: dict[tuple, dict] = {}
        self.new_changes: list[dict] = []  # those the last add() noted, for the caller to show (the CLI prints them)
        self.changes_seen = 0
        self._last_flush = clock()
        self._next_try = 0.0
        self._delay = RETRY_FIRST_S
        self.written = 0
        self.lost = 0
        self._state, self._message = STATE_WRITING, ""

    def add(self, sample: ModemSample) -> None:
        """Queue one sample (with the position that is fresh at this moment) and flush if a batch is due."""
        from survey_app.storage.signal import reading_row

        ident = sample.identity
        key = (ident.manufacturer, ident.model, sample.port)
        if key not in self._modems:
            self._modems[key] = new_id()
            self._new_modems.append({"manufacturer": ident.manufacturer, "model": ident.model,
                                     "revision": ident.revision, "port": sample.port, "dialect": ident.dialect,
                                     "new_id": self._modems[key]})
        if len(self._pending) >= MAX_WAITING:  # hours without a writable database: drop the oldest tenth
            drop = MAX_WAITING // 10
            del self._pending[:drop]
            self.lost += drop
        position = self.position()
        self._pending.append(reading_row(self.ctx, sample.reading, measured_at=sample.measured_at,
                                         registration=sample.registration, modem_id=self._modems[key],
                                         session_id=self.session_id, unit_code=self.unit_code,
                                         position=position))
        self._note_cell_change(key, sample, position)
        self.flush_if_due()

    def _note_cell_change(self, key: tuple, sample: ModemSample, position: Position | None) -> None:
        """A row of the handover log when this modem's serving cell differs from its previous reading's."""
        from survey_app.devices import cells
        from survey_app.storage.signal import cell_change_row

        after = cells.identity(sample.reading)
        summary = cells.cell_summary(sample.reading)
        kind = cells.change_kind(self._cells[key], after) if key in self._cells else None
        self.new_changes = []
        if kind is not None:
            if len(self._changes) >= MAX_WAITING // 10:  # as readings: the oldest go first
                del self._changes[:len(self._changes) // 10 or 1]
            self._changes.append(cell_change_row(
                self.ctx, kind, self._last_summary[key], summary, measured_at=sample.measured_at,
                modem_id=self._modems[key], session_id=self.session_id, unit_code=self.unit_code,
                position=position))
            self.new_changes.append(self._changes[-1])
            self.changes_seen += 1
        self._cells[key], self._last_summary[key] = after, summary

    def flush_if_due(self) -> None:
        """Commit if the last commit is FLUSH_EVERY_S old (and no retry is being waited for)."""
        now = self.clock()
        if (self._pending or self._changes) and now - self._last_flush >= FLUSH_EVERY_S and now >= self._next_try:
            self.flush()

    def flush(self) -> int:
        """Try to commit everything buffered; returns how many rows were written (0 when it must wait)."""
        from survey_app.storage.signal import store_batch

        if not self._pending and not self._new_modems and not self._changes:
            return 0
        rows, changes = list(self._pending), list(self._changes)
        try:
            store_batch(self.db, self.ctx, self._new_modems, rows, changes)
        except sqlite.Error as exc:
            self._retry_later(exc)
            return 0
        del self._pending[:len(rows)]
        del self._changes[:len(changes)]
        self._new_modems = []
        self._last_flush = self.clock()
        self._delay, self._next_try = RETRY_FIRST_S, 0.0
        self._state, self._message = STATE_WRITING, ""
        self.written += len(rows)
        return len(rows)

    def _retry_later(self, exc: sqlite.Error) -> None:
        # (store_batch's transaction was rolled back already; the rows stay in memory)
        if _busy(exc):
            self._state = STATE_WAITING
            self._message = _("The database is busy (another program is writing); {n} readings wait in memory "
                              "and are written as soon as it is free.").format(n=len(self._pending))
        else:
            self._state = STATE_FAILED
            self._message = _("Readings cannot be written to the database ({reason}); {n} wait in memory. Free "
                              "disk space or check the data folder, and keep the app open.").format(
                reason=exc, n=len(self._pending))
        self._next_try = self.clock() + self._delay
        self._delay = min(self._delay * 2, RETRY_MAX_S)

    def status(self) -> RecorderStatus:
        """The true state now."""
        return RecorderStatus(self._state, self.written, len(self._pending), self.lost, self._message)


class RecorderThread(threading.Thread):
    """A SignalRecorder on its own thread and connection, fed through a queue (the window uses this)."""

    def __init__(self, db_path: Path, ctx: RecordContext, *, session_id: str | None, unit_code: str | None,
                 position: Callable[[], Position | None], stop_grace_s: float = 8.0):
        super().__init__(name="signal-recorder", daemon=True)
        self.db_path, self.ctx = db_path, ctx
        self.session_id, self.unit_code, self.position = session_id, unit_code, position
        self.stop_grace_s = stop_grace_s
        self.inbox: "queue.Queue[ModemSample | None]" = queue.Queue()
        self.written = 0
        self.error: Exception | None = None
        self._status = RecorderStatus(STATE_WRITING)

    def status(self) -> RecorderStatus:
        """The recorder's latest state (readings still in the inbox count as waiting)."""
        s = self._status
        return RecorderStatus(s.state, s.written, s.waiting + self.inbox.qsize(), s.lost, s.message)

    def run(self) -> None:
        from survey_app.storage.db import connect

        try:
            db = connect(self.db_path, busy_timeout_ms=BUSY_TIMEOUT_MS)
        except sqlite.Error as exc:
            self.error = exc
            self._status = RecorderStatus(STATE_FAILED, message=_("The database cannot be opened ({reason}).").format(
                reason=exc))
            return
        rec = SignalRecorder(db, self.ctx, session_id=self.session_id, unit_code=self.unit_code,
                             position=self.position)
        try:
            while True:
                try:
                    item = self.inbox.get(timeout=FLUSH_EVERY_S / 2)
                except queue.Empty:
                    item = ...
                if item is None:
                    break
                if isinstance(item, ModemSample):
                    rec.add(item)
                rec.flush_if_due()
                self._publish(rec)
            self._drain_on_stop(rec)
        except Exception as exc:  # a bug, not the database: reported, never silent
            self.error = exc
            self._status = RecorderStatus(STATE_FAILED, rec.written, len(rec._pending), rec.lost, str(exc))
        finally:
            db.close()

    def _publish(self, rec: SignalRecorder) -> None:
        self._status = rec.status()
        self.written = rec.written

    def _drain_on_stop(self, rec: SignalRecorder) -> None:
        """Stop: keep trying to write what waits for a few seconds, then say what could not be kept."""
        deadline = time.monotonic() + self.stop_grace_s
        while rec.status().waiting and time.monotonic() < deadline:
            if not rec.flush():
                time.sleep(min(RETRY_FIRST_S, max(0.0, deadline - time.monotonic())))
        self._publish(rec)
        left = rec.status().waiting
        if left:
            rec.lost += left
            self.error = RuntimeError(_("{n} readings could not be written before logging stopped.").format(n=left))
            self._status = RecorderStatus(STATE_FAILED, rec.written, 0, rec.lost, str(self.error))

    def stop(self) -> None:
        """Flush and end (join() to wait)."""
        self.inbox.put(None)
