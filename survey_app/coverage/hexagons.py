"""Hexagon statistics for a map or an export: the stored partitions a choice selects, added per hexagon part."""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from survey_app.coverage import histograms as hg
from survey_app.models.export_spec import Filters
from survey_app.storage import coverage as sql

STAT_METRICS = ("rsrp", "sinr", "down", "up")


@dataclass
class Hexagon:
    """One hexagon (or its part inside one unit): counts and statistics of the chosen samples."""

    res: int
    cell: int
    unit_code: str
    readings: int
    tests: int
    no_service_share: float | None
    newest: int                         # seconds since 1970, UTC
    operator: str | None = None         # None: every operator
    technology: str | None = None       # None: every technology
    rsrp_median: float | None = None
    rsrp_p10: float | None = None
    sinr_median: float | None = None
    sinr_p10: float | None = None
    down_median: float | None = None
    down_p10: float | None = None
    up_median: float | None = None
    up_p10: float | None = None

    @property
    def h3(self) -> str:
        """The H3 index as hexadecimal text (how H3 tools write it)."""
        return format(self.cell, "x")

    def to_json(self) -> dict:
        """JSON-ready dictionary."""
        return dict(asdict(self), h3=self.h3)


def _values(arr: np.ndarray, metric: str) -> list:
    v = np.round(arr / hg.SCALE[metric], 2)
    return [None if x != x else x for x in v.tolist()]


def summarise(rows, res: int, levels: tuple = ("cell",)) -> list[Hexagon]:
    """Hexagons from partition rows (storage.coverage.select_partitions), in cell then unit order.

    `levels` says which groups each row adds to: "cell" (every operator and technology together), "operator"
    (per operator, every technology), "technology" (per operator and technology).
    """
    rows = list(rows)
    groups: dict[tuple, int] = {}
    pairs = []    # (group index, row index)
    for i, r in enumerate(rows):
        for level in levels:
            op = r[2] if level in ("operator", "technology") else None
            tech = r[3] if level == "technology" else None
            pairs.append((groups.setdefault((r[0], r[1], op, tech), len(groups)), i))
    n = len(groups)
    gidx = np.array([g for g, _i in pairs], dtype=np.int64)
    ridx = np.array([i for _g, i in pairs], dtype=np.int64)
    counts = np.zeros((n, 3), dtype=np.int64)
    newest = np.zeros(n, dtype=np.int64)
    if rows:
        vals = np.array([r[4:8] for r in rows], dtype=np.int64)[ridx]
        np.add.at(counts, gidx, vals[:, :3])
        np.maximum.at(newest, gidx, vals[:, 3])
    stats = {}
    for k, metric in enumerate(STAT_METRICS):
        decoded = [hg.decode(r[8 + k]) if r[8 + k] else None for r in rows]
        parts = [(g, decoded[i]) for g, i in pairs if decoded[i] is not None]
        pct = [np.full(n, np.nan), np.full(n, np.nan)]
        if parts:
            groups_col = np.concatenate([np.full(len(b), g, dtype=np.int64) for g, (b, _c) in parts])
            bins = np.concatenate([b for _g, (b, _c) in parts])
            cnts = np.concatenate([c for _g, (_b, c) in parts])
            pct = hg.percentiles(*hg.grouped(groups_col, bins, cnts), n)
        stats[metric] = [_values(p, metric) for p in pct]
    out = []
    for (cell, unit, op, tech), g in groups.items():
        readings, no_service, tests = counts[g].tolist()
        h = Hexagon(res, int(cell), unit, readings, tests, round(no_service / readings, 4) if readings else None,
                    int(newest[g]), op, tech)
        for metric in STAT_METRICS:
            setattr(h, f"{metric}_median", stats[metric][0][g])
            setattr(h, f"{metric}_p10", stats[metric][1][g])
        out.append(h)
    out.sort(key=lambda h: (h.operator or "", h.technology or "", h.cell, h.unit_code))
    return out


def hexagons(db, res: int = 9, operator: str | None = None, technology: str | None = None,
             filters: Filters | None = None, *, refresh: bool = True, inside_units: bool | None = None,
             levels: tuple = ("cell",)) -> list[Hexagon]:
    """Hexagons of one resolution for an operator and technology (None: all of them) under the filters.

    `refresh` first adds what arrived since the last update. Parts outside every unit are left out when
    boundaries are imported (`inside_units`), since hexagons are clipped to the units.
    """
    from survey_app.coverage.summaries import update

    if refresh:
        update(db)
    out = summarise(sql.select_partitions(db, res, operator, technology, filters or Filters()), res, levels)
    if inside_units is None:
        inside_units = sql.has_boundaries(db)
    return [h for h in out if h.unit_code or not inside_units]


def choices(db) -> list[tuple[str, str, int]]:
    """(operator, technology, samples) that the summaries hold, for a picker."""
    return sql.partition_choices(db)
