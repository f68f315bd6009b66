"""An NMEA 0183 GPS receiver on a pseudo-terminal: GGA/RMC/GSA once a second around a point in Huế."""
from __future__ import annotations

import math
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from survey_app.devices.emulator.pty_device import PtyDevice


def nmea_checksum(body: str) -> str:
    """XOR of the characters between '$' and '*', as two hex digits."""
    c = 0
    for ch in body:
        c ^= ord(ch)
    return f"{c:02X}"


def sentence(body: str, *, bad_checksum: bool = False) -> str:
    """'$body*CS' (with a wrong checksum on request)."""
    cs = nmea_checksum(body)
    if bad_checksum:
        cs = f"{(int(cs, 16) ^ 0x5A):02X}"
    return f"${body}*{cs}"


def _dm(value: float, lat: bool) -> tuple[str, str]:
    hemi = ("N" if value >= 0 else "S") if lat else ("E" if value >= 0 else "W")
    value = abs(value)
    deg = int(value)
    minutes = (value - deg) * 60
    return (f"{deg:02d}{minutes:07.4f}" if lat else f"{deg:03d}{minutes:07.4f}"), hemi


class NmeaEmulator(PtyDevice):
    """Sends a fix (or no fix) every `period_s`; faults: bad checksums, lost fix, unplug."""

    def __init__(self, link: Path | str, *, lat: float = 16.4637, lon: float = 107.5909, period_s: float = 1.0,
                 track: Callable[[float], tuple[float, float]] | None = None):
        super().__init__(link)
        self.lat0, self.lon0, self.period_s = lat, lon, period_s
        self.track = track  # t -> (lat, lon): where the receiver is t seconds after start (tests move it)
        self.has_fix = True
        self.bad_checksum_next = 0
        self.bad_every = 0  # when > 0, every n-th sentence has a wrong checksum
        self.hdop = 0.9
        self.satellites = 9
        self._last = 0.0
        self._t0 = time.monotonic()
        self.sent = 0

    def position(self, t: float) -> tuple[float, float]:
        """Where the emulated receiver is t seconds after start (its track, else a slow walk)."""
        if self.track is not None:
            return self.track(t)
        return self.lat0 + 0.0003 * math.sin(t / 60), self.lon0 + 0.0003 * math.cos(t / 60)

    def motion(self, t: float) -> tuple[float, float]:
        """(speed over ground in knots, course in degrees) from where the receiver was a second earlier."""
        (la0, lo0), (la1, lo1) = self.position(max(0.0, t - 1.0)), self.position(t)
        dy = (la1 - la0) * 111_195.0
        dx = (lo1 - lo0) * 111_195.0 * math.cos(math.radians(la1))
        speed_mps = math.hypot(dx, dy) / min(1.0, max(t, 1e-3))
        return speed_mps / 0.514444, (math.degrees(math.atan2(dx, dy)) + 360) % 360

    def tick(self) -> None:
        now = time.monotonic()
        if now - self._last < self.period_s:
            return
        self._last = now
        lat, lon = self.position(now - self._t0)
        knots, course = self.motion(now - self._t0)
        utc = datetime.now(timezone.utc)
        hms = utc.strftime("%H%M%S") + ".00"
        dmy = utc.strftime("%d%m%y")
        la, lh = _dm(lat, True)
        lo, oh = _dm(lon, False)
        if self.has_fix:
            gga = f"GPGGA,{hms},{la},{lh},{lo},{oh},1,{self.satellites:02d},{self.hdop:.1f},12.0,M,0.0,M,,"
            rmc = f"GPRMC,{hms},A,{la},{lh},{lo},{oh},{knots:.1f},{course:.1f},{dmy},,,A"
            gsa = f"GPGSA,A,3,04,05,09,12,17,20,24,25,28,,,,1.8,{self.hdop:.1f},1.5"
        else:
            gga = f"GPGGA,{hms},,,,,0,00,99.9,,M,,M,,"
            rmc = f"GPRMC,{hms},V,,,,,,,{dmy},,,N"
            gsa = "GPGSA,A,1,,,,,,,,,,,,,99.9,99.9,99.9"
        out = []
        for body in (gga, rmc, gsa):
            bad = self.bad_checksum_next > 0 or (self.bad_every > 0 and (self.sent + len(out)) % self.bad_every == 0)
            if self.bad_checksum_next > 0:
                self.bad_checksum_next -= 1
            out.append(sentence(body, bad_checksum=bad))
        self.write(("\r\n".join(out) + "\r\n").encode())
        self.sent += 3
