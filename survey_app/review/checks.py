"""Quality checks of survey sessions, each flag with a reason a person can read (Qt-free).

Results are cached per session (review_session_stats, review_flags) and refreshed incrementally: only
sessions with new or revised records since the last run are checked again, unless thresholds or boundaries
changed. The checks are set-based SQL (storage/review.py) plus vectorised point-in-polygon for boundaries.
"""
from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import sqlite_utils

from survey_app.i18n import _, get_language
from survey_app.review.config import ReviewConfig
from survey_app.storage import review as store
from survey_app.clock import utc_now

_REFRESH_LOCK = threading.Lock()
CODES = ("no_position", "outside_unit", "poor_accuracy", "speedtest_failed", "speedtest_implausible",
         "signal_gap", "short_interview", "refused", "duplicate", "consent_missing")


def code_label(code: str) -> str:
    """Short name of a kind of flag, translated."""
    return {
        "no_position": _("No position"), "outside_unit": _("Outside the unit"),
        "poor_accuracy": _("Poor GPS accuracy"), "speedtest_failed": _("Failed speed tests"),
        "speedtest_implausible": _("Implausible speed tests"), "signal_gap": _("Gaps in signal logging"),
        "short_interview": _("Interviews too short"), "refused": _("Refusals"),
        "duplicate": _("Duplicate interviews"), "consent_missing": _("Consent missing"),
    }.get(code, code)


def _num(x) -> str:
    """A number without a useless .0, with the decimal comma in Vietnamese (16,7)."""
    if not isinstance(x, (int, float)):
        return str(x)
    text = f"{x:g}"
    return text.replace(".", ",") if get_language() == "vi" else text


def reason(code: str, count: int, total: int, detail: dict) -> str:
    """The flag's explanation in the current language."""
    pct = _num(round(100.0 * count / total, 1) if total else 0.0)
    if code == "no_position":
        return _("{n} of {total} records have no position ({pct}%).").format(n=count, total=total, pct=pct)
    if code == "outside_unit":
        how = _("its imported boundary") if detail.get("method") == "polygon" else _("its bounding box")
        return _("{n} of {total} positioned records lie outside the session's unit (checked against {how}).").format(
            n=count, total=total, how=how)
    if code == "poor_accuracy":
        return _("{n} of {total} positions are less accurate than {limit} m.").format(
            n=count, total=total, limit=_num(detail.get("limit_m")))
    if code == "speedtest_failed":
        return _("{n} of {total} speed tests failed.").format(n=count, total=total)
    if code == "speedtest_implausible":
        return _("{n} of {total} speed tests report implausible values (0 or above {limit} Mbit/s, "
                 "or an impossible ping).").format(n=count, total=total, limit=_num(detail.get("limit_mbps")))
    if code == "signal_gap":
        return _("Signal logging stopped {n} times for more than {limit} minutes (longest {longest} minutes).").format(
            n=count, limit=_num(detail.get("limit_min")), longest=_num(detail.get("longest_min")))
    if code == "short_interview":
        return _("{n} of {total} finished interviews took less than {limit} minutes.").format(
            n=count, total=total, limit=_num(detail.get("limit_min")))
    if code == "refused":
        return _("{n} of {total} households refused the interview ({pct}%).").format(n=count, total=total, pct=pct)
    if code == "duplicate":
        return _("{n} households have the same respondent name and phone as another household of this unit.").format(
            n=count)
    if code == "consent_missing":
        return _("{n} finished interviews have no recorded consent.").format(n=count)
    return code


@dataclass
class Flag:
    """One quality flag on a session."""

    session_id: str
    unit_code: str
    unit_name: str
    team_name: str
    status: str
    code: str
    count: int
    total: int
    detail: dict

    @property
    def label(self) -> str:
        """The kind of flag, translated."""
        return code_label(self.code)

    @property
    def reason(self) -> str:
        """Why the session is flagged, translated."""
        return reason(self.code, self.count, self.total, self.detail)

    def to_json(self) -> dict:
        """JSON-ready dictionary (CLI)."""
        return {"session_id": self.session_id, "unit_code": self.unit_code, "unit_name": self.unit_name,
                "team": self.team_name, "status": self.status, "code": self.code, "label": self.label,
                "count": self.count, "total": self.total, "detail": self.detail, "reason": self.reason}


@dataclass
class CheckResult:
    """What a refresh did."""

    sessions: int
    flags: int
    seconds: float
    full: bool

    def to_json(self) -> dict:
        """JSON-ready dictionary (CLI)."""
        return {"sessions_checked": self.sessions, "flags": self.flags, "seconds": round(self.seconds, 2),
                "full": self.full}


def flag_list(db: sqlite_utils.Database, *, session_id: str | None = None, code: str | None = None,
              limit: int | None = None) -> list[Flag]:
    """Cached flags (call refresh() first), optionally of one session or one kind."""
    if session_id:
        from survey_app.storage.sessions import get_session

        session_id = get_session(db, session_id).id
    return [Flag(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8] or "{}"))
            for r in store.flag_rows(db, session_id, code, limit)]


def refresh(db: sqlite_utils.Database, settings=None, *, full: bool = False,
            config: ReviewConfig | None = None) -> CheckResult:
    """Recheck the sessions whose records changed since the last run (all of them if `full`)."""
    with _REFRESH_LOCK:   # one refresh at a time in this process: a second one then finds nothing to do
        return _refresh(db, settings, full, config)


def _refresh(db, settings, full: bool, config: ReviewConfig | None) -> CheckResult:
    t0 = time.perf_counter()
    cfg = config or ReviewConfig.from_settings(settings)
    now_fp = store.fingerprint(db)
    old = store.get_state(db, "fingerprint")
    old_fp = json.loads(old) if old else None
    if (old_fp is None or store.get_state(db, "config") != cfg.key()
            or old_fp.get("unit_boundaries") != now_fp["unit_boundaries"]):
        full = True
    if not full and old_fp == now_fp:
        return CheckResult(0, 0, time.perf_counter() - t0, False)
    with db.atomic():
        n = store.fill_targets(db, None if full else old_fp)
        flags = _run(db, cfg, full)
        store.set_state(db, "fingerprint", json.dumps(now_fp))
        store.set_state(db, "config", cfg.key())
    return CheckResult(n, flags, time.perf_counter() - t0, full)


def _run(db, cfg: ReviewConfig, full: bool) -> int:
    readings = store.reading_aggregates(db, cfg.poor_accuracy_m, cfg.gap_minutes * 60)
    tests = store.speedtest_aggregates(db, cfg.poor_accuracy_m, cfg.max_speed_mbps, cfg.max_ping_ms)
    homes = store.household_aggregates(db, cfg.poor_accuracy_m, cfg.min_interview_minutes * 60)
    outside, positioned_method = _outside_by_polygon(db)
    targets = store.target_sessions(db)
    stats, flags = [], []
    now = utc_now()
    for sid in targets:
        r = readings.get(sid, (0, None, None, 0, 0, 0, 0, 0.0))
        t = tests.get(sid, (0, None, None, 0, 0, 0, 0, 0))
        h = homes.get(sid, (0, None, None, 0, 0, 0, 0, 0, 0, 0))
        total = r[0] + t[0] + h[0]
        nopos = (r[3] or 0) + (t[3] or 0) + (h[3] or 0)
        positioned = total - nopos
        mine = []

        def add(code, count, of, detail=None, *, share=None):
            if count and of and (share is None or count / of > share):
                mine.append((sid, code, int(count), int(of), json.dumps(detail or {})))

        add("no_position", nopos, total, share=cfg.max_no_position_share)
        if sid in positioned_method:
            add("outside_unit", outside.get(sid, 0), positioned, {"method": "polygon"}, share=cfg.max_outside_share)
        else:
            add("outside_unit", (r[5] or 0) + (t[5] or 0) + (h[5] or 0), positioned, {"method": "bbox"},
                share=cfg.max_outside_share)
        add("poor_accuracy", (r[4] or 0) + (t[4] or 0) + (h[4] or 0), positioned,
            {"limit_m": cfg.poor_accuracy_m}, share=cfg.max_poor_accuracy_share)
        add("speedtest_failed", t[6], t[0])
        add("speedtest_implausible", t[7], t[0], {"limit_mbps": cfg.max_speed_mbps})
        add("signal_gap", r[6], r[0], {"limit_min": cfg.gap_minutes, "longest_min": round(r[7] / 60, 1)})
        add("short_interview", h[7], h[0], {"limit_min": cfg.min_interview_minutes})
        add("refused", h[8], h[0], share=cfg.max_refused_share)
        add("consent_missing", h[9], h[0])
        flags.extend(mine)
        firsts = [x for x in (r[1], t[1], h[1]) if x]
        lasts = [x for x in (r[2], t[2], h[2]) if x]
        stats.append((sid, h[0], h[6], r[0], t[0], min(firsts) if firsts else None, max(lasts) if lasts else None,
                      len(mine), " ".join(f[1] for f in mine), now))
    dups = store.duplicate_households(db)
    flags.extend((sid, "duplicate", n, homes.get(sid, (n,))[0] if sid in homes else n, "{}")
                 for sid, n in dups.items())
    store.save_check_results(db, stats, flags, all_sessions=full)
    store.save_partials(db, cfg.usable_rsrp_dbm, all_sessions=full)
    store.update_duplicate_stats(db)
    return len(flags)


def _outside_by_polygon(db) -> tuple[dict[str, int], set[str]]:
    """Per target session, records outside its unit's imported boundary; and the sessions so checked."""
    from survey_app.review.geometry import parse_geometry, points_in_polygons

    boundaries = store.load_boundaries(db)
    if not boundaries:
        return {}, set()
    polys = {code: parse_geometry(g) for code, g in boundaries.items()}
    outside: dict[str, int] = defaultdict(int)
    for unit in sorted(polys):  # one unit at a time keeps memory to one unit's points
        rows = store.target_points(db, unit)
        if not rows:
            continue
        arr = np.array([(lon, lat) for _s, lon, lat in rows], dtype=float)
        inside = points_in_polygons(arr[:, 0], arr[:, 1], polys[unit])
        for k in np.flatnonzero(~inside).tolist():
            outside[rows[k][0]] += 1
    checked = set(store.target_sessions(db, units=sorted(polys)))
    return dict(outside), checked
