"""The reference receiver's SQLite store: devices (token hashes), batches with their answers, records by (table, id)."""
from __future__ import annotations

import secrets
import threading
from pathlib import Path
from typing import Any, Iterable, Iterator

from survey_app.central.revisions import SCHEMA as REVISIONS_SCHEMA, Applier
from survey_app.central.store_base import DatabaseUnavailable, StoreBase, token_hash  # noqa: F401
from survey_app.clock import utc_now
from survey_app.codec import dumps_text, loads
from survey_app.trust.contract import synced_columns
from survey_app.trust.keys import PublicKey
from survey_app.trust.policy import Writer, refusal
from survey_app.storage.driver import connect_file, sqlite

INGEST_CHUNK = 5000


class CentralStore(StoreBase):
    """The SQLite edition: one connection guarded by a lock; every batch is one IMMEDIATE transaction.

    The schema comes from the numbered migrations (central.migrate); reads for the dashboard and feeds use
    connections of their own (WAL: they never wait for a batch being written).
    """

    dialect = "sqlite"

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
        self._key: bytes | None = None  # the file's key, for the read connections (looked up once)
        with self.lock:
            from survey_app.central.schema import prepare_sqlite

            prepare_sqlite(self.conn, self.path)
            self.conn.executescript(REVISIONS_SCHEMA)

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.conn.close()

    # the shared operations' SQL access (central.store_base) ---------------------------------------------
    def _reader(self) -> sqlite.Connection:
        if str(self.path) == ":memory:":
            return self.conn
        try:
            if self._key is None:
                from survey_app.storage import dbkey

                self._key = dbkey.key_for_db(self.path)
            conn = connect_file(self.path, key=self._key, upgrade=False, check_same_thread=False, timeout=30)
        except sqlite.OperationalError as exc:
            raise DatabaseUnavailable(str(exc)) from exc
        conn.execute("PRAGMA query_only = 1")
        return conn

    def _rows(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        conn = self._reader()
        try:
            return conn.execute(sql, list(params)).fetchall()
        except sqlite.OperationalError as exc:
            raise DatabaseUnavailable(str(exc)) from exc
        finally:
            if conn is not self.conn:
                conn.close()

    def _exec(self, sql: str, params: list | tuple = ()) -> int:
        return self._exec_many([(sql, list(params))])[0]

    def _exec_many(self, pairs: list[tuple[str, list]]) -> list[int]:
        with self.lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    counts = [self.conn.execute(sql, list(params)).rowcount for sql, params in pairs]
                    self.conn.execute("COMMIT")
                    return counts
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
            except sqlite.OperationalError as exc:
                raise DatabaseUnavailable(str(exc)) from exc

    def _stream(self, sql: str, params: list | tuple = ()) -> Iterator[tuple]:
        conn = self._reader()
        try:
            cur = conn.execute(sql, list(params))
            while True:
                rows = cur.fetchmany(2000)
                if not rows:
                    return
                yield from rows
        except sqlite.OperationalError as exc:
            raise DatabaseUnavailable(str(exc)) from exc
        finally:
            if conn is not self.conn:
                conn.close()

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
