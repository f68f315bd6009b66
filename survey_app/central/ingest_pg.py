"""The PostgreSQL edition executes the ingest rule's plans (central.revisions) in one transaction per step.

Several receivers may write at once. Every step first takes ROW EXCLUSIVE on `records` (what any insert takes)
and a step that deletes takes SHARE ROW EXCLUSIVE (which waits for, and excludes, every other writer), so a
tombstone never misses a record another receiver is inserting at that moment; held rows are locked FOR UPDATE
in key order. A racing insert of the same new record surfaces as a unique violation: the caller decides again.
"""
from __future__ import annotations

from survey_app.central.revisions import RECORD_COLUMNS, STEP_SQL, Held, Key, Plan

_COPY = f"COPY records ({', '.join(RECORD_COLUMNS)}) FROM STDIN"
_STEPS = {step: sql.replace("?", "%s") for step, sql in STEP_SQL.items()}
_KEYS = "unnest(%s::text[], %s::text[]) AS k(t, i)"


def _jsonb_key(key: str) -> tuple[int, bytes]:
    raw = key.encode("utf-8", "surrogatepass")
    return len(raw), raw


class JsonbKeyOrder:
    """Puts a record's data keys in jsonb's own order (shorter keys first, then bytewise). jsonb sorts an
    object's keys on input; keys already in order cost its sort one pass (about an eighth of the server's work
    for a signal reading). The stored value is the same either way. One per request (not thread-safe)."""

    MEMO = 64  # key lists remembered (a batch's records of one table share theirs)

    def __init__(self) -> None:
        self._orders: dict[tuple[str, ...], list[str]] = {}

    def __call__(self, data: dict) -> dict:
        keys = tuple(data)
        order = self._orders.get(keys)
        if order is None:
            if len(self._orders) >= self.MEMO:
                self._orders.clear()
            order = self._orders[keys] = sorted(keys, key=_jsonb_key)
        return {k: data[k] for k in order}


def _columns(keys: list[Key]) -> list[list[str]]:
    return [[t for t, _ in keys], [i for _, i in keys]]


class PgTx:
    """One transaction's access for the rule on a psycopg connection (inside `conn.transaction()`)."""

    def __init__(self, conn) -> None:
        self.conn = conn
        conn.execute("LOCK TABLE records IN ROW EXCLUSIVE MODE")

    def any_deleted(self, keys: list[Key]) -> bool:
        """Whether any of the keys has a deletion (cheap when a table has none at all)."""
        tables = sorted({t for t, _ in keys})
        if not self.conn.execute("SELECT 1 FROM deletions WHERE table_name = ANY(%s) LIMIT 1", [tables]).fetchone():
            return False
        return self.conn.execute(f"SELECT 1 FROM {_KEYS} JOIN deletions d ON d.table_name = k.t AND d.id = k.i "
                                 "LIMIT 1", _columns(keys)).fetchone() is not None

    def insert_new(self, rows: list[tuple]) -> bool:
        """COPY records believed new; False (nothing written, a savepoint undone) if one is held after all (the
        unique key says so, also for a receiver writing the same record at this moment)."""
        from psycopg.errors import UniqueViolation

        try:
            with self.conn.transaction():
                self._copy(rows)
        except UniqueViolation:
            return False
        return True

    def _copy(self, rows: list[tuple]) -> None:
        with self.conn.cursor() as cur, cur.copy(_COPY) as copy:
            for row in rows:
                copy.write_row(row)

    def held(self, keys: list[Key], deletes: bool = False) -> dict[Key, Held]:
        """What is held for the keys, locked until the step commits; a deletion newer than a live copy wins."""
        if deletes:
            self.conn.execute("LOCK TABLE records IN SHARE ROW EXCLUSIVE MODE")
        params = _columns(keys)
        held: dict[Key, Held] = {}
        for t, i, rev, dev, upd, data, batch, received, status in self.conn.execute(
                f"SELECT r.table_name, r.id, r.revision, r.device_id, r.updated_at, r.data::text, r.batch_id, "
                f"r.received_at, CASE WHEN r.table_name = 'sessions' THEN r.data ->> 'status' END "
                f"FROM records r JOIN {_KEYS} ON r.table_name = k.t AND r.id = k.i "
                f"ORDER BY r.table_name, r.id FOR UPDATE OF r", params):
            held[(t, i)] = Held(rev, True, dev, status, (dev, upd, data, batch, received))
        for t, i, rev, purged in self.conn.execute(
                f"SELECT d.table_name, d.id, d.revision, d.purged FROM deletions d JOIN {_KEYS} "
                f"ON d.table_name = k.t AND d.id = k.i ORDER BY d.table_name, d.id FOR UPDATE OF d", params):
            if rev >= held.get((t, i), Held(0, False)).revision:
                held[(t, i)] = Held(rev, False, purged=purged)
        return held

    def kept(self, key: Key, revision: int) -> list[str]:
        """Data texts of the history copies of one record revision."""
        return [d for (d,) in self.conn.execute("SELECT data::text FROM record_history WHERE table_name = %s AND "
                                                "id = %s AND revision = %s", [*key, revision])]

    def execute(self, plan: Plan) -> None:
        """Apply a plan in the order the database's guards expect."""
        with self.conn.cursor() as cur:
            for step, rows in plan.steps():
                if step == "inserts":
                    self._copy(rows)
                else:
                    cur.executemany(_STEPS[step], rows)
