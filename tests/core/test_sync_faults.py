"""Exactly-once delivery under faults: counts are checked on the real receiver's database every time."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

pytest.importorskip("fastapi")

from sync_chaos import ChaosProxy, flaky  # noqa: E402
from sync_support import (add_readings, craft, fast_config, local_keys, receiver_counts,  # noqa: E402
                          receiver_sql, sync, unsynced)
from sync_support import receiver_on_each_back_end  # noqa: E402,F401 (the `receiver` fixture, both back ends)

from survey_app.paths import db_path  # noqa: E402
from survey_app.storage import sync as store  # noqa: E402


def _exactly_once(db, receiver_db) -> None:
    """Every local record is on the receiver at its revision, nothing else is, and nothing waits."""
    counts = receiver_counts(receiver_db)
    assert counts["revisions"] == local_keys(db)
    assert unsynced(db) == 0


def _sync_through_proxy(home, receiver, behave, **config):
    """Sync `home` to the receiver through a ChaosProxy acting as `behave` says; (result, the proxy's log)."""
    proxy = ChaosProxy(receiver.url, behave)
    try:
        return sync(db_path(home), fast_config(proxy.url, receiver.token, **config)), proxy.log
    finally:
        proxy.stop()


def test_dropped_after_commit_then_retry_gets_same_answer(db, home, receiver):
    add_readings(db, 300)
    drops = {2, 5, 6}  # request numbers whose answer is lost after the receiver committed
    result, log = _sync_through_proxy(home, receiver, lambda n, p, l: "drop_after" if n in drops else "pass",
                                      max_records=50)
    assert result.status == "ok" and result.accepted == 302
    _exactly_once(db, receiver.db_path)
    # Each batch is stored once although three were received twice.
    # teams + sessions + 6 x 50 readings = 8 batches, 3 of them received twice: stored once each.
    assert receiver.counts()["batches"] == result.batches == 8
    assert len([a for _, a in log if a == "drop_after"]) == 3 and len(log) == 11


def test_thirty_percent_of_requests_fail_with_500(db, home, receiver):
    add_readings(db, 400)
    result, log = _sync_through_proxy(home, receiver, flaky(0.3), max_records=40, max_attempts=12)
    assert result.status == "ok"
    failures = [a for _, a in log if a.startswith("e500")]
    assert len(failures) >= 3  # the fault really happened
    _exactly_once(db, receiver.db_path)


def test_too_large_is_split(db, home, receiver):
    add_readings(db, 200)
    # The proxy refuses bodies over 2.5 kB like a reverse proxy with a body limit (the 200 readings compress
    # to more, any one record to far less).
    result, log = _sync_through_proxy(home, receiver, lambda n, p, length: "e413" if length > 2500 else "pass",
                                      max_records=500)
    assert result.status == "ok" and result.batches > 1
    assert any(a == "e413" for _, a in log)
    _exactly_once(db, receiver.db_path)


def test_rate_limited_then_served(db, home, receiver):
    add_readings(db, 20)
    result, log = _sync_through_proxy(home, receiver, lambda n, p, l: "e429" if n <= 2 else "pass")
    assert result.status == "ok"
    _exactly_once(db, receiver.db_path)


@pytest.mark.parametrize("hostile", ["garbage", "wrong_batch", "huge", "half_body", "drop_before"])
def test_malformed_or_hostile_answers_are_retried(db, home, receiver, hostile):
    add_readings(db, 120)
    result, log = _sync_through_proxy(home, receiver, lambda n, p, l: hostile if n in (1, 3) else "pass",
                                      max_records=40)
    assert result.status == "ok", result.error
    _exactly_once(db, receiver.db_path)


def test_answer_naming_records_not_sent_marks_only_real_ones(db, home, receiver):
    add_readings(db, 100)
    # Requests: the team, the session and the 100 readings, the last (by far the longest) doctored; batches
    # travel pipelined, so their order is not fixed.
    first, log = _sync_through_proxy(home, receiver, lambda n, p, l: "foreign_ids" if l > 1500 else "pass",
                                     max_records=1000)
    assert first.status == "ok" and first.accepted == 52  # team, session, half the readings; fakes ignored
    assert unsynced(db) == 50  # the unacknowledged ones wait, although the receiver holds them
    assert db.execute("SELECT count(*) FROM signal_readings WHERE id LIKE 'deadbeef%'").fetchone()[0] == 0
    second = sync(db_path(home), fast_config(receiver.url, receiver.token))
    assert second.accepted == 50  # accepted again without change
    _exactly_once(db, receiver.db_path)


def test_persistent_garbage_fails_without_losing_anything(db, home, receiver):
    add_readings(db, 30)
    result, log = _sync_through_proxy(home, receiver, lambda n, p, l: "garbage", max_attempts=3)
    assert result.status == "failed" and unsynced(db) == 32
    assert store.last_run(db)["error"]
    assert sync(db_path(home), fast_config(receiver.url, receiver.token)).status == "ok"
    _exactly_once(db, receiver.db_path)


def _serve(db_file, port: int) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "survey_app", "central", "serve", "--db", str(db_file),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline().strip()
    assert line.startswith("listening on "), line
    return proc, line.split()[-1]


def test_receiver_killed_mid_run_and_restarted(db, home, tmp_path, central_db):
    from survey_app.central.backend import open_store

    central = central_db
    s = open_store(central)
    token = s.add_device("laptop")
    s.close()
    proc, url = _serve(central, 0)
    port = int(url.rsplit(":", 1)[1])
    add_readings(db, 3000)
    outcome = {}
    config = fast_config(url, token, max_records=50, backoff_base_s=0.05, backoff_cap_s=0.5, max_attempts=40)
    worker = threading.Thread(target=lambda: outcome.setdefault("r", sync(db_path(home), config)))
    worker.start()
    try:
        deadline = time.monotonic() + 60
        while receiver_counts(central)["batches"] < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)  # mid-run: batches are in flight
        proc.wait(10)
        proc.stdout.close()
        proc, _ = _serve(central, port)
        worker.join(120)
        assert not worker.is_alive()
        if outcome["r"].status != "ok":  # the client may have given up; a new run finishes the job
            assert sync(db_path(home), config).status == "ok"
        _exactly_once(db, central)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(10)
        proc.stdout.close()


def test_client_clock_hours_off_does_not_decide_order(db, home, receiver):
    from survey_app.storage.revisions import revise

    add_readings(db, 2, now="2031-01-01T00:00:00.000Z")  # clock years ahead
    sid = db.execute("SELECT id FROM sessions").fetchone()[0]
    craft(db, "UPDATE sessions SET updated_at = '2031-01-01T00:00:00.000Z' WHERE id = ?", [sid])
    assert sync(db_path(home), fast_config(receiver.url, receiver.token)).status == "ok"
    revise(db, "sessions", sid, {"notes": "sau khi sửa giờ"})
    craft(db, "UPDATE sessions SET updated_at = '2020-01-01T00:00:00.000Z' WHERE id = ?", [sid])  # clock behind
    assert sync(db_path(home), fast_config(receiver.url, receiver.token)).status == "ok"
    import json

    rev, data, received = receiver_sql(receiver.db_path, "SELECT revision, data, received_at FROM records WHERE id = ?",
                                       [sid])[0]
    data = json.loads(data) if isinstance(data, str) else data
    assert rev == 2 and data["notes"] == "sau khi sửa giờ"  # newer revision wins, older timestamp
    assert received < "2031"  # the receiver stamps its own clock
    _exactly_once(db, receiver.db_path)


def test_same_batch_id_raced_from_two_connections(receiver):
    import gzip
    import http.client
    import json
    import uuid
    from urllib.parse import urlsplit

    device = str(uuid.uuid4())
    rec = {"table": "signal_readings", "id": str(uuid.uuid4()), "revision": 1,
           "updated_at": "2026-01-01T00:00:00Z", "data": {"rsrp_dbm": -90, "device_id": device}}
    body = gzip.compress(json.dumps({"batch_id": str(uuid.uuid4()), "device_id": device,
                                     "schema_version": 2, "created_at": "2026-01-01T00:00:00Z",
                                     "records": [rec]}).encode())
    u = urlsplit(receiver.url)
    answers = []

    def post():
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        c.request("POST", "/api/v1/batches", body, {"Authorization": f"Bearer {receiver.token}",
                                                    "Content-Encoding": "gzip", "Content-Type": "application/json"})
        r = c.getresponse()
        answers.append((r.status, json.loads(r.read())))
        c.close()

    threads = [threading.Thread(target=post) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(answers) == 8 and all(a == answers[0] for a in answers) and answers[0][0] == 200
    counts = receiver.counts()
    assert counts["batches"] == 1 and counts["records"] == 1


def test_timeout_is_retried(db, home, receiver):
    add_readings(db, 10)
    result, log = _sync_through_proxy(home, receiver, lambda n, p, l: "hang" if n == 1 else "pass", timeout_s=1.0)
    assert result.status == "ok" and ("/api/v1/batches", "hang") in log
    _exactly_once(db, receiver.db_path)


def test_a_record_the_receiver_refuses_is_isolated_and_the_rest_arrive(db, home, receiver):
    ids = add_readings(db, 40)
    craft(db, "UPDATE signal_readings SET revision = 0 WHERE id = ?", [ids[17]])  # breaks the contract (>= 1)
    result = sync(db_path(home), fast_config(receiver.url, receiver.token))
    assert result.status == "partial" and result.accepted == 41 and result.rejected == 1
    state = store.record_state(db, "signal_readings", ids[17])
    assert state.state == store.STATE_REJECTED and "revision" in state.reason
    held = receiver_counts(receiver.db_path)["revisions"]
    assert len(held) == 41 and ("signal_readings", ids[17]) not in held
