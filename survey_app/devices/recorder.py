"""Writes modem samples to signal_readings in batched transactions (a crash loses at most the last second)."""
from __future__ import annotations

import queue
import threading
import time
from pathlib import Path
from typing import Callable

from survey_app.devices.monitor import ModemSample
from survey_app.models.base import Position
from survey_app.storage.records import RecordContext

FLUSH_EVERY_S = 0.5  # commit at least this often, so a kill -9 loses under a second of readings


class SignalRecorder:
    """Buffers samples and commits them together; used from a single thread that owns its connection."""

    def __init__(self, db, ctx: RecordContext, *, session_id: str | None = None, unit_code: str | None = None,
                 position: Callable[[], Position | None] = lambda: None):
        self.db, self.ctx = db, ctx
        self.session_id, self.unit_code = session_id, unit_code
        self.position = position
        self._pending: list[dict] = []
        self._modems: dict[tuple, str] = {}
        self._last_flush = time.monotonic()
        self.written = 0

    def add(self, sample: ModemSample) -> None:
        """Queue one sample (with the latest position at this moment) and flush if a batch is due."""
        from survey_app.storage.signal import reading_row, upsert_modem

        ident = sample.identity
        key = (ident.manufacturer, ident.model, sample.port)
        if key not in self._modems:
            self._modems[key] = upsert_modem(self.db, self.ctx, manufacturer=ident.manufacturer, model=ident.model,
                                             revision=ident.revision, port=sample.port, dialect=ident.dialect)
        self._pending.append(reading_row(self.ctx, sample.reading, measured_at=sample.measured_at,
                                         registration=sample.registration, modem_id=self._modems[key],
                                         session_id=self.session_id, unit_code=self.unit_code,
                                         position=self.position()))
        self.flush_if_due()

    def flush_if_due(self) -> None:
        """Commit if the last commit is FLUSH_EVERY_S old."""
        if self._pending and time.monotonic() - self._last_flush >= FLUSH_EVERY_S:
            self.flush()

    def flush(self) -> int:
        """Commit everything buffered; returns how many rows."""
        from survey_app.storage.signal import insert_readings

        n = insert_readings(self.db, self._pending)
        self._pending = []
        self._last_flush = time.monotonic()
        self.written += n
        return n


class RecorderThread(threading.Thread):
    """A SignalRecorder on its own thread and connection, fed through a queue (the window uses this)."""

    def __init__(self, db_path: Path, ctx: RecordContext, *, session_id: str | None, unit_code: str | None,
                 position: Callable[[], Position | None]):
        super().__init__(name="signal-recorder", daemon=True)
        self.db_path, self.ctx = db_path, ctx
        self.session_id, self.unit_code, self.position = session_id, unit_code, position
        self.inbox: "queue.Queue[ModemSample | None]" = queue.Queue()
        self.written = 0
        self.error: Exception | None = None

    def run(self) -> None:
        from survey_app.storage.db import connect

        db = connect(self.db_path)
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
                self.written = rec.written + len(rec._pending)
        except Exception as exc:  # reported to the window; the samples already committed stay
            self.error = exc
        finally:
            try:
                rec.flush()
            except Exception as exc:
                self.error = self.error or exc
            self.written = rec.written
            db.close()

    def stop(self) -> None:
        """Flush and end (join() to wait)."""
        self.inbox.put(None)
