"""Owner threads: one per serial port, making every pyserial call; results go out as dataclasses on a queue."""
from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field

from survey_app.devices.at_channel import AtChannel, AtError, AtTimeout, PortGone, PortUnavailable
from survey_app.devices.dialects import identify, make_dialect
from survey_app.devices.gps import GpsFix, NmeaDecoder, position_from_qgpsloc
from survey_app.devices.parsers.common import ParseError
from survey_app.devices.reading import ModemIdentity, SignalReading
from survey_app.i18n import _
from survey_app.clock import utc_now

MIN_INTERVAL_S, MAX_INTERVAL_S = 0.5, 60.0
RETRY_OPEN_S = 0.5  # how often a missing port is looked for again (logging resumes well within 5 s)


@dataclass
class ModemStatus:
    """A change of a modem's state: 'connecting', 'connected', 'unplugged', 'busy', 'no_answer', 'no_sim', ..."""

    port: str
    state: str
    message: str
    identity: ModemIdentity | None = None


@dataclass
class ModemSample:
    """One reading taken from one port, with when it was taken."""

    port: str
    measured_at: str
    reading: SignalReading
    identity: ModemIdentity
    registration: str | None = None
    failures: list[str] = field(default_factory=list)
    monotonic: float = 0.0


@dataclass
class GpsUpdate:
    """The GPS receiver's latest fix (position None without a fix) or its status."""

    port: str
    fix: GpsFix | None
    state: str
    message: str = ""


def clamp_interval(interval_s: float, minimum: float = MIN_INTERVAL_S) -> float:
    """The polling interval within 0.5-60 s (benchmarks may lower the minimum)."""
    return min(MAX_INTERVAL_S, max(minimum, float(interval_s)))


class ModemMonitor(threading.Thread):
    """Open, identify and poll one modem port until stopped; survives unplugging, garbage and timeouts."""

    def __init__(self, port: str, out: "queue.Queue", *, interval_s: float = 5.0, usb_vid: str | None = None,
                 read_gnss: bool = False, timeout_s: float = 3.0, min_interval_s: float = MIN_INTERVAL_S):
        super().__init__(name=f"modem:{port}", daemon=True)
        self.port, self.out, self.usb_vid = port, out, usb_vid
        self.min_interval_s = min_interval_s
        self.interval_s = clamp_interval(interval_s, min_interval_s)
        self.read_gnss = read_gnss
        self.timeout_s = timeout_s
        self.stop_event = threading.Event()
        self.identity: ModemIdentity | None = None
        self.samples = 0
        self._state = ""
        self._gnss_at = 0.0

    def stop(self) -> None:
        """Ask the thread to finish (join() to wait)."""
        self.stop_event.set()

    def set_interval(self, interval_s: float) -> None:
        """Change the polling interval (0.5-60 s)."""
        self.interval_s = clamp_interval(interval_s, self.min_interval_s)

    def _status(self, state: str, message: str) -> None:
        if state != self._state:
            self._state = state
            self.out.put(ModemStatus(self.port, state, message, self.identity))

    def run(self) -> None:
        ch = AtChannel(self.port, timeout_s=self.timeout_s)
        try:
            while not self.stop_event.is_set():
                try:
                    ch.open()
                except PortUnavailable as exc:
                    self._status("busy" if exc.kind == "busy" else "unplugged", str(exc))
                    self.stop_event.wait(RETRY_OPEN_S)
                    continue
                try:
                    self._session(ch)
                except PortGone:
                    self._status("unplugged", _("Modem on {port} was unplugged; waiting for it to return.").format(
                        port=self.port))
                except AtTimeout:
                    self._status("no_answer", _("{port} does not answer AT commands (not a modem, or busy).").format(
                        port=self.port))
                    self.stop_event.wait(2.0)
                finally:
                    ch.close()
        finally:
            ch.close()

    def _session(self, ch: AtChannel) -> None:
        self._status("connecting", _("Identifying the modem on {port}...").format(port=self.port))
        if not ch.resync():
            raise AtTimeout(self.port)
        self.identity = identify(ch, self.usb_vid)
        dialect = make_dialect(self.identity.dialect)
        dialect.setup(ch)
        try:
            ch.command("AT+CPIN?")
            self._status("connected", _("{modem} on {port}").format(modem=self.identity.label(), port=self.port))
        except AtError:
            self._status("no_sim", _("{modem} on {port}: no SIM card.").format(modem=self.identity.label(),
                                                                            port=self.port))
        next_at = time.monotonic()
        while not self.stop_event.is_set():
            outcome = dialect.read(ch, self.identity)
            if outcome.sim == "absent":
                self._status("no_sim", _("{modem} on {port}: no SIM card.").format(modem=self.identity.label(),
                                                                                port=self.port))
            elif outcome.reading.has_signal() or outcome.reading.technology:
                self._status("connected", _("{modem} on {port}").format(modem=self.identity.label(), port=self.port))
            elif outcome.registration in ("searching", "none", "denied"):
                self._status("no_service", _("{modem} on {port}: no service.").format(modem=self.identity.label(),
                                                                                   port=self.port))
            self.samples += 1
            self.out.put(ModemSample(self.port, utc_now(), outcome.reading, self.identity, outcome.registration,
                                     outcome.failures, time.monotonic()))
            if self.read_gnss and self.identity.dialect == "quectel" and time.monotonic() - self._gnss_at >= 1.0:
                self._gnss_at = time.monotonic()  # a position once a second is plenty, whatever the poll rate
                self._gnss(ch)
            next_at += self.interval_s
            delay = next_at - time.monotonic()
            if delay < 0:  # fell behind (slow modem): do not burst to catch up
                next_at, delay = time.monotonic(), 0
            if self.stop_event.wait(delay):
                return

    def _gnss(self, ch: AtChannel) -> None:
        try:
            text = ch.command("AT+QGPSLOC=2").text
            pos = position_from_qgpsloc(text)
        except AtError as exc:
            pos = None if exc.cme == 516 else False
        except ParseError:
            pos = False
        if pos is False:
            return
        fix = GpsFix(position=pos, fix_quality=1 if pos else 0)
        self.out.put(GpsUpdate(self.port, fix, "fix" if pos else "no_fix"))


class GpsMonitor(threading.Thread):
    """Read an NMEA receiver on one port; reports at most once a second, and on plug/unplug."""

    def __init__(self, port: str, out: "queue.Queue", *, baudrate: int = 9600, report_s: float = 1.0):
        super().__init__(name=f"gps:{port}", daemon=True)
        self.port, self.out, self.baudrate, self.report_s = port, out, baudrate, report_s
        self.stop_event = threading.Event()
        self.decoder = NmeaDecoder()
        self._state = ""

    def stop(self) -> None:
        """Ask the thread to finish."""
        self.stop_event.set()

    def _status(self, state: str, message: str) -> None:
        if state != self._state:
            self._state = state
            self.out.put(GpsUpdate(self.port, None if state != "fix" else self.decoder.fix, state, message))

    def run(self) -> None:
        import serial

        while not self.stop_event.is_set():
            try:
                ser = serial.serial_for_url(self.port, baudrate=self.baudrate, timeout=0.2)
            except (serial.SerialException, OSError, ValueError):
                self._status("unplugged", _("GPS on {port} is not connected; waiting for it.").format(port=self.port))
                self.stop_event.wait(RETRY_OPEN_S)
                continue
            self._status("connected", _("GPS on {port}: waiting for a fix.").format(port=self.port))
            last_report, buf = 0.0, b""
            try:
                while not self.stop_event.is_set():
                    data = ser.read(ser.in_waiting or 1)
                    buf += data
                    *lines, buf = buf.split(b"\n")
                    if len(buf) > 4096:
                        buf = b""
                    for raw in lines:
                        self.decoder.feed(raw.decode("ascii", errors="replace"))
                    now = time.monotonic()
                    if lines and now - last_report >= self.report_s:
                        last_report = now
                        fix = self.decoder.fix
                        state = "fix" if fix.position else "no_fix"
                        self._state = state
                        self.out.put(GpsUpdate(self.port, GpsFix(**vars(fix)), state))
            except (serial.SerialException, OSError, TypeError, AttributeError):
                self._status("unplugged", _("GPS on {port} was unplugged; waiting for it to return.").format(
                    port=self.port))
            finally:
                try:
                    ser.close()
                except (serial.SerialException, OSError):
                    pass
