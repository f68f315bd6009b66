"""The SQLite edition executes the ingest rule's plans (central.revisions) inside the store's write transaction."""
from __future__ import annotations

from survey_app.central.revisions import STEP_SQL, Held, Key, Plan
from survey_app.codec import dumps_text, loads
from survey_app.storage.driver import sqlite


_KEYS = "json_each(?) k"
_ON_KEY = "ON {t}.table_name = k.value ->> 0 AND {t}.id = k.value ->> 1"


class SqliteTx:
    """One write transaction's access for the rule (an IMMEDIATE transaction is open on `cur`)."""

    def __init__(self, cur) -> None:
        self.cur = cur

    def any_deleted(self, keys: list[Key]) -> bool:
        """Whether any of the keys has a deletion (cheap when a table has none at all)."""
        tables = sorted({t for t, _ in keys})
        if not self.cur.execute(f"SELECT 1 FROM deletions WHERE table_name IN ({', '.join('?' * len(tables))}) "
                                "LIMIT 1", tables).fetchone():
            return False
        return self.cur.execute(f"SELECT 1 FROM {_KEYS} JOIN deletions d {_ON_KEY.format(t='d')} LIMIT 1",
                                [dumps_text(keys)]).fetchone() is not None

    def insert_new(self, rows: list[tuple]) -> bool:
        """Insert records believed new; False (nothing written) if one is held after all."""
        self.cur.execute("SAVEPOINT fresh")
        try:
            self.cur.executemany(STEP_SQL["inserts"], rows)
        except sqlite.IntegrityError as exc:
            self.cur.execute("ROLLBACK TO fresh")
            self.cur.execute("RELEASE fresh")
            if "UNIQUE" not in str(exc):
                raise
            return False
        self.cur.execute("RELEASE fresh")
        return True

    def held(self, keys: list[Key], deletes: bool = False) -> dict[Key, Held]:
        """What is held for the keys (two set-based queries); a deletion newer than a live copy wins."""
        text = dumps_text(keys)
        held: dict[Key, Held] = {}
        for t, i, rev, dev, upd, data, batch, received in self.cur.execute(
                f"SELECT r.table_name, r.id, r.revision, r.device_id, r.updated_at, r.data, r.batch_id, "
                f"r.received_at FROM {_KEYS} JOIN records r {_ON_KEY.format(t='r')}", [text]):
            status = _status(data) if t == "sessions" else None
            held[(t, i)] = Held(rev, True, dev, status, (dev, upd, data, batch, received))
        for t, i, rev, purged in self.cur.execute(f"SELECT d.table_name, d.id, d.revision, d.purged FROM {_KEYS} "
                                                  f"JOIN deletions d {_ON_KEY.format(t='d')}", [text]):
            if rev >= held.get((t, i), Held(0, False)).revision:
                held[(t, i)] = Held(rev, False, purged=bool(purged))
        return held

    def kept(self, key: Key, revision: int) -> list[str]:
        """Data texts of the history copies of one record revision."""
        return [d for (d,) in self.cur.execute("SELECT data FROM record_history WHERE table_name = ? AND id = ? "
                                               "AND revision = ?", [*key, revision])]

    def execute(self, plan: Plan) -> None:
        """Apply a plan in the order the database's guards expect."""
        for step, rows in plan.steps():
            self.cur.executemany(STEP_SQL[step], rows)


def _status(text: str) -> str | None:
    try:
        value = loads(text)
    except ValueError:
        return None
    status = value.get("status") if isinstance(value, dict) else None
    return status if isinstance(status, str) else None
