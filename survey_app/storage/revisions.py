"""The one path every change to a synced record takes (see docs/ARCHITECTURE.md, "Revisions").

A change raises the record's revision, puts it back in the outbox (`sync_state = 'pending'`), stamps who and
why (on revisable tables) and keeps the previous row in `record_history`. A deletion writes a tombstone
(table, id, revision, when, who, why), itself a synced record, before the row goes: tombstones travel through
sync and bundles like any record. Triggers installed on every synced table (`install_guards`, after every
migration run) refuse an UPDATE that does not raise the revision and a DELETE without a tombstone, so a
future table or feature cannot forget this path.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Iterable

from survey_app.clock import new_id, utc_now
from survey_app.storage.records import SYNC_PENDING

if TYPE_CHECKING:
    import sqlite_utils

TOMBSTONES = "tombstones"
# Columns that are this laptop's bookkeeping: changing only these is not a revision.
LOCAL_COLUMNS = ("sync_state", "synced_revision")
_TOMBSTONE_NS = "6f1d4c1e-3b0a-4c55-9a7e-5e2d1b0c4a11"


def tombstone_id(table: str, record_id: str, revision: int) -> str:
    """The tombstone's own id: the same deletion made or imported anywhere is one record."""
    import uuid   # here, not at import: uuid imports platform (~8 ms), and the window's start reaches this module

    return str(uuid.uuid5(uuid.UUID(_TOMBSTONE_NS), f"{table}/{record_id}/{int(revision)}"))


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info([{table}])")]


def get_row(db: sqlite_utils.Database, table: str, record_id: str) -> dict[str, Any] | None:
    """One row as a dict, or None."""
    cur = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [record_id])
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


def keep_history(db: sqlite_utils.Database, table: str, rows: Iterable[dict[str, Any]], *, changed_by: str = "",
                 reason: str = "", at: str | None = None) -> int:
    """Keep earlier versions of records in record_history (each with the revision it had)."""
    at = at or utc_now()
    values = [(new_id(), table, row["id"], int(row["revision"]), at, changed_by or "", reason or "",
               json.dumps(row, ensure_ascii=False)) for row in rows]
    db.conn.executemany("INSERT INTO record_history (id, table_name, record_id, revision, changed_at, changed_by, "
                        "reason, data_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values)
    return len(values)


def revise(db: sqlite_utils.Database, table: str, record_id: str, changes: dict[str, Any], *,
           changed_by: str = "", reason: str = "", history: bool = True) -> int:
    """Change a record: revision up, back in the outbox, who and why stamped, the old row kept in record_history
    (`history=False` only for autosaves of work in progress, e.g. a draft replacing a draft). Returns the
    revision now held; nothing changes (and no revision is spent) when `changes` change nothing."""
    from survey_app.errors import NotFound
    from survey_app.i18n import _

    with db.atomic():
        before = get_row(db, table, record_id)
        if before is None:
            raise NotFound(_("No record {id} in {table}.").format(id=record_id, table=table))
        changes = {k: v for k, v in changes.items() if k not in ("id", "revision", *LOCAL_COLUMNS)}
        if all(before.get(k) == v for k, v in changes.items() if k != "updated_at"):
            return int(before["revision"])
        now = utc_now()
        if history:
            keep_history(db, table, [before], changed_by=changed_by, reason=reason, at=now)
        update = dict(changes, revision=int(before["revision"]) + 1, updated_at=now, sync_state=SYNC_PENDING)
        if "changed_by" in before:
            update.update(changed_by=changed_by or None, change_reason=reason or None)
        db.table(table).update(record_id, update)
        _changed(db, table)
        return update["revision"]


def delete(db: sqlite_utils.Database, table: str, record_id: str, *, deleted_by: str = "", reason: str = "",
           session_id: str | None = None, purge: bool = False) -> int:
    """Delete a record through a tombstone (a synced record of its own); returns the deletion's revision.

    The deleted row is kept in record_history unless `purge` (erasure), which also drops its earlier history
    here and, once the tombstone arrives, at the central system and on every laptop that imports it.
    Children are the caller's to delete first (a household's members): a cascade would meet the guard.
    """
    from survey_app.errors import NotFound
    from survey_app.i18n import _
    from survey_app.storage.records import device_id

    with db.atomic():
        row = get_row(db, table, record_id)
        if row is None:
            raise NotFound(_("No record {id} in {table}.").format(id=record_id, table=table))
        now = utc_now()
        revision = int(row["revision"]) + 1
        if purge:
            db.execute("DELETE FROM record_history WHERE table_name = ? AND record_id = ?", [table, record_id])
        else:
            keep_history(db, table, [row], changed_by=deleted_by, reason=reason, at=now)
        me = device_id(db)
        db.table(TOMBSTONES).insert({
            "id": tombstone_id(table, record_id, revision), "created_at": now, "updated_at": now, "device_id": me,
            "surveyor": deleted_by or "", "app_version": row.get("app_version") or "", "revision": 1,
            "sync_state": SYNC_PENDING, "table_name": table, "record_id": record_id, "record_revision": revision,
            "session_id": session_id or row.get("session_id"), "deleted_at": now, "deleted_by": deleted_by or "",
            "reason": reason or "", "purge": int(bool(purge))}, pk="id")
        db.execute(f"DELETE FROM [{table}] WHERE id = ?", [record_id])
        _changed(db, table, TOMBSTONES)
        return revision


def deletion_revision(db: sqlite_utils.Database, table: str, record_id: str) -> int:
    """The revision at which this record was deleted here (0 if it was not)."""
    row = db.execute("SELECT max(record_revision) FROM tombstones WHERE table_name = ? AND record_id = ?",
                     [table, record_id]).fetchone()
    return int(row[0] or 0)


def _changed(db: sqlite_utils.Database, *tables: str) -> None:
    """Tell listeners (the window) which tables changed, when the storage change signal exists."""
    try:
        from survey_app.storage.changes import changed
    except ImportError:
        return
    changed(db, *tables, "record_history")


def install_guards(db: sqlite_utils.Database) -> None:
    """(Re)create, on every synced table, triggers refusing an UPDATE of its data that does not raise the
    revision and a DELETE without a tombstone (called after every migration run)."""
    from survey_app.storage.sessions import synced_tables

    for table in synced_tables(db):
        data = [c for c in _columns(db, table) if c not in LOCAL_COLUMNS]
        message = f"{table}: change records only through storage.revisions (revision up, history kept)"
        db.execute(f"DROP TRIGGER IF EXISTS [{table}_revision_guard]")
        db.execute(f"DROP TRIGGER IF EXISTS [{table}_delete_guard]")
        db.execute(f"CREATE TRIGGER [{table}_revision_guard] BEFORE UPDATE OF {', '.join(f'[{c}]' for c in data)} "
                   f"ON [{table}] WHEN NEW.revision <= OLD.revision "
                   f"BEGIN SELECT RAISE(ABORT, '{message}'); END")
        refuse = "1" if table == TOMBSTONES else (  # tombstones themselves are never deleted
            f"NOT EXISTS (SELECT 1 FROM tombstones WHERE table_name = '{table}' AND record_id = OLD.id "
            f"AND record_revision > OLD.revision)")
        db.execute(f"CREATE TRIGGER [{table}_delete_guard] BEFORE DELETE ON [{table}] WHEN {refuse} "
                   f"BEGIN SELECT RAISE(ABORT, '{table}: delete records only through storage.revisions.delete "
                   f"(a tombstone first)'); END")
