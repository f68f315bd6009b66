"""An AT command channel that owns one serial port: echo either way, final results, URCs aside, resync, reopen.

Not thread-safe on purpose: exactly one owner thread (a ModemMonitor, or the CLI) makes every call.
"""
from __future__ import annotations

import collections
import re
import time
from dataclasses import dataclass, field

import serial

from survey_app.errors import UserError
from survey_app.i18n import _

FINAL_OK = "OK"
_FINAL_ERR = re.compile(r"^(ERROR|\+CME ERROR:\s*(.*)|\+CMS ERROR:\s*(.*)|NO CARRIER|COMMAND NOT SUPPORT|TOO MANY PARAMETERS)$",
                        re.IGNORECASE)
# Lines a modem sends on its own; they are routed aside unless they answer the command being run.
_URC = re.compile(r"^(RING|RDY|\+CRING|\+CLIP|\+CMTI|\+CDSI|\+CREG|\+CGREG|\+CEREG|\+C5GREG|\+CGEV|\+CUSD|\+CTZV|\+CTZE|"
                  r"\+CIEV|\+PACSP|\+CPIN|\+CFUN|\+QIND|\+QUSIM|\+QSTAT|\+QNETDEVSTATUS|\^BOOT|\^RSSI|\^HCSQ|\^MODE|"
                  r"\^SRVST|\^SIMST|\^DSFLOWRPT|\^NDISSTAT|\^SYSINFOEX|\^CEND|\^ORIG|\^CONF|\^CONN|\^RFSWITCH|"
                  r"\+CPSI|\+UUPSDA|\+UUSORD|\+UCGED|\*PSUTTZ|DST|SMS DONE|PB DONE|\+SIMCARD|\+CSQN|\+QGPSURC)\b",
                  re.IGNORECASE)


class AtError(Exception):
    """The modem answered ERROR, +CME ERROR or +CMS ERROR."""

    def __init__(self, command: str, text: str, cme: int | None = None, cms: int | None = None):
        super().__init__(f"{command}: {text}")
        self.command, self.text, self.cme, self.cms = command, text, cme, cms


class AtTimeout(Exception):
    """No final result within the time allowed."""


class PortGone(Exception):
    """The port disappeared (unplugged) or failed; the channel is closed and may be reopened."""


class PortUnavailable(UserError):
    """The port cannot be opened (missing, busy, no permission); the message says which, `kind` too."""

    def __init__(self, message: str, kind: str = "other"):
        super().__init__(message)
        self.kind = kind  # 'missing' | 'busy' | 'permission' | 'other'


@dataclass
class AtResponse:
    """The information lines of an answer (echo, URCs and the final result removed)."""

    command: str
    lines: list[str] = field(default_factory=list)
    elapsed_s: float = 0.0

    @property
    def text(self) -> str:
        """The lines joined with newlines (what parsers take)."""
        return "\n".join(self.lines)


def expected_prefix(command: str) -> str | None:
    """'AT+CSQ' -> '+CSQ', 'AT^HCSQ?' -> '^HCSQ', 'AT!GSTATUS?' -> '!GSTATUS', 'ATI' -> None."""
    m = re.match(r"^AT([+^!$#*][A-Za-z0-9]+)", command.strip(), re.IGNORECASE)
    return m.group(1).upper() if m else None


def _is_garbage(line: str) -> bool:
    if "\ufffd" in line:
        return True
    printable = sum(1 for ch in line if 32 <= ord(ch) < 127 or ch == "\t")
    return printable < len(line)


class AtChannel:
    """AT commands over one serial port (a device path, a symlink or a pyserial URL such as loop://)."""

    def __init__(self, port: str, *, baudrate: int = 115200, timeout_s: float = 3.0, exclusive: bool = True):
        self.port = port
        self.baudrate = baudrate
        self.timeout_s = timeout_s
        self.exclusive = exclusive
        self.urcs: collections.deque[str] = collections.deque(maxlen=200)
        self.garbage_lines = 0
        self.timeouts = 0
        self._ser: serial.SerialBase | None = None
        self._buf = b""
        self._lines: collections.deque[str] = collections.deque()
        self._needs_resync = False

    # -- opening -----------------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        """Whether the port is open."""
        return self._ser is not None

    def open(self) -> None:
        """Open the port, or raise PortUnavailable with the reason in the user's language."""
        self.close()
        try:
            kwargs = {"baudrate": self.baudrate, "timeout": 0.05, "write_timeout": 2.0}
            if self.exclusive and "://" not in self.port:
                kwargs["exclusive"] = True
            self._ser = serial.serial_for_url(self.port, **kwargs)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise PortUnavailable(*self._open_error(exc)) from exc
        self._buf, self._needs_resync = b"", False
        self._lines.clear()

    def _open_error(self, exc: Exception) -> tuple[str, str]:
        text = str(exc)
        low = text.lower()
        if "no such file" in low or "could not open port" in low and "errno 2" in low:
            return _("Port {port} does not exist (is the device plugged in?).").format(port=self.port), "missing"
        if "busy" in low or "lock" in low or "errno 16" in low or "errno 11" in low:
            return _("Port {port} is in use by another program (ModemManager, a terminal?). Close it and retry.").format(
                port=self.port), "busy"
        if "permission" in low or "errno 13" in low:
            return _("No permission to open {port}; add your user to the dialout group.").format(port=self.port), \
                "permission"
        return _("Cannot open port {port}: {reason}").format(port=self.port, reason=text), "other"

    def close(self) -> None:
        """Close the port (safe to call twice)."""
        ser, self._ser = self._ser, None
        if ser is not None:
            try:
                ser.close()
            except (serial.SerialException, OSError):
                pass

    # -- reading lines -------------------------------------------------------------------------------
    def _fill(self, wait_s: float) -> None:
        """Read what the port has (waiting up to wait_s for the first byte) and split it into lines."""
        if self._ser is None:
            raise PortGone(self.port)
        try:
            self._ser.timeout = max(0.0, wait_s)
            n = self._ser.in_waiting
            data = self._ser.read(n if n else 1)
            if data:
                more = self._ser.in_waiting
                if more:
                    data += self._ser.read(more)
        except (serial.SerialException, OSError, TypeError, AttributeError) as exc:
            self.close()
            raise PortGone(f"{self.port}: {exc}") from exc
        if not data:
            return
        self._buf += data
        parts = re.split(rb"[\r\n]+", self._buf)
        self._buf = parts.pop()  # an unfinished line stays until its end arrives
        if len(self._buf) > 8192:  # a runaway line without an end: drop it as noise
            self._buf = b""
            self.garbage_lines += 1
        for raw in parts:
            if raw.strip():
                self._lines.append(raw.decode("ascii", errors="replace").strip())

    def _next_line(self, deadline: float) -> str | None:
        while not self._lines:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self._fill(min(left, 0.1))
        return self._lines.popleft()

    def drain(self) -> None:
        """Route whatever arrived unasked (URCs, late answers, noise) aside."""
        self._fill(0)
        while self._lines:
            line = self._lines.popleft()
            if _is_garbage(line):
                self.garbage_lines += 1
            elif line.upper() not in ("OK", "ERROR"):
                self.urcs.append(line)

    # -- commands ------------------------------------------------------------------------------------
    def command(self, cmd: str, timeout_s: float | None = None) -> AtResponse:
        """Send one command and return its answer; AtError on ERROR/+CME/+CMS, AtTimeout, PortGone."""
        if self._ser is None:
            raise PortGone(self.port)
        if self._needs_resync:
            self.resync()
        self.drain()
        start = time.monotonic()
        try:
            self._ser.write(cmd.encode("ascii") + b"\r")
        except (serial.SerialException, OSError) as exc:
            self.close()
            raise PortGone(f"{self.port}: {exc}") from exc
        deadline = start + (timeout_s or self.timeout_s)
        prefix = expected_prefix(cmd)
        resp = AtResponse(cmd)
        echo_seen = False
        while True:
            line = self._next_line(deadline)
            if line is None:
                self.timeouts += 1
                self._needs_resync = True
                self.urcs.extend(resp.lines)  # text that never got a final result (e.g. NMEA on a GPS port)
                raise AtTimeout(_("{port}: no answer to {command} within {s:.0f} s").format(
                    port=self.port, command=cmd, s=timeout_s or self.timeout_s))
            if _is_garbage(line):
                self.garbage_lines += 1
                continue
            if not echo_seen and line.upper() == cmd.upper():
                echo_seen = True
                continue
            if line == FINAL_OK:
                resp.elapsed_s = time.monotonic() - start
                return resp
            m = _FINAL_ERR.match(line)
            if m:
                raise AtError(cmd, line, cme=_code(m.group(2)), cms=_code(m.group(3)))
            if prefix and line.upper().startswith(prefix + ":"):
                resp.lines.append(line)
            elif _URC.match(line):
                self.urcs.append(line)
            else:
                resp.lines.append(line)

    def resync(self, attempts: int = 3) -> bool:
        """After noise or a timeout: send bare AT until an OK comes back; False if it never does."""
        self._needs_resync = False
        for _i in range(attempts):
            try:
                self.drain()
                self._ser.write(b"\rAT\r")
            except (serial.SerialException, OSError, AttributeError) as exc:
                self.close()
                raise PortGone(f"{self.port}: {exc}") from exc
            deadline = time.monotonic() + 1.0
            while True:
                line = self._next_line(deadline)
                if line is None:
                    break
                if line == FINAL_OK:
                    # a late answer's OK may come first: let the rest of the echoes settle, then drop them
                    settle = time.monotonic() + 0.3
                    while self._next_line(settle) is not None:
                        pass
                    self._lines.clear()
                    return True
        self._needs_resync = True
        return False

    def take_urcs(self) -> list[str]:
        """The unsolicited lines collected so far (and forget them)."""
        out = list(self.urcs)
        self.urcs.clear()
        return out


def _code(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.strip()
    return int(text) if text.isdigit() else None
