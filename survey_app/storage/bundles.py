"""SQL of bundle files: which records a bundle takes, and the upserts and log of an import."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from survey_app.clock import utc_now
from survey_app.storage import sync as sync_store
from survey_app.storage.driver import sqlite
from survey_app.storage.records import OWN_UNSYNCED_SQL, SYNC_IMPORTED, SYNC_PENDING

if TYPE_CHECKING:  # sqlite_utils is imported lazily: it costs ~150 ms of start-up
    import sqlite_utils


def selection(db: sqlite_utils.Database, session_id: str | None, assignment_id: str | None = None, *,
              counted: tuple[dict[str, int], str] | None = None) -> dict[str, tuple[str, list]]:
    """Per table, the WHERE clause of the records to export: every unsynced record of this laptop, or one session's;
    the parents of exported records are included. With `assignment_id`: that revisit assignment alone.
    `counted` = (counts, device id): the pass that finds the sessions unsynced records refer to also counts,
    per table whose clause is the plain unsynced one, its unsynced records of that device (see own_selection)."""
    if assignment_id:
        return {"assignments": ("id = ?", [assignment_id])}
    tables = sync_store.ordered_tables(db)
    cols = {t: set(sync_store.columns(db, t)) for t in tables}
    out: dict[str, tuple[str, list]] = {}
    if session_id:
        s = [session_id]
        out["sessions"] = ("id = ?", s)
        out["teams"] = ("id IN (SELECT team_id FROM sessions WHERE id = ?)", s)
        for t in tables:
            if t not in out and "session_id" in cols[t]:
                out[t] = ("session_id = ?", s)
        if "members" in tables:
            out["members"] = ("household_id IN (SELECT id FROM households WHERE session_id = ?)", s)
        return {t: out[t] for t in tables if t in out}
    unsynced = OWN_UNSYNCED_SQL  # a copy imported from another installation is not this laptop's to sign
    for t in tables:
        out[t] = (unsynced, [])
    # The sessions (and their teams) that unsynced records refer to, found once: as a subquery, a UNION over
    # every such table (a million readings) was evaluated again by each count and each chunk's query.
    with_session = [t for t in tables if "session_id" in cols[t] and t != "sessions"]
    if "sessions" in tables and with_session:
        refs = sorted(_referred_sessions(db, with_session, unsynced, counted))
        out["sessions"] = (f"{unsynced} OR id IN (SELECT value FROM json_each(?))", [json.dumps(refs)])
    if "teams" in tables and "sessions" in tables:
        where, params = out["sessions"]
        teams = [tid for (tid,) in db.execute(f"SELECT DISTINCT team_id FROM sessions WHERE {where}", params)]
        out["teams"] = (f"{unsynced} OR id IN (SELECT value FROM json_each(?))", [json.dumps(teams)])
    if "households" in tables and "members" in tables:
        out["households"] = (f"{unsynced} OR id IN (SELECT household_id FROM members WHERE {unsynced})", [])
    if counted is not None:  # a count holds only for a table whose clause stayed the plain unsynced one
        for t in [t for t in counted[0] if out[t] != (unsynced, [])]:
            del counted[0][t]
    return out


def _referred_sessions(db: sqlite_utils.Database, tables: list[str], unsynced: str,
                       counted: tuple[dict[str, int], str] | None) -> set[str]:
    """The sessions the unsynced records of `tables` refer to; with `counted`, the same pass counts each
    table's unsynced records of that device (a table scan of a million rows each, taken once, not twice)."""
    if counted is None:
        return {sid for t in tables for (sid,) in db.execute(
            f"SELECT DISTINCT session_id FROM [{t}] WHERE {unsynced} AND session_id IS NOT NULL")}
    counts, me = counted
    refs: set[str] = set()
    for t in tables:
        counts[t] = 0
        for sid, mine in db.execute(f"SELECT session_id, sum(device_id = ?) FROM [{t}] WHERE {unsynced} "
                                    f"GROUP BY session_id", [me]):
            if sid is not None:
                refs.add(sid)
            counts[t] += mine
    return refs


IMPORT_STATES = (SYNC_PENDING, SYNC_IMPORTED)


def insert_sql(table: str, data_cols: Sequence[str], state: str = SYNC_PENDING) -> str:
    """The statement that writes a new imported row (in `data_cols` order) in `state`: 'pending' for this
    installation's own bundle read back, 'imported' for another installation's (see storage.records)."""
    assert state in IMPORT_STATES
    return (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in data_cols)}, sync_state, synced_revision) "
            f"VALUES ({', '.join('?' for _ in data_cols)}, '{state}', NULL)")


def upsert_sql(table: str, data_cols: Sequence[str], state: str = SYNC_PENDING) -> str:
    """The statement that writes an imported row over an older revision (never over the same or a newer one)."""
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in data_cols if c != "id")
    return (insert_sql(table, data_cols, state) + f" ON CONFLICT (id) DO UPDATE SET {updates}, "
            f"sync_state = '{state}', synced_revision = NULL WHERE excluded.revision > [{table}].revision")


def nothing_to_merge(db: sqlite_utils.Database, table: str) -> bool:
    """Whether `table` is empty and has no tombstones: an import may then take the plain, faster insert."""
    return not db.execute(f"SELECT EXISTS (SELECT 1 FROM [{table}]) OR EXISTS (SELECT 1 FROM tombstones WHERE "
                          f"table_name = ?)", [table]).fetchone()[0]


def write_rows(db: sqlite_utils.Database, sql: str, rows: list[tuple],
               on_clash: Callable[[tuple, sqlite.IntegrityError], bool]) -> int:
    """Run `sql` over the rows in one call; when one clashes with a local row, run them one by one and hand
    each clash (values, error) to `on_clash` (True if it wrote the row after all). Returns the rows written."""
    conn = db.conn
    try:
        conn.execute("SAVEPOINT chunk")
        conn.executemany(sql, rows)
        conn.execute("RELEASE chunk")
        return len(rows)
    except sqlite.IntegrityError:
        conn.execute("ROLLBACK TO chunk")
        conn.execute("RELEASE chunk")
    written = 0
    for values in rows:
        try:
            conn.execute(sql, values)
            written += 1
        except sqlite.IntegrityError as exc:
            written += bool(on_clash(values, exc))
    return written


def write_row(db: sqlite_utils.Database, sql: str, values: Sequence) -> None:
    """Run `sql` for one row (a clash resolved by the caller)."""
    db.conn.execute(sql, tuple(values))


def log_import(db: sqlite_utils.Database, *, bundle_id: str, source_device_id: str, sha256: str, records: int,
               changed: int) -> None:
    """Note an imported bundle (once per bundle id)."""
    db.conn.execute(
        "INSERT OR IGNORE INTO bundle_imports (bundle_id, imported_at, source_device_id, sha256, records, "
        "changed) VALUES (?, ?, ?, ?, ?, ?)", [bundle_id, utc_now(), source_device_id, sha256, records, changed])


def own_records(selection: dict[str, tuple[str, list]], me: str) -> dict[str, tuple[str, list]]:
    """The selection narrowed to this device's records (a bundle carries only what its signer may write), plus
    the sessions its own pending review decisions changed."""
    out = {}
    for table, (where, params) in selection.items():
        if table == "sessions" and "review_decisions" in selection:
            out[table] = (f"({where}) AND (device_id = ? OR id IN (SELECT session_id FROM review_decisions "
                          f"WHERE device_id = ? AND sync_state != 'synced'))", [*params, me, me])
        else:
            out[table] = (f"({where}) AND device_id = ?", [*params, me])
    return out


def counts(db: sqlite_utils.Database, selection: dict[str, tuple[str, list]],
           known: dict[str, int] | None = None) -> dict[str, int]:
    """How many records each table of a selection holds (those in `known` counted already)."""
    known = known or {}
    return {t: known[t] if t in known else db.execute(f"SELECT count(*) FROM [{t}] WHERE {w}", p).fetchone()[0]
            for t, (w, p) in selection.items()}


def own_selection(db: sqlite_utils.Database, me: str, session_id: str | None = None,
                  assignment_id: str | None = None) -> tuple[dict[str, tuple[str, list]], dict[str, int]]:
    """What a bundle of device `me` takes (`own_records` of `selection`) and how many records per table."""
    counted: dict[str, int] = {}
    chosen = own_records(selection(db, session_id, assignment_id, counted=(counted, me)), me)
    return chosen, counts(db, chosen, counted)


def held_devices(db: sqlite_utils.Database, table: str, ids: list[str]) -> dict[str, tuple[str, str | None]]:
    """{id: (device_id, status)} of the given records already held in `table` (status only for sessions)."""
    status = "t.status" if table == "sessions" else "NULL"
    return {i: (dev, st) for i, dev, st in db.execute(
        f"SELECT t.id, t.device_id, {status} FROM json_each(?) k JOIN [{table}] t ON t.id = k.value",
        [json.dumps(ids)]).fetchall()}


MAX_ARRAY_COLUMNS = 120  # SQLITE_MAX_FUNCTION_ARG is 127 by default


def array_columns(db: sqlite_utils.Database, table: str) -> list[str] | None:
    """The column names a bundle writes `table`'s rows as arrays in (id, revision, updated_at, then the data
    columns); None if there are too many for one json_array call (the table is then written as records)."""
    cols = sync_store.columns(db, table)
    data = [c for c in cols if c not in sync_store.LOCAL_COLUMNS and c not in sync_store.RECORD_COLUMNS]
    names = [*sync_store.RECORD_COLUMNS, *data]
    return names if len(names) <= MAX_ARRAY_COLUMNS else None


def array_lines(db: sqlite_utils.Database, table: str, names: list[str], where: str, params: list,
                size: int = 5000) -> Iterator[tuple[bytes, int]]:
    """The rows of `table` matching `where`, in rowid order, as JSON-array lines (values in `names` order):
    (bytes of up to `size` whole lines, their count). SQLite renders and joins each chunk (one bytes object,
    no Python object per row or value); chunks follow the rowid, so each query starts where the last ended."""
    values = ", ".join(f"[{c}]" for c in names)
    sql = (f"SELECT CAST(group_concat(line, char(10)) || char(10) AS BLOB), count(*), max(r) FROM ("
           f"SELECT json_array({values}) AS line, rowid AS r FROM [{table}] WHERE rowid > ? AND ({where}) "
           f"ORDER BY rowid LIMIT {int(size)})")
    after = -(2 ** 63)
    while True:
        data, n, last = db.execute(sql, [after, *params]).fetchone()
        if not n:
            return
        yield data, n
        if n < size:  # the last chunk: no query for an empty one
            return
        after = last
