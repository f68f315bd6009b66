"""Owns the modem and GPS threads of the window and hands their results to the GUI thread as Qt signals."""
from __future__ import annotations

import queue

from survey_app.qt.qt import QObject, QTimer, Signal

from survey_app.devices.monitor import GpsMonitor, GpsUpdate, ModemMonitor, ModemSample, ModemStatus
from survey_app.devices.position import PositionHolder
from survey_app.devices.recorder import RecorderStatus, RecorderThread


class SignalBridge(QObject):
    """One core thread per serial port (ModemMonitor / GpsMonitor); a 10 Hz timer drains their queue."""

    samples_received = Signal(list)     # every ModemSample of one drain, in order (one call per tick)
    status_changed = Signal(object)     # ModemStatus
    gps_updated = Signal(object)        # GpsUpdate

    def __init__(self, parent: QObject | None = None, *, drain_ms: int = 100) -> None:
        super().__init__(parent)
        self.events: queue.Queue = queue.Queue()
        self.modems: dict[str, ModemMonitor] = {}
        self.gps: GpsMonitor | None = None
        self.recorder: RecorderThread | None = None
        self.position = PositionHolder()  # a fix older than POSITION_MAX_AGE_S is never attached
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._drain)
        self._timer.start(drain_ms)

    # -- devices ---------------------------------------------------------------------------------
    def start_modem(self, port: str, interval_s: float, *, read_gnss: bool = False) -> None:
        """Start polling a port (nothing happens if it is already polled)."""
        if port in self.modems:
            return
        m = ModemMonitor(port, self.events, interval_s=interval_s, read_gnss=read_gnss)
        self.modems[port] = m
        m.start()

    def stop_modem(self, port: str) -> None:
        """Stop polling a port (its thread ends after the current command)."""
        m = self.modems.pop(port, None)
        if m:
            m.stop()

    def set_interval(self, interval_s: float) -> None:
        """Change every modem's polling interval."""
        for m in self.modems.values():
            m.set_interval(interval_s)

    def start_gps(self, port: str) -> None:
        """Read an NMEA receiver on `port` (replacing the previous one)."""
        if self.gps and self.gps.port == port:
            return
        self.stop_gps()
        self.gps = GpsMonitor(port, self.events)
        self.gps.start()

    def stop_gps(self) -> None:
        """Stop reading the GPS."""
        if self.gps:
            self.gps.stop()
            self.gps = None

    # -- logging ---------------------------------------------------------------------------------
    def start_logging(self, db_path, record_ctx, *, session_id: str, unit_code: str) -> None:
        """Store every following sample (with the latest position) into the session, in batches."""
        self.stop_logging()
        self.recorder = RecorderThread(db_path, record_ctx, session_id=session_id, unit_code=unit_code,
                                       position=self.position.current)
        self.recorder.start()

    def stop_logging(self) -> int:
        """Flush and stop storing; returns how many readings were stored."""
        rec, self.recorder = self.recorder, None
        if rec is None:
            return 0
        rec.stop()
        rec.join(10)
        return rec.written

    @property
    def logged(self) -> int:
        """Readings stored since logging started."""
        return self.recorder.written if self.recorder else 0

    def recorder_status(self) -> RecorderStatus | None:
        """The recorder's true state (writing, waiting for a busy database, failed), None when not logging."""
        return self.recorder.status() if self.recorder else None

    # -- plumbing --------------------------------------------------------------------------------
    def _drain(self) -> None:
        batch: list[ModemSample] = []
        try:
            self._drain_into(batch)
        finally:
            if batch:
                self.samples_received.emit(batch)

    def _drain_into(self, batch: list) -> None:
        for _ in range(500):  # bounded per tick so a flood cannot freeze the window
            try:
                ev = self.events.get_nowait()
            except queue.Empty:
                return
            if isinstance(ev, ModemSample):
                if self.recorder is not None and ev.port in self.modems:
                    self.recorder.inbox.put(ev)
                batch.append(ev)
            elif isinstance(ev, ModemStatus):
                self.status_changed.emit(ev)
            elif isinstance(ev, GpsUpdate):
                if ev.fix is not None and ev.fix.position is not None:
                    self.position.set(ev.fix.position)
                elif ev.state in ("no_fix", "unplugged"):
                    self.position.set(None)
                self.gps_updated.emit(ev)

    def shutdown(self) -> None:
        """Stop every thread and flush the recorder (window closing)."""
        self._timer.stop()
        self.stop_logging()
        for port in list(self.modems):
            m = self.modems.pop(port)
            m.stop()
            m.join(5)
        if self.gps:
            self.gps.stop()
            self.gps.join(5)
            self.gps = None
