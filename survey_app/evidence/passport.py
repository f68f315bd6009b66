"""The measurement passport of a speed test: one record per second of every phase (position, serving cell,
neighbours, carriers, throughput) and the events in between (cell changes, a modem or GPS going silent).

A PassportRecorder is fed from the device threads (`feed_modem`, `feed_gps`, `feed_status`) and from the
speed-test generator (`progress`); its own thread writes a record once a second, so a phase that blocks (a
server that hangs) still gets its seconds. Records hold plain JSON-ready values.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from survey_app.devices import cells
from survey_app.clock import utc_now

MODEM_STALE_S = 3.0  # a reading older than this no longer describes the serving cell
GPS_STALE_S = 3.0
MAX_RECORDS = 3600  # an hour: a test never runs that long; a stuck one must not fill the memory
MAX_EVENTS = 500
PHASES = {"connect": "connect", "ping": "latency", "download": "download", "upload": "upload"}
CELL_FIELDS = ("operator", "mcc", "mnc", "technology", "band", "arfcn", "pci", "cell_id", "tac", "rsrp_dbm",
               "rsrq_db", "sinr_db", "rssi_dbm", "nr_band", "nr_arfcn", "nr_pci", "nr_rsrp_dbm", "nr_rsrq_db",
               "nr_sinr_db")
POSITION_FIELDS = ("lat", "lon", "accuracy_m", "speed_mps", "heading_deg", "position_source", "position_age_s")


@dataclass
class Passport:
    """Per-second records, events and what the test ran over."""

    records: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    modem: dict | None = None  # manufacturer, model, port, dialect of the modem that was read
    dropped_records: int = 0

    def to_json(self) -> dict:
        """The JSON stored with the test; unknown (None) values are left out, readers use .get()."""
        return {"version": 1, "records": [_compact(r) for r in self.records],
                "events": [_compact(e) for e in self.events], "modem": self.modem,
                "dropped_records": self.dropped_records}

    @classmethod
    def from_json(cls, data: Any) -> "Passport":
        """Back from the stored JSON (anything else gives an empty passport)."""
        if not isinstance(data, dict):
            return cls()
        records = [r for r in data.get("records") or [] if isinstance(r, dict)]
        events = [e for e in data.get("events") or [] if isinstance(e, dict)]
        modem = data.get("modem") if isinstance(data.get("modem"), dict) else None
        return cls(records, events, modem, int(data.get("dropped_records") or 0))

    def main_cell_values(self) -> dict:
        """Operator and technology seen in most seconds (what the test ran over)."""
        out = {}
        for key in ("operator", "technology"):
            counts: dict[str, int] = {}
            for r in self.records:
                if r.get(key):
                    counts[r[key]] = counts.get(r[key], 0) + 1
            out[key] = max(counts, key=counts.get) if counts else None
        return out


def _compact(value: Any) -> Any:
    """A record without its None values (a passport of an hour holds 3,600 of them: the bytes add up)."""
    if isinstance(value, dict):
        return {k: _compact(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def nr_mode(technology: str | None) -> str | None:
    """'NSA' (EN-DC, LTE anchor), 'SA' (5G core), None otherwise."""
    return {"NR-NSA": "NSA", "NR-SA": "SA"}.get(technology or "")


class PassportRecorder:
    """Collects a passport while a test runs; thread-safe feeds, one record per second from its own thread."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, interval_s: float = 1.0):
        self.clock, self.interval_s = clock, interval_s
        self.passport = Passport()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._t0 = 0.0
        self._phase = "connect"
        self._mbps: list[float] = []
        self._modem: tuple[float, Any] | None = None  # (monotonic time, ModemSample)
        self._gps: tuple[float, Any] | None = None  # (monotonic time, GpsFix with a position)
        self._cell: tuple | None = None
        self._cell_summary: dict | None = None
        self._silent = {"modem": False, "gps": False}

    @property
    def heard(self) -> tuple[bool, bool]:
        """(a modem reading arrived, a position arrived): what a test waits for before it starts."""
        return self._modem is not None, self._gps is not None

    # -- feeds (any thread) -------------------------------------------------------------------------
    def feed_modem(self, sample) -> None:
        """A ModemSample from the modem the test runs over."""
        now = self.clock()
        with self._lock:
            first, self._modem = self._modem is None, (now, sample)
            if self.passport.modem is None and sample.identity is not None:
                ident = sample.identity
                self.passport.modem = {"manufacturer": ident.manufacturer, "model": ident.model,
                                       "port": sample.port, "dialect": ident.dialect}
            after, summary = cells.identity(sample.reading), cells.cell_summary(sample.reading)
            kind = cells.change_kind(self._cell, after)
            if kind is not None and self._thread is not None and not first:
                self._event_locked(now, {"handover": "handover", "technology": "technology_change",
                                         "lost": "service_lost", "regained": "service_regained"}[kind],
                                   before=self._cell_summary, after=summary)
            self._cell, self._cell_summary = after, summary

    def feed_gps(self, fix) -> None:
        """A GpsFix (its position None without a fix)."""
        now = self.clock()
        with self._lock:
            if fix is not None and fix.position is not None:
                self._gps = (now, fix)

    def feed_status(self, kind: str, message: str = "") -> None:
        """A device state change worth an event (e.g. the modem stopped answering, the GPS was unplugged)."""
        with self._lock:
            self._event_locked(self.clock(), kind, message=message)

    def progress(self, p) -> None:
        """A Progress from the speed-test generator."""
        with self._lock:
            phase = PHASES.get(p.phase, p.phase)
            if phase != self._phase:
                self._phase, self._mbps = phase, []
            if p.mbps is not None:
                self._mbps.append(p.mbps)

    # -- life cycle -----------------------------------------------------------------------------------
    def start(self) -> "PassportRecorder":
        """Record from now on (the first record at once)."""
        self._t0 = self.clock()
        self._thread = threading.Thread(target=self._run, name="speedtest-passport", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> Passport:
        """Stop recording (one last record) and return the passport."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        with self._lock:
            self._phase = "done"
            self._record_locked()
        return self.passport

    def _run(self) -> None:
        k = 0
        while True:
            with self._lock:
                self._record_locked()
            k += 1
            if self._stop.wait(max(0.0, self._t0 + k * self.interval_s - self.clock())):
                return

    # -- records --------------------------------------------------------------------------------------
    def _event_locked(self, now: float, kind: str, **detail) -> None:
        if len(self.passport.events) < MAX_EVENTS:
            ev = {"t": round(now - self._t0, 2) if self._thread else 0.0, "at": utc_now(), "kind": kind}
            ev.update({k: v for k, v in detail.items() if v is not None})
            self.passport.events.append(ev)

    def _record_locked(self) -> None:
        if len(self.passport.records) >= MAX_RECORDS:
            self.passport.dropped_records += 1
            return
        now = self.clock()
        rec: dict[str, Any] = {"t": round(now - self._t0, 2), "at": utc_now(), "phase": self._phase,
                               "mbps": round(sum(self._mbps) / len(self._mbps), 3) if self._mbps else None}
        self._mbps = []
        rec.update(self._position_locked(now))
        rec.update(self._cell_locked(now))
        self.passport.records.append(rec)

    def _position_locked(self, now: float) -> dict:
        fresh = self._gps is not None and now - self._gps[0] <= GPS_STALE_S
        self._transition_locked(now, "gps", fresh)
        if not fresh:
            return dict.fromkeys(POSITION_FIELDS)
        at, fix = self._gps
        pos = fix.position
        return {"lat": pos.lat, "lon": pos.lon, "accuracy_m": pos.accuracy_m, "speed_mps": fix.speed_mps,
                "heading_deg": fix.heading_deg, "position_source": pos.source, "position_age_s": round(now - at, 2)}

    def _cell_locked(self, now: float) -> dict:
        fresh = self._modem is not None and now - self._modem[0] <= MODEM_STALE_S
        self._transition_locked(now, "modem", fresh)
        if not fresh:
            return dict.fromkeys(CELL_FIELDS + ("nr_mode", "cell_age_s", "neighbours", "carriers", "modem_failures"))
        at, sample = self._modem
        r = sample.reading
        out = {k: getattr(r, k) for k in CELL_FIELDS}
        out.update(nr_mode=nr_mode(r.technology), cell_age_s=round(now - at, 2), neighbours=list(r.neighbours),
                   carriers=list(r.carriers), modem_failures=list(sample.failures) or None)
        return out

    def _transition_locked(self, now: float, device: str, fresh: bool) -> None:
        """An event when a device goes silent or comes back (not before it was ever heard)."""
        heard = (self._gps if device == "gps" else self._modem) is not None
        if not fresh and not self._silent[device] and (heard or now - self._t0 >= GPS_STALE_S):
            self._silent[device] = True
            self._event_locked(now, f"{device}_silent")
        elif fresh and self._silent[device]:
            self._silent[device] = False
            self._event_locked(now, f"{device}_back")
