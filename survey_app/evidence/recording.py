"""Recording a passport around a running speed test: the generator wrapper, and the device threads that feed it
outside the window (the CLI, tests and benchmarks; the window feeds it from its own modem and GPS bridges)."""
from __future__ import annotations

import queue
import threading
from collections.abc import Generator

from survey_app.evidence.passport import Passport, PassportRecorder

PASSPORT_POLL_S = 1.0  # the modem is read once a second during a test: one record per second
READY_TIMEOUT_S = 6.0  # a test waits this long at most for the first modem reading and position


def run_with_passport(gen: Generator, recorder: PassportRecorder) -> Generator:
    """Yield the speed test's progress while recording; returns (SpeedTestResult, Passport)."""
    recorder.start()
    try:
        while True:
            try:
                progress = next(gen)
            except StopIteration as stop:
                result = stop.value
                break
            recorder.progress(progress)
            yield progress
    finally:
        passport: Passport = recorder.stop()
    return result, passport


class DeviceFeed:
    """A modem monitor (polled every second) and a GPS monitor feeding a PassportRecorder from a pump thread."""

    def __init__(self, recorder: PassportRecorder, *, modem_port: str | None = None, gps_port: str | None = None,
                 interval_s: float = PASSPORT_POLL_S, timeout_s: float = 2.0):
        from survey_app.devices.monitor import GpsMonitor, ModemMonitor

        self.recorder = recorder
        self.events: queue.Queue = queue.Queue()
        self.monitors: list = []
        if modem_port:
            self.monitors.append(ModemMonitor(modem_port, self.events, interval_s=interval_s, timeout_s=timeout_s,
                                              read_gnss=not gps_port, min_interval_s=interval_s))
        if gps_port:
            self.monitors.append(GpsMonitor(gps_port, self.events))
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._wants = (bool(modem_port), bool(gps_port or modem_port))  # a modem may give the position (GNSS)
        self._pump = threading.Thread(target=self._run, name="passport-feed", daemon=True)

    def start(self) -> "DeviceFeed":
        """Start the device threads and the pump."""
        for m in self.monitors:
            m.start()
        if not self.monitors:
            self._ready.set()
        self._pump.start()
        return self

    def wait_ready(self, timeout_s: float = READY_TIMEOUT_S, cancel: threading.Event | None = None) -> bool:
        """Wait until the first modem reading and position have arrived (the passport covers the test from its
        first second), at most `timeout_s`; False when a device did not answer in time (the test still runs)."""
        for _ in range(max(1, int(timeout_s / 0.1))):
            if self._ready.wait(0.1) or (cancel is not None and cancel.is_set()):
                break
        return self._ready.is_set()

    def stop(self) -> None:
        """Stop the device threads (and forward what they already read)."""
        for m in self.monitors:
            m.stop()
        for m in self.monitors:
            m.join(5)
        self._stop.set()
        self._pump.join(5)

    def _run(self) -> None:
        from survey_app.devices.monitor import GpsUpdate, ModemSample, ModemStatus

        while not (self._stop.is_set() and self.events.empty()):
            try:
                ev = self.events.get(timeout=0.2)
            except queue.Empty:
                continue
            if isinstance(ev, ModemSample):
                self.recorder.feed_modem(ev)
            elif isinstance(ev, GpsUpdate):
                self.recorder.feed_gps(ev.fix)
            elif isinstance(ev, ModemStatus) and ev.state in ("no_answer", "unplugged", "no_sim", "no_service"):
                self.recorder.feed_status(f"modem_{ev.state}", ev.message)
            heard = self.recorder.heard
            if all(h or not w for h, w in zip(heard, self._wants)):
                self._ready.set()
