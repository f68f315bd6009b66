"""A household's request to see its data: everything held about it as readable JSON plus a CSV of the same.

The JSON keeps one section per kind of record (answers decoded from their JSON text); the CSV has one line per
field (section, record id, field, value), with text cells made inert for spreadsheets. Both files are written
through the export staging (no partial file, nothing replaced unless asked) and the request is logged.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import sqlite_utils

from survey_app import __version__
from survey_app.clock import utc_now
from survey_app.errors import NotFound
from survey_app.exports.files import Sink, check_folder, refuse_existing
from survey_app.i18n import _
from survey_app.storage import consents as requests_store
from survey_app.storage import person_data as store
from survey_app.storage.export_queries import FORMULA_STARTS

JSON_TEXT = ("answers", "data_before", "passport", "verdict_reasons")  # (the last two: a speed test's evidence)


def _decoded(row: dict) -> dict:
    out = dict(row)
    for key in JSON_TEXT:
        if isinstance(out.get(key), str):
            try:
                out[key] = json.loads(out[key])
            except ValueError:
                pass
    return out


def collect(db: sqlite_utils.Database, household_id: str) -> dict:
    """Everything held about the household; NotFound when there is no such household."""
    if store.household_row(db, household_id) is None:
        raise NotFound(_("No household interview with id {id}.").format(id=household_id))
    sections = {name: [_decoded(r) for r in rows] for name, rows in store.everything(db, household_id).items()}
    return {"household_id": household_id, "exported_at": utc_now(), "app_version": __version__, **sections}


def _cell(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
    return "'" + value if value[:1] and value[0] in FORMULA_STARTS else value


def as_csv(data: dict) -> str:
    """One line per field of every record: section, record_id, field, value."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["section", "record_id", "field", "value"])
    for section, rows in data.items():
        if not isinstance(rows, list):
            continue
        for row in rows:
            for field, value in row.items():
                w.writerow([section, _cell(row.get("id", "")), field, _cell(value)])
    return buf.getvalue()


def export_person(db: sqlite_utils.Database, household_id: str, out: Path, *, handled_by: str,
                  overwrite: bool = False) -> list[Path]:
    """Write OUT (JSON) and OUT with .csv; log the access request. Returns the two paths."""
    data = collect(db, household_id)
    out = Path(out)
    folder = check_folder(out.parent)
    names = [out.name, out.with_suffix(".csv").name if out.suffix.lower() != ".csv" else out.name + ".csv"]
    if not overwrite:
        refuse_existing(folder, names)
    payloads = [json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"),
                b"\xef\xbb\xbf" + as_csv(data).encode("utf-8")]
    sinks = [Sink(folder, name, durable=True, overwrite=overwrite) for name in names]
    try:
        for sink, payload in zip(sinks, payloads):
            sink.write(payload)
            sink.close()
        paths = [s.publish() for s in sinks]
    finally:
        for s in sinks:
            s.discard()
    requests_store.log_request(db, household_id=household_id, kind="access", handled_by=handled_by,
                               reason=_("Copy of the data given to the household."), completed=True)
    return paths
