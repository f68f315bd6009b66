"""The receiver's revision rules: newest revision wins, superseded copies are kept as history, an older
revision is "stale", the same revision with other content is a "conflict", tombstones delete.

Applied inside the store's write transaction (`apply_records(cur, ...)`); the answer lists every record as
accepted or rejected with a reason. Same inputs in any order end in the same current state: a revision
only ever replaces a lower one, and a deletion is a revision like any other (the tombstone's
`record_revision`). The fast path (records never seen) is one bulk insert; the rest is rare and per record.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from survey_app.codec import dumps_text, loads

SCHEMA = """
CREATE TABLE IF NOT EXISTS record_history (
    seq INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,              -- the revision of this copy
    kind TEXT NOT NULL,                     -- 'superseded' | 'deleted' | 'stale' | 'conflict'
    device_id TEXT,
    updated_at TEXT,
    data TEXT NOT NULL,
    batch_id TEXT,                          -- the batch (or bundle) that brought this copy
    received_at TEXT,                       -- when this copy had arrived (this server's clock)
    superseded_at TEXT NOT NULL,            -- when it became history
    superseded_by INTEGER,                  -- the revision held instead
    changed_by TEXT,                        -- who made the change that superseded it, and why
    change_reason TEXT,
    changed_fields TEXT                     -- JSON list of the data fields that differ from the revision held
);
CREATE INDEX IF NOT EXISTS record_history_record ON record_history(table_name, id, revision);
CREATE TABLE IF NOT EXISTS deletions (
    table_name TEXT NOT NULL,
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,              -- the deletion's revision (tombstone record_revision)
    tombstone_id TEXT NOT NULL,
    deleted_at TEXT,                        -- the deleting laptop's clock, for information
    deleted_by TEXT,
    reason TEXT,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (table_name, id)
);
"""

TOMBSTONES = "tombstones"
TABLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
LIVE, DELETED = "live", "deleted"


def _norm(data: dict[str, Any]) -> dict[str, Any]:
    """Content for comparison: a column one app version lacks and another holds as NULL is the same."""
    return {k: v for k, v in data.items() if v is not None}


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Data fields whose values differ."""
    a, b = _norm(old), _norm(new)
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


Check = Callable[[dict[str, Any], "str | None", "str | None"], "str | None"]
CheckTarget = Callable[[str, "str | None"], "str | None"]


class Applier:
    """Applies one batch's records on an open cursor (inside BEGIN IMMEDIATE) and collects the answer.

    `check(record, held_device, held_session_status)` (the receiver's contract and ownership rules) refuses a
    record before anything of it is written; `check_target(table, held_device)` refuses a tombstone whose target the sender may not delete.
    """

    def __init__(self, cur, batch_id: str, received: str, *, check: Check | None = None,
                 check_target: CheckTarget | None = None) -> None:
        self.cur, self.batch_id, self.received = cur, batch_id, received
        self.check = check or (lambda rec, dev, status: None)
        self.check_target = check_target or (lambda table, held: None)
        self.accepted: list[dict[str, Any]] = []
        self.rejected: list[dict[str, Any]] = []
        # (table, id) -> (revision, live|deleted, device_id of the held copy, a held session's status)
        self.state: dict[tuple[str, str], tuple] = {}
        self._new: list[tuple] = []  # inserts of never-seen records, written in bulk

    # -- entry -------------------------------------------------------------------------------------------
    def apply(self, records: Iterable[dict[str, Any]]) -> None:
        """Decide every record of one chunk (call again for the next); new ones are written in one bulk insert."""
        records = [_normal(r) for r in records]
        self.state.update(self._held(records))
        for rec in records:
            key = {"table": rec["table"], "id": rec["id"], "revision": rec["revision"]}
            if not TABLE_NAME.match(rec["table"]):
                self.rejected.append(dict(key, reason="invalid table name"))
                continue
            held = self.state.get((rec["table"], rec["id"]))
            reason = self.check(rec, held[2] if held else None, held[3] if held else None)
            if reason is None:
                reason = self._tombstone(rec) if rec["table"] == TOMBSTONES else self._revision(rec)
            if reason is None:
                self.accepted.append(key)
            else:
                self.rejected.append(dict(key, reason=reason))
        self._flush_new()

    def _held(self, records: list[dict[str, Any]]) -> dict[tuple[str, str], tuple]:
        """What is held for the chunk's records and its tombstones' targets (two queries)."""
        keys = [[r["table"], r["id"]] for r in records]
        for r in records:
            if r["table"] == TOMBSTONES:
                target = _target(r)
                if target:
                    keys.append([target[0], target[1]])
        text = dumps_text(keys)
        held = {(t, i): (rev, LIVE, dev, status) for t, i, rev, dev, status in self.cur.execute(
            "SELECT r.table_name, r.id, r.revision, r.device_id, CASE WHEN r.table_name = 'sessions' THEN "
            "r.data ->> '$.status' END FROM json_each(?) k JOIN records r "
            "ON r.table_name = k.value ->> 0 AND r.id = k.value ->> 1", [text])}
        for t, i, rev in self.cur.execute(
                "SELECT d.table_name, d.id, d.revision FROM json_each(?) k JOIN deletions d "
                "ON d.table_name = k.value ->> 0 AND d.id = k.value ->> 1", [text]):
            if rev >= held.get((t, i), (0,))[0]:
                held[(t, i)] = (rev, DELETED, None, None)
        return held

    # -- a revision of a record ----------------------------------------------------------------------
    def _revision(self, rec: dict[str, Any]) -> str | None:
        """None when accepted, else the reason (stale / conflict)."""
        k = (rec["table"], rec["id"])
        held = self.state.get(k)
        if held is None:  # the usual case: a record never seen
            self._new.append(_row(rec, self.batch_id, self.received))
            self.state[k] = (rec["revision"], LIVE, rec["device_id"], _status(rec))
            return None
        self._flush_new()  # the held copy may be one of this batch's inserts
        rev, kind = held[0], held[1]
        if rec["revision"] > rev:
            if kind == LIVE:
                self._to_history(k, "superseded", rec["revision"], _data(rec))
                self.cur.execute("DELETE FROM records WHERE table_name = ? AND id = ?", list(k))
            else:  # a revision newer than a deletion: the newest wins (the tombstone stays as a record)
                self.cur.execute("DELETE FROM deletions WHERE table_name = ? AND id = ?", list(k))
            self.cur.execute(_INSERT, _row(rec, self.batch_id, self.received))
            self.state[k] = (rec["revision"], LIVE, rec["device_id"], _status(rec))
            return None
        if rec["revision"] == rev and kind == LIVE and self._same_as_held(k, rec):
            return None  # already held: a re-send or a forwarded copy
        if rec["revision"] == rev:
            self._keep_copy(rec, "conflict", rev)
            what = "as deleted" if kind == DELETED else "with different content"
            return f"conflict: the central system holds revision {rev} {what}"
        self._keep_copy(rec, "stale", rev)
        return f"stale: the central system holds revision {rev}"

    def _same_as_held(self, k: tuple[str, str], rec: dict[str, Any]) -> bool:
        row = self.cur.execute("SELECT data FROM records WHERE table_name = ? AND id = ?", list(k)).fetchone()
        return row is not None and _norm(loads(row[0])) == _norm(_data(rec))

    # -- a tombstone -----------------------------------------------------------------------------------
    def _tombstone(self, rec: dict[str, Any]) -> str | None:
        target = _target(rec)
        if target is None:
            return "invalid tombstone: table_name, record_id and record_revision are required"
        own = self.state.get((TOMBSTONES, rec["id"]))
        if own is not None:  # this tombstone arrived before: the same answer as for any re-sent record
            return self._revision(rec)
        table, rid, rev = target
        k = (table, rid)
        held = self.state.get(k)
        why = self.check_target(table, held[2] if held else None)
        if why is not None:
            return why
        if held is not None:
            self._flush_new()
            if rev < held[0] or (rev == held[0] and held[1] == LIVE):
                self._keep_copy(rec, "stale" if rev < held[0] else "conflict", held[0])
                if rev < held[0]:
                    return f"stale: the central system holds revision {held[0]} of {table} {rid}"
                return f"conflict: the central system holds revision {rev} of {table} {rid} with content"
            if held[1] == LIVE:
                data = _data(rec)
                self._to_history(k, "deleted", rev, {}, changed_by=data.get("deleted_by"),
                                 reason=data.get("reason"))
                self.cur.execute("DELETE FROM records WHERE table_name = ? AND id = ?", list(k))
        data = _data(rec)
        if data.get("purge"):  # erasure: nothing of the record is kept here either
            self.cur.execute("DELETE FROM record_history WHERE table_name = ? AND id = ?", list(k))
        self.cur.execute(
            "INSERT INTO deletions (table_name, id, revision, tombstone_id, deleted_at, deleted_by, reason, batch_id, "
            "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (table_name, id) DO UPDATE SET "
            "revision = excluded.revision, tombstone_id = excluded.tombstone_id, deleted_at = excluded.deleted_at, "
            "deleted_by = excluded.deleted_by, reason = excluded.reason, batch_id = excluded.batch_id, "
            "received_at = excluded.received_at",
            [table, rid, rev, rec["id"], data.get("deleted_at"), data.get("deleted_by"), data.get("reason"),
             self.batch_id, self.received])
        self.state[k] = (rev, DELETED, None, None)
        return self._revision(rec)  # the tombstone itself is held like any record

    # -- history -----------------------------------------------------------------------------------------
    def _to_history(self, k: tuple[str, str], kind: str, by: int, new: dict[str, Any], *,
                    changed_by: str | None = None, reason: str | None = None) -> None:
        """Move the held copy of `k` into record_history."""
        row = self.cur.execute("SELECT revision, device_id, updated_at, data, batch_id, received_at FROM records "
                               "WHERE table_name = ? AND id = ?", list(k)).fetchone()
        if row is None:
            return
        old = loads(row[3])
        fields = changed_fields(old, new) if kind == "superseded" else sorted(old)
        self.cur.execute(_HISTORY, [*k, row[0], kind, row[1], row[2], row[3], row[4], row[5], self.received, by,
                                    changed_by if changed_by is not None else new.get("changed_by"),
                                    reason if reason is not None else new.get("change_reason"),
                                    dumps_text(fields)])

    def _keep_copy(self, rec: dict[str, Any], kind: str, held_rev: int) -> None:
        """Keep a refused copy (stale or conflicting) unless the same content is kept already: nothing sent
        is lost, nothing is kept twice."""
        k = (rec["table"], rec["id"])
        data = _data(rec)
        for (text,) in self.cur.execute("SELECT data FROM record_history WHERE table_name = ? AND id = ? AND "
                                        "revision = ?", [*k, rec["revision"]]).fetchall():
            if _norm(loads(text)) == _norm(data):
                return
        self.cur.execute(_HISTORY, [*k, rec["revision"], kind, rec.get("device_id"), rec.get("updated_at"),
                                    rec["text"], self.batch_id, self.received, self.received, held_rev, None, None,
                                    None])

    def _flush_new(self) -> None:
        if self._new:
            self.cur.executemany(_INSERT, self._new)
            self._new = []


_INSERT = ("INSERT INTO records (table_name, id, revision, device_id, updated_at, data, batch_id, received_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
_HISTORY = ("INSERT INTO record_history (table_name, id, revision, kind, device_id, updated_at, data, batch_id, "
            "received_at, superseded_at, superseded_by, changed_by, change_reason, changed_fields) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _normal(rec: dict[str, Any]) -> dict[str, Any]:
    """A record with its data as compact JSON text (`text`) and its device id, from either parser."""
    text, data = rec.get("data_json"), rec.get("data")
    if text is None:
        text = dumps_text(data or {})
    dev = data.get("device_id") if isinstance(data, dict) else rec.get("device_id")
    return dict(rec, text=text, device_id=dev if isinstance(dev, str) else None)


def _data(rec: dict[str, Any]) -> dict[str, Any]:
    if "_parsed" not in rec:
        value = rec["data"] if isinstance(rec.get("data"), dict) else loads(rec["text"])
        rec["_parsed"] = value if isinstance(value, dict) else {}
    return rec["_parsed"]


def _status(rec: dict[str, Any]) -> str | None:
    """A session's status (the ownership rules look at it), else None."""
    return _data(rec).get("status") if rec["table"] == "sessions" else None


def _target(rec: dict[str, Any]) -> tuple[str, str, int] | None:
    """(table, id, revision) a tombstone deletes, or None if it does not say so properly."""
    d = _data(rec)
    t, i, r = d.get("table_name"), d.get("record_id"), d.get("record_revision")
    if (type(t) is str and TABLE_NAME.match(t) and t != TOMBSTONES and type(i) is str and 0 < len(i) <= 64
            and type(r) is int and 1 <= r <= 2 ** 53):
        return t, i, r
    return None


def _row(rec: dict[str, Any], batch_id: str, received: str) -> tuple:
    return (rec["table"], rec["id"], rec["revision"], rec["device_id"], rec.get("updated_at"), rec["text"],
            batch_id, received)
