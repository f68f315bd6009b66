"""Import unit boundaries from GeoJSON (keyed by the property `code`) and locate points in units."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from survey_app.errors import UserError
from survey_app.i18n import _
from survey_app.review.geometry import GeometryError, bbox, parse_geometry, point_in_polygons, to_geojson
from survey_app.storage import review as store
from survey_app.storage.units import units_by_code

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass
class ImportReport:
    """What an import did: units imported, and every feature left out with the reason."""

    file: str
    imported: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)   # (feature label, reason)
    missing: list[str] = field(default_factory=list)                # units still without a boundary

    def to_json(self) -> dict:
        """JSON-ready dictionary (CLI)."""
        return {"file": self.file, "imported": self.imported, "unknown_codes": self.unknown,
                "problems": [{"feature": f, "reason": r} for f, r in self.problems],
                "units_without_boundary": self.missing}

    def lines(self) -> list[str]:
        """Human-readable report, translated."""
        out = [_("Imported boundaries of {n} units from {file}.").format(n=len(self.imported), file=self.file)]
        if self.unknown:
            out.append(_("Unknown unit codes (not imported): {codes}").format(codes=", ".join(self.unknown)))
        for feature, why in self.problems:
            out.append(_("Not imported: {feature}: {reason}").format(feature=feature, reason=why))
        if self.missing:
            out.append(_("{n} units still have no boundary (their bounding box is used): {codes}").format(
                n=len(self.missing), codes=", ".join(self.missing)))
        return out


def import_geojson(db: sqlite_utils.Database, path: str | Path) -> ImportReport:
    """Validate and store the boundaries of a GeoJSON FeatureCollection; nothing is stored if none is valid."""
    units = units_by_code(db)
    rows, report = read_boundaries(path, units)
    with db.atomic():
        store.save_boundaries(db, rows)
    report.imported = [r[0] for r in rows]
    have = store.boundary_codes(db)
    report.missing = sorted(set(units) - have)
    return report


def read_boundaries(path: str | Path, units: dict[str, tuple]) -> tuple[list[tuple[str, dict, str]], ImportReport]:
    """Valid boundaries of a GeoJSON file as (code, geometry, source) rows, and what was left out; UserError if
    none is valid. `units` is storage.units.units_by_code's shape (the receiver passes its own)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserError(_("{file} is too large for a boundary file.").format(file=path))
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UserError(_("File not found: {file}").format(file=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(_("Cannot read {file}: {reason}").format(file=path, reason=exc)) from None
    except json.JSONDecodeError as exc:
        raise UserError(_("{file} is not valid GeoJSON (line {line}: {reason}).").format(
            file=path, line=exc.lineno, reason=exc.msg)) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        raise UserError(_("{file} is not a GeoJSON FeatureCollection.").format(file=path))
    report = ImportReport(file=path.name)
    rows, seen = [], set()
    for i, feat in enumerate(data["features"], start=1):
        props = feat.get("properties") if isinstance(feat, dict) else None
        code = props.get("code") if isinstance(props, dict) else None
        label = _("feature {i}").format(i=i) + (f" ({code})" if code is not None else "")
        if code is None or str(code).strip() == "":
            report.problems.append((label, _("it has no `code` property")))
            continue
        code = str(code).strip()
        if code not in units:
            report.unknown.append(code)
            continue
        if code in seen:
            report.problems.append((label, _("unit {code} appears more than once").format(code=code)))
            continue
        try:
            polys = parse_geometry(feat.get("geometry"))
        except GeometryError as exc:
            report.problems.append((label, str(exc)))
            continue
        gx0, gy0, gx1, gy1 = bbox(polys)
        _n, _k, _il, _ia, ux0, uy0, ux1, uy1 = units[code]
        pad = 0.05  # degrees: official lines may differ a little from the shipped boxes
        if gx1 < ux0 - pad or gx0 > ux1 + pad or gy1 < uy0 - pad or gy0 > uy1 + pad:
            report.problems.append((label, _("the shape lies away from unit {code} (longitude and latitude "
                                             "swapped, or another projection than WGS84?)").format(code=code)))
            continue
        seen.add(code)
        rows.append((code, to_geojson(polys), path.name))
    if not rows:
        raise UserError(_("No usable boundary in {file}: {details}").format(
            file=path, details="; ".join([f"{f}: {r}" for f, r in report.problems][:5]
                                         + ([_("unknown codes {codes}").format(codes=", ".join(report.unknown[:10]))]
                                            if report.unknown else []))))
    return rows, report


class Locator:
    """Finds the unit of points: by imported boundaries (point-in-polygon), else by bounding boxes."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.units = units_by_code(db)
        self.polys = {c: parse_geometry(g) for c, g in store.load_boundaries(db).items()}
        self.boxes = {c: bbox(p) for c, p in self.polys.items()}

    def locate(self, lon: float, lat: float) -> tuple[str | None, str]:
        """(unit code or None, 'polygon' | 'bbox')."""
        for code, polys in self.polys.items():
            if point_in_polygons(lon, lat, polys, self.boxes[code]):
                return code, "polygon"
        hits = [(c, u) for c, u in self.units.items() if c not in self.polys
                and u[4] <= lon <= u[6] and u[5] <= lat <= u[7]]
        if not hits:
            return None, "polygon" if self.polys else "bbox"
        # Boxes overlap: take the unit whose inside point is nearest.
        code = min(hits, key=lambda h: (h[1][2] - lon) ** 2 + (h[1][3] - lat) ** 2)[0]
        return code, "bbox"


def locate(db: sqlite_utils.Database, lon: float, lat: float) -> dict:
    """Which unit a point lies in, as a JSON-ready dictionary."""
    code, method = Locator(db).locate(lon, lat)
    labels = {"polygon": _("imported boundary"), "bbox": _("bounding box")}
    name = units_by_code(db)[code][0] if code else None
    return {"lon": lon, "lat": lat, "unit_code": code, "unit_name": name, "method": method,
            "method_label": labels[method]}
