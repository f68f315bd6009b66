"""Helpers for the sync tests: real records in a real survey database, a real receiver on 127.0.0.1."""
from __future__ import annotations

from survey_app.storage.driver import connect_file
import threading
from pathlib import Path

import pytest

from survey_app.clock import new_id, utc_now

from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session


def add_readings(db, n: int, *, session_id: str | None = None, surveyor: str = "Lan", now: str | None = None) -> list[str]:
    """Insert n signal readings (common columns + a few values) in one session; returns their ids."""
    ctx = context_for(db, surveyor)
    if session_id is None:
        session_id = new_session(db, ctx, unit_code="19753", team="Tổ 1", surveyors=[surveyor]).id
    now = now or utc_now()
    rows = []
    for i in range(n):
        rows.append(ctx.stamp({"id": new_id(), "session_id": session_id, "unit_code": "19753",
                               "code_set": "VN-2025-07", "measured_at": now, "technology": "LTE",
                               "operator": "Viettel", "rsrp_dbm": -80.0 - i % 40, "rsrq_db": -10.5,
                               "sinr_db": 12.0, "raw": f"+QENG: \"servingcell\",{i}", "lat": 16.46, "lon": 107.59,
                               "position_source": "gps"}, now=now))
    with db.atomic():
        db.table("signal_readings").insert_all(rows, batch_size=1000)
    return [r["id"] for r in rows]


def receiver_sql(target, sql: str, params: list | tuple = ()) -> list[tuple]:
    """Rows of a query straight on the receiver's database (a SQLite file or a PostgreSQL URL; `?` placeholders)."""
    from survey_app.central.store_pg import is_postgres_url

    if is_postgres_url(str(target)):
        import psycopg

        with psycopg.connect(str(target)) as conn:
            cur = conn.execute(sql.replace("?", "%s"), list(params))
            return cur.fetchall() if cur.description else []
    conn = connect_file(target)
    try:
        rows = conn.execute(sql, list(params)).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


def receiver_counts(target) -> dict:
    """Counts straight from the receiver's database (what arrived, how often, in how many batches)."""
    tables = dict(receiver_sql(target, "SELECT table_name, count(*) FROM records GROUP BY table_name"))
    revisions = {(t, i): r for t, i, r in receiver_sql(target, "SELECT table_name, id, revision FROM records")}
    batches = receiver_sql(target, "SELECT count(*) FROM batches")[0][0]
    return {"tables": tables, "records": sum(tables.values()), "revisions": revisions, "batches": batches}


def local_keys(db) -> dict[tuple[str, str], int]:
    """(table, id) -> revision of every synced record here."""
    from survey_app.storage.sessions import synced_tables

    out = {}
    for t in synced_tables(db):
        for rid, rev in db.execute(f"SELECT id, revision FROM [{t}]"):
            out[(t, rid)] = rev
    return out


def unsynced(db) -> int:
    """Records not yet synced here."""
    from survey_app.storage.sessions import unsynced_count

    return unsynced_count(db)


class Receiver:
    """The reference receiver in a thread on 127.0.0.1:0 with one registered device, on either back end
    (`db`: a SQLite path or a PostgreSQL URL; default a SQLite file in `tmp`)."""

    def __init__(self, tmp: Path, name: str = "laptop-1", db: str | Path | None = None, **device) -> None:
        from survey_app.central.backend import open_store
        from survey_app.central.server import ThreadedReceiver

        self.db_path = db if db is not None else tmp / "central.db"
        store = open_store(self.db_path)
        self.token = store.add_device(name, **device)  # public_key=, role=, team=
        store.close()
        self.server = ThreadedReceiver(self.db_path).start()
        self.url = self.server.url

    def counts(self) -> dict:
        return receiver_counts(self.db_path)

    def stop(self) -> None:
        self.server.stop()


@pytest.fixture(name="receiver")
def receiver_on_each_back_end(tmp_path, central_db):
    """The reference receiver on each back end (SQLite, PostgreSQL) with one registered device. A test module
    that imports this name gets it as its `receiver` fixture instead of tests/conftest.py's SQLite-only one."""
    r = Receiver(tmp_path, db=central_db)
    yield r
    r.stop()


def fast_config(url: str, token: str, **kw):
    """A SyncConfig with short backoff for tests."""
    from survey_app.sync.upload import SyncConfig

    base = dict(url=url, token=token, backoff_base_s=0.01, backoff_cap_s=0.05, timeout_s=10, max_attempts=8)
    base.update(kw)
    return SyncConfig(**base)


def sync(db_path, config, cancel: threading.Event | None = None):
    """Run a sync to its end; returns the SyncResult."""
    from survey_app.sync.upload import drive, run_sync

    return drive(run_sync(db_path, config, cancel))


def make_ca(tmp_path):
    """A private CA and a server certificate for 127.0.0.1 signed by it (openssl CLI)."""
    import shutil
    import subprocess

    import pytest

    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")

    def run(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=tmp_path)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=Hue test CA")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "srv.key", "-out", "srv.csr", "-subj", "/CN=127.0.0.1")
    (tmp_path / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    run("x509", "-req", "-in", "srv.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "srv.pem",
        "-days", "2", "-extfile", "ext.cnf")
    return tmp_path / "ca.pem", tmp_path / "srv.pem", tmp_path / "srv.key"


def craft(db, sql: str, params=()) -> None:
    """Run SQL that breaks the revision rules on purpose (a hostile or corrupt record, a clock years off),
    with the revision guards lifted for that statement only."""
    from survey_app.storage.revisions import install_guards

    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                              "(name LIKE '%_revision_guard' OR name LIKE '%_delete_guard')").fetchall():
        db.execute(f"DROP TRIGGER [{name}]")
    try:
        db.execute(sql, list(params))
    finally:
        install_guards(db)


def set_inflated_limit(receiver: "Receiver", limit: int) -> None:
    """Change the running receiver's limit on a batch body once decompressed (the operator's setting)."""
    from survey_app.central.bodies import BodyLimits

    state = receiver.server.server.config.app.state
    state.batch_limits = BodyLimits(state.batch_limits.max_bytes, limit)
