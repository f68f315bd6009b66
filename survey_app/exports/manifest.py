"""The manifest written beside the exported files: what was exported, how, and each file's SHA-256."""
from __future__ import annotations

import json
from datetime import datetime

from survey_app import APP_NAME, __version__
from survey_app.exports.layers import BY_NAME, INDICATORS_NAME, KPIS_NAME
from survey_app.models.export_spec import PRECISE_DECIMALS, ROUNDED_DECIMALS
from survey_app.storage.records import CODE_SET

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1


def collection_head(name: str) -> bytes:
    """The opening of a layer's FeatureCollection (RFC 7946: no crs member; `name` is a foreign member)."""
    return ('{"type":"FeatureCollection","name":' + json.dumps(name) + ',"features":[\n').encode()


def _layer(name: str):
    from survey_app.exports.computed import COMPUTED

    return COMPUTED.get(name) or BY_NAME[name]


def file_entry(name: str, sink, rows: int, options) -> dict:
    """The manifest entry of one finished layer file."""
    cols = [c.name for c in _layer(name).selected(options.include_personal)]
    if options.fmt == "geojson":
        cols = [c for c in cols if c not in ("lon", "lat")]
    return {"layer": name, "file": sink.final.name, "rows": rows, "bytes": sink.bytes,
            "sha256": sink.sha256.hexdigest(), "columns": cols}


def personal_columns(names: list[str], include_personal: bool) -> list[str]:
    """`layer.column` of every personal column written (empty unless personal data was asked for)."""
    if not include_personal:
        return []
    return [f"{n}.{c}" for n in names for c in _layer(n).personal_columns()]


def rounded_layers(names: list[str]) -> list[str]:
    """The exported layers whose household-linked positions are rounded when precise locations are off."""
    return [n for n in names if n in BY_NAME and BY_NAME[n].rounded_positions]


def build(db, options, files: list[dict], started: datetime) -> dict:
    """The manifest of a finished export."""
    from survey_app.storage.migrations import schema_version

    names = [f["layer"] for f in files]
    precise = options.precise_locations
    return {
        "manifest_version": MANIFEST_VERSION,
        "app": {"name": APP_NAME, "version": __version__},
        "schema_version": schema_version(db),
        "code_set": CODE_SET,
        "created_at": started.isoformat(timespec="seconds"),
        "format": options.fmt,
        "time_zone": "+07:00",
        "filters": options.filters.to_json(),
        "privacy": {
            "include_personal": options.include_personal,
            "personal_columns": personal_columns(names, options.include_personal),
            "precise_locations": precise,
            "location_decimals": PRECISE_DECIMALS if precise else ROUNDED_DECIMALS,
            "rounded_layers": [] if precise else rounded_layers(names),
            "location_rounding": ("none: positions with 6 decimals (about 0.1 m)" if precise else
                                  "household positions (households, speed tests taken at a household, signal readings "
                                  "taken while an interview was under way in their session) rounded to 3 decimals "
                                  "of a degree: about 111 m north-south, 107 m east-west in Huế"),
        },
        "notes": _notes(names, options.filters),
        "counts": {f["layer"]: f["rows"] for f in files},
        "files": files,
    }


def _notes(names: list[str], filters) -> list[str]:
    notes = []
    if INDICATORS_NAME in names and (filters.date_from or filters.date_to or filters.teams):
        notes.append("indicators: computed by the review module over every date and team (unit and status "
                     "filters apply), as the Review page shows them; rejected sessions never count")
    if KPIS_NAME in names and (filters.date_from or filters.date_to or filters.teams or filters.status != "all"):
        notes.append("kpis: computed from every valid speed test of the chosen units (date, team and status "
                     "filters do not apply), as the Review page's Speed KPIs tab shows them")
    return notes


def dumps(manifest: dict) -> bytes:
    """The manifest as UTF-8 JSON text."""
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
