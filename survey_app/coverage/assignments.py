"""Revisit assignments: gaps a supervisor chose, for a team, checked off on the surveyor's laptop as samples arrive.

An assignment is the supervisor's record (table `assignments`). What a laptop reached is that laptop's own
record (`assignment_progress`: seen samples and check-off time per target), made with RecordContext.stamp and
then changed only through storage.revisions.revise (revision up, back in the outbox, history kept), so every
device writes only records it owns. It travels to the team as a bundle of
that one record (sync.bundle `export_bundle(..., assignment_id=...)`, signed and sealed like every bundle once
the trust work lands), and back to the centre by sync.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import numpy as np

from survey_app.coverage.cells import cells_of
from survey_app.coverage.gaps import Criteria, Gap
from survey_app.errors import NotFound, UserError
from survey_app.evidence.geo import distance_m
from survey_app.i18n import _
from survey_app.storage import coverage as sql
from survey_app.clock import utc_now
from survey_app.storage.records import CODE_SET, RecordContext
from survey_app.storage.revisions import revise

COMPASS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")


@dataclass
class Assignment:
    """An assignment as read back: its record fields with targets parsed."""

    id: str
    name: str
    unit_code: str
    team_name: str
    form_id: str
    criteria: dict
    targets: list[dict]
    issued_at: str
    status: str
    revision: int
    progress: list[dict] = field(default_factory=list)   # progress records of every laptop, as stored

    @property
    def open_targets(self) -> list[dict]:
        """Targets not checked off yet."""
        return [t for t in self.targets if not t.get("done_at")]

    def to_json(self) -> dict:
        """JSON-ready dictionary (CLI)."""
        return dict(self.__dict__)


def create(db, ctx: RecordContext, unit_code: str, gaps: list[Gap], criteria: Criteria, *, team: str = "",
           form_id: str = "household", name: str = "") -> Assignment:
    """Record an assignment of the chosen gaps (one target per hexagon, operator and technology)."""
    if not gaps:
        raise UserError(_("Choose at least one gap for the assignment."))
    if any(g.unit_code != unit_code for g in gaps):
        raise UserError(_("Every gap of an assignment must lie in unit {unit}.").format(unit=unit_code))
    from survey_app.storage.forms import current_form

    try:
        form_version = current_form(db, form_id)["version"]
    except NotFound:
        form_version = ""
    targets = [{"key": g.key, "h3": g.h3, "lon": round(g.lon, 6), "lat": round(g.lat, 6), "operator": g.operator,
                "technology": g.technology, "need": g.need, "seen": 0, "done_at": None} for g in gaps]
    row = ctx.stamp({"name": name or _("Revisit {unit}").format(unit=unit_code), "unit_code": unit_code,
                     "code_set": CODE_SET, "team_name": team, "form_id": form_id,
                     "form_version": form_version, "criteria": json.dumps(criteria.to_json()),
                     "targets": json.dumps(targets, ensure_ascii=False), "issued_at": utc_now(),
                     "issued_by": ctx.surveyor, "status": "open"})
    with db.atomic():
        sql.insert_assignment(db, row)
    return get(db, row["id"])


def get(db, assignment_id: str) -> Assignment:
    """One assignment by id (or a unique id prefix)."""
    row = sql.get_assignment(db, assignment_id)
    if row is None:
        raise NotFound(_("No assignment {id}.").format(id=assignment_id))
    return _with_progress(db, [_parse(row)])[0]


def _parse(row: dict) -> Assignment:
    return Assignment(row["id"], row["name"], row["unit_code"], row["team_name"], row["form_id"],
                      json.loads(row["criteria"] or "{}"), json.loads(row["targets"] or "[]"), row["issued_at"],
                      row["status"], int(row["revision"]))


def _with_progress(db, items: list[Assignment]) -> list[Assignment]:
    """Overlay what the laptops reached: most samples seen, earliest check-off, per target."""
    by_id = {a.id: a for a in items}
    for p in sql.progress_rows(db, list(by_id)):
        a = by_id[p["assignment_id"]]
        a.progress.append(p)
        reached = json.loads(p["targets"] or "{}")
        for t in a.targets:
            r = reached.get(t["key"]) or {}
            t["seen"] = max(t.get("seen", 0), int(r.get("seen", 0)))
            if r.get("done_at") and (not t.get("done_at") or r["done_at"] < t["done_at"]):
                t["done_at"] = r["done_at"]
        if not a.open_targets:
            a.status = "done"
    return items


def listed(db, unit_code: str | None = None, *, open_only: bool = False) -> list[Assignment]:
    """Assignments held here, newest first, with their progress."""
    items = _with_progress(db, [_parse(r) for r in sql.list_assignments(db, unit_code, False)])
    return [a for a in items if a.status == "open" or not open_only]


def check_off(db, ctx: RecordContext) -> list[tuple[str, int]]:
    """Count samples recorded since each open assignment was issued in its targets' hexagons; targets with enough
    are checked off in this laptop's progress record (made, then revised). Returns (assignment id, newly done)."""
    changed = []
    with db.atomic():
        for a in listed(db, open_only=True):
            newly = _count_samples(db, a)
            if newly is None:
                continue
            reached = {t["key"]: {"seen": t.get("seen", 0), "done_at": t.get("done_at")} for t in a.targets}
            values = {"targets": json.dumps(reached, ensure_ascii=False),
                      "status": "done" if not a.open_targets else "open"}
            mine = [p for p in a.progress if p["device_id"] == ctx.device_id]
            if mine:
                revise(db, "assignment_progress", mine[0]["id"], values, changed_by=ctx.surveyor,
                       reason=_("targets checked off by new samples"))
            else:
                sql.insert_progress(db, ctx.stamp(dict(values, assignment_id=a.id)))
            changed.append((a.id, newly))
    return changed


def _count_samples(db, a: Assignment) -> int | None:
    """Update `a.targets` in place from the samples since it was issued; None when nothing changed."""
    kind, res = a.criteria.get("kind", "tests"), int(a.criteria.get("res", 9))
    rows = sql.samples_since(db, kind, a.issued_at, sorted({t["operator"] for t in a.targets}))
    counts: dict[tuple, int] = {}
    if rows:
        arr = np.array([(r[0], r[1]) for r in rows], dtype=float)
        for cell, (_la, _lo, op, tech) in zip(cells_of(arr[:, 0], arr[:, 1], res).tolist(), rows):
            key = (format(cell, "x"), op, tech)
            counts[key] = counts.get(key, 0) + 1
    newly, touched = 0, False
    now = utc_now()
    for t in a.targets:
        seen = counts.get((t["h3"], t["operator"], t["technology"]), 0)
        if seen > t.get("seen", 0):
            t["seen"], touched = seen, True
        if not t.get("done_at") and t.get("seen", 0) >= t["need"]:
            t["done_at"], newly, touched = now, newly + 1, True
    return newly if touched else None


def distance_direction(lon: float, lat: float, target_lon: float, target_lat: float) -> tuple[float, float, str]:
    """Metres, bearing in degrees (0 = north, clockwise) and compass point from a position to a target."""
    p1, p2 = math.radians(lat), math.radians(target_lat)
    dl = math.radians(target_lon - lon)
    metres = distance_m(lat, lon, target_lat, target_lon)
    bearing = (math.degrees(math.atan2(math.sin(dl) * math.cos(p2),
                                       math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)))
               + 360) % 360
    return metres, bearing, compass(bearing)


def compass(bearing: float) -> str:
    """The compass point of a bearing, translated (B, ĐB, Đ, ... in Vietnamese)."""
    names = {"N": _("N"), "NE": _("NE"), "E": _("E"), "SE": _("SE"), "S": _("S"), "SW": _("SW"), "W": _("W"),
             "NW": _("NW")}
    return names[COMPASS[int((bearing + 22.5) // 45) % 8]]
