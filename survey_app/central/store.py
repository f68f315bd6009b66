"""The reference receiver's SQLite store: devices (token hashes), batches with their answers, records by (table, id)."""
from __future__ import annotations

import hashlib
import secrets
import threading
from pathlib import Path
from typing import Any, Iterable, Iterator

from survey_app.central.revisions import SCHEMA as REVISIONS_SCHEMA, Applier
from survey_app.clock import utc_now
from survey_app.codec import dumps_text, loads
from survey_app.trust.contract import synced_columns
from survey_app.trust.keys import PublicKey
from survey_app.trust.limits import scalar_problem
from survey_app.trust.policy import Writer, refusal
from survey_app.storage.engine import connect_file

SCHEMA = """
CREATE TABLE IF NOT EXISTS devices (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    public_key TEXT,                        -- the device's survey public key (signs its bundles)
    fingerprint TEXT,
    device_uuid TEXT,                       -- the device id its records carry (from the key, or its first batch)
    role TEXT NOT NULL DEFAULT 'surveyor',  -- surveyor | supervisor | central
    team TEXT                               -- devices of one team may write each other's records
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

INGEST_CHUNK = 5000
DEVICE_COLUMNS = (("public_key", "TEXT"), ("fingerprint", "TEXT"), ("device_uuid", "TEXT"),
                  ("role", "TEXT NOT NULL DEFAULT 'surveyor'"), ("team", "TEXT"))


def token_hash(token: str) -> str:
    """What is stored instead of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class CentralStore:
    """One SQLite connection guarded by a lock; every batch is one IMMEDIATE transaction."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.conn = connect_file(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA busy_timeout = 30000")
        # Checkpoint every ~64 MiB instead of 4 MiB: index pages hit by many batches are copied once, not
        # once per checkpoint, and fewer fsyncs (durability is the same: each batch is still a commit).
        self.conn.execute("PRAGMA wal_autocheckpoint = 16384")
        self.lock = threading.Lock()
        with self.lock:
            self.conn.executescript(SCHEMA)
            held = {r[1] for r in self.conn.execute("PRAGMA table_info(devices)")}
            for column, decl in DEVICE_COLUMNS:  # a receiver database made before devices had keys
                if column not in held:
                    self.conn.execute(f"ALTER TABLE devices ADD COLUMN {column} {decl}")
            self.conn.executescript(REVISIONS_SCHEMA)

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.conn.close()

    # devices -------------------------------------------------------------------------------------------
    def add_device(self, name: str, *, public_key: str | None = None, role: str = "surveyor",
                   team: str | None = None) -> str:
        """Register a device (tied to its public key when given); returns its new token (only the hash is kept)."""
        key = PublicKey.parse(public_key) if public_key else None
        token = secrets.token_urlsafe(32)
        with self.lock:
            self.conn.execute(
                "INSERT INTO devices (name, token_sha256, created_at, public_key, fingerprint, device_uuid, role, "
                "team) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [name, token_hash(token), utc_now(), key.text if key else None, key.fingerprint if key else None,
                 key.device_id if key else None, role, team])
        return token

    def writer(self, device: int, claimed_uuid: str | None = None) -> Writer | None:
        """Who a device is (role, and the device ids whose records it owns: its own and its team's). A device
        registered without a key is bound to the device id of its first batch; None if it claims another."""
        with self.lock:
            uuid, role, team, name = self.conn.execute(
                "SELECT device_uuid, role, team, name FROM devices WHERE id = ?", [device]).fetchone()
            if uuid is None and claimed_uuid:
                taken = self.conn.execute("SELECT 1 FROM devices WHERE device_uuid = ?", [claimed_uuid]).fetchone()
                if taken:
                    return None
                self.conn.execute("UPDATE devices SET device_uuid = ? WHERE id = ? AND device_uuid IS NULL",
                                  [claimed_uuid, device])
                uuid = claimed_uuid
            if claimed_uuid and claimed_uuid != uuid:
                return None
            own = {uuid} if uuid else set()
            if team:
                own |= {u for (u,) in self.conn.execute(
                    "SELECT device_uuid FROM devices WHERE team = ? AND revoked_at IS NULL AND device_uuid IS NOT "
                    "NULL", [team])}
        return Writer(role, frozenset(own), name)

    def signer(self, key: PublicKey) -> Writer | None:
        """Who signed a bundle: the registered, not revoked device holding this key (None if there is none)."""
        with self.lock:
            row = self.conn.execute("SELECT id FROM devices WHERE fingerprint = ? AND device_uuid = ? AND "
                                    "revoked_at IS NULL", [key.fingerprint, key.device_id]).fetchone()
        return self.writer(row[0]) if row else None

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

    def bundle_answer(self, bundle_id: str, signer_uuid: str) -> dict[str, Any] | None:
        """The answer already given to this bundle, whoever uploaded it (two supervisors may forward the same
        surveyor's file): only when it came from the same signing device."""
        with self.lock:
            row = self.conn.execute("SELECT answer FROM batches WHERE batch_id = ? AND kind = 'bundle' AND "
                                    "client_device_id = ?", [bundle_id, signer_uuid]).fetchone()
        return loads(row[0]) if row else None

    def ingest(self, batch_id: str, device: int, records: Iterable[dict[str, Any]], *, kind: str = "batch",
               client_device_id: str | None = None, schema_version: int | None = None,
               client_created_at: str | None = None, writer: Writer | None = None) -> dict[str, Any] | None:
        """Apply a batch atomically and keep its answer; a batch_id seen before returns the stored answer.
        Each record is checked against the contract and against what `writer` may write (policy): a refused
        record is rejected with the reason, the others are applied.

        Returns None if the batch_id belongs to another device (the caller answers 409).
        """
        writer = writer or Writer("surveyor", frozenset())
        contract = synced_columns()
        received = utc_now()
        with self.lock:
            cur = self.conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                row = cur.execute("SELECT device, answer FROM batches WHERE batch_id = ?", [batch_id]).fetchone()
                if row is not None:
                    cur.execute("ROLLBACK")
                    return loads(row[1]) if row[0] == device else None
                # newest wins, history, stale, conflict, tombstones; each record checked against the contract and
                # what `writer` may write before anything of it is applied
                applier = Applier(cur, batch_id, received,
                                  check=lambda rec, dev, status: self._refusal(writer, contract, rec, dev, status),
                                  check_target=lambda table, held: _target_refusal(writer, table, held))
                count = 0
                for chunk in _chunks(records, INGEST_CHUNK):  # a bundle streams: memory stays at one chunk
                    count += len(chunk)
                    applier.apply(chunk)
                accepted, rejected = applier.accepted, applier.rejected
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
    def _refusal(writer: Writer, contract: dict[str, frozenset[str]], rec: dict[str, Any],
                 held_device: str | None, held_status: str | None) -> str | None:
        """Why a record is refused: not of the contract, a value that is not plain, or not the writer's."""
        table, data = rec["table"], rec["data"]
        known = contract.get(table)
        if known is None:
            return "unknown table"
        if not data.keys() <= known:
            return "unknown columns: " + ", ".join(sorted(data.keys() - known))[:200]
        for column, value in data.items():
            if (problem := scalar_problem(value)) is not None:
                return f"{column}: {problem}"
        why = refusal(writer, table, data, held_device, held_status=held_status, english=True)
        return f"not allowed: {why}" if why else None

    # inspection ----------------------------------------------------------------------------------------
    def counts(self) -> dict[str, Any]:
        """Records per table, batches and devices (for operators and tests)."""
        with self.lock:
            tables = dict(self.conn.execute("SELECT table_name, count(*) FROM records GROUP BY table_name"))
            batches = self.conn.execute("SELECT count(*) FROM batches").fetchone()[0]
            devices = self.conn.execute("SELECT count(*) FROM devices").fetchone()[0]
        return {"records": sum(tables.values()), "tables": tables, "batches": batches, "devices": devices}

    def history(self, table: str, record_id: str) -> list[dict[str, Any]]:
        """Earlier (and refused) copies of one record, oldest revision first."""
        with self.lock:
            cur = self.conn.execute("SELECT * FROM record_history WHERE table_name = ? AND id = ? "
                                    "ORDER BY revision, seq", [table, record_id])
            names = [d[0] for d in cur.description]
            rows = [dict(zip(names, r)) for r in cur.fetchall()]
        for row in rows:
            row["data"] = loads(row["data"])
            row["changed_fields"] = loads(row["changed_fields"]) if row["changed_fields"] else None
        return rows

    def deletion(self, table: str, record_id: str) -> dict[str, Any] | None:
        """The deletion the receiver holds for a record, or None."""
        with self.lock:
            cur = self.conn.execute("SELECT * FROM deletions WHERE table_name = ? AND id = ?", [table, record_id])
            row = cur.fetchone()
            return dict(zip([d[0] for d in cur.description], row)) if row else None

def _chunks(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """Lists of at most `size` records, in order."""
    chunk: list[dict[str, Any]] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _target_refusal(writer: Writer, table: str, held_device: str | None) -> str | None:
    """Why `writer` may not delete a held record of `table` owned by `held_device` (a tombstone's target)."""
    if held_device is None:
        return None
    why = refusal(writer, table, {"device_id": held_device}, held_device, english=True)
    return f"not allowed: {why}" if why else None
