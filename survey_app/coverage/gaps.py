"""The gap finder: hexagons of a unit where an operator and technology lack enough valid samples.

A supervisor says what counts as covered (at least N successful speed tests, or N signal readings, per
operator and technology per hexagon, newer than a date); every H3 cell whose centre lies in the unit (or that
holds samples of the unit) and falls short is a gap.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import json

import h3

from survey_app.coverage.cells import cell_center
from survey_app.coverage.hexagons import hexagons
from survey_app.models.export_spec import Filters

DEFAULT_OPERATORS = ("Viettel", "VinaPhone", "MobiFone")
DEFAULT_TECHNOLOGIES = ("LTE", "NR-NSA")
MAX_CELLS = 20_000          # candidate cells per unit: a coarser resolution beyond this


@dataclass(frozen=True)
class Criteria:
    """What counts as covered."""

    min_samples: int = 3
    kind: str = "tests"                  # 'tests' (successful speed tests) | 'readings' (signal readings)
    since: date | None = None            # only samples on or after this Vietnam-local date
    operators: tuple[str, ...] = DEFAULT_OPERATORS
    technologies: tuple[str, ...] = DEFAULT_TECHNOLOGIES
    res: int = 9

    def to_json(self) -> dict:
        """As stored with an assignment."""
        return {"min_samples": self.min_samples, "kind": self.kind,
                "since": self.since.isoformat() if self.since else None, "operators": list(self.operators),
                "technologies": list(self.technologies), "res": self.res}


@dataclass(frozen=True)
class Gap:
    """One hexagon of a unit short of samples for one operator and technology."""

    cell: int
    unit_code: str
    operator: str
    technology: str
    have: int
    need: int
    lon: float
    lat: float

    @property
    def h3(self) -> str:
        """H3 index as text."""
        return format(self.cell, "x")

    @property
    def key(self) -> str:
        """Stable id of the target this gap becomes."""
        return f"{self.h3}:{self.operator}:{self.technology}"


@dataclass
class UnitGaps:
    """The gaps of one unit, with how many cells were examined."""

    unit_code: str
    cells: int
    gaps: list[Gap] = field(default_factory=list)


def unit_cells(db, unit_code: str, res: int) -> set[int]:
    """H3 cells whose centre lies in the unit's boundary (or bounding box when none is imported)."""
    from survey_app.storage.coverage import unit_rows

    rows = unit_rows(db, (unit_code,))
    if not rows:
        return set()
    code, _n, _k, _a, x0, y0, x1, y1, boundary = rows[0]
    if boundary:
        shape = h3.geo_to_h3shape(json.loads(boundary))
    else:
        shape = h3.LatLngPoly([(y0, x0), (y0, x1), (y1, x1), (y1, x0)])
    cells = h3.api.numpy_int.h3shape_to_cells(shape, res)
    return {int(c) for c in cells}


def find(db, unit_code: str, criteria: Criteria, filters: Filters | None = None) -> UnitGaps:
    """The gaps of a unit under the criteria (and the map's team and status filters)."""
    f = filters or Filters()
    f = Filters(units=(unit_code,), date_from=criteria.since or f.date_from, date_to=f.date_to,
                teams=f.teams, status=f.status)
    cells = unit_cells(db, unit_code, criteria.res)
    have: dict[tuple, int] = {}
    for h in hexagons(db, criteria.res, None, None, f, levels=("technology",), inside_units=False):
        cells.add(h.cell)
        have[(h.cell, h.operator, h.technology)] = h.tests if criteria.kind == "tests" else h.readings
    if len(cells) > MAX_CELLS:
        from survey_app.errors import UserError
        from survey_app.i18n import _

        raise UserError(_("Unit {unit} has {n} hexagons at this resolution; use resolution 8.").format(
            unit=unit_code, n=len(cells)))
    out = UnitGaps(unit_code, len(cells))
    for cell in sorted(cells):
        lon, lat = cell_center(cell)
        for op in criteria.operators:
            for tech in criteria.technologies:
                n = have.get((cell, op, tech), 0)
                if n < criteria.min_samples:
                    out.gaps.append(Gap(cell, unit_code, op, tech, n, criteria.min_samples - n, lon, lat))
    return out
