"""The export contract in the repository's `contract/` folder, generated from the layer definitions.

`python -m survey_app.exports.contract [FOLDER]` writes `columns.csv` (the column dictionary, vi + en) and
`schemas/*.schema.json` (GeoJSON properties per layer, and the manifest); a test checks they are fresh.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from survey_app.exports.indicators import INDICATORS
from survey_app.exports.layers import RECORD_LAYERS
from survey_app.models.export_spec import Layer

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://survey-app.hue.example/exports/"
TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+07:00$"
_JSON_TYPE = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean",
              "datetime": "string"}


def layers() -> list[Layer]:
    """Every layer, record layers then the computed ones (indicator summary, speed KPIs)."""
    from survey_app.exports.kpis import KPIS

    return list(RECORD_LAYERS) + [INDICATORS, KPIS]


def columns_csv() -> str:
    """The column dictionary as CSV text."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["layer", "name", "type", "unit", "personal", "formats", "meaning_vi", "meaning_en"])
    for layer in layers():
        for c in layer.columns:
            fmts = "csv" if c.kind in ("lon", "lat") or not layer.geojson else "csv,geojson"
            if c.name == "id" and layer.geojson:
                fmts = "csv,geojson (feature id)"
            kind = "number" if c.kind in ("lon", "lat") else c.kind
            w.writerow([layer.name, c.name, kind, c.unit, "yes" if c.personal else "no", fmts, c.vi, c.en])
    return buf.getvalue()


def properties_schema(layer: Layer) -> dict:
    """JSON Schema of a layer's GeoJSON feature properties (flat; personal columns optional; the record id is
    the feature's `id`, not a property)."""
    props, required = {}, []
    for c in layer.columns:
        if c.kind in ("lon", "lat") or c.name == "id":
            continue
        p: dict = {"type": [_JSON_TYPE[c.kind], "null"], "description": f"{c.en} / {c.vi}"}
        if c.kind == "datetime":
            p["pattern"] = TIME_PATTERN
        if c.unit:
            p["x-unit"] = c.unit
        props[c.name] = p
        if not c.personal:
            required.append(c.name)
    return {"$schema": DRAFT, "$id": f"{BASE}schemas/{layer.name}.properties.schema.json",
            "title": f"{layer.en} — GeoJSON feature properties", "type": "object",
            "properties": props, "required": required, "additionalProperties": False}


def manifest_schema() -> dict:
    """JSON Schema of manifest.json."""
    names = [layer.name for layer in layers()]
    file_entry = {"type": "object", "required": ["layer", "file", "rows", "bytes", "sha256", "columns"],
                  "additionalProperties": False, "properties": {
                      "layer": {"enum": names}, "file": {"type": "string", "pattern": r"^[a-z_]+\.(csv|geojson)$"},
                      "rows": {"type": "integer", "minimum": 0}, "bytes": {"type": "integer", "minimum": 0},
                      "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                      "columns": {"type": "array", "items": {"type": "string"}}}}
    date = {"type": ["string", "null"], "format": "date"}
    return {
        "$schema": DRAFT, "$id": f"{BASE}schemas/manifest.schema.json", "title": "Export manifest",
        "type": "object", "additionalProperties": False,
        "required": ["manifest_version", "app", "schema_version", "code_set", "created_at", "format", "time_zone",
                     "filters", "privacy", "notes", "counts", "files"],
        "properties": {
            "manifest_version": {"const": 1},
            "app": {"type": "object", "required": ["name", "version"],
                    "properties": {"name": {"const": "survey-app"}, "version": {"type": "string"}}},
            "schema_version": {"type": "integer", "minimum": 1},
            "code_set": {"type": "string"},
            "created_at": {"type": "string", "pattern": r"\+07:00$"},
            "format": {"enum": ["csv", "geojson"]},
            "time_zone": {"const": "+07:00"},
            "filters": {"type": "object", "additionalProperties": False,
                        "required": ["units", "date_from", "date_to", "teams", "status"],
                        "properties": {"units": {"type": "array", "items": {"type": "string", "pattern": r"^\d{5}$"}},
                                       "date_from": date, "date_to": date,
                                       "teams": {"type": "array", "items": {"type": "string"}},
                                       "status": {"enum": ["all", "approved"]}}},
            "privacy": {"type": "object", "additionalProperties": False,
                        "required": ["include_personal", "personal_columns", "precise_locations",
                                     "location_decimals", "rounded_layers", "location_rounding"],
                        "properties": {"include_personal": {"type": "boolean"},
                                       "personal_columns": {"type": "array", "items": {"type": "string"}},
                                       "precise_locations": {"type": "boolean"},
                                       "location_decimals": {"enum": [3, 6]},
                                       "rounded_layers": {"type": "array", "items": {"enum": names}},
                                       "location_rounding": {"type": "string"}}},
            "notes": {"type": "array", "items": {"type": "string"}},
            "counts": {"type": "object", "propertyNames": {"enum": names},
                       "additionalProperties": {"type": "integer", "minimum": 0}},
            "files": {"type": "array", "items": file_entry},
            "archive": {"type": "object", "required": ["file", "bytes", "sha256"]},
        },
    }


def render() -> dict[str, str]:
    """Every contract file: relative path -> text."""
    out = {"columns.csv": columns_csv(),
           "schemas/manifest.schema.json": json.dumps(manifest_schema(), ensure_ascii=False, indent=2) + "\n"}
    for layer in layers():
        if layer.geojson:
            out[f"schemas/{layer.name}.properties.schema.json"] = (
                json.dumps(properties_schema(layer), ensure_ascii=False, indent=2) + "\n")
    return out


def write(folder: Path) -> list[Path]:
    """Write the contract files under `folder`."""
    paths = []
    for rel, text in render().items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "contract"
    for p in write(target):
        print(p)
