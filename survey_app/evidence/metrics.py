"""The numbers the validity rules look at, from a test's result, passport and declared conditions."""
from __future__ import annotations

from datetime import datetime, timedelta

from survey_app.evidence.conditions import Conditions
from survey_app.evidence.geo import distance_m
from survey_app.evidence.passport import Passport

LOCAL_UTC_OFFSET = timedelta(hours=7)  # Vietnam (ICT), no daylight saving
MEASURING_PHASES = ("latency", "download", "upload")


def local_hour(utc_iso: str | None) -> float | None:
    """The hour of day (with fraction) in Vietnam of a UTC ISO time."""
    if not utc_iso:
        return None
    try:
        t = datetime.fromisoformat(utc_iso.replace("Z", "+00:00")) + LOCAL_UTC_OFFSET
    except ValueError:
        return None
    return t.hour + t.minute / 60


def _movement(positioned: list[dict]) -> tuple[float | None, float | None]:
    """(largest distance from the first position in m, top speed in km/h: the GPS's own or between fixes)."""
    if not positioned:
        return None, None
    first = positioned[0]
    moved = max(distance_m(first["lat"], first["lon"], r["lat"], r["lon"]) for r in positioned)
    speeds = [r["speed_mps"] * 3.6 for r in positioned if r.get("speed_mps") is not None]
    if not speeds:  # no speed from the receiver: between distinct fixes, by when each was received
        fixes = {}
        for r in positioned:
            fixes.setdefault((r["lat"], r["lon"]), (r.get("t") or 0) - (r.get("position_age_s") or 0))
        pts = sorted((t, lat, lon) for (lat, lon), t in fixes.items())
        speeds = [distance_m(a[1], a[2], b[1], b[2]) / (b[0] - a[0]) * 3.6 for a, b in zip(pts, pts[1:])
                  if b[0] - a[0] >= 0.5]
    return round(moved, 1), round(max(speeds), 1) if speeds else 0.0


def test_metrics(result: dict, passport: Passport, conditions: Conditions) -> dict:
    """Metrics of one test: `result` is SpeedTestResult.to_json() (plus server_distance_km if known)."""
    records = [r for r in passport.records if r.get("phase") in MEASURING_PHASES]
    n = len(records)
    positioned = [r for r in records if r.get("lat") is not None and r.get("lon") is not None]
    accuracies = [r.get("accuracy_m") for r in positioned]
    moved, speed = _movement(positioned)
    kinds = [e.get("kind") for e in passport.events]
    phases = [result.get("download_s"), result.get("upload_s")]
    return {
        "status": result.get("status"),
        "local_hour": local_hour(result.get("started_at")),
        "environment": conditions.environment,
        "seconds": n,
        "position_share": round(len(positioned) / n, 3) if n else 0.0,
        "seconds_without_position": n - len(positioned),
        "worst_accuracy_m": None if not accuracies or None in accuracies else max(accuracies),
        "moved_m": moved,
        "max_speed_kmh": speed,
        "cell_share": round(sum(1 for r in records if r.get("technology")) / n, 3) if n else 0.0,
        "seconds_without_cell": sum(1 for r in records if not r.get("technology")),
        "handovers": kinds.count("handover"),
        "technology_changes": kinds.count("technology_change") + kinds.count("service_lost"),
        "shortest_phase_s": None if None in phases else min(phases),
        "server_distance_km": result.get("server_distance_km"),
        "interface_kind": result.get("interface_kind"),
    }
