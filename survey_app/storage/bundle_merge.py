"""Bundle import's revision rules (the receiver's, on a laptop): newest revision wins and the replaced row is
kept in record_history; an older revision is "stale", the same revision with other content a "conflict" (the
local row stays; the bundle's copy is kept in record_history, so nothing is lost); tombstones delete.
Bundles imported in any order therefore end in the same current state.

Rows are tuples in the writer's column order (id, revision, updated_at, *data columns).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from survey_app.storage.revisions import TOMBSTONES, keep_history

# How many rows a bundle's import wrote or refused, by kind.
KINDS = ("new", "newer", "unchanged", "stale", "conflict", "deleted")


@dataclass
class Tally:
    """Counts of one import."""

    new: int = 0
    newer: int = 0
    unchanged: int = 0
    stale: int = 0
    conflict: int = 0
    deleted: int = 0

    @property
    def changed(self) -> int:
        """Rows written or deleted."""
        return self.new + self.newer + self.deleted


def _same(a: tuple, b: tuple) -> bool:
    """Same content: every data column equal (the record-level updated_at aside; NULL equals missing)."""
    return a[0] == b[0] and a[1] == b[1] and a[3:] == b[3:]


class Merger:
    """Applies chunks of one table's rows to the database inside the import's transaction."""

    def __init__(self, db, table: str, data_cols: list[str], insert_sql: str, upsert_sql: str, tally: Tally,
                 origin: str) -> None:
        self.db, self.table, self.cols = db, table, data_cols
        self.insert_sql, self.upsert_sql, self.tally = insert_sql, upsert_sql, tally
        self.why = f"bundle {origin}"

    def _held(self, ids: list[str]) -> tuple[dict[str, tuple], dict[str, int]]:
        keys = json.dumps(ids)
        cols = ", ".join(f"[{c}]" for c in self.cols)
        held = {r[0]: tuple(r) for r in self.db.conn.execute(
            f"SELECT {cols} FROM [{self.table}] WHERE id IN (SELECT value FROM json_each(?))", [keys])}
        dead = dict(self.db.conn.execute(
            "SELECT record_id, max(record_revision) FROM tombstones WHERE table_name = ? AND record_id IN "
            "(SELECT value FROM json_each(?)) GROUP BY record_id", [self.table, keys]))
        return held, dead

    def merge(self, rows: list[tuple], insert) -> None:
        """Write new rows (through `insert`, which resolves unique clashes), replace older ones, count the rest."""
        held, dead = self._held([r[0] for r in rows])
        fresh = []
        for row in rows:
            rid, rev = row[0], row[1]
            if dead.get(rid, 0) >= rev:  # deleted here at this revision or later
                self._refused(row, "stale" if dead[rid] > rev else "conflict")
            elif rid not in held:
                fresh.append(row)
            elif rev > held[rid][1]:
                keep_history(self.db, self.table, [dict(zip(self.cols, held[rid]))],
                             reason=f"replaced by revision {rev} from {self.why}")
                self.db.conn.execute(self.upsert_sql, row)
                self.tally.newer += 1
            elif rev == held[rid][1] and _same(row, held[rid]):
                self.tally.unchanged += 1
            else:
                self._refused(row, "stale" if rev < held[rid][1] else "conflict")
        if fresh:
            written = insert(fresh)
            self.tally.new += written
            self.tally.unchanged += len(fresh) - written

    def _refused(self, row: tuple, kind: str) -> None:
        """Keep the bundle's copy of a stale or conflicting revision, unless this revision is kept already with
        the same content."""
        setattr(self.tally, kind, getattr(self.tally, kind) + 1)
        copy = dict(zip(self.cols, row))
        for (text,) in self.db.conn.execute("SELECT data_before FROM record_history WHERE table_name = ? AND "
                                            "record_id = ? AND revision = ?", [self.table, row[0], row[1]]):
            kept = json.loads(text)
            if all(kept.get(c) == copy.get(c) for c in self.cols if c != "updated_at"):
                return
        keep_history(self.db, self.table, [copy], reason=f"{kind}: from {self.why}")

    # -- tombstones ----------------------------------------------------------------------------------------
    def apply_tombstones(self, rows: list[tuple]) -> None:
        """Store new tombstones, then delete what they delete (if the local row is older)."""
        held, _dead = self._held([r[0] for r in rows])
        for row in rows:
            if row[0] in held:
                self.tally.unchanged += 1
                continue
            self.db.conn.execute(self.insert_sql, row)
            self.tally.new += 1
            stone = dict(zip(self.cols, row))
            self._delete(stone)

    def _delete(self, stone: dict[str, Any]) -> None:
        table, rid, rev = stone["table_name"], stone["record_id"], int(stone["record_revision"])
        if table == TOMBSTONES or not self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone():
            return
        cur = self.db.conn.execute(f"SELECT * FROM [{table}] WHERE id = ?", [rid])
        found = cur.fetchone()
        if found is None:
            return  # never here (or deleted already): the tombstone keeps later copies out
        local = dict(zip([d[0] for d in cur.description], found))
        if int(local["revision"]) >= rev:
            self.tally.stale += int(local["revision"]) > rev
            self.tally.conflict += int(local["revision"]) == rev
            return
        if stone.get("purge"):
            self.db.conn.execute("DELETE FROM record_history WHERE table_name = ? AND record_id = ?", [table, rid])
        else:
            keep_history(self.db, table, [local], changed_by=stone.get("deleted_by") or "",
                         reason=stone.get("reason") or "")
        self.db.conn.execute(f"DELETE FROM [{table}] WHERE id = ?", [rid])
        self.tally.deleted += 1
