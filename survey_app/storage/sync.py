"""SQL of the sync outbox: what waits, what arrived, what was refused and why (see survey_app/sync)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import sqlite_utils

from survey_app.clock import utc_now
from survey_app.codec import dumps_text
from survey_app.storage import changes
from survey_app.storage.records import SYNC_IMPORTED, SYNC_PENDING, SYNC_REJECTED, SYNC_SYNCED
from survey_app.storage.sessions import synced_tables, unsynced_count  # noqa: F401  (re-exported)

# Columns that describe this laptop's sync bookkeeping, never sent.
LOCAL_COLUMNS = ("sync_state", "synced_revision")
# Columns carried at the record level of a batch, not inside "data".
RECORD_COLUMNS = ("id", "revision", "updated_at")
# Parents first, so a receiver with foreign keys could apply records in order; others follow by name.
TABLE_ORDER = ("teams", "sessions", "modems", "forms", "households", "members", "review_decisions",
               "speed_tests", "signal_readings")

STATE_WAITING = "waiting"
STATE_ARRIVED = "arrived"
STATE_REJECTED = "rejected"
STATE_IMPORTED = "imported"  # another installation's revision, held here; its own installation sends it
_STATE_SQL = {STATE_WAITING: f"sync_state = '{SYNC_PENDING}'", STATE_ARRIVED: f"sync_state = '{SYNC_SYNCED}'",
              STATE_REJECTED: f"sync_state = '{SYNC_REJECTED}'", STATE_IMPORTED: f"sync_state = '{SYNC_IMPORTED}'"}


def ordered_tables(db: sqlite_utils.Database) -> list[str]:
    """Synced tables, parents before children, tombstones last (a bundle deletes after it wrote)."""
    tables = synced_tables(db)
    first = [t for t in TABLE_ORDER if t in tables]
    rest = sorted(t for t in tables if t not in first and t != "tombstones")
    return first + rest + (["tombstones"] if "tombstones" in tables else [])


def columns(db: sqlite_utils.Database, table: str) -> list[str]:
    """Column names of a table, in order."""
    return [r[1] for r in db.execute(f"PRAGMA table_info([{table}])")]


def row_to_record(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A table row as a contract record {table, id, revision, updated_at, data}."""
    data = {k: v for k, v in row.items() if k not in LOCAL_COLUMNS and k not in RECORD_COLUMNS}
    return {"table": table, "id": row["id"], "revision": int(row["revision"]),
            "updated_at": row["updated_at"], "data": data}


def record_json_sql(db: sqlite_utils.Database, table: str) -> str | None:
    """A SQL expression rendering a row as its contract record JSON (SQLite's C JSON is far faster than
    building dicts in Python); None if the table has too many columns for one json_object call."""
    data_cols = [c for c in columns(db, table) if c not in LOCAL_COLUMNS and c not in RECORD_COLUMNS]
    if 2 * len(data_cols) > 120:  # SQLITE_MAX_FUNCTION_ARG is 127 by default
        return None
    data = ", ".join(f"'{c}', [{c}]" for c in data_cols)
    return (f"json_object('table', '{table}', 'id', id, 'revision', revision, 'updated_at', updated_at, "
            f"'data', json_object({data}))")


def iter_record_json(db: sqlite_utils.Database, table: str, where: str, params: Iterable[Any] = (),
                     size: int = 2000, limit: int | None = None, *, as_bytes: bool = False
                     ) -> Iterator[tuple[int, str, int, str | bytes]]:
    """(rowid, id, revision, record JSON) of the rows matching `where`, in rowid order, streamed. The JSON is
    text, or its UTF-8 bytes with `as_bytes` (SQLite hands them over as they are: no str made, none encoded)."""
    expr = record_json_sql(db, table)
    tail = f" ORDER BY rowid LIMIT {int(limit)}" if limit else " ORDER BY rowid"
    if expr is None:
        for row in iter_rows(db, f"SELECT rowid AS _rowid_, * FROM [{table}] WHERE {where}{tail}", params, size):
            rowid = row.pop("_rowid_")
            text = dumps_text(row_to_record(table, row))
            yield rowid, row["id"], int(row["revision"]), text.encode() if as_bytes else text
        return
    if as_bytes:
        expr = f"CAST({expr} AS BLOB)"
    cur = db.execute(f"SELECT rowid, id, revision, {expr} FROM [{table}] WHERE {where}{tail}", list(params))
    while chunk := cur.fetchmany(size):
        yield from chunk


def outbox_page(db: sqlite_utils.Database, table: str, after_rowid: int, limit: int,
                where: str = "", params: Iterable[Any] = ()) -> list[tuple[int, str, int, bytes]]:
    """Up to `limit` pending rows of `table` after `after_rowid`, as (rowid, id, revision, record JSON as UTF-8).

    The literal `sync_state != 'synced'` lets SQLite use the partial index of migration 0003.
    """
    cond = (f"sync_state != 'synced' AND sync_state = '{SYNC_PENDING}' AND rowid > ?"
            + (f" AND ({where})" if where else ""))
    return list(iter_record_json(db, table, cond, [after_rowid, *params], limit=limit, as_bytes=True))


def mark_accepted(db: sqlite_utils.Database, table: str, accepted: Iterable[tuple]) -> int:
    """Record that the receiver holds (id, revision[, rowid]); the row is synced only if not edited since.

    With the rowid the outbox read (its position, found without the id index) the row is updated where both
    rowid and id match; if a rowid no longer holds that record, the chunk is marked again by id alone (the
    update is idempotent)."""
    accepted = list(accepted)
    if not accepted:
        return 0
    update = (f"UPDATE [{table}] SET synced_revision = ?, "
              f"sync_state = CASE WHEN revision = ? THEN 'synced' ELSE sync_state END "
              f"WHERE {{where}} AND (synced_revision IS NULL OR synced_revision <= ?)")
    with db.atomic():
        done = False
        if all(len(a) > 2 and a[2] is not None for a in accepted):
            cur = db.conn.executemany(update.format(where="rowid = ? AND id = ?"),
                                      [(a[1], a[1], a[2], a[0], a[1]) for a in accepted])
            done = cur.rowcount == len(accepted)
        if not done:  # (also when a row was already marked for a newer revision: harmless, just slower)
            db.conn.executemany(update.format(where="id = ?"), [(a[1], a[1], a[0], a[1]) for a in accepted])
        if db.execute("SELECT 1 FROM sync_rejections LIMIT 1").fetchone():  # usually empty: skip 500 deletes
            db.conn.executemany("DELETE FROM sync_rejections WHERE table_name = ? AND record_id = ? "
                                "AND revision <= ?", [(table, a[0], a[1]) for a in accepted])
        changes.changed(db, table)
    return len(accepted)


def mark_rejected(db: sqlite_utils.Database, table: str, rejected: Iterable[tuple[str, int, str]]) -> int:
    """Keep the reason a revision was refused; only a row still at that revision is marked rejected (a verdict
    on an older copy, e.g. of a forwarded bundle, leaves a newer revision waiting)."""
    rows = list(rejected)
    if not rows:
        return 0
    now = utc_now()
    with db.atomic():
        db.conn.executemany(f"UPDATE [{table}] SET sync_state = 'rejected' WHERE id = ? AND revision = ?",
                            [(rid, rev) for rid, rev, _ in rows])
        db.conn.executemany(
            "INSERT INTO sync_rejections (table_name, record_id, revision, reason, rejected_at) "
            f"SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM [{table}] WHERE id = ? AND revision = ?) "
            "ON CONFLICT (table_name, record_id) DO UPDATE SET "
            "revision = excluded.revision, reason = excluded.reason, rejected_at = excluded.rejected_at",
            [(table, rid, rev, str(reason)[:500], now, rid, rev) for rid, rev, reason in rows])
        changes.changed(db, table)
    return len(rows)


def note_refused_copies(db: sqlite_utils.Database, table: str, refused: Iterable[tuple[str, int, str]]) -> int:
    """Keep the receiver's reason for refusing a forwarded copy of another installation's record (e.g. "stale:
    the central system holds revision 3"): the record stays 'imported' (its owner settles it; sending it again
    from here cannot help) and only a row still at that revision gets the reason. Returns rows noted."""
    rows = [(table, rid, rev, str(reason)[:500], utc_now(), rid, rev) for rid, rev, reason in refused]
    if not rows:
        return 0
    with db.atomic():
        cur = db.conn.executemany(
            "INSERT INTO sync_rejections (table_name, record_id, revision, reason, rejected_at) "
            f"SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM [{table}] WHERE id = ? AND revision = ? "
            f"AND sync_state = '{SYNC_IMPORTED}') ON CONFLICT (table_name, record_id) DO UPDATE SET "
            "revision = excluded.revision, reason = excluded.reason, rejected_at = excluded.rejected_at", rows)
        changes.changed(db, table)
    return cur.rowcount


def requeue_rejected(db: sqlite_utils.Database) -> dict[str, int]:
    """Put every rejected record back in the outbox (the reason stays until it is accepted); count per table.
    Imported copies are never rejected here, so they stay out of this laptop's outbox."""
    out = {}
    with db.atomic():
        for table in ordered_tables(db):
            cur = db.execute(f"UPDATE [{table}] SET sync_state = '{SYNC_PENDING}' "
                             f"WHERE sync_state != 'synced' AND sync_state = '{SYNC_REJECTED}'")
            if cur.rowcount:
                out[table] = cur.rowcount
        changes.changed(db, *out)
    return out


@dataclass(frozen=True)
class RecordState:
    """Where one record stands: 'arrived', 'rejected' (with why), 'waiting' or 'imported' (another
    installation's revision; with the receiver's reason if it refused the forwarded copy)."""

    table: str
    id: str
    revision: int
    synced_revision: int | None
    state: str
    reason: str = ""
    updated_at: str = ""


def _state_of(sync_state: str) -> str:
    return {SYNC_SYNCED: STATE_ARRIVED, SYNC_REJECTED: STATE_REJECTED, SYNC_IMPORTED: STATE_IMPORTED}.get(
        sync_state, STATE_WAITING)


def record_state(db: sqlite_utils.Database, table: str, record_id: str) -> RecordState | None:
    """The sync state of one record, or None if it is not here."""
    if table not in synced_tables(db):
        return None
    row = db.execute(f"SELECT id, revision, synced_revision, sync_state, updated_at FROM [{table}] WHERE id = ?",
                     [record_id]).fetchone()
    if row is None:
        return None
    reason = ""
    if row[3] in (SYNC_REJECTED, SYNC_IMPORTED):
        r = db.execute("SELECT reason FROM sync_rejections WHERE table_name = ? AND record_id = ?",
                       [table, record_id]).fetchone()
        reason = r[0] if r else ""
    return RecordState(table, row[0], row[1], row[2], _state_of(row[3]), reason, row[4])


def record_states(db: sqlite_utils.Database, table: str, state: str, *, after_rowid: int = 0,
                  limit: int = 200) -> list[tuple[int, RecordState]]:
    """One page of records of `table` in `state` (keyset paging on rowid, for lazy lists)."""
    cond = _STATE_SQL[state]
    if state != STATE_ARRIVED:
        cond = "sync_state != 'synced' AND " + cond
    rows = db.execute(
        f"SELECT t.rowid, t.id, t.revision, t.synced_revision, t.sync_state, t.updated_at, r.reason "
        f"FROM [{table}] t LEFT JOIN sync_rejections r ON r.table_name = ? AND r.record_id = t.id "
        f"WHERE {cond.replace('sync_state', 't.sync_state')} AND t.rowid > ? ORDER BY t.rowid LIMIT ?",
        [table, after_rowid, limit]).fetchall()
    return [(r[0], RecordState(table, r[1], r[2], r[3], _state_of(r[4]), r[6] or "", r[5])) for r in rows]


def state_counts(db: sqlite_utils.Database) -> dict[str, dict[str, int]]:
    """Per table: how many records wait, were rejected, are imported copies of other installations' records,
    and (total - those) arrived."""
    out = {}
    for table in ordered_tables(db):
        total = db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
        counts = dict(db.execute(f"SELECT sync_state, count(*) FROM [{table}] WHERE sync_state != 'synced' "
                                 f"GROUP BY sync_state").fetchall())
        waiting, rejected = counts.get(SYNC_PENDING, 0), counts.get(SYNC_REJECTED, 0)
        imported = counts.get(SYNC_IMPORTED, 0)
        out[table] = {STATE_WAITING: waiting, STATE_REJECTED: rejected, STATE_IMPORTED: imported,
                      STATE_ARRIVED: total - waiting - rejected - imported}
    return out


def _count_in(db: sqlite_utils.Database, sync_state: str) -> int:
    """Records of every synced table in one unsynced state (through the partial indexes)."""
    return sum(db.execute(f"SELECT count(*) FROM [{t}] WHERE sync_state != 'synced' AND sync_state = ?",
                          [sync_state]).fetchone()[0] for t in ordered_tables(db))


def pending_count(db: sqlite_utils.Database) -> int:
    """Records waiting in this laptop's outbox."""
    return _count_in(db, SYNC_PENDING)


def rejected_count(db: sqlite_utils.Database) -> int:
    """Records refused at their current revision."""
    return _count_in(db, SYNC_REJECTED)


def imported_count(db: sqlite_utils.Database) -> int:
    """Copies of other installations' records held here that the receiver has not been seen to hold."""
    return _count_in(db, SYNC_IMPORTED)


def rejections(db: sqlite_utils.Database, limit: int = 500) -> list[dict[str, Any]]:
    """Records refused at their current revision, newest first, with the reason."""
    out = []
    for table, rid, rev, reason, at in db.execute(
            "SELECT table_name, record_id, revision, reason, rejected_at FROM sync_rejections "
            "ORDER BY rejected_at DESC LIMIT ?", [limit]):
        out.append({"table": table, "id": rid, "revision": rev, "reason": reason, "rejected_at": at})
    return out


def start_run(db: sqlite_utils.Database, url: str) -> int:
    """Log the start of a sync run; returns its id."""
    cur = db.execute("INSERT INTO sync_runs (started_at, url) VALUES (?, ?)", [utc_now(), url])
    return cur.lastrowid


def finish_run(db: sqlite_utils.Database, run_id: int, *, status: str, batches: int, sent: int,
               accepted: int, rejected: int, error: str | None) -> None:
    """Log how a sync run ended."""
    db.execute("UPDATE sync_runs SET finished_at = ?, status = ?, batches = ?, sent = ?, accepted = ?, "
               "rejected = ?, error = ? WHERE id = ?",
               [utc_now(), status, batches, sent, accepted, rejected, error, run_id])
    changes.changed(db, "sync_runs")


def last_run(db: sqlite_utils.Database) -> dict[str, Any] | None:
    """The latest finished sync run, or None."""
    cur = db.execute("SELECT * FROM sync_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1")
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


def iter_rows(db: sqlite_utils.Database, sql: str, params: Iterable[Any] = (),
              size: int = 2000) -> Iterator[dict[str, Any]]:
    """Rows of a query as dicts, fetched in chunks (bounded memory)."""
    cur = db.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    while True:
        chunk = cur.fetchmany(size)
        if not chunk:
            return
        for values in chunk:
            yield dict(zip(names, values))
