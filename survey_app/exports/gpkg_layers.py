"""The GeoPackage's polygon layers made in Python: units, indicators and the hexagon summaries (r8, r9)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from survey_app.exports import gpkg_geometry as geo
from survey_app.exports.indicators import INDICATORS, summary_rows

VN = timezone(timedelta(hours=7))


@dataclass(frozen=True)
class ExtraLayer:
    """A polygon layer: its columns (name, kind) and description."""

    columns: list
    description: str


_HEX_COLUMNS = [
    ("h3", "string"), ("resolution", "integer"), ("unit_code", "string"), ("operator", "string"),
    ("technology", "string"), ("readings", "integer"), ("tests", "integer"),
    ("rsrp_median_dbm", "number"), ("rsrp_p10_dbm", "number"), ("sinr_median_db", "number"),
    ("sinr_p10_db", "number"), ("download_median_mbps", "number"), ("download_p10_mbps", "number"),
    ("upload_median_mbps", "number"), ("upload_p10_mbps", "number"), ("no_service_share", "number"),
    ("newest_sample_date", "string"),
]
ALL = "all"   # operator / technology of the rows that add every operator / technology
EXTRA_LAYERS = {
    "units": ExtraLayer([("unit_code", "string"), ("unit_name", "string"), ("kind", "string"),
                         ("area_km2", "number"), ("geometry_source", "string")],
                        "Wards and communes (imported boundary, else bounding box) / Phường, xã"),
    "indicators": ExtraLayer([(c.name, c.kind) for c in INDICATORS.columns if c.kind not in ("lon", "lat")],
                             f"{INDICATORS.en} / {INDICATORS.vi}"),
    "hexagons_r8": ExtraLayer(_HEX_COLUMNS, "H3 hexagon summaries, resolution 8, clipped to the units / "
                                            "Tổng hợp theo ô lục giác H3, độ phân giải 8"),
    "hexagons_r9": ExtraLayer(_HEX_COLUMNS, "H3 hexagon summaries, resolution 9, clipped to the units / "
                                            "Tổng hợp theo ô lục giác H3, độ phân giải 9"),
}


def _unit_shape(boundary: str | None, box: tuple) -> tuple[list, str]:
    if boundary:
        try:
            g = json.loads(boundary)
            polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
            return polys, "boundary"
        except (ValueError, KeyError, TypeError):
            pass   # a damaged boundary falls back to the box rather than failing the export
    x0, y0, x1, y1 = box
    return [[[(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]]], "bbox"


def _units(db, options) -> list[tuple]:
    from survey_app.storage.coverage import unit_rows

    out = []
    for code, name, kind, area, x0, y0, x1, y1, boundary in unit_rows(db, options.filters.units):
        polys, source = _unit_shape(boundary, (x0, y0, x1, y1))
        out.append((geo.multipolygon(polys), code, name, kind, area, source))
    return out


def _indicators(db, options, settings) -> list[tuple]:
    from survey_app.storage.coverage import unit_rows

    shapes = {r[0]: _unit_shape(r[8], r[4:8])[0] for r in unit_rows(db, options.filters.units)}
    names = [c for c, _k in EXTRA_LAYERS["indicators"].columns]
    return [(geo.multipolygon(shapes[code]), *[props[n] for n in names])
            for code, _geom, props in summary_rows(db, options.filters, settings)]


def _hexagons(db, res: int, options, index) -> list[tuple]:
    from survey_app.coverage.hexagons import hexagons

    out = []
    for h in hexagons(db, res, None, None, options.filters, refresh=False,
                      levels=("cell", "operator", "technology")):
        newest = datetime.fromtimestamp(h.newest, VN).date().isoformat() if h.newest else None
        out.append((geo.multipolygon(index.shape(h.cell, h.unit_code, res)), h.h3, res, h.unit_code,
                    ALL if h.operator is None else h.operator, ALL if h.technology is None else h.technology,
                    h.readings, h.tests, h.rsrp_median, h.rsrp_p10, h.sinr_median, h.sinr_p10, h.down_median,
                    h.down_p10, h.up_median, h.up_p10, h.no_service_share, newest))
    return out


def extra_rows(db, names: list[str], options, settings) -> dict[str, list[tuple]]:
    """Rows (geometry blob, values...) of each polygon layer asked for (hexagon summaries brought up to date)."""
    out: dict[str, list[tuple]] = {}
    if any(n.startswith("hexagons") for n in names):
        from survey_app.coverage.summaries import unit_index, update

        index = unit_index(db)
        update(db, index=index)
    for name in names:
        if name == "units":
            out[name] = _units(db, options)
        elif name == "indicators":
            out[name] = _indicators(db, options, settings)
        else:
            out[name] = _hexagons(db, int(name[-1]), options, index)
    return out
