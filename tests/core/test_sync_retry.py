"""`sync --retry-rejected`: records the real receiver rejected go again once the cause is fixed; `sync --status`."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")

from sync_support import add_readings, local_keys, set_inflated_limit, unsynced  # noqa: E402

from survey_app.storage import sync as store  # noqa: E402
from survey_app.storage.records import context_for  # noqa: E402

ENV = {"SURVEY_APP_NO_KEYRING": "1"}


def _big_reading(db) -> str:
    """A reading whose raw device text is 60 kB (a modem that dumped its whole cell list)."""
    sid = db.execute("SELECT id FROM sessions").fetchone()[0]
    row = context_for(db, "Lan").stamp({"session_id": sid, "measured_at": "2026-11-27T10:00:00.000Z",
                                        "raw": "+QENG: " + "x" * 60_000})
    db.table("signal_readings").insert(row)
    return row["id"]


def test_retry_rejected_sends_them_once_the_cause_is_fixed(db, home, receiver, cli):
    add_readings(db, 20)
    big = _big_reading(db)
    env = dict(ENV, SURVEY_APP_SYNC_TOKEN=receiver.token)
    set_inflated_limit(receiver, 40_000)  # the receiver's operator set a low limit
    first = cli("sync", "--url", receiver.url, "--save", "--batch-records", "10", "--json", env=env)
    assert first.returncode == 1, first.stderr
    assert json.loads(first.stdout)["rejected"] == 1
    state = store.record_state(db, "signal_readings", big)
    assert state.state == store.STATE_REJECTED and state.reason
    status = json.loads(cli("sync", "--status", "--json").stdout)
    assert status["rejected"] == 1 and status["tables"]["signal_readings"] == {"pending": 0, "rejected": 1,
                                                                               "arrived": 20, "imported": 0}
    # A plain sync does not send it again: the cause is still there.
    again = json.loads(cli("sync", "--json", env=env).stdout)
    assert again["sent"] == 0
    set_inflated_limit(receiver, 32 * 1024 * 1024)  # the operator raised the limit
    retried = cli("sync", "--retry-rejected", "--json", env=env)
    assert retried.returncode == 0, retried.stderr
    assert json.loads(retried.stdout) == {"status": "ok", "batches": 1, "sent": 1, "accepted": 1, "rejected": 0}
    assert receiver.counts()["revisions"] == local_keys(db) and unsynced(db) == 0
    assert store.rejections(db) == []
    status = json.loads(cli("sync", "--status", "--json").stdout)
    assert (status["pending"], status["rejected"], status["arrived"]) == (0, 0, 23)


def test_token_never_needed_on_the_command_line(db, home, receiver, cli, tmp_path):
    add_readings(db, 3)
    token_file = tmp_path / "token.txt"
    token_file.write_text(receiver.token + "\n")
    token_file.chmod(0o644)
    loose = cli("sync", "--url", receiver.url, "--token-file", token_file, lang="en", env=ENV)
    assert loose.returncode == 2 and "chmod 600" in loose.stderr and unsynced(db) == 5
    token_file.chmod(0o600)
    ok = cli("sync", "--url", receiver.url, "--token-file", token_file, "--json", env=ENV)
    assert ok.returncode == 0 and json.loads(ok.stdout)["accepted"] == 5
    add_readings(db, 1)
    by_env = cli("sync", "--url", receiver.url, "--json", env=dict(ENV, SURVEY_APP_SYNC_TOKEN=receiver.token))
    assert by_env.returncode == 0 and json.loads(by_env.stdout)["accepted"] >= 1
    assert receiver.counts()["revisions"] == local_keys(db)


def test_plain_http_to_another_host_is_refused(db, home, cli):
    add_readings(db, 1)
    env = dict(ENV, SURVEY_APP_SYNC_TOKEN="t0ken")
    r = cli("sync", "--url", "http://sync.example.gov.vn", "--save", lang="en", env=env)
    assert r.returncode == 2 and "--allow-insecure-http" in r.stderr and "Traceback" not in r.stderr
    assert not (home / "sync_token").exists()  # refused before anything was saved
    vi = cli("sync", "--url", "http://10.0.0.1:8750", lang="vi", env=env)
    assert vi.returncode == 2 and "http" in vi.stderr and "Traceback" not in vi.stderr
