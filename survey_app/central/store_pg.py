"""The city edition of the receiver's store: PostgreSQL + PostGIS through a psycopg 3 connection pool.

Exactly once across several receiver processes: a batch is claimed by inserting its row first (a second
receiver holding the same batch waits on the primary key and then replays the stored answer); the records it
holds are locked in key order before deciding; new records go in with COPY, newer revisions with UPDATE; all of
it is one transaction. The database itself refuses a revision that goes back or a held revision that changes
(trigger), revisions out of range and malformed table names (checks), so no other writer can break the rules.
"""
from __future__ import annotations

import secrets
from typing import Any, Iterable, Iterator

from survey_app.central.store_base import DatabaseUnavailable, StoreBase, token_hash
from survey_app.clock import utc_now as now
from survey_app.codec import dumps_text, loads

def _norm(data: dict) -> dict:
    """Content for comparison (as the SQLite edition's revision rules: a NULL column is an absent one)."""
    return {k: v for k, v in data.items() if v is not None}


_RETRY_STATES = {"23505", "40001", "40P01"}  # unique violation (a racing insert), serialization, deadlock
_COPY = ("COPY records (table_name, id, revision, device_id, updated_at, data, batch_id, received_at) "
         "FROM STDIN")


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
        Each record is checked against the contract and what `writer` may write (the same checks as the SQLite
        edition: StoreBase._refusal); a refused record is rejected with the reason, the others are applied.

        Returns None if the batch_id belongs to another device (the caller answers 409).
        """
        from psycopg_pool import PoolTimeout

        from survey_app.trust.contract import synced_columns
        from survey_app.trust.policy import Writer

        writer = writer or Writer("surveyor", frozenset())
        contract = synced_columns()
        again = isinstance(records, list)  # a batch can be decided again after a race; a streamed bundle cannot
        meta = (kind, client_device_id, schema_version, client_created_at)
        for attempt in range(8 if again else 1):
            try:
                with self._connection() as conn:
                    with conn.transaction():
                        return self._ingest_tx(conn, batch_id, device, records, meta, writer, contract)
            except PoolTimeout as exc:
                raise DatabaseUnavailable(str(exc)) from exc
            except self.psycopg.Error as exc:
                if getattr(exc, "sqlstate", None) in _RETRY_STATES:
                    if again and attempt < 7:
                        continue  # a receiver racing us committed first: decide again on what it left
                    raise DatabaseUnavailable("another receiver wrote the same records at once; send again") from exc
                if isinstance(exc, self.psycopg.OperationalError):
                    raise DatabaseUnavailable(str(exc).strip()) from exc
                raise
        raise AssertionError("unreachable")

    def _ingest_tx(self, conn, batch_id, device, records, meta, writer, contract) -> dict[str, Any] | None:
        from survey_app.central.store import INGEST_CHUNK, _chunks

        received = now()
        kind, client_device_id, schema_version, client_created_at = meta
        claimed = conn.execute(
            "INSERT INTO batches (batch_id, device, kind, client_device_id, schema_version, client_created_at, "
            "received_at, records, answer) VALUES (%s, %s, %s, %s, %s, %s, %s, 0, '') "
            "ON CONFLICT (batch_id) DO NOTHING",
            [batch_id, device, kind, client_device_id, schema_version, client_created_at, received])
        if claimed.rowcount == 0:  # another request holds (or held) this batch_id: its committed answer
            row = conn.execute("SELECT device, answer FROM batches WHERE batch_id = %s", [batch_id]).fetchone()
            return loads(row[1]) if row[0] == device else None
        accepted: list[dict[str, Any]] = []
        rejected: list[dict[str, Any]] = []
        seen: dict[tuple[str, str], int] = {}
        count = 0
        for chunk in _chunks(records, INGEST_CHUNK):  # a bundle streams: memory stays at one chunk
            count += len(chunk)
            self._apply(conn, chunk, writer, contract, accepted, rejected, seen, batch_id, received)
        answer = {"batch_id": batch_id, "accepted": accepted, "rejected": rejected}
        conn.execute("UPDATE batches SET answer = %s, records = %s WHERE batch_id = %s",
                     [dumps_text(answer), count, batch_id])
        return answer

    def _apply(self, conn, records, writer, contract, accepted, rejected, seen, batch_id, received) -> None:
        """Check one chunk against what is held (locked), then COPY the new records and UPDATE the newer ones."""
        if not seen and self._all_new(conn, records, writer, contract, accepted, batch_id, received):
            return
        held_now, held_devices, held_data = self._held(conn, records)
        writes: dict[tuple[str, str], tuple] = {}
        for rec in records:
            table, rid, rev = rec["table"], rec["id"], rec["revision"]
            key = {"table": table, "id": rid, "revision": rev}
            why = self._refusal(writer, contract, rec, *held_devices.get((table, rid), (None, None)))
            if why:
                rejected.append(dict(key, reason=why))
                continue
            held = seen.get((table, rid)) or held_now.get((table, rid), 0)
            if rev < held:
                rejected.append(dict(key, reason=f"stale: the central system holds revision {held}"))
                continue
            if rev == held and (table, rid) not in seen and (table, rid) in held_data \
                    and _norm(held_data[(table, rid)]) != _norm(rec["data"]):
                rejected.append(dict(key, reason=f"conflict: the central system holds revision {held} "
                                                 "with different content"))
                continue
            accepted.append(key)
            if rev > held:
                seen[(table, rid)] = rev
                text = rec.get("data_json") or dumps_text(rec["data"])
                writes[(table, rid)] = (table, rid, rev, rec["data"].get("device_id"), rec.get("updated_at"), text,
                                        batch_id, received)
        inserts = [w for k, w in writes.items() if k not in held_now]
        updates = [w for k, w in writes.items() if k in held_now]
        if inserts:
            with conn.cursor() as cur, cur.copy(_COPY) as copy:
                for row in inserts:
                    copy.write_row(row)
        if updates:
            with conn.cursor() as cur:
                cur.executemany("UPDATE records SET revision = %s, device_id = %s, updated_at = %s, data = %s, "
                                "batch_id = %s, received_at = %s WHERE table_name = %s AND id = %s",
                                [(w[2], w[3], w[4], w[5], w[6], w[7], w[0], w[1]) for w in updates])

    def _all_new(self, conn, records, writer, contract, accepted, batch_id, received) -> bool:
        """The common case, records the centre has never seen (new observations): COPY them at once, no lookup.
        False (nothing written, a savepoint undone) when one is refused, repeated in the chunk or already held
        (the unique key says so, also for a receiver writing the same record at this moment)."""
        keys, rows = set(), []
        for rec in records:
            table, rid = rec["table"], rec["id"]
            if (table, rid) in keys or self._refusal(writer, contract, rec, None, None):
                return False
            keys.add((table, rid))
            rows.append((table, rid, rec["revision"], rec["data"].get("device_id"), rec.get("updated_at"),
                         rec.get("data_json") or dumps_text(rec["data"]), batch_id, received))
        try:
            with conn.transaction():  # a savepoint
                with conn.cursor() as cur, cur.copy(_COPY) as copy:
                    for row in rows:
                        copy.write_row(row)
        except self.psycopg.errors.UniqueViolation:
            return False
        accepted.extend({"table": r["table"], "id": r["id"], "revision": r["revision"]} for r in records)
        return True

    @staticmethod
    def _held(conn, records: list[dict[str, Any]]) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], str]]:
        """Revisions, and device ids with a session's status, already held for the records, locked (in key
        order) until the batch commits."""
        if not records:
            return {}, {}, {}
        rows = conn.execute(
            "SELECT r.table_name, r.id, r.revision, r.device_id, "
            "CASE WHEN r.table_name = 'sessions' THEN r.data ->> 'status' END, r.data FROM records r "
            "JOIN unnest(%s::text[], %s::text[]) AS k(t, i) ON r.table_name = k.t AND r.id = k.i "
            "ORDER BY r.table_name, r.id FOR UPDATE OF r",
            [[r["table"] for r in records], [r["id"] for r in records]]).fetchall()
        return ({(t, i): rev for t, i, rev, *_ in rows}, {(t, i): (d, st) for t, i, _r, d, st, _x in rows},
                {(t, i): data for t, i, *_, data in rows})

    # -- inspection --------------------------------------------------------------------------------------------
    def counts(self) -> dict[str, Any]:
        """Records per table, batches and devices (for operators and tests)."""
        tables = dict(self._rows("SELECT table_name, count(*) FROM records GROUP BY table_name"))
        batches = self._one("SELECT count(*) FROM batches")[0]
        devices = self._one("SELECT count(*) FROM devices")[0]
        return {"records": sum(tables.values()), "tables": tables, "batches": batches, "devices": devices}
