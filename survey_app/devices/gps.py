"""GPS: NMEA 0183 sentences (GGA, RMC, GSA via pynmea2), Quectel modem GNSS, or a position typed in."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time as dtime, timezone

import pynmea2

from survey_app.devices.parsers.common import ParseError
from survey_app.devices.parsers.quectel import parse_qgpsloc
from survey_app.models.base import Position

HDOP_TO_METRES = 5.0  # the schema's convention: horizontal accuracy ~ HDOP x 5 m


@dataclass
class GpsFix:
    """The receiver's latest view: position (None without a fix), quality, satellites, counters."""

    position: Position | None = None
    fix_quality: int = 0        # GGA: 0 none, 1 GPS, 2 DGPS, 4/5 RTK, 6 estimated
    fix_type: int | None = None  # GSA: 1 none, 2 2D, 3 3D
    satellites: int | None = None
    hdop: float | None = None
    speed_mps: float | None = None    # RMC speed over ground
    heading_deg: float | None = None  # RMC course over ground (true)
    sentences: int = 0
    bad_checksums: int = 0
    unparsable: int = 0

    def to_json(self) -> dict:
        """JSON of `gps read`."""
        p = self.position
        return {"fix": p is not None, "lat": p.lat if p else None, "lon": p.lon if p else None,
                "accuracy_m": p.accuracy_m if p else None, "at": p.at if p else None,
                "fix_quality": self.fix_quality, "fix_type": self.fix_type, "satellites": self.satellites,
                "hdop": self.hdop, "speed_mps": self.speed_mps, "heading_deg": self.heading_deg,
                "sentences": self.sentences, "bad_checksums": self.bad_checksums,
                "unparsable": self.unparsable, "source": p.source if p else None}


@dataclass
class NmeaDecoder:
    """Feed NMEA lines one by one; keeps the latest fix. Bad checksums are skipped and counted."""

    fix: GpsFix = field(default_factory=GpsFix)
    _date: date | None = None

    def feed(self, line: str) -> bool:
        """Decode one sentence; True if it changed the fix."""
        line = line.strip()
        if not line.startswith("$"):
            if line:
                self.fix.unparsable += 1
            return False
        try:
            msg = pynmea2.parse(line, check=True)
        except pynmea2.ChecksumError:
            self.fix.bad_checksums += 1
            return False
        except (pynmea2.ParseError, ValueError, TypeError, AttributeError):
            self.fix.unparsable += 1
            return False
        self.fix.sentences += 1
        kind = getattr(msg, "sentence_type", "")
        try:
            if kind == "GGA":
                return self._gga(msg)
            if kind == "RMC":
                return self._rmc(msg)
            if kind == "GSA":
                self.fix.fix_type = _int(msg.mode_fix_type)
                self.fix.hdop = _float(msg.hdop) if _float(msg.hdop) is not None else self.fix.hdop
                if self.fix.fix_type == 1:
                    self.fix.position = None
                return True
        except (ValueError, TypeError, AttributeError):
            self.fix.unparsable += 1
        return False

    def _when(self, t: dtime | None) -> str | None:
        if t is None:
            return None
        d = self._date or datetime.now(timezone.utc).date()
        return datetime.combine(d, t.replace(tzinfo=None)).strftime("%Y-%m-%dT%H:%M:%S") + "Z"

    def _gga(self, msg) -> bool:
        quality = _int(msg.gps_qual) or 0
        self.fix.fix_quality = quality
        self.fix.satellites = _int(msg.num_sats)
        hdop = _float(msg.horizontal_dil)
        self.fix.hdop = hdop if hdop is not None else self.fix.hdop
        if quality == 0 or not msg.lat or not msg.lon:
            self.fix.position = None
            return True
        self.fix.position = Position(lat=round(msg.latitude, 7), lon=round(msg.longitude, 7), source="gps",
                                     accuracy_m=None if hdop is None else round(hdop * HDOP_TO_METRES, 1),
                                     at=self._when(msg.timestamp), hdop=hdop, satellites=self.fix.satellites,
                                     fix_quality=quality)
        return True

    def _rmc(self, msg) -> bool:
        if msg.datestamp:
            self._date = msg.datestamp
        if msg.status != "A":
            self.fix.position = None
            self.fix.speed_mps = self.fix.heading_deg = None
            return True
        knots, course = _float(msg.spd_over_grnd), _float(msg.true_course)
        self.fix.speed_mps = None if knots is None or not 0 <= knots < 2000 else round(knots * 0.514444, 2)
        self.fix.heading_deg = None if course is None or not 0 <= course <= 360 else course
        if self.fix.position is None and msg.lat and msg.lon:
            # a receiver that sends RMC without GGA still gives a position, without quality figures
            self.fix.position = Position(lat=round(msg.latitude, 7), lon=round(msg.longitude, 7), source="gps",
                                         at=self._when(msg.timestamp))
        return True


def position_from_qgpsloc(text: str) -> Position | None:
    """A Position from a Quectel `AT+QGPSLOC=2` answer; None when the answer is `+CME ERROR: 516` (no fix)."""
    if "CME ERROR: 516" in text.upper():
        return None
    v = parse_qgpsloc(text)
    hdop = v.get("hdop")
    return Position(lat=v["lat"], lon=v["lon"], source="modem",
                    accuracy_m=None if hdop is None else round(hdop * HDOP_TO_METRES, 1), at=v["at"], hdop=hdop,
                    satellites=v.get("satellites"), fix_quality=1)


def manual_position(lat: float, lon: float, *, at: str | None = None) -> Position:
    """A position typed in by the surveyor (checked to be on Earth; the dialog checks it is in Huế)."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ParseError("coordinates out of range")
    from survey_app.clock import utc_now

    return Position(lat=lat, lon=lon, source="manual", accuracy_m=None, at=at or utc_now())


def _int(v) -> int | None:
    try:
        return int(v) if v not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _float(v) -> float | None:
    try:
        return float(v) if v not in (None, "") else None
    except (TypeError, ValueError):
        return None
