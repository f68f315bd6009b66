"""The reference receiver's SQLite store: devices (token hashes), batches with their answers, records by (table, id)."""
from __future__ import annotations

import secrets
import threading
from pathlib import Path
from typing import Any, Iterable, Iterator

from survey_app.central.ingest_sqlite import SqliteTx
from survey_app.central.revisions import Rule, chunks
from survey_app.central.store_base import DatabaseUnavailable, StoreBase, token_hash  # noqa: F401
from survey_app.clock import utc_now
from survey_app.codec import dumps_text, loads
from survey_app.trust.contract import synced_columns
from survey_app.trust.keys import PublicKey
from survey_app.trust.policy import Writer
from survey_app.storage.driver import connect_file, sqlite

INGEST_CHUNK = 5000
BUNDLE_STEP = 2000  # records per transaction of a bundle (others' batches go in between)


class FairLock:
    """A lock taken in the order it was asked for: a bundle stored in steps lets waiting batches go first."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._next = self._serving = 0

    def __enter__(self) -> "FairLock":
        with self._cond:
            ticket, self._next = self._next, self._next + 1
            while ticket != self._serving:
                self._cond.wait()
        return self

    def __exit__(self, *exc) -> None:
        with self._cond:
            self._serving += 1
            self._cond.notify_all()


class CentralStore(StoreBase):
    """The SQLite edition: one connection guarded by a lock; every batch is one IMMEDIATE transaction.

    The schema comes from the numbered migrations (central.migrate); reads for the dashboard and feeds use
    connections of their own (WAL: they never wait for a batch being written).
    """

    dialect = "sqlite"

    def __init__(self, path: Path | str) -> None:
        from survey_app.central.backend import sqlite_file

        self.path = sqlite_file(path)
        self.conn = connect_file(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA busy_timeout = 30000")
        # Checkpoint every ~64 MiB instead of 4 MiB: index pages hit by many batches are copied once, not
        # once per checkpoint, and fewer fsyncs (durability is the same: each batch is still a commit).
        self.conn.execute("PRAGMA wal_autocheckpoint = 16384")
        self.lock = FairLock()
        self._key: bytes | None = None  # the file's key, for the read connections (looked up once)
        self._local = threading.local()  # one read connection per thread, reused
        self._readers: list = []
        with self.lock:
            from survey_app.central.schema import prepare_sqlite

            prepare_sqlite(self.conn, self.path)

    def close(self) -> None:
        """Close the connections."""
        with self.lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
            self.conn.close()

    # the shared operations' SQL access (central.store_base) ---------------------------------------------
    def _reader(self) -> sqlite.Connection:
        """This thread's read-only connection (WAL: it never waits for a batch being written)."""
        if str(self.path) == ":memory:":
            return self.conn
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open_reader()
            self._readers.append(conn)
        return conn

    def _open_reader(self) -> sqlite.Connection:
        try:
            if self._key is None:
                from survey_app.storage import dbkey

                self._key = dbkey.key_for_db(self.path)
            conn = connect_file(self.path, key=self._key, upgrade=False, check_same_thread=False, timeout=30,
                                isolation_level=None)
            conn.execute("PRAGMA query_only = 1")
            conn.execute("PRAGMA cache_size = -2048")  # 2 MiB: one per worker thread, kept (RSS stays bounded)
        except sqlite.OperationalError as exc:
            raise DatabaseUnavailable(str(exc)) from exc
        return conn

    def _rows(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        try:
            return self._reader().execute(sql, list(params)).fetchall()
        except sqlite.OperationalError as exc:
            raise DatabaseUnavailable(str(exc)) from exc

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
        # a connection of its own: a stream may be resumed on any thread and outlive other reads
        conn = self.conn if str(self.path) == ":memory:" else self._open_reader()
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
        Every record goes through the one ingest rule (central.revisions: contract, who may write it, newest
        wins, history, tombstones). A bundle is stored in steps of BUNDLE_STEP records, each its own
        transaction, so other devices' batches are answered meanwhile (the rule makes a step repeated after a
        crash change nothing); its answer is kept with the last step.

        Returns None if the batch_id belongs to another device (the caller answers 409).
        """
        rule = Rule(batch_id, utc_now(), writer or Writer("surveyor", frozenset()), synced_columns())
        meta = [kind, client_device_id, schema_version, client_created_at]
        if kind == "bundle":
            accepted, rejected, count = [], [], 0
            for chunk in chunks(records, BUNDLE_STEP):  # a bundle streams: memory stays at one step
                count += len(chunk)
                acc, rej = self._write(lambda cur: rule.apply(SqliteTx(cur), chunk))
                accepted += acc
                rejected += rej
            return self._write(lambda cur: self._answer(cur, rule, device, meta, count, accepted, rejected))

        def batch(cur):
            accepted, rejected, count = [], [], 0
            tx = SqliteTx(cur)
            for chunk in chunks(records, INGEST_CHUNK):
                count += len(chunk)
                acc, rej = rule.apply(tx, chunk)
                accepted += acc
                rejected += rej
            return self._answer(cur, rule, device, meta, count, accepted, rejected)
        return self._write(batch)

    def _write(self, work):
        """Run `work(cursor)` in one IMMEDIATE transaction under the store's (first come, first served) lock."""
        with self.lock:
            cur = self.conn.cursor()
            try:
                cur.execute("BEGIN IMMEDIATE")
                try:
                    out = work(cur)
                    if self.conn.in_transaction:
                        cur.execute("COMMIT")
                    return out
                except BaseException:
                    if self.conn.in_transaction:
                        cur.execute("ROLLBACK")
                    raise
            except sqlite.OperationalError as exc:  # locked by another process for too long, disk full, ...
                raise DatabaseUnavailable(str(exc)) from exc

    @staticmethod
    def _answer(cur, rule: Rule, device: int, meta: list, count: int, accepted: list, rejected: list):
        """Keep the answer with the batch id (the stored one if the batch id was seen: nothing is written)."""
        row = cur.execute("SELECT device, answer FROM batches WHERE batch_id = ?", [rule.batch_id]).fetchone()
        if row is not None:
            cur.execute("ROLLBACK")
            return loads(row[1]) if row[0] == device else None
        answer = {"batch_id": rule.batch_id, "accepted": accepted, "rejected": rejected}
        cur.execute("INSERT INTO batches (batch_id, device, kind, client_device_id, schema_version, "
                    "client_created_at, received_at, records, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [rule.batch_id, device, *meta, rule.received, count, dumps_text(answer)])
        return answer

    # inspection ----------------------------------------------------------------------------------------
    def counts(self) -> dict[str, Any]:
        """Records per table, batches and devices (for operators and tests)."""
        with self.lock:
            tables = dict(self.conn.execute("SELECT table_name, count(*) FROM records GROUP BY table_name"))
            batches = self.conn.execute("SELECT count(*) FROM batches").fetchone()[0]
            devices = self.conn.execute("SELECT count(*) FROM devices").fetchone()[0]
        return {"records": sum(tables.values()), "tables": tables, "batches": batches, "devices": devices}
