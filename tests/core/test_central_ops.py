"""Operating the city edition: accounts and read tokens from the CLI, login throttling and expiring sessions,
a database that goes away mid-sync (503, retried by the app, nothing lost), backup and restore, boundaries."""
from __future__ import annotations

import json
import threading
import uuid

import httpx
import pytest

pytest.importorskip("fastapi")

from central_support import PASSWORD  # noqa: E402
from shared_data import REFERENCE  # noqa: E402
from sync_support import Receiver, add_readings, fast_config, local_keys, receiver_counts, receiver_sql, sync, unsynced  # noqa: E402
from sync_support import receiver_on_each_back_end  # noqa: E402,F401 (the `receiver` fixture, both back ends)

from survey_app.paths import db_path  # noqa: E402



def test_accounts_and_read_tokens_from_the_cli(cli, central_db):
    ok = cli("central", "account", "add", "--name", "lan", "--role", "admin", "--db", central_db,
             input_text=PASSWORD + "\n")
    assert ok.returncode == 0, ok.stderr
    again = cli("central", "account", "add", "--name", "lan", "--db", central_db, input_text=PASSWORD + "\n")
    assert again.returncode == 2 and "lan" in again.stderr and "Traceback" not in again.stderr
    short = cli("central", "account", "add", "--name", "minh", "--db", central_db, input_text="short\n", lang="en")
    assert short.returncode == 2 and "at least 10 characters" in short.stderr
    listed = json.loads(cli("central", "account", "list", "--db", central_db, "--json").stdout)
    assert listed == [{"name": "lan", "role": "admin", "created_at": listed[0]["created_at"], "disabled": False}]
    assert "argon2id" in receiver_sql(central_db, "SELECT password_hash FROM accounts")[0][0]
    token = cli("central", "read-token", "add", "--name", "bi", "--db", central_db).stdout.strip()
    assert token.startswith("rt_") and token not in json.dumps(receiver_sql(central_db, "SELECT * FROM read_tokens"),
                                                               default=str)
    assert cli("central", "read-token", "revoke", "--name", "bi", "--db", central_db).returncode == 0
    assert cli("central", "read-token", "revoke", "--name", "bi", "--db", central_db).returncode == 2
    status = json.loads(cli("central", "status", "--db", central_db, "--json").stdout)
    assert status["schema_version"] >= 2 and status["records"] == 0


def _login(url, name, password, **kw):
    return httpx.post(url + "/dashboard/login", data={"name": name, "password": password, "lang": "en"},
                      follow_redirects=False, timeout=30, **kw)


def test_wrong_passwords_are_throttled_and_sessions_expire(receiver):
    from survey_app.central.accounts import FAILS_PER_NAME, hash_password
    from survey_app.central.backend import open_store

    store = open_store(receiver.db_path)
    store.add_account("lan", "viewer", hash_password(PASSWORD))
    store.close()
    url = receiver.url
    for _ in range(FAILS_PER_NAME):
        r = _login(url, "lan", "wrong password!")
        assert r.status_code == 401 and "Wrong account name or password." in r.text
    r = _login(url, "lan", PASSWORD)  # even the right password waits out the window now
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0 and "Too many failed logins" in r.text
    receiver_sql(receiver.db_path, "DELETE FROM login_failures")  # the window passed
    r = _login(url, "lan", PASSWORD)
    assert r.status_code == 303
    cookie = r.cookies["survey_session"]
    assert "httponly" in r.headers["set-cookie"].lower() and "samesite=strict" in r.headers["set-cookie"].lower()
    jar = {"survey_session": cookie}
    assert httpx.get(url + "/dashboard/api/summary", cookies=jar, timeout=60).status_code == 200
    assert httpx.get(url + "/dashboard/admin", cookies=jar).status_code == 403  # a viewer
    receiver_sql(receiver.db_path, "UPDATE web_sessions SET expires_at = '2000-01-01T00:00:00.000Z'")
    expired = httpx.get(url + "/dashboard/api/summary", cookies=jar)
    assert expired.status_code == 401 and expired.json()["detail"]
    page = httpx.get(url + "/dashboard", cookies=jar, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/dashboard/login?ended=1"
    assert "Log in again" in httpx.get(url + "/dashboard/login?ended=1&lang=en").text


def test_database_going_away_mid_sync_is_a_transport_failure(db, home, tmp_path):
    """PostgreSQL stops while a sync runs: 503 with a JSON error, the app keeps everything pending and retries;
    after the restart everything arrives exactly once."""
    from pg_support import PgCluster, has_postgis, pg_bin

    if pg_bin() is None or not has_postgis():
        pytest.skip("PostgreSQL + PostGIS not installed")
    cluster = PgCluster().start()
    try:
        receiver = Receiver(tmp_path, db=cluster.new_database(migrated=False))
        try:
            add_readings(db, 1500)
            config = fast_config(receiver.url, receiver.token, max_records=50, max_attempts=4, backoff_base_s=0.05,
                                 backoff_cap_s=0.1)
            outcome = {}
            worker = threading.Thread(target=lambda: outcome.setdefault("r", sync(db_path(home), config)))
            worker.start()
            while receiver_counts(receiver.db_path)["batches"] < 3 and worker.is_alive():
                pass
            cluster.stop_server("immediate")  # the database goes away with batches in flight
            worker.join(120)
            r = httpx.post(receiver.url + "/api/v1/batches", headers={"Authorization": f"Bearer {receiver.token}"},
                           json={"batch_id": str(uuid.uuid4()), "device_id": str(uuid.uuid4()), "schema_version": 2,
                                 "created_at": "2026-11-27T10:00:00Z", "records": []}, timeout=60)
            assert r.status_code == 503 and r.headers["content-type"].startswith("application/json")
            assert "unavailable" in r.json()["detail"] and int(r.headers["Retry-After"]) > 0
            health = httpx.get(receiver.url + "/api/v1/health", timeout=60)
            assert health.status_code == 503 and health.json()["detail"]
            first = outcome["r"]
            assert first.status != "ok" and first.rejected == 0 and unsynced(db) > 0  # nothing rejected or lost
            cluster.restart()
            cluster.wait_ready()
            assert sync(db_path(home), fast_config(receiver.url, receiver.token)).status == "ok"
            assert receiver_counts(receiver.db_path)["revisions"] == local_keys(db) and unsynced(db) == 0
        finally:
            receiver.stop()
    finally:
        cluster.close()


def test_backup_and_restore(cli, db, home, receiver, tmp_path, central_db, request):
    add_readings(db, 120)
    assert sync(db_path(home), fast_config(receiver.url, receiver.token)).status == "ok"
    out = tmp_path / "central.backup"
    r = cli("central", "backup", "--db", central_db, "--out", out)
    assert r.returncode == 0, r.stderr
    assert out.stat().st_size > 0 and not list(tmp_path.glob("*.part"))
    if central_db.startswith("postgresql://"):
        target = request.getfixturevalue("pg_cluster").new_database(postgis=False)
    else:
        target = str(tmp_path / "restored.db")
    r = cli("central", "restore", "--db", target, "--from", out)
    assert r.returncode == 0, r.stderr
    assert receiver_counts(target) == receiver_counts(central_db)
    again = cli("central", "restore", "--db", target, "--from", out, lang="en")
    assert again.returncode == 2 and ("already" in again.stderr) and "Traceback" not in again.stderr
    from survey_app.central.backend import open_store

    store = open_store(target)  # a restored database opens, migrates if older, and serves
    try:
        assert store.device_for(receiver.token) and store.counts()["records"] == 122
    finally:
        store.close()
    bad = cli("central", "restore", "--db", str(tmp_path / "x.db"), "--from", tmp_path / "missing", lang="en")
    assert bad.returncode == 2 and "not found" in bad.stderr.lower()


def test_boundaries_import(cli, central_db):
    geo = REFERENCE / "hue_units_2025.geojson"
    if not geo.exists():
        pytest.skip("shared reference data absent")
    r = cli("central", "boundaries", geo, "--db", central_db, lang="en")
    assert r.returncode == 0, r.stderr
    assert "40 units" in r.stdout
    assert receiver_sql(central_db, "SELECT count(*) FROM unit_boundaries")[0][0] == 40
    if central_db.startswith("postgresql://"):
        assert receiver_sql(central_db, "SELECT count(*) FROM unit_boundaries WHERE ST_IsValid(geom) OR geom IS "
                                        "NOT NULL")[0][0] == 40
