"""The receiver among many devices: each writes only its own records, decisions only from supervisors, sealed
bundles checked against the signer, bodies bounded while they stream, slow clients timed out, verification off
the event loop, every error JSON."""
from __future__ import annotations

import gzip
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
import zlib
from pathlib import Path
from urllib.parse import urlsplit

from survey_app.storage.driver import connect_file
import pytest

pytest.importorskip("fastapi")

from sync_support import Receiver, receiver_sql  # noqa: E402
from trust_support import NOW, Laptop  # noqa: E402

from survey_app.central.store import CentralStore  # noqa: E402
from survey_app import codec  # noqa: E402
from survey_app.trust.container import BundleWriter  # noqa: E402
from survey_app.central.backend import identity_for, open_store  # noqa: E402

A = "aaaaaaaa-0000-4000-8000-00000000000a"
B = "bbbbbbbb-0000-4000-8000-00000000000b"


def _post(url, path, body, token, headers=None, timeout=60):
    u = urlsplit(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        c.request("POST", path, body=body, headers=dict({"Authorization": f"Bearer {token}",
                                                          "Content-Type": "application/json"}, **(headers or {})))
        r = c.getresponse()
        return r.status, r.getheader("content-type"), json.loads(r.read())
    finally:
        c.close()


def _batch(device, records):
    return json.dumps({"batch_id": str(uuid.uuid4()), "device_id": device, "schema_version": 5,
                       "created_at": NOW, "records": records}).encode()


def _rec(table, rid, rev, device, **data):
    return {"table": table, "id": rid, "revision": rev, "updated_at": NOW, "data": dict(data, device_id=device)}


@pytest.fixture(autouse=True)
def english():
    """The in-process receiver writes bundle messages in the process language: English here."""
    from survey_app.i18n import set_language

    set_language("en")
    yield
    set_language("vi")


@pytest.fixture
def central(tmp_path, central_db):
    """A receiver with devices A (surveyor) and B (surveyor) registered by token (on each back end)."""
    r = Receiver(tmp_path, name="A", db=central_db)
    store = open_store(r.db_path)
    r.token_b = store.add_device("B")
    store.close()
    yield r
    r.stop()


def _held(path, rid):
    rows = receiver_sql(path, "SELECT revision, device_id, data FROM records WHERE id = ?", [rid])
    if not rows:
        return None
    rev, dev, data = rows[0]
    return rev, dev, data if isinstance(data, str) else json.dumps(data)  # PostgreSQL gives jsonb as a dict


def test_device_b_cannot_overwrite_a_record_of_a_nor_approve_a_session(central):
    session, reading = str(uuid.uuid4()), str(uuid.uuid4())
    status, _ct, answer = _post(central.url, "/api/v1/batches", _batch(A, [
        _rec("sessions", session, 1, A, status="closed", unit_code="19753"),
        _rec("signal_readings", reading, 1, A, rsrp_dbm=-91.0, session_id=session)]), central.token)
    assert status == 200 and len(answer["accepted"]) == 2
    before = (_held(central.db_path, session), _held(central.db_path, reading))
    decision = str(uuid.uuid4())
    status, _ct, answer = _post(central.url, "/api/v1/batches", _batch(B, [
        _rec("signal_readings", reading, 5, B, rsrp_dbm=-40.0, session_id=session),     # B's id on A's record
        _rec("signal_readings", reading, 6, A, rsrp_dbm=-40.0, session_id=session),     # claiming to be A
        _rec("sessions", session, 2, A, status="approved", unit_code="19753"),           # approving A's session
        _rec("review_decisions", decision, 1, B, session_id=session, decision="approved")]), central.token_b)
    assert status == 200 and answer["accepted"] == []
    reasons = [r["reason"] for r in answer["rejected"]]
    assert len(reasons) == 4 and all(r.startswith("not allowed") for r in reasons), reasons
    assert "belongs to device" in reasons[0] and "not of the sender" in reasons[1]
    assert "supervisor" in reasons[2] and "supervisor" in reasons[3]
    assert (_held(central.db_path, session), _held(central.db_path, reading)) == before
    assert _held(central.db_path, decision) is None
    # B's token cannot pose as A's device either (the token is bound to the device id of its first batch).
    status, _ct, err = _post(central.url, "/api/v1/batches", _batch(A, []), central.token_b)
    assert status == 403 and "another device" in err["detail"]


def test_a_supervisor_may_approve_and_a_team_shares_records(tmp_path, central_db):
    r = Receiver(tmp_path, name="A", team="Tổ 1", db=central_db)
    store = open_store(r.db_path)
    sup = store.add_device("Hoa", role="supervisor")
    mate = store.add_device("C", team="Tổ 1")
    store.close()
    try:
        session = str(uuid.uuid4())
        assert _post(r.url, "/api/v1/batches", _batch(A, [_rec("sessions", session, 1, A, status="closed")]),
                     r.token)[2]["rejected"] == []
        C = str(uuid.uuid4())
        _s, _c, answer = _post(r.url, "/api/v1/batches", _batch(C, [_rec("sessions", session, 2, A, status="closed",
                                                                          notes="Tổ 1 sửa")]), mate)
        assert answer["rejected"] == [], answer  # a team mate may revise A's session
        S = str(uuid.uuid4())
        _s, _c, answer = _post(r.url, "/api/v1/batches", _batch(S, [
            _rec("sessions", session, 3, A, status="approved"),
            _rec("review_decisions", str(uuid.uuid4()), 1, S, session_id=session, decision="approved")]), sup)
        assert answer["rejected"] == [] and len(answer["accepted"]) == 2
        assert json.loads(_held(r.db_path, session)[2])["status"] == "approved"
    finally:
        r.stop()


@pytest.mark.parametrize("record,reason", [
    (_rec("evil_table", str(uuid.uuid4()), 1, A, x=1), "unknown table"),
    (_rec("signal_readings", str(uuid.uuid4()), 1, A, drop_me=1), "unknown columns"),
    (_rec("signal_readings", str(uuid.uuid4()), 1, A, raw={"nested": [1]}), "not a plain value"),
    (_rec("signal_readings", str(uuid.uuid4()), 1, A, cell_id=2 ** 63), "integer out of range"),
    (_rec("signal_readings", str(uuid.uuid4()), 1, A, rsrp_dbm="INF"), "number not finite"),  # 1e400 below
])
def test_only_contract_tables_columns_and_plain_values(central, record, reason):
    body = _batch(A, [record, _rec("signal_readings", str(uuid.uuid4()), 1, A, raw='{"a": [1]} text')])
    status, _ct, answer = _post(central.url, "/api/v1/batches", body.replace(b'"INF"', b"1e400"), central.token)
    assert status == 200 and reason in answer["rejected"][0]["reason"]
    assert _held(central.db_path, record["id"]) is None
    assert len(answer["accepted"]) == 1  # brackets inside a text value are plain text


def _sealed_bundle(out: Path, lap: Laptop, recipients, records_per_table: dict[str, list[dict]]) -> Path:
    header = {"bundle_id": str(uuid.uuid4()), "device_id": lap.keyring.identity.device_id, "created_at": NOW,
              "app_version": "t", "schema_version": 5, "session_id": None,
              "tables": {t: len(r) for t, r in records_per_table.items()}}
    w = BundleWriter(out, lap.keyring.identity, recipients, header)
    for t, recs in records_per_table.items():
        w.table(t)
        w.lines(b"".join(codec.dumps_bytes(r) + b"\n" for r in recs))
    w.finish({"tables": header["tables"]})
    return out


def test_forwarded_bundle_is_checked_against_its_signer(tmp_path, central_db):
    """Hoa's laptop forwards Lan's sealed bundle: accepted as Lan's; a bundle by an unregistered key is 400."""
    lan, hoa = Laptop(tmp_path / "lan"), Laptop(tmp_path / "hoa")
    r = Receiver(tmp_path, name="Hoa", public_key=hoa.key, role="supervisor", db=central_db)
    store = open_store(r.db_path)
    store.add_device("Lan", public_key=lan.key)
    store.close()
    me = identity_for(r.db_path).public
    try:
        mine = _rec("signal_readings", str(uuid.uuid4()), 1, lan.keyring.identity.device_id, rsrp_dbm=-90.0)
        good = _sealed_bundle(tmp_path / "lan.bundle", lan, [me], {"signal_readings": [mine]})
        status, _ct, answer = _post(r.url, "/api/v1/bundles", good.read_bytes(), r.token,
                                    {"Content-Type": "application/octet-stream"})
        assert status == 200 and answer["rejected"] == [] and len(answer["accepted"]) == 1
        store = open_store(r.db_path)
        token_sup2 = store.add_device("Minh", role="supervisor")
        store.close()
        again = _post(r.url, "/api/v1/bundles", good.read_bytes(), token_sup2)  # a second supervisor forwards it
        assert again[0] == 200 and again[2] == answer
        theirs = _rec("signal_readings", str(uuid.uuid4()), 1, A, rsrp_dbm=-90.0)  # Lan signs A's record
        bad = _sealed_bundle(tmp_path / "claim.bundle", lan, [me], {"signal_readings": [theirs]})
        status, ct, err = _post(r.url, "/api/v1/bundles", bad.read_bytes(), r.token)
        assert status == 400 and ct == "application/json" and "not of the sender" in err["detail"]
        stranger = Laptop(tmp_path / "stranger")
        other = _sealed_bundle(tmp_path / "stranger.bundle", stranger, [me], {"signal_readings": []})
        status, _ct, err = _post(r.url, "/api/v1/bundles", other.read_bytes(), r.token)
        assert status == 400 and stranger.keyring.identity.public.fingerprint in err["detail"]
        not_here = _sealed_bundle(tmp_path / "elsewhere.bundle", lan, [hoa.keyring.identity.public], {})
        status, _ct, err = _post(r.url, "/api/v1/bundles", not_here.read_bytes(), r.token)
        assert status == 400 and me.fingerprint in err["detail"]
        stranger.close()
    finally:
        r.stop()
        lan.close()
        hoa.close()


def _bomb(expanded: int) -> bytes:
    """A gzip body of about expanded/1000 bytes that inflates to `expanded` zero bytes (identical deflate blocks
    after full flushes; the trailer is never reached)."""
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    mib = b"\0" * (1 << 20)
    head = c.compress(mib) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(mib) + c.flush(zlib.Z_FULL_FLUSH)
    return head + block * (expanded // (1 << 20) - 1)


def _serve(tmp_path, db: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "survey_app", "central", "serve", "--db", str(db), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=tmp_path)
    return proc, proc.stdout.readline().split()[-1]


def _post_until_answer(url: str, path: str, headers: dict, body: bytes) -> tuple[int, bytes, float]:
    """Send a body over a raw socket, stopping as soon as the server answers (it may stop reading)."""
    u = urlsplit(url)
    s = socket.create_connection((u.hostname, u.port), timeout=30)
    head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n" + "".join(
        f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    start = time.monotonic()
    s.sendall(head.encode())
    s.setblocking(False)
    view, reply = memoryview(body), b""
    while b"\r\n\r\n" not in reply:
        try:
            reply += s.recv(65536)
        except BlockingIOError:
            pass
        if view:
            try:
                view = view[s.send(view[: 1 << 16]):]
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                pass
        if time.monotonic() - start > 30:
            break
    elapsed = time.monotonic() - start
    s.setblocking(True)
    try:
        while len(reply) < 200 and (more := s.recv(65536)):
            reply += more
    except (ConnectionResetError, socket.timeout):
        pass
    s.close()
    return int(reply.split()[1]), reply, elapsed


def test_gzip_bomb_of_10_gb_is_413_fast_and_memory_stays_low(tmp_path):
    import psutil

    db = tmp_path / "c.db"
    store = CentralStore(db)
    token = store.add_device("A")
    store.close()
    proc, url = _serve(tmp_path, db)
    try:
        bomb = _bomb(10 << 30)
        assert len(bomb) < 12 << 20
        import urllib.request

        assert urllib.request.urlopen(url + "/api/v1/health", timeout=30).status == 200  # a warm receiver
        status, reply, elapsed = _post_until_answer(url, "/api/v1/batches", {
            "Authorization": f"Bearer {token}", "Content-Encoding": "gzip", "Content-Type": "application/json"}, bomb)
        assert status == 413 and b"application/json" in reply and elapsed < 1.0, (status, elapsed)
        rss = psutil.Process(proc.pid).memory_info().rss
        with open(f"/proc/{proc.pid}/status") as f:
            hwm = int(next(line.split()[1] for line in f if line.startswith("VmHWM")))
        assert rss < 300 << 20 and hwm * 1024 < 300 << 20, (rss, hwm)
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()


def test_slow_client_is_timed_out_with_json(central):
    app = central.server.server.config.app
    app.state.batch_limits.idle_s = 0.5
    u = urlsplit(central.url)
    s = socket.create_connection((u.hostname, u.port), timeout=10)
    s.sendall((f"POST /api/v1/batches HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {central.token}\r\n"
               "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"batch").encode())
    reply = b""
    while b"\r\n\r\n" not in reply and (more := s.recv(4096)):
        reply += more
    s.close()
    assert reply.split()[1] == b"408" and b"application/json" in reply


@pytest.mark.parametrize("path,body,headers,status", [
    ("/api/v1/batches", b"[]", {}, 422),
    ("/api/v1/batches", b"{}", {"Content-Encoding": "br"}, 415),
    ("/api/v1/batches", gzip.compress(b"{}", mtime=0) + b"trailing", {"Content-Encoding": "gzip"}, 400),
    ("/api/v1/bundles", b"PK\x03\x04 a zip", {}, 400),
    ("/api/v1/bundles", b"", {}, 400),
    ("/api/v1/nothing", b"{}", {}, 404),
])
def test_malformed_requests_get_4xx_json(central, path, body, headers, status):
    got, ct, answer = _post(central.url, path, body, central.token, headers)
    assert got == status and ct == "application/json" and answer["detail"]


def test_mutated_bundles_never_give_5xx(tmp_path):
    """A fuzz of sealed bundles: random bytes flipped, cut, repeated, spliced: always 400 with JSON, never 5xx."""
    import random

    lan = Laptop(tmp_path / "lan")
    r = Receiver(tmp_path, name="Lan", public_key=lan.key)
    me = identity_for(r.db_path).public
    try:
        recs = [_rec("signal_readings", str(uuid.uuid4()), 1, lan.keyring.identity.device_id, rsrp_dbm=-90.0 - i)
                for i in range(300)]
        raw = _sealed_bundle(tmp_path / "b.bundle", lan, [me], {"signal_readings": recs}).read_bytes()
        rng = random.Random(15)
        statuses = set()
        for i in range(60):
            data = bytearray(raw)
            kind = i % 4
            if kind == 0:
                for _ in range(rng.randint(1, 4)):
                    data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            elif kind == 1:
                data = data[: rng.randrange(len(data))]
            elif kind == 2:
                cut = rng.randrange(len(data))
                data = data[:cut] + data[cut - rng.randint(1, 64):]
            else:
                data = data[:28] + os.urandom(rng.randint(0, 512)) + data[28:]
            status, ct, answer = _post(r.url, "/api/v1/bundles", bytes(data), r.token)
            statuses.add(status)
            assert status < 500 and ct == "application/json" and "Traceback" not in json.dumps(answer)
        assert statuses <= {200, 400}
    finally:
        r.stop()
        lan.close()


@pytest.mark.slow
def test_another_device_is_answered_while_a_big_bundle_is_verified(tmp_path):
    from trust_support import big_bundle

    lan = Laptop(tmp_path / "lan")
    r = Receiver(tmp_path, name="Lan", public_key=lan.key)
    store = CentralStore(r.db_path)
    token_b = store.add_device("B")
    store.close()
    app = r.server.server.config.app
    try:
        path, n = big_bundle(tmp_path / "big.bundle", lan, [identity_for(r.db_path).public], 24)
        answers = []
        upload = threading.Thread(target=lambda: answers.append(
            _post(r.url, "/api/v1/bundles", path.read_bytes(), r.token, timeout=600)))
        upload.start()
        deadline = time.monotonic() + 120
        while app.state.verifying == 0 and time.monotonic() < deadline and upload.is_alive():
            time.sleep(0.005)
        assert app.state.verifying == 1
        times = []
        for i in range(3):
            start = time.monotonic()
            status, _ct, answer = _post(r.url, "/api/v1/batches", _batch(B, [
                _rec("signal_readings", str(uuid.uuid4()), 1, B, rsrp_dbm=-80.0)]), token_b)
            times.append(time.monotonic() - start)
            assert status == 200 and len(answer["accepted"]) == 1
        still_verifying = app.state.verifying == 1
        upload.join(600)
        assert still_verifying and max(times) < 1.0, times
        assert answers[0][0] == 200 and len(answers[0][2]["accepted"]) == n
    finally:
        r.stop()
        lan.close()


def test_built_in_form_of_a_surveyor_is_stored_other_forms_refused(central):
    builtin = _rec("forms", str(uuid.uuid4()), 1, A, form_id="hh", version="1", definition="{}",
                   source_sha256="builtin", imported_at=NOW)
    forged = _rec("forms", str(uuid.uuid4()), 1, A, form_id="hh", version="evil", definition="{}",
                  source_sha256="", imported_at=NOW)
    status, _ct, answer = _post(central.url, "/api/v1/batches", _batch(A, [builtin, forged]), central.token)
    assert status == 200 and [a["id"] for a in answer["accepted"]] == [builtin["id"]]
    assert "form not signed by a supervisor" in answer["rejected"][0]["reason"]


def test_a_surveyor_may_send_back_the_status_a_supervisor_set(tmp_path):
    r = Receiver(tmp_path, name="A")
    store = CentralStore(r.db_path)
    sup = store.add_device("Hoa", role="supervisor")
    store.close()
    try:
        session = str(uuid.uuid4())
        _post(r.url, "/api/v1/batches", _batch(A, [_rec("sessions", session, 1, A, status="closed")]), r.token)
        S = str(uuid.uuid4())
        assert _post(r.url, "/api/v1/batches", _batch(S, [_rec("sessions", session, 2, A, status="approved")]),
                     sup)[2]["rejected"] == []
        _s, _c, answer = _post(r.url, "/api/v1/batches", _batch(A, [
            _rec("sessions", session, 2, A, status="approved")]), r.token)
        assert answer["rejected"] == [] and len(answer["accepted"]) == 1
        _s, _c, answer = _post(r.url, "/api/v1/batches", _batch(A, [
            _rec("sessions", session, 3, A, status="rejected")]), r.token)
        assert "supervisor" in answer["rejected"][0]["reason"]
    finally:
        r.stop()
