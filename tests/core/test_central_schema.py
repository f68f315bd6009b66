"""The receiver's schema on both back ends: numbered migrations from empty and from every released schema, run
twice or at once; the rules the database itself enforces; the same batch to two receivers stored once."""
from __future__ import annotations

import json
import shutil
import threading
import uuid
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from sync_support import receiver_counts, receiver_sql  # noqa: E402

from survey_app.central import migrate  # noqa: E402
from survey_app.storage.driver import connect_file  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "central"


def _store(target):
    from survey_app.central.backend import open_store

    return open_store(target)


def _dialect(target) -> str:
    return "postgresql" if str(target).startswith("postgresql://") else "sqlite"


DEVICE = "d0000000-0000-4000-8000-0000000000a1"


def _rec(table="signal_readings", rid=None, rev=1, **data):
    rid = rid or str(uuid.uuid4())
    return {"table": table, "id": rid, "revision": rev, "updated_at": "2026-11-27T10:00:00.000Z",
            "data": dict({"session_id": "s1", "lon": 107.59, "lat": 16.46, "device_id": DEVICE}, **data)}


def _migrate_to(target, version: int) -> None:
    from survey_app.central import migrate
    from survey_app.clock import utc_now

    if _dialect(target) == "sqlite":
        conn = connect_file(target, isolation_level=None)
        migrate.migrate_sqlite(conn, utc_now(), target=version)
        conn.close()
    else:
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            migrate.migrate_postgresql(conn, utc_now(), target=version)


@pytest.fixture
def empty_db(request, tmp_path, central_db):
    """A database with no receiver schema at all, on each back end."""
    if _dialect(central_db) == "sqlite":
        return central_db
    return request.getfixturevalue("pg_cluster").new_database(migrated=False)


def test_from_empty_to_latest_then_again(empty_db, cli):
    latest = migrate.latest(_dialect(empty_db))
    first = cli("central", "migrate", "--db", empty_db, "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["schema_version"] == latest
    again = cli("central", "migrate", "--db", empty_db, "--json")  # a migration run twice changes nothing
    assert again.returncode == 0 and json.loads(again.stdout) == json.loads(first.stdout)
    versions = receiver_sql(empty_db, "SELECT version FROM schema_migrations ORDER BY version")
    assert [v for (v,) in versions] == list(range(1, latest + 1))


@pytest.mark.parametrize("start", range(1, migrate.latest("sqlite")))
def test_from_every_intermediate_schema_with_data(empty_db, start):
    """Apply up to `start`, store a batch there, then open with the current code: data kept, rules on."""
    _migrate_to(empty_db, start)
    dev = receiver_sql(empty_db, "SELECT 1")  # reachable
    assert dev
    if _dialect(empty_db) == "sqlite":
        conn = connect_file(empty_db)
        conn.execute("INSERT INTO devices (name, token_sha256, created_at) VALUES ('old', 'h', 'x')")
        conn.execute("INSERT INTO records (table_name, id, revision, data, batch_id, received_at) VALUES "
                     "('signal_readings', 'r1', 3, '{\"lon\": 107.5, \"lat\": 16.4, \"session_id\": \"s\"}', 'b', 'x')")
        conn.commit()
        conn.close()
    else:
        import psycopg

        with psycopg.connect(empty_db) as conn:
            conn.execute("INSERT INTO devices (name, token_sha256, created_at) VALUES ('old', 'h', 'x')")
            conn.execute("INSERT INTO records (table_name, id, revision, data, batch_id, received_at) VALUES "
                         "('signal_readings', 'r1', 3, '{\"lon\": 107.5, \"lat\": 16.4, \"session_id\": \"s\"}', 'b', 'x')")
    store = _store(empty_db)
    try:
        assert store.ping()["schema_version"] > start and store.counts()["records"] == 1
        assert store.rows("SELECT id, lon, lat, session_id FROM signal_readings") == [("r1", 107.5, 16.4, "s")]
    finally:
        store.close()


def test_released_sqlite_receiver_is_upgraded_with_a_backup(tmp_path):
    db = tmp_path / "receiver.db"
    shutil.copy(FIXTURES / "receiver_v0.db", db)
    before = receiver_counts(db)
    store = _store(db)
    try:
        assert store.ping()["schema_version"] >= 2
        assert receiver_counts(db) == before and before["records"] == 6
        assert len(store.rows("SELECT id FROM signal_readings WHERE lon IS NOT NULL")) == 5
        assert store.rows("SELECT status FROM sessions") == [("approved",)]
        token = store.add_device("new-laptop")
        assert store.device_for(token)
    finally:
        store.close()
    backups = list(tmp_path.glob("receiver.db.v0-*.bak"))
    assert len(backups) == 1 and receiver_counts(backups[0]) == before


def test_receiver_with_history_made_on_open_keeps_it_through_migration_0003(tmp_path):
    """A SQLite receiver of the release before 0003 made record_history and deletions when it opened."""
    db = tmp_path / "receiver.db"
    shutil.copy(FIXTURES / "receiver_v2.db", db)
    shutil.copy(FIXTURES / "database-key.json", tmp_path / "database-key.json")
    hid, mid = "7a1e0000-0000-4000-8000-00000000000a", "7a1e0000-0000-4000-8000-00000000000b"
    store = _store(db)
    try:
        assert store.ping()["schema_version"] == migrate.latest("sqlite")
        assert [(h["revision"], h["kind"]) for h in store.history("households", hid)] == [(1, "superseded"),
                                                                                         (1, "stale")]
        gone = store.deletion("members", mid)
        assert gone["revision"] == 2 and gone["reason"] == "moved away" and gone["purged"] == 0
        with pytest.raises(Exception, match="tombstone"):  # the new guards hold on the old rows too
            store._exec("DELETE FROM records WHERE id = ?", [hid])
    finally:
        store.close()
    assert len(list(tmp_path.glob("receiver.db.v2-*.bak"))) == 1


def test_two_receivers_migrating_at_once(empty_db):
    errors, stores = [], []

    def start():
        try:
            stores.append(_store(empty_db))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and len(stores) == 3
    for s in stores:
        s.close()
    versions = [v for (v,) in receiver_sql(empty_db, "SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == list(range(1, migrate.latest(_dialect(empty_db)) + 1))


def test_the_database_enforces_revisions(central_db):
    store = _store(central_db)
    try:
        dev = store.device_for(store.add_device("d"))
        rec = _rec(rev=2)
        answer = store.ingest(str(uuid.uuid4()), dev, [rec], writer=store.writer(dev, DEVICE))
        assert len(answer["accepted"]) == 1, answer
    finally:
        store.close()
    bad = [("UPDATE records SET revision = 1 WHERE id = ?", [rec["id"]]),                       # goes back
           ("UPDATE records SET data = '{\"x\": 1}' WHERE id = ?", [rec["id"]]),                  # held changes
           ("INSERT INTO records (table_name, id, revision, data, batch_id, received_at) "
            "VALUES ('signal_readings', 'z', 0, '{}', 'b', 'x')", []),                            # out of range
           ("INSERT INTO records (table_name, id, revision, data, batch_id, received_at) "
            "VALUES ('signal_readings', 'y', 1, '[1]', 'b', 'x')", []),                           # not an object
           ("INSERT INTO records (table_name, id, revision, data, batch_id, received_at) "
            "VALUES ('signal_readings', 'w', 1, '{\"a\": ', 'b', 'x')", []),                    # not JSON
           ("DELETE FROM records WHERE id = ?", [rec["id"]]),                                    # no tombstone
           ("UPDATE records SET revision = 3, device_id = 'other' WHERE id = ?", [rec["id"]])]   # changes device
    for sql, params in bad:
        with pytest.raises(Exception) as info:
            if _dialect(central_db) == "sqlite":
                conn = connect_file(central_db)
                try:
                    conn.execute(sql, params)
                    conn.commit()
                finally:
                    conn.close()
            else:
                receiver_sql(central_db, sql, params)
        why = str(info.value).lower()
        assert any(w in why for w in ("revision", "check", "object", "json", "tombstone", "device")), why
    assert receiver_sql(central_db, "SELECT revision FROM records WHERE id = ?", [rec["id"]]) == [(2,)]


NAMES = ["a", "z", "a" * 64, "signal_readings", "zz9_", "a_1",                           # allowed
         "", "a" * 65, "_a", "0a", "A", "aZ", "ab-c", "ab\n", "abé", "é", "{", "`", "a b", "a\x7f"]


def test_postgresql_refuses_the_table_names_the_regex_refuses(central_db):
    """Migration 0006's CHECK (no regex) admits exactly the names ^[a-z][a-z0-9_]{0,63}$ matches."""
    import re

    if _dialect(central_db) != "postgresql":
        pytest.skip("the SQLite edition keeps no table-name CHECK (the ingest rule refuses bad names)")
    import psycopg

    admitted = []
    for k, name in enumerate(NAMES):
        try:
            receiver_sql(central_db, "INSERT INTO records (table_name, id, revision, data, batch_id, received_at) "
                         "VALUES (?, ?, 1, '{}', 'b', 'x')", [name, f"n{k}"])
            admitted.append(name)
        except psycopg.errors.CheckViolation:
            pass
    assert admitted == [n for n in NAMES if re.fullmatch(r"[a-z][a-z0-9_]{0,63}", n)] == NAMES[:6]


def test_same_batch_to_two_receivers_at_once_is_stored_once(central_db):
    """Two receivers (each its own store and connections) on one database get the same batch at the same time."""
    import http.client

    from survey_app.central.server import ThreadedReceiver

    store = _store(central_db)
    token = store.add_device("laptop")
    store.close()
    servers = [ThreadedReceiver(central_db).start() for _ in range(2)]
    try:
        body = json.dumps({"batch_id": str(uuid.uuid4()), "device_id": DEVICE, "schema_version": 2,
                           "created_at": "2026-11-27T10:00:00Z",
                           "records": [_rec() for _ in range(400)]}).encode()
        answers, go = [], threading.Barrier(4)

        def post(server):
            c = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            go.wait()
            c.request("POST", "/api/v1/batches", body, {"Authorization": f"Bearer {token}",
                                                         "Content-Type": "application/json"})
            r = c.getresponse()
            answers.append((r.status, json.loads(r.read())))
            c.close()

        threads = [threading.Thread(target=post, args=(s,)) for s in servers + servers]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert [a[0] for a in answers] == [200] * 4
        assert all(a[1] == answers[0][1] for a in answers) and len(answers[0][1]["accepted"]) == 400
        counts = receiver_counts(central_db)
        assert counts["records"] == 400 and counts["batches"] == 1
    finally:
        for s in servers:
            s.stop()


def test_data_keys_go_to_postgresql_in_its_own_order(central_db):
    """The PostgreSQL store writes data keys in jsonb's order (its input sort then costs one pass): the order
    jsonb keeps them in, and the same value."""
    if _dialect(central_db) != "postgresql":
        pytest.skip("only PostgreSQL's jsonb reorders keys")
    from survey_app.central.ingest_pg import JsonbKeyOrder
    from survey_app.codec import dumps_text

    data = {"zz": 1, "b": None, "ä": "x", "aa": [1, {"y": 2, "x": 1}], "a": True, "ab": 1.5, "device_id": DEVICE}
    ordered = JsonbKeyOrder()(data)
    assert list(ordered) == ["a", "b", "aa", "ab", "zz", "ä", "device_id"] and ordered == data
    (keys, same), = receiver_sql(central_db, "SELECT array(SELECT jsonb_object_keys(?::jsonb)), ?::jsonb = ?::jsonb",
                                 [dumps_text(data), dumps_text(data), dumps_text(ordered)])
    assert keys == list(ordered) and same
