"""What both receiver back ends share: accounts, web sessions, login throttling, read tokens, units,
boundaries, freshness and streaming reads, written once in SQL both SQLite and PostgreSQL run.

A back end provides `dialect`, `_rows(sql, params)`, `_exec(sql, params) -> rowcount`, `_exec_many(pairs)`
(one transaction) and `_stream(sql, params)` (rows without holding them all); SQL here uses `?` placeholders.
"""
from __future__ import annotations

import hashlib
import json
import secrets
from importlib import resources
from typing import Any, Iterator

from survey_app.central.revisions import DELETION_COLUMNS, HISTORY_COLUMNS
from survey_app.clock import utc_now as now
from survey_app.trust.policy import Writer

UNIT_COLUMNS = ("code", "name", "kind", "inside_lon", "inside_lat", "min_lon", "min_lat", "max_lon", "max_lat",
                "code_set", "area_km2")


def token_hash(token: str) -> str:
    """What is stored instead of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class DatabaseUnavailable(Exception):
    """The database cannot be reached or answered with an error of the server (the receiver answers 503)."""


def _json(value: Any) -> Any:
    """A JSON column's value (SQLite gives text, PostgreSQL's jsonb the value itself)."""
    from survey_app.codec import loads

    return loads(value) if isinstance(value, str) else value


def unit_rows() -> list[tuple]:
    """The 40 units of the package's reference data as rows of UNIT_COLUMNS."""
    doc = json.loads(resources.files("survey_app.data").joinpath("units.json").read_text(encoding="utf-8"))
    out = []
    for u in doc["units"]:
        (ilon, ilat), (a, b, c, d) = u["inside"], u["bbox"]
        out.append((u["code"], u["name"], u["kind"], ilon, ilat, a, b, c, d, doc["code_set"], u.get("area_km2")))
    return out


class StoreBase:
    """Operations that are the same SQL on both back ends."""

    dialect = "sqlite"

    def key_order(self):
        """A callable putting a record's data keys in the order this back end stores best (None: as sent)."""
        return None

    # -- provided by the back end -----------------------------------------------------------------------
    def _rows(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        raise NotImplementedError

    def _exec(self, sql: str, params: list | tuple = ()) -> int:
        raise NotImplementedError

    def _exec_many(self, pairs: list[tuple[str, list]]) -> None:
        raise NotImplementedError

    def _stream(self, sql: str, params: list | tuple = ()) -> Iterator[tuple]:
        raise NotImplementedError

    def _one(self, sql: str, params: list | tuple = ()):
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # -- who writes (trust: ownership per device and team, decisions from supervisors) ------------------------
    def writer(self, device: int, claimed_uuid: str | None = None) -> Writer | None:
        """Who a device is (role, and the device ids whose records it owns: its own and its team's). A device
        registered without a key is bound to the device id of its first batch; None if it claims another (the
        database's unique index on device_uuid settles two devices claiming one id at once)."""
        uuid, role, team, name = self._one("SELECT device_uuid, role, team, name FROM devices WHERE id = ?", [device])
        if uuid is None and claimed_uuid:
            if self._one("SELECT 1 FROM devices WHERE device_uuid = ? AND id <> ?", [claimed_uuid, device]):
                return None  # another device's id (this device's own first batches may race here: fine)
            try:
                self._exec("UPDATE devices SET device_uuid = ? WHERE id = ? AND device_uuid IS NULL",
                           [claimed_uuid, device])
            except Exception as exc:  # noqa: BLE001 - a unique violation means another device took it first
                if getattr(exc, "sqlstate", None) == "23505" or "UNIQUE" in str(exc):
                    return None
                raise
            uuid = self._one("SELECT device_uuid FROM devices WHERE id = ?", [device])[0]
        if claimed_uuid and claimed_uuid != uuid:
            return None
        own = {uuid} if uuid else set()
        if team:
            own |= {u for (u,) in self._rows("SELECT device_uuid FROM devices WHERE team = ? AND revoked_at IS NULL "
                                             "AND device_uuid IS NOT NULL", [team])}
        return Writer(role, frozenset(own), name)

    def signer(self, key) -> Writer | None:
        """Who signed a bundle: the registered, not revoked device holding this key (None if there is none)."""
        row = self._one("SELECT id FROM devices WHERE fingerprint = ? AND device_uuid = ? AND revoked_at IS NULL",
                        [key.fingerprint, key.device_id])
        return self.writer(row[0]) if row else None

    def bundle_answer(self, bundle_id: str, signer_uuid: str) -> dict[str, Any] | None:
        """The answer already given to this bundle, whoever uploaded it (two supervisors may forward the same
        surveyor's file): only when it came from the same signing device."""
        from survey_app.codec import loads

        row = self._one("SELECT answer FROM batches WHERE batch_id = ? AND kind = 'bundle' AND client_device_id = ? "
                        "AND answer <> ''", [bundle_id, signer_uuid])
        return loads(row[0]) if row else None

    # -- what the revision rules kept -------------------------------------------------------------------
    def history(self, table: str, record_id: str) -> list[dict[str, Any]]:
        """Earlier (and refused) copies of one record, oldest revision first."""
        rows = self._rows(f"SELECT {', '.join(HISTORY_COLUMNS)} FROM record_history WHERE table_name = ? AND id = ? "
                          "ORDER BY revision, seq", [table, record_id])
        out = []
        for values in rows:
            row = dict(zip(HISTORY_COLUMNS, values))
            row["data"], row["changed_fields"] = _json(row["data"]), _json(row["changed_fields"])
            out.append(row)
        return out

    def deletion(self, table: str, record_id: str) -> dict[str, Any] | None:
        """The deletion the receiver holds for a record, or None."""
        row = self._one(f"SELECT {', '.join(DELETION_COLUMNS)} FROM deletions WHERE table_name = ? AND id = ?",
                        [table, record_id])
        return dict(zip(DELETION_COLUMNS, row)) if row else None

    # -- health and freshness ---------------------------------------------------------------------------
    def ping(self) -> dict[str, Any]:
        """Schema version and the last arrival (raises DatabaseUnavailable when the database is gone)."""
        version = self._one("SELECT coalesce(max(version), 0) FROM schema_migrations")[0]
        last = self._one("SELECT max(received_at) FROM batches")[0]
        return {"schema_version": version, "last_received_at": last}

    def freshness(self) -> dict[str, Any]:
        """When data last arrived, overall and per device (for the dashboard)."""
        devices = self._rows(
            "SELECT d.name, max(b.received_at), count(b.batch_id), coalesce(sum(b.records), 0), d.revoked_at "
            "FROM devices d LEFT JOIN batches b ON b.device = d.id GROUP BY d.id, d.name, d.revoked_at "
            "ORDER BY max(b.received_at) DESC, d.name")
        last = max((d[1] for d in devices if d[1]), default=None)
        return {"last_received_at": last, "now": now(),
                "devices": [{"name": n, "last_received_at": at, "batches": b, "records": r, "revoked": bool(rv)}
                            for n, at, b, r, rv in devices]}

    def data_stamp(self) -> tuple:
        """Changes whenever a batch arrives (dashboard caches key on it)."""
        return tuple(self._one("SELECT count(*), max(received_at) FROM batches"))

    # -- accounts (dashboard) ---------------------------------------------------------------------------
    def add_account(self, name: str, role: str, password_hash: str) -> None:
        """A new dashboard account (IntegrityError-like exception if the name is taken)."""
        self._exec("INSERT INTO accounts (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                   [name, role, password_hash, now()])

    def account(self, name: str) -> tuple | None:
        """(id, name, role, password_hash) of an enabled account."""
        return self._one("SELECT id, name, role, password_hash FROM accounts WHERE name = ? AND disabled_at IS NULL",
                         [name])

    def set_password(self, name: str, password_hash: str) -> bool:
        """Replace an account's password hash (and end its sessions)."""
        n = self._exec("UPDATE accounts SET password_hash = ? WHERE name = ?", [password_hash, name])
        self._exec("DELETE FROM web_sessions WHERE account IN (SELECT id FROM accounts WHERE name = ?)", [name])
        return n > 0

    def disable_account(self, name: str) -> bool:
        """Disable an account and end its sessions."""
        n = self._exec("UPDATE accounts SET disabled_at = ? WHERE name = ? AND disabled_at IS NULL", [now(), name])
        self._exec("DELETE FROM web_sessions WHERE account IN (SELECT id FROM accounts WHERE name = ?)", [name])
        return n > 0

    def accounts(self) -> list[dict[str, Any]]:
        """Every account, without hashes."""
        return [{"name": n, "role": r, "created_at": c, "disabled": bool(d)} for n, r, c, d in self._rows(
            "SELECT name, role, created_at, disabled_at FROM accounts ORDER BY name")]

    # -- web sessions ------------------------------------------------------------------------------------
    def create_session(self, account_id: int, expires_at: str) -> tuple[str, str]:
        """A new session of an account: (cookie token, CSRF token); only the token's hash is stored."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
        self._exec_many([
            ("DELETE FROM web_sessions WHERE expires_at < ?", [now()]),
            ("INSERT INTO web_sessions (token_sha256, account, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
             [token_hash(token), account_id, csrf, now(), expires_at]),
        ])
        return token, csrf

    def session(self, token: str) -> tuple | None:
        """(account name, role, csrf, expires_at) of a live session of an enabled account."""
        return self._one(
            "SELECT a.name, a.role, s.csrf, s.expires_at FROM web_sessions s JOIN accounts a ON a.id = s.account "
            "WHERE s.token_sha256 = ? AND s.expires_at > ? AND a.disabled_at IS NULL", [token_hash(token), now()])

    def end_session(self, token: str) -> None:
        """Forget a session (logout)."""
        self._exec("DELETE FROM web_sessions WHERE token_sha256 = ?", [token_hash(token)])

    # -- login throttling --------------------------------------------------------------------------------
    def record_failure(self, name: str, address: str) -> None:
        """Remember a failed login."""
        self._exec("INSERT INTO login_failures (name, address, at) VALUES (?, ?, ?)", [name, address, now()])

    def failures_since(self, name: str, address: str, since: str) -> tuple[int, int]:
        """Failed logins since `since`: (for this account name, from this address)."""
        by_name = self._one("SELECT count(*) FROM login_failures WHERE name = ? AND at >= ?", [name, since])[0]
        by_addr = self._one("SELECT count(*) FROM login_failures WHERE address = ? AND at >= ?", [address, since])[0]
        return by_name, by_addr

    def clear_failures(self, name: str, before: str) -> None:
        """Forget an account's failures after a good login, and everyone's older ones."""
        self._exec_many([("DELETE FROM login_failures WHERE name = ?", [name]),
                         ("DELETE FROM login_failures WHERE at < ?", [before])])

    # -- read tokens (feeds) -----------------------------------------------------------------------------
    def add_read_token(self, name: str, *, personal: bool = False, precise: bool = False) -> str:
        """A new read token for the feeds; returns it (only its hash is kept)."""
        token = "rt_" + secrets.token_urlsafe(32)
        self._exec("INSERT INTO read_tokens (name, token_sha256, personal, precise, created_at) VALUES (?, ?, ?, ?, ?)",
                   [name, token_hash(token), bool(personal), bool(precise), now()])
        return token

    def read_token(self, token: str) -> tuple | None:
        """(name, personal, precise) of a valid read token."""
        row = self._one("SELECT name, personal, precise FROM read_tokens WHERE token_sha256 = ? AND revoked_at IS NULL",
                        [token_hash(token)])
        return (row[0], bool(row[1]), bool(row[2])) if row else None

    def revoke_read_token(self, name: str) -> bool:
        """Revoke a read token; True if it existed."""
        return self._exec("UPDATE read_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                          [now(), name]) > 0

    def read_tokens(self) -> list[dict[str, Any]]:
        """Every read token, without secrets."""
        return [{"name": n, "personal": bool(p), "precise": bool(q), "created_at": c, "revoked": bool(r)}
                for n, p, q, c, r in self._rows("SELECT name, personal, precise, created_at, revoked_at "
                                                "FROM read_tokens ORDER BY name")]

    # -- units and boundaries -----------------------------------------------------------------------------
    def units(self) -> list[tuple]:
        """Rows of UNIT_COLUMNS, wards first then communes, by name (code point order on both back ends)."""
        rows = self._rows(f"SELECT {', '.join(UNIT_COLUMNS)} FROM units")
        return sorted(rows, key=lambda r: (r[2] != "ward", r[1]))

    def boundaries(self) -> dict[str, dict]:
        """unit code -> GeoJSON geometry of each imported boundary."""
        return {c: json.loads(g) for c, g in self._rows("SELECT unit_code, geometry FROM unit_boundaries")}

    def save_boundaries(self, rows: list[tuple[str, str, str]]) -> None:
        """Insert or replace boundaries: (unit code, GeoJSON geometry text, source); PostGIS also gets `geom`."""
        stamp = now()
        if self.dialect == "postgresql":
            sql = ("INSERT INTO unit_boundaries (unit_code, geometry, geom, source, imported_at) "
                   "VALUES (?, ?, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)), ?, ?) ON CONFLICT (unit_code) "
                   "DO UPDATE SET geometry = excluded.geometry, geom = excluded.geom, source = excluded.source, "
                   "imported_at = excluded.imported_at")
            self._exec_many([(sql, [c, g, g, src, stamp]) for c, g, src in rows])
        else:
            sql = ("INSERT OR REPLACE INTO unit_boundaries (unit_code, geometry, source, imported_at) "
                   "VALUES (?, ?, ?, ?)")
            self._exec_many([(sql, [c, g, src, stamp]) for c, g, src in rows])

    def stream(self, sql: str, params: list | tuple = ()) -> Iterator[tuple]:
        """Rows of a read query, a page at a time."""
        return self._stream(sql, params)

    def rows(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        """All rows of a (small) read query."""
        return self._rows(sql, params)
