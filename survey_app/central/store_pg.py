"""The city edition of the receiver's store: PostgreSQL + PostGIS through a psycopg 3 connection pool.

Exactly once across several receiver processes: a batch is claimed by inserting its row first (a second
receiver holding the same batch waits on the primary key and then replays the stored answer); the records go
through the one ingest rule (central.revisions, executed by central.ingest_pg: held rows locked in key order, new
records by COPY), all of it one transaction; a bundle is stored in steps of its own. The database itself refuses
a revision that goes back, a held revision that changes, a record that changes device or leaves without a
tombstone (triggers), revisions out of range and malformed table names (checks), so no other writer can break
the rules.
"""
from __future__ import annotations

import secrets
from typing import Any, Iterable, Iterator

from survey_app.central.ingest_pg import JsonbKeyOrder, PgTx
from survey_app.central.revisions import Rule, chunks
from survey_app.central.store_base import DatabaseUnavailable, StoreBase, token_hash
from survey_app.clock import utc_now as now
from survey_app.codec import dumps_text, loads

_RETRY_STATES = {"23505", "40001", "40P01"}  # unique violation (a racing insert), serialization, deadlock


def is_postgres_url(target: str) -> bool:
    """Whether a --db value names a PostgreSQL database."""
    return str(target).startswith(("postgresql://", "postgres://"))


def _pg(sql: str) -> str:
    """SQL with ? placeholders (the shared dialect) in psycopg's %s style."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(StoreBase):
    """Receiver store on PostgreSQL; thread-safe (a pool of connections)."""

    dialect = "postgresql"

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 10, timeout: float = 10.0) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url
        self.psycopg = psycopg
        try:
            with psycopg.connect(url, connect_timeout=10, autocommit=True) as conn:
                from survey_app.central.schema import prepare_postgresql

                prepare_postgresql(conn)
        except psycopg.OperationalError as exc:
            raise DatabaseUnavailable(str(exc)) from exc
        self.pool = ConnectionPool(url, min_size=min_size, max_size=max_size, timeout=timeout, open=True,
                                   check=ConnectionPool.check_connection, name="central",
                                   kwargs={"connect_timeout": 10, "options": "-c statement_timeout=120000"})

    def key_order(self) -> JsonbKeyOrder:
        """Data keys in jsonb's order: PostgreSQL's jsonb input then skips most of its key sort."""
        return JsonbKeyOrder()

    def close(self) -> None:
        """Close the pool."""
        self.pool.close()

    # -- SQL access ----------------------------------------------------------------------------------------
    def _connection(self):
        return self.pool.connection()

    def _guard(self, fn):
        from psycopg_pool import PoolTimeout

        try:
            return fn()
        except (self.psycopg.OperationalError, PoolTimeout) as exc:
            raise DatabaseUnavailable(str(exc).strip() or type(exc).__name__) from exc

    def _rows(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        def run():
            with self._connection() as conn:
                return conn.execute(_pg(sql), list(params)).fetchall()
        return self._guard(run)

    def _exec(self, sql: str, params: list | tuple = ()) -> int:
        return self._exec_many([(sql, list(params))])[0]

    def _exec_many(self, pairs: list[tuple[str, list]]) -> list[int]:
        def run():
            with self._connection() as conn:
                return [conn.execute(_pg(sql), list(params)).rowcount for sql, params in pairs]
        return self._guard(run)

    def _stream(self, sql: str, params: list | tuple = ()) -> Iterator[tuple]:
        ctx = self._guard(self._connection)
        try:
            conn = self._guard(ctx.__enter__)
            with conn.cursor(name=f"feed_{secrets.token_hex(6)}") as cur:
                cur.itersize = 2000
                self._guard(lambda: cur.execute(_pg(sql), list(params)))
                while True:
                    rows = self._guard(lambda: cur.fetchmany(2000))
                    if not rows:
                        break
                    yield from rows
        finally:
            try:
                ctx.__exit__(None, None, None)
            except self.psycopg.Error:
                pass

    # -- devices ---------------------------------------------------------------------------------------------
    def add_device(self, name: str, *, public_key: str | None = None, role: str = "surveyor",
                   team: str | None = None) -> str:
        """Register a device (tied to its public key when given); returns its new token (only the hash is kept)."""
        from survey_app.trust.keys import PublicKey

        key = PublicKey.parse(public_key) if public_key else None
        token = secrets.token_urlsafe(32)
        self._exec("INSERT INTO devices (name, token_sha256, created_at, public_key, fingerprint, device_uuid, role, "
                   "team) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [name, token_hash(token), now(), key.text if key else None, key.fingerprint if key else None,
                    key.device_id if key else None, role, team])
        return token

    def revoke_device(self, name: str) -> bool:
        """Revoke a device's token; True if it existed."""
        return self._exec("UPDATE devices SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                          [now(), name]) > 0

    def device_for(self, token: str) -> int | None:
        """The device row id of a valid (not revoked) token."""
        row = self._one("SELECT id FROM devices WHERE token_sha256 = ? AND revoked_at IS NULL", [token_hash(token)])
        return row[0] if row else None

    # -- batches ---------------------------------------------------------------------------------------------
    def stored_answer(self, batch_id: str, device: int) -> dict[str, Any] | None:
        """The answer already given to this batch_id by this device."""
        row = self._one("SELECT answer FROM batches WHERE batch_id = ? AND device = ? AND answer <> ''",
                        [batch_id, device])
        return loads(row[0]) if row else None

    def ingest(self, batch_id: str, device: int, records: Iterable[dict[str, Any]], *, kind: str = "batch",
               client_device_id: str | None = None, schema_version: int | None = None,
               client_created_at: str | None = None, writer=None) -> dict[str, Any] | None:
        """Apply a batch atomically and keep its answer; a batch_id seen before returns the stored answer.
        Every record goes through the one ingest rule (central.revisions), as on SQLite. A bundle is stored in
        steps of BUNDLE_STEP records, each its own transaction (the rule makes a repeated step change nothing);
        its answer is kept with the last step.

        Returns None if the batch_id belongs to another device (the caller answers 409).
        """
        from survey_app.central.store import BUNDLE_STEP, INGEST_CHUNK
        from survey_app.trust.contract import synced_columns
        from survey_app.trust.policy import Writer

        rule = Rule(batch_id, now(), writer or Writer("surveyor", frozenset()), synced_columns())
        meta = [kind, client_device_id, schema_version, client_created_at]
        accepted: list[dict[str, Any]] = []
        rejected: list[dict[str, Any]] = []
        if kind == "bundle":
            count = 0
            for chunk in chunks(records, BUNDLE_STEP):  # a bundle streams: memory stays at one step
                count += len(chunk)
                acc, rej = self._transaction(lambda conn: rule.apply(PgTx(conn), chunk))
                accepted += acc
                rejected += rej
            return self._transaction(lambda conn: _answer(conn, rule, device, meta, count, accepted, rejected))
        batch = list(records)

        def work(conn):
            if not _claim(conn, rule, device, meta):  # another request holds (or held) this batch_id
                return _stored(conn, batch_id, device)
            tx, acc, rej = PgTx(conn), [], []
            for chunk in chunks(batch, INGEST_CHUNK):
                a, r = rule.apply(tx, chunk)
                acc += a
                rej += r
            answer = {"batch_id": batch_id, "accepted": acc, "rejected": rej}
            conn.execute("UPDATE batches SET answer = %s, records = %s WHERE batch_id = %s",
                         [dumps_text(answer), len(batch), batch_id])
            return answer
        return self._transaction(work)

    def _transaction(self, work):
        """`work(conn)` in one transaction, decided again when a receiver racing this one committed first."""
        from psycopg_pool import PoolTimeout

        for attempt in range(8):
            try:
                with self._connection() as conn, conn.transaction():
                    return work(conn)
            except PoolTimeout as exc:
                raise DatabaseUnavailable(str(exc)) from exc
            except self.psycopg.Error as exc:
                if getattr(exc, "sqlstate", None) in _RETRY_STATES:
                    if attempt < 7:
                        continue
                    raise DatabaseUnavailable("another receiver wrote the same records at once; send again") from exc
                if isinstance(exc, self.psycopg.OperationalError):
                    raise DatabaseUnavailable(str(exc).strip()) from exc
                raise
        raise AssertionError("unreachable")

    # -- inspection --------------------------------------------------------------------------------------------
    def counts(self) -> dict[str, Any]:
        """Records per table, batches and devices (for operators and tests)."""
        tables = dict(self._rows("SELECT table_name, count(*) FROM records GROUP BY table_name"))
        batches = self._one("SELECT count(*) FROM batches")[0]
        devices = self._one("SELECT count(*) FROM devices")[0]
        return {"records": sum(tables.values()), "tables": tables, "batches": batches, "devices": devices}


_CLAIM = ("INSERT INTO batches (batch_id, device, kind, client_device_id, schema_version, client_created_at, "
          "received_at, records, answer) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (batch_id) DO NOTHING")


def _claim(conn, rule: Rule, device: int, meta: list, count: int = 0, answer: str = "") -> bool:
    """Insert the batch's row (a second receiver with the same batch_id waits here for the first to commit)."""
    return conn.execute(_CLAIM, [rule.batch_id, device, *meta, rule.received, count, answer]).rowcount == 1


def _stored(conn, batch_id: str, device: int) -> dict[str, Any] | None:
    row = conn.execute("SELECT device, answer FROM batches WHERE batch_id = %s", [batch_id]).fetchone()
    return loads(row[1]) if row[0] == device else None


def _answer(conn, rule: Rule, device: int, meta: list, count: int, accepted: list, rejected: list):
    """Keep a bundle's answer with its id (the stored one if another receiver stored the bundle first)."""
    answer = {"batch_id": rule.batch_id, "accepted": accepted, "rejected": rejected}
    if _claim(conn, rule, device, meta, count, dumps_text(answer)):
        return answer
    return _stored(conn, rule.batch_id, device)
