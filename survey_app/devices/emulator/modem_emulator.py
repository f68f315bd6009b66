"""A modem on a pseudo-terminal: echo (either style), answers from a profile, a drifting signal, faults on demand."""
from __future__ import annotations

import random
import threading
import time
from pathlib import Path

from survey_app.devices.emulator.profiles import PROFILES, Profile
from survey_app.devices.emulator.pty_device import PtyDevice


class ModemEmulator(PtyDevice):
    """Serve AT commands at `link` (a symlink to the pty slave) the way `profile`'s modem does."""

    def __init__(self, profile: Profile | str, link: Path | str, *, seed: int = 1):
        super().__init__(link)
        self.profile = PROFILES[profile] if isinstance(profile, str) else profile
        self._state_at = self.profile.state_maker(seed)
        self._t0 = time.monotonic()
        self._rng = random.Random(seed)
        self._inbuf = b""
        self.echo = self.profile.echo
        self.commands_seen: list[str] = []
        self.delay_s = 0.0          # slow answers
        self.cme_next = 0           # this many commands answer +CME ERROR
        self.cme_code = 100
        self.silent_next = 0        # this many commands get no answer at all
        self.garbage_next = 0       # this many answers are preceded by noise
        self.urc_after_ok: list[str] = []  # sent right after the next OK
        self.gnss_fix = True
        self.sim_present = True
        self.serving_cell = 0       # index into profile.cells (handover() changes it)
        self.overrides: dict[str, list[str]] = {}  # COMMAND -> answer lines instead of the profile's (bad input)
        self.fault_lock = threading.Lock()

    def on_plug(self) -> None:
        self._inbuf = b""
        self.echo = self.profile.echo

    def state(self):
        """The current drifting values (tests compare readings with them)."""
        st = self._state_at(time.monotonic() - self._t0)
        st.gnss_fix = self.gnss_fix
        st.cell = self.serving_cell
        return st

    def handover(self, cell: int) -> None:
        """Make another of the profile's cells the serving one (its neighbour lists change with it)."""
        if not 0 <= cell < max(1, len(self.profile.cells)):
            raise ValueError(f"profile {self.profile.name} has no cell {cell}")
        self.serving_cell = cell

    # -- faults ------------------------------------------------------------------------------------
    def send_urc(self, line: str) -> None:
        """An unsolicited line now."""
        self.write(b"\r\n" + line.encode() + b"\r\n")

    def inject_garbage(self, n: int = 24) -> None:
        """Line noise now."""
        self.write(bytes(self._rng.randrange(128, 256) for _ in range(n)) + b"\r\n")

    # -- serving -----------------------------------------------------------------------------------
    def on_data(self, data: bytes) -> None:
        self._inbuf += data
        while b"\r" in self._inbuf:
            raw, _sep, self._inbuf = self._inbuf.partition(b"\r")
            cmd = raw.replace(b"\n", b"").decode("ascii", errors="replace").strip()
            if cmd:
                self._answer(cmd)

    def _answer(self, cmd: str) -> None:
        self.commands_seen.append(cmd)
        del self.commands_seen[:-500]
        if self.echo:
            self.write(cmd.encode() + self.profile.echo_style)
        with self.fault_lock:
            silent = self.silent_next > 0
            self.silent_next -= 1 if silent else 0
            cme = self.cme_next > 0
            self.cme_next -= 1 if cme else 0
            garbage = self.garbage_next > 0
            self.garbage_next -= 1 if garbage else 0
        if silent:
            return
        if self.delay_s:
            time.sleep(self.delay_s)
        if garbage:
            self.inject_garbage()
        lines, final = self._respond(cmd)
        if cme:
            lines, final = [], f"+CME ERROR: {self.cme_code}"
        out = b"".join(b"\r\n" + ln.encode() + b"\r\n" for ln in lines) + b"\r\n" + final.encode() + b"\r\n"
        if final == "OK" and self.urc_after_ok:
            out += b"".join(b"\r\n" + u.encode() + b"\r\n" for u in self.urc_after_ok)
            self.urc_after_ok = []
        self.write(out)

    def _respond(self, cmd: str) -> tuple[list[str], str]:
        up = cmd.upper()
        p = self.profile
        if up == "AT" or up.startswith("AT+CMEE") or up.startswith("AT+COPS=3") or up.startswith("AT+UCGED="):
            return [], "OK"
        if up in ("ATE0", "ATE1"):
            self.echo = up == "ATE1"
            return [], "OK"
        if up == "ATI":
            return list(p.ati), "OK"
        if up in ("AT+CGMI", "AT+GMI"):
            return [p.manufacturer], "OK"
        if up in ("AT+CGMM", "AT+GMM"):
            return [p.model], "OK"
        if up in ("AT+CGMR", "AT+GMR"):
            return [p.revision], "OK"
        if up == "AT+CPIN?":
            return (["+CPIN: READY"], "OK") if self.sim_present else ([], "+CME ERROR: 10")
        if up in ("AT+CIMI", "AT+CCID", "AT+QCCID", "AT+CNUM"):
            return [], "+CME ERROR: 3"  # never asked by the app; answered so a probe cannot hang
        if up in self.overrides:
            return list(self.overrides[up]), "OK"
        handler = p.answers.get(up)
        if handler is None:
            return [], "ERROR"
        if not self.sim_present and up != "AT+QGPSLOC=2":
            return [], "+CME ERROR: 10"
        lines = handler(self.state())
        if lines and lines[0].startswith("+CME ERROR"):
            return [], lines[0]
        return lines, "OK"
