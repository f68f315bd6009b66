"""Sync against the real reference receiver on 127.0.0.1: batches, revisions, states, token, TLS settings."""
from __future__ import annotations

import os
import stat

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from sync_support import Receiver, add_readings, fast_config, local_keys, make_ca, sync, unsynced  # noqa: E402
from sync_support import receiver_on_each_back_end  # noqa: E402,F401 (the `receiver` fixture, both back ends)

from survey_app.paths import db_path  # noqa: E402
from survey_app.storage import sync as store  # noqa: E402
from survey_app.storage.driver import connect_file  # noqa: E402
from survey_app.storage.revisions import revise  # noqa: E402


def test_everything_arrives_once_in_bounded_batches(db, home, receiver):
    add_readings(db, 1234)
    expected = local_keys(db)
    result = sync(db_path(home), fast_config(receiver.url, receiver.token, max_records=100))
    assert result.status == "ok" and result.error is None
    assert result.sent == result.accepted == len(expected)
    assert result.batches >= 13  # 1234 readings + session + team, at most 100 per batch
    counts = receiver.counts()
    assert counts["revisions"] == expected
    assert counts["batches"] == result.batches
    assert unsynced(db) == 0
    # A second run has nothing to send.
    again = sync(db_path(home), fast_config(receiver.url, receiver.token))
    assert (again.status, again.sent, again.batches) == ("ok", 0, 0)


def test_batches_bounded_by_compressed_bytes(db, home, receiver):
    add_readings(db, 600)
    result = sync(db_path(home), fast_config(receiver.url, receiver.token, max_records=10_000, max_bytes=4096))
    assert result.status == "ok" and result.accepted == 602
    assert result.batches >= 602 * 60 // 4096  # each reading compresses to well over 60 bytes
    assert receiver.counts()["records"] == 602


def test_edit_after_send_is_sent_again_and_older_revision_is_stale(db, home, receiver):
    add_readings(db, 3)
    sid = db.execute("SELECT id FROM sessions").fetchone()[0]
    assert sync(db_path(home), fast_config(receiver.url, receiver.token)).status == "ok"
    other = home.parent / "other.db"  # another laptop holding revision 1 (a copy taken before the edit)
    copy = connect_file(other)
    db.conn.backup(copy)
    copy.execute("UPDATE sessions SET sync_state = 'pending' WHERE id = ?", [sid])  # (bookkeeping: allowed)
    copy.commit()
    copy.close()
    revise(db, "sessions", sid, {"notes": "sửa lại"}, changed_by="Lan", reason="typo")
    assert store.record_state(db, "sessions", sid).state == store.STATE_WAITING
    result = sync(db_path(home), fast_config(receiver.url, receiver.token))
    assert (result.status, result.sent, result.accepted) == ("ok", 1, 1)
    assert receiver.counts()["revisions"][("sessions", sid)] == 2
    # The other laptop's revision 1 of the same record is told it is stale.
    from survey_app.storage.db import connect

    db = connect(other)
    result = sync(other, fast_config(receiver.url, receiver.token))
    assert (result.status, result.accepted, result.rejected) == ("partial", 0, 1)
    state = store.record_state(db, "sessions", sid)
    assert state.state == store.STATE_REJECTED and "stale" in state.reason and "2" in state.reason
    assert receiver.counts()["revisions"][("sessions", sid)] == 2
    assert store.rejections(db)[0]["id"] == sid
    db.close()


def test_outbox_bytes_and_isal_gzip_carry_vietnamese_text_unchanged(db, home, receiver):
    import gzip
    import json

    from survey_app.sync.batches import BatchBuilder
    from sync_support import receiver_sql

    ids = add_readings(db, 3)
    note = "Viettel — Trạm gần chợ Đông Ba ✓"
    revise(db, "signal_readings", ids[1], {"operator": note})
    page = store.outbox_page(db, "signal_readings", 0, 10)
    texts = list(store.iter_record_json(db, "signal_readings", "1"))
    assert [p[3] for p in page] == [t[3].encode() for t in texts]  # the same JSON, as UTF-8 bytes
    builder = BatchBuilder(10)
    for rowid, rid, rev, part in page:
        assert builder.add("signal_readings", rid, rev, part, rowid) is None
    batch = builder.flush()
    body = json.loads(gzip.decompress(batch.body("dev", 1)))  # any gzip reader opens it (stdlib here)
    assert {r["id"]: r["revision"] for r in body["records"]} == {ids[0]: 1, ids[1]: 2, ids[2]: 1}
    assert [r["data"]["operator"] for r in body["records"] if r["id"] == ids[1]] == [note]
    assert sync(db_path(home), fast_config(receiver.url, receiver.token)).status == "ok"
    held = receiver_sql(receiver.db_path, "SELECT data FROM records WHERE id = ?", [ids[1]])
    data = held[0][0]  # text on SQLite, already a dict from PostgreSQL's jsonb
    assert (json.loads(data) if isinstance(data, (str, bytes)) else data)["operator"] == note


def test_marked_synced_only_for_the_revision_accepted(db, home):
    add_readings(db, 1)
    sid = db.execute("SELECT id FROM sessions").fetchone()[0]
    revise(db, "sessions", sid, {"notes": "x"})  # now at revision 2, but the receiver accepted revision 1
    store.mark_accepted(db, "sessions", [(sid, 1)])
    row = db.execute("SELECT sync_state, synced_revision, revision FROM sessions").fetchone()
    assert row == ("pending", 1, 2)
    store.mark_accepted(db, "sessions", [(sid, 2)])
    assert db.execute("SELECT sync_state, synced_revision FROM sessions").fetchone() == ("synced", 2)


def test_marking_by_rowid_checks_the_id_and_falls_back_to_it(db, home):
    ids = add_readings(db, 3)
    rowid = {rid: r for r, rid in db.execute("SELECT rowid, id FROM signal_readings")}
    states = "SELECT id, sync_state, synced_revision FROM signal_readings ORDER BY rowid"
    # The right rowid: marked.
    store.mark_accepted(db, "signal_readings", [(ids[0], 1, rowid[ids[0]])])
    # A rowid now holding another record (e.g. renumbered): that record is left alone, the right one marked.
    store.mark_accepted(db, "signal_readings", [(ids[1], 1, rowid[ids[2]])])
    assert db.execute(states).fetchall() == [(ids[0], "synced", 1), (ids[1], "synced", 1), (ids[2], "pending", None)]
    # Edited after sending: stays pending, by rowid too.
    revise(db, "signal_readings", ids[2], {"operator": "Mobifone"})
    store.mark_accepted(db, "signal_readings", [(ids[2], 1, rowid[ids[2]])])
    assert db.execute(states).fetchall()[2] == (ids[2], "pending", 1)


def test_revoked_token_stops_and_nothing_is_lost(db, home, receiver):
    from survey_app.central.backend import open_store

    add_readings(db, 50)
    s = open_store(receiver.db_path)
    assert s.revoke_device("laptop-1")
    s.close()
    result = sync(db_path(home), fast_config(receiver.url, receiver.token))
    assert result.status == "failed" and result.auth_failed and "token" in result.error.lower()
    assert receiver.counts()["records"] == 0 and unsynced(db) == 52


def test_unreachable_server_fails_cleanly(db, home):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    add_readings(db, 5)
    result = sync(db_path(home), fast_config(f"http://127.0.0.1:{port}", "x", max_attempts=3))
    assert result.status == "failed" and "3" in result.error
    assert unsynced(db) == 7
    assert store.last_run(db)["status"] == "failed"


def test_cancel_stops_between_batches(db, home, receiver):
    import threading

    from survey_app.sync.upload import drive, run_sync

    add_readings(db, 500)
    cancel = threading.Event()
    gen = run_sync(db_path(home), fast_config(receiver.url, receiver.token, max_records=20), cancel)
    next(gen)
    next(gen)  # one batch done
    cancel.set()
    result = drive(gen)  # the batches already in flight finish, then it stops
    assert result.cancelled and result.status == "partial" and result.batches < 10
    assert receiver.counts()["records"] == result.accepted == 502 - unsynced(db)


def test_unsynced_count_uses_the_partial_index(db):
    plan = " ".join(r[3] for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM signal_readings WHERE sync_state != 'synced'"))
    assert "signal_readings_unsynced" in plan


def test_token_file_is_private_without_keyring(home, monkeypatch):
    from survey_app.sync.token import TokenStore

    monkeypatch.setenv("SURVEY_APP_NO_KEYRING", "1")
    tokens = TokenStore(home)
    assert tokens.save("secret-token") == "file"
    assert stat.S_IMODE(os.stat(tokens.path).st_mode) == 0o600
    assert TokenStore(home).load() == "secret-token"
    tokens.clear()
    assert TokenStore(home).load() == ""


def test_bad_ca_file_is_a_clear_error(tmp_path):
    from survey_app.errors import UserError
    from survey_app.sync.transport import Transport

    bad = tmp_path / "ca.pem"
    bad.write_text("not a certificate")
    with pytest.raises(UserError, match="ca.pem"):
        Transport("https://example.invalid", "t", ca_file=str(bad))


def test_demo_service_points_the_app_at_a_local_receiver(db, home, monkeypatch):
    from survey_app.settings import Settings
    from survey_app.demo.receiver import start
    from survey_app.sync.service import config_from

    monkeypatch.setenv("SURVEY_APP_NO_KEYRING", "1")
    settings = Settings()
    handle = start(home, settings)
    try:
        config, _ = config_from(home, settings)
        assert config.url.startswith("http://127.0.0.1:") and config.token
        add_readings(db, 5)
        assert sync(db_path(home), fast_config(config.url, config.token)).accepted == 7
    finally:
        handle.stop()


def test_tls_is_verified_and_the_city_ca_file_is_used(db, home, tmp_path):
    from survey_app.central.server import ThreadedReceiver
    from survey_app.central.backend import open_store
    ca, cert, key = make_ca(tmp_path)
    s = open_store(tmp_path / "tls.db")
    token = s.add_device("tls")
    s.close()
    server = ThreadedReceiver(tmp_path / "tls.db", certfile=str(cert), keyfile=str(key)).start()
    try:
        assert server.url.startswith("https://")
        add_readings(db, 5)
        refused = sync(db_path(home), fast_config(server.url, token))  # unknown authority: refused, not retried
        assert refused.status == "failed" and "CA" in refused.error and refused.batches == 0
        result = sync(db_path(home), fast_config(server.url, token, ca_file=str(ca)))
        assert result.status == "ok" and result.accepted == 7
    finally:
        server.stop()
