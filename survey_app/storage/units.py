"""The 40 units and their boundaries."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite_utils is imported lazily: it costs ~150 ms of start-up
    import sqlite_utils


from survey_app.errors import NotFound
from survey_app.i18n import _
from survey_app.models.base import Unit


def _unit(row) -> Unit:
    code, name, kind, ilon, ilat, a, b, c, d, code_set, area = row
    return Unit(code, name, kind, ilon, ilat, (a, b, c, d), code_set, area)


_COLS = "code, name, kind, inside_lon, inside_lat, min_lon, min_lat, max_lon, max_lat, code_set, area_km2"


def list_units(db: sqlite_utils.Database) -> list[Unit]:
    """All units, wards first then communes, by name."""
    rows = db.execute(f"SELECT {_COLS} FROM units ORDER BY kind DESC, name").fetchall()
    return [_unit(r) for r in rows]


def get_unit(db: sqlite_utils.Database, code: str) -> Unit:
    """The unit with this official code, or NotFound with a message listing how to see the codes."""
    row = db.execute(f"SELECT {_COLS} FROM units WHERE code = ?", [str(code).strip()]).fetchone()
    if row is None:
        raise NotFound(_("Unknown unit code: {code}. `survey-app units` lists the 40 codes.").format(code=code))
    return _unit(row)


def units_by_code(db: sqlite_utils.Database) -> dict[str, tuple]:
    """code -> (name, kind, inside_lon, inside_lat, min_lon, min_lat, max_lon, max_lat), for per-point loops."""
    return {u.code: (u.name, u.kind, u.inside_lon, u.inside_lat, *u.bbox) for u in list_units(db)}
