"""Signal readings and the modems that took them: the only SQL of the modem/GPS area."""
from __future__ import annotations

from typing import Any, Iterable

import sqlite_utils

from survey_app.models.base import NO_POSITION_COLUMNS, Position
from survey_app.clock import utc_now
from survey_app.storage import changes
from survey_app.storage.records import CODE_SET, RecordContext
from survey_app.storage.revisions import revise

READING_COLUMNS = ("manufacturer", "model", "technology", "mcc", "mnc", "operator", "rssi_dbm", "rsrp_dbm",
                   "rsrq_db", "sinr_db", "rscp_dbm", "ecio_db", "band", "arfcn", "pci", "cell_id", "tac", "lac",
                   "nr_rsrp_dbm", "nr_rsrq_db", "nr_sinr_db", "nr_band", "nr_arfcn", "nr_pci", "raw")


def upsert_modem(db: sqlite_utils.Database, ctx: RecordContext, *, manufacturer: str | None, model: str | None,
                 revision: str | None, port: str, dialect: str, usb_vid_pid: str | None = None,
                 new_id: str | None = None) -> str:
    """The id of the `modems` row for this model on this port (created on first sight, with `new_id` if given;
    a new sighting is a revision: last_seen_at, firmware and dialect)."""
    now = utc_now()
    row = db.execute(
        "SELECT id FROM modems WHERE IFNULL(manufacturer,'') = ? AND IFNULL(model,'') = ? AND IFNULL(port,'') = ?",
        [manufacturer or "", model or "", port]).fetchone()
    if row:
        revise(db, "modems", row[0], {"last_seen_at": now, "revision_fw": revision, "dialect": dialect},
               changed_by=ctx.surveyor, reason="seen again", history=False)
        return row[0]
    data = {"label": " ".join(p for p in (manufacturer, model) if p), "manufacturer": manufacturer,
            "model": model, "revision_fw": revision, "usb_vid_pid": usb_vid_pid, "port": port,
            "dialect": dialect, "first_seen_at": now, "last_seen_at": now}
    if new_id:
        data["id"] = new_id
    record = ctx.stamp(data, now=now)
    db.table("modems").insert(record)
    changes.changed(db, "modems")
    return record["id"]


def store_batch(db: sqlite_utils.Database, ctx: RecordContext, modems: list[dict], rows: list[dict],
                handovers: list[dict] = ()) -> None:
    """In one transaction: the modems first seen since the last batch (each dict holds upsert_modem's
    arguments and the `new_id` its readings already carry; an existing row's id replaces it in `rows` and
    `handovers`), then the readings and the cell changes seen between them (the handover log)."""
    with db.atomic():
        for modem in modems:
            held = upsert_modem(db, ctx, **modem)
            if held != modem["new_id"]:
                for row in (*rows, *handovers):
                    if row.get("modem_id") == modem["new_id"]:
                        row["modem_id"] = held
        if rows:
            db.table("signal_readings").insert_all(rows)
        if handovers:
            db.table("cell_changes").insert_all(handovers)


def reading_row(ctx: RecordContext, reading: Any, *, measured_at: str, registration: str | None,
                modem_id: str | None, session_id: str | None = None, unit_code: str | None = None,
                position: Position | None = None) -> dict:
    """A signal_readings row (common columns stamped) from a SignalReading-like object."""
    row = {c: getattr(reading, c) for c in READING_COLUMNS}
    row["revision_fw"] = reading.revision
    row.update(session_id=session_id, modem_id=modem_id, unit_code=unit_code,
               code_set=CODE_SET if unit_code else None, measured_at=measured_at, registration=registration)
    row.update(position.as_columns() if position else NO_POSITION_COLUMNS)
    return ctx.stamp(row)


def insert_readings(db: sqlite_utils.Database, rows: Iterable[dict], handovers: Iterable[dict] = ()) -> int:
    """Append readings (and the cell changes seen between them) in one transaction; returns how many readings."""
    rows, handovers = list(rows), list(handovers)
    if not rows and not handovers:
        return 0
    with db.atomic():
        if rows:
            db.table("signal_readings").insert_all(rows)
        if handovers:
            db.table("cell_changes").insert_all(handovers)
        changes.changed(db, *(["signal_readings"] if rows else []), *(["cell_changes"] if handovers else []))
    return len(rows)


_CHANGE_SIDES = ("operator", "technology", "band", "arfcn", "pci", "cell_id", "tac")


def cell_change_row(ctx: RecordContext, kind: str, before: dict | None, after: dict | None, *, measured_at: str,
                    modem_id: str | None, session_id: str | None = None, unit_code: str | None = None,
                    position: Position | None = None) -> dict:
    """A cell_changes row (the handover log): what served before and after, where and when."""
    row = {"kind": kind, "measured_at": measured_at, "modem_id": modem_id, "session_id": session_id,
           "unit_code": unit_code, "code_set": CODE_SET if unit_code else None}
    for side, values in (("from", before or {}), ("to", after or {})):
        row.update({f"{side}_{k}": values.get(k) for k in _CHANGE_SIDES})
    row.update(position.as_columns() if position else NO_POSITION_COLUMNS)
    return ctx.stamp(row)


def list_cell_changes(db: sqlite_utils.Database, *, session_id: str | None = None, limit: int = 1000) -> list[dict]:
    """The handover log, oldest first (of one session, or all)."""
    where, args = ("WHERE session_id = ?", [session_id]) if session_id else ("", [])
    cur = db.execute(f"SELECT * FROM cell_changes {where} ORDER BY measured_at LIMIT ?", [*args, limit])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]

