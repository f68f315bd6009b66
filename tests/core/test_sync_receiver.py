"""The reference receiver: contract details, OpenAPI served = committed, bundle upload, CLI, schemathesis."""
from __future__ import annotations

import gzip
import http.client
import json
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("fastapi")

from sync_support import Receiver, add_readings, local_keys, receiver_sql  # noqa: E402
from sync_support import receiver_on_each_back_end  # noqa: E402,F401 (the `receiver` fixture, both back ends)

from survey_app.paths import db_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _call(url, method, path, body=None, headers=None):
    u = urlsplit(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        raw = r.read()
        return r.status, (json.loads(raw) if raw else None)
    finally:
        c.close()


DEVICE = "5a1e0000-0000-4000-8000-000000000001"  # the device id the fixture's token is bound to (first batch)


def _batch(records, batch_id=None, device=DEVICE):
    return {"batch_id": batch_id or str(uuid.uuid4()), "device_id": device, "schema_version": 2,
            "created_at": "2026-11-27T10:00:00Z", "records": records}


def _rec(rid, rev, device=DEVICE, **data):
    return {"table": "households", "id": rid, "revision": rev, "updated_at": "2026-11-27T10:00:00Z",
            "data": dict(data, device_id=device)}


def test_served_openapi_equals_committed(receiver):
    status, served = _call(receiver.url, "GET", "/openapi.json")
    assert status == 200
    committed = json.loads((ROOT / "contract" / "openapi.json").read_text(encoding="utf-8"))
    assert served == committed
    assert {"/api/v1/batches", "/api/v1/bundles", "/api/v1/health"} <= set(committed["paths"])


def test_contract_revisions_plain_and_gzip(receiver):
    auth = {"Authorization": f"Bearer {receiver.token}", "Content-Type": "application/json"}
    assert _call(receiver.url, "GET", "/api/v1/health")[0] == 200
    rid = str(uuid.uuid4())
    b1 = _batch([_rec(rid, 2, hamlet="Tổ 5")])
    status, answer = _call(receiver.url, "POST", "/api/v1/batches", json.dumps(b1).encode(), auth)
    assert status == 200 and answer == {"batch_id": b1["batch_id"], "rejected": [],
                                        "accepted": [{"table": "households", "id": rid, "revision": 2}]}
    # The same batch again (gzip this time): the same answer, nothing changes.
    status, again = _call(receiver.url, "POST", "/api/v1/batches", gzip.compress(json.dumps(b1).encode()),
                          dict(auth, **{"Content-Encoding": "gzip"}))
    assert status == 200 and again == answer
    # The same revision and content in a new batch: accepted without change; same revision with other content:
    # a conflict (never accepted twice); older: stale.
    b2 = _batch([_rec(rid, 2, hamlet="Tổ 5"), _rec(rid, 2, hamlet="changed?"), _rec(rid, 1, hamlet="old")])
    status, a2 = _call(receiver.url, "POST", "/api/v1/batches", json.dumps(b2).encode(), auth)
    assert a2["accepted"] == [{"table": "households", "id": rid, "revision": 2}]
    assert [(r["revision"], r["reason"].split(":")[0]) for r in a2["rejected"]] == [(2, "conflict"), (1, "stale")]
    data = receiver_sql(receiver.db_path, "SELECT data FROM records")[0][0]
    assert (json.loads(data) if isinstance(data, str) else data) == {"hamlet": "Tổ 5", "device_id": DEVICE}


@pytest.mark.parametrize("body,headers,status", [
    (b"{}", {}, 401),
    (b"not json", {"auth": 1}, 422),
    (b"\x1f\x8b\x08garbage", {"auth": 1, "Content-Encoding": "gzip"}, 400),
    (json.dumps({"batch_id": "x"}).encode(), {"auth": 1}, 422),
])
def test_bad_requests_get_4xx(receiver, body, headers, status):
    h, headers = {"Content-Type": "application/json"}, dict(headers)  # the parameter is shared by both back ends
    if headers.pop("auth", None):
        h["Authorization"] = f"Bearer {receiver.token}"
    h.update(headers)
    assert _call(receiver.url, "POST", "/api/v1/batches", body, h)[0] == status


def test_gzip_bomb_is_413(receiver):
    bomb = gzip.compress(b" " * (600 * 1024 * 1024), compresslevel=9)
    h = {"Authorization": f"Bearer {receiver.token}", "Content-Encoding": "gzip"}
    assert _call(receiver.url, "POST", "/api/v1/batches", bomb, h)[0] == 413


def test_bundle_upload_is_idempotent(db, home, tmp_path, central_db):
    from survey_app.central.backend import identity_for
    from survey_app.sync.bundle import export_bundle
    from survey_app.sync.upload import drive
    from survey_app.trust.keyring import Keyring

    keyring = Keyring.for_db(db_path(home), db)
    receiver = Receiver(tmp_path, db=central_db, public_key=keyring.identity.public.text)
    keyring.trust.trust(identity_for(receiver.db_path).public.text, "Sở TT&TT", "central", now="2026-01-05T08:00Z")
    keyring.trust.save()
    add_readings(db, 40)
    out = tmp_path / "b.bundle"
    drive(export_bundle(db_path(home), out))
    h = {"Authorization": f"Bearer {receiver.token}", "Content-Type": "application/octet-stream"}
    status, answer = _call(receiver.url, "POST", "/api/v1/bundles", out.read_bytes(), h)
    assert status == 200 and answer["records"] == 42 and len(answer["accepted"]) == 42
    assert _call(receiver.url, "POST", "/api/v1/bundles", out.read_bytes(), h)[1] == answer
    assert receiver.counts()["revisions"] == local_keys(db)
    raw = out.read_bytes()
    status, err = _call(receiver.url, "POST", "/api/v1/bundles", raw[: len(raw) // 2], h)
    assert status == 400 and err["detail"]  # the bundle reader's message (in the process language)
    receiver.stop()


def test_cli_sync_json_and_central_commands(cli, db, home, tmp_path, central_db):
    central = central_db
    r = cli("central", "add-device", "--name", "may-1", "--db", central)
    assert r.returncode == 0, r.stderr
    token = r.stdout.strip()
    assert len(token) > 30
    assert token not in json.dumps(receiver_sql(central, "SELECT * FROM devices"), default=str)  # only a hash kept
    assert cli("central", "add-device", "--name", "may-1", "--db", central).returncode == 2
    proc = subprocess.Popen([sys.executable, "-m", "survey_app", "central", "serve", "--db", str(central),
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = proc.stdout.readline().split()[-1]
        add_readings(db, 30)
        r = cli("sync", "--url", url, "--save", "--json",
                env={"SURVEY_APP_NO_KEYRING": "1", "SURVEY_APP_SYNC_TOKEN": token})
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout) == {"status": "ok", "batches": 3, "sent": 32, "accepted": 32, "rejected": 0}
        r = cli("sync", "--json", env={"SURVEY_APP_NO_KEYRING": "1"})  # the saved URL and token
        assert json.loads(r.stdout)["sent"] == 0
        r = cli("sync", "--status", "--json")
        assert json.loads(r.stdout)["arrived"] >= 32
        assert cli("central", "revoke-device", "--name", "may-1", "--db", central).returncode == 0
        add_readings(db, 1)
        r = cli("sync", "--json", env={"SURVEY_APP_NO_KEYRING": "1"})
        assert r.returncode == 3 and json.loads(r.stdout)["status"] == "failed"
        assert not (home / "sync_token").exists()  # a refused token is cleared; a new one is asked for
        r = cli("sync", env={"SURVEY_APP_NO_KEYRING": "1"})
        assert r.returncode == 2 and "SURVEY_APP_SYNC_TOKEN" in r.stderr
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()


@pytest.mark.slow
def test_schemathesis_finds_no_server_errors(receiver, tmp_path):
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    if st is None:
        pytest.skip("schemathesis not installed")
    r = subprocess.run([st, "run", f"{receiver.url}/openapi.json", "--checks", "not_a_server_error",
                        "--max-examples", "25", "--phases", "examples,coverage,fuzzing", "-H",
                        f"Authorization: Bearer {receiver.token}", "--workers", "1", "--seed", "1",
                        "--suppress-health-check", "all"],
                       capture_output=True, text=True, timeout=280, cwd=tmp_path)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]
