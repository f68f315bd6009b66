"""The reference receiver's SQLite store: devices (token hashes), batches with their answers, records by (table, id)."""
from __future__ import annotations

import hashlib
import json
import re
import secrets
import sqlite3
import threading
from pathlib import Path
from typing import Any, Iterable

from survey_app.clock import utc_now
from survey_app.codec import dumps_text, loads

SCHEMA = """
CREATE TABLE IF NOT EXISTS devices (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS batches (
    batch_id TEXT PRIMARY KEY,
    device INTEGER NOT NULL REFERENCES devices(id),
    kind TEXT NOT NULL DEFAULT 'batch',     -- 'batch' | 'bundle'
    client_device_id TEXT,
    schema_version INTEGER,
    client_created_at TEXT,                 -- the client's clock, kept for information only
    received_at TEXT NOT NULL,              -- this server's clock
    records INTEGER NOT NULL,
    answer TEXT NOT NULL                    -- the exact answer, replayed for a re-sent batch_id
);
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY,                -- arrival order; rows of ~1 kB append instead of splitting pages
    table_name TEXT NOT NULL,
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    device_id TEXT,
    updated_at TEXT,                        -- the client's clock; ordering uses revision only
    data TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (table_name, id)
);
"""

TABLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def token_hash(token: str) -> str:
    """What is stored instead of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class CentralStore:
    """One SQLite connection guarded by a lock; every batch is one IMMEDIATE transaction."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None, timeout=30)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA busy_timeout = 30000")
        # Checkpoint every ~64 MiB instead of 4 MiB: index pages hit by many batches are copied once, not
        # once per checkpoint, and fewer fsyncs (durability is the same: each batch is still a commit).
        self.conn.execute("PRAGMA wal_autocheckpoint = 16384")
        self.lock = threading.Lock()
        with self.lock:
            self.conn.executescript(SCHEMA)

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.conn.close()

    # devices -------------------------------------------------------------------------------------------
    def add_device(self, name: str) -> str:
        """Register a device; returns its new token (only the hash is kept)."""
        token = secrets.token_urlsafe(32)
        with self.lock:
            self.conn.execute("INSERT INTO devices (name, token_sha256, created_at) VALUES (?, ?, ?)",
                              [name, token_hash(token), utc_now()])
        return token

    def revoke_device(self, name: str) -> bool:
        """Revoke a device's token; True if it existed."""
        with self.lock:
            cur = self.conn.execute("UPDATE devices SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                                    [utc_now(), name])
        return cur.rowcount > 0

    def device_for(self, token: str) -> int | None:
        """The device row id of a valid (not revoked) token."""
        with self.lock:
            row = self.conn.execute("SELECT id FROM devices WHERE token_sha256 = ? AND revoked_at IS NULL",
                                    [token_hash(token)]).fetchone()
        return row[0] if row else None

    # batches -------------------------------------------------------------------------------------------
    def stored_answer(self, batch_id: str, device: int) -> dict[str, Any] | None:
        """The answer already given to this batch_id by this device."""
        with self.lock:
            row = self.conn.execute("SELECT answer FROM batches WHERE batch_id = ? AND device = ?",
                                    [batch_id, device]).fetchone()
        return loads(row[0]) if row else None

    def ingest(self, batch_id: str, device: int, records: Iterable[dict[str, Any]], *, kind: str = "batch",
               client_device_id: str | None = None, schema_version: int | None = None,
               client_created_at: str | None = None) -> dict[str, Any] | None:
        """Apply a batch atomically and keep its answer; a batch_id seen before returns the stored answer.

        Returns None if the batch_id belongs to another device (the caller answers 409).
        """
        received = utc_now()
        accepted: list[dict[str, Any]] = []
        rejected: list[dict[str, Any]] = []
        with self.lock:
            cur = self.conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                row = cur.execute("SELECT device, answer FROM batches WHERE batch_id = ?", [batch_id]).fetchone()
                if row is not None:
                    cur.execute("ROLLBACK")
                    return loads(row[1]) if row[0] == device else None
                records = list(records)
                held_now = self._held(cur, records)
                writes, seen = [], {}
                count = 0
                for rec in records:
                    count += 1
                    table, rid, rev = rec["table"], rec["id"], rec["revision"]
                    key = {"table": table, "id": rid, "revision": rev}
                    if not TABLE_NAME.match(table):
                        rejected.append(dict(key, reason="invalid table name"))
                        continue
                    held = seen.get((table, rid)) or held_now.get((table, rid), 0)
                    if rev < held:
                        rejected.append(dict(key, reason=f"stale: the central system holds revision {held}"))
                        continue
                    accepted.append(key)
                    if rev > held:
                        seen[(table, rid)] = rev
                        text, dev = rec.get("data_json"), rec.get("device_id")
                        if text is None:
                            data = rec.get("data") or {}
                            text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
                            dev = data.get("device_id")
                        writes.append((table, rid, rev, dev, rec.get("updated_at"), text, batch_id, received))
                cur.executemany(
                    "INSERT INTO records (table_name, id, revision, device_id, updated_at, data, batch_id, "
                    "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (table_name, id) DO UPDATE SET "
                    "revision = excluded.revision, device_id = excluded.device_id, updated_at = excluded.updated_at, "
                    "data = excluded.data, batch_id = excluded.batch_id, received_at = excluded.received_at "
                    "WHERE excluded.revision > records.revision", writes)
                answer = {"batch_id": batch_id, "accepted": accepted, "rejected": rejected}
                answer_text = dumps_text(answer)
                cur.execute("INSERT INTO batches (batch_id, device, kind, client_device_id, schema_version, "
                            "client_created_at, received_at, records, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [batch_id, device, kind, client_device_id, schema_version, client_created_at,
                             received, count, answer_text])
                cur.execute("COMMIT")
                return answer
            except BaseException:
                if self.conn.in_transaction:
                    cur.execute("ROLLBACK")
                raise

    @staticmethod
    def _held(cur, records: list[dict[str, Any]]) -> dict[tuple[str, str], int]:
        """Revisions already held for the batch's records, in one query."""
        keys = dumps_text([[r["table"], r["id"]] for r in records])
        return {(t, i): rev for t, i, rev in cur.execute(
            "SELECT r.table_name, r.id, r.revision FROM json_each(?) k JOIN records r "
            "ON r.table_name = k.value ->> 0 AND r.id = k.value ->> 1", [keys])}

    # inspection ----------------------------------------------------------------------------------------
    def counts(self) -> dict[str, Any]:
        """Records per table, batches and devices (for operators and tests)."""
        with self.lock:
            tables = dict(self.conn.execute("SELECT table_name, count(*) FROM records GROUP BY table_name"))
            batches = self.conn.execute("SELECT count(*) FROM batches").fetchone()[0]
            devices = self.conn.execute("SELECT count(*) FROM devices").fetchone()[0]
        return {"records": sum(tables.values()), "tables": tables, "batches": batches, "devices": devices}
