"""The receiver's one ingest rule on both back ends (central.revisions): newest wins, history of superseded copies,
stale and conflicting copies kept once, tombstones delete and a newer revision brings a record back; the same
records in one chunk, in separate batches or in reverse order end in the same state; a bundle stored in steps."""
from __future__ import annotations

import threading

import pytest

pytest.importorskip("fastapi")

from sync_support import receiver_sql  # noqa: E402

from survey_app.central.backend import open_store  # noqa: E402
from survey_app.trust.policy import Writer  # noqa: E402

LAN = Writer("surveyor", frozenset({"dev-a"}), "Lan")


def household(rid: str, revision: int, cell: str = "c1", device: str = "dev-a") -> dict:
    return {"table": "households", "id": rid, "revision": revision, "updated_at": f"2026-12-0{revision}",
            "data": {"device_id": device, "isp": cell, "changed_by": "Lan", "change_reason": f"r{revision}"}}


def tombstone(tid: str, rid: str, revision: int, **extra) -> dict:
    data = {"device_id": "dev-a", "table_name": "households", "record_id": rid, "record_revision": revision,
            "deleted_by": "Lan", "reason": "wrong house", **extra}
    return {"table": "tombstones", "id": tid, "revision": 1, "updated_at": "2026-12-09", "data": data}


@pytest.fixture
def store(central_db):
    s = open_store(central_db)
    s.add_device("lan")
    s.device = s._one("SELECT id FROM devices WHERE name = ?", ["lan"])[0]
    s.db = central_db
    yield s
    s.close()


def send(store, records, batch_id=None, kind="batch"):
    send.n = getattr(send, "n", 0) + 1
    answer = store.ingest(batch_id or f"b{send.n}", store.device, records, kind=kind, writer=LAN)
    return [(a["id"], a["revision"]) for a in answer["accepted"]], {(r["id"], r["revision"]): r["reason"].split(":")[0]
                                                                     for r in answer["rejected"]}


def state(store, table=None):
    """What the receiver holds now: live records (of `table`, or all) and deletions."""
    live = sorted((t, i, r) for t, i, r in receiver_sql(store.db, "SELECT table_name, id, revision FROM records")
                  if table in (None, t))
    gone = sorted(tuple(row) for row in receiver_sql(store.db, "SELECT table_name, id, revision FROM deletions"))
    return live, gone


def test_newest_wins_history_stale_conflict_and_tombstones(store):
    assert send(store, [household("r1", 1)]) == ([("r1", 1)], {})
    assert send(store, [household("r1", 2, "c2"), household("r1", 1)]) == ([("r1", 2)], {("r1", 1): "stale"})
    hist = store.history("households", "r1")
    assert [(h["revision"], h["kind"]) for h in hist] == [(1, "superseded")]
    assert hist[0]["changed_fields"] == ["change_reason", "isp"] and hist[0]["superseded_by"] == 2
    assert hist[0]["changed_by"] == "Lan" and hist[0]["data"]["isp"] == "c1"
    for _ in range(2):  # the same conflicting copy twice: refused both times, kept once
        assert send(store, [household("r1", 2, "c9")]) == ([], {("r1", 2): "conflict"})
    assert send(store, [household("r1", 2, "c2")]) == ([("r1", 2)], {})  # a re-send is accepted, changes nothing
    assert [h["kind"] for h in store.history("households", "r1")] == ["superseded", "conflict"]
    assert send(store, [tombstone("t1", "r1", 3)]) == ([("t1", 1)], {})
    assert state(store) == ([("tombstones", "t1", 1)], [("households", "r1", 3)])
    gone = store.deletion("households", "r1")
    assert gone["reason"] == "wrong house" and gone["deleted_by"] == "Lan" and gone["tombstone_id"] == "t1"
    assert send(store, [household("r1", 2, "c2")]) == ([], {("r1", 2): "stale"})  # never brought back by an old copy
    assert send(store, [household("r1", 4, "c4")]) == ([("r1", 4)], {})  # a newer revision wins over the deletion
    assert state(store) == ([("households", "r1", 4), ("tombstones", "t1", 1)], [])
    kinds = [(h["revision"], h["kind"]) for h in store.history("households", "r1")]
    assert kinds == [(1, "superseded"), (2, "conflict"), (2, "deleted")]  # the late copy of 2 was kept already


def test_refused_records_are_answered_and_nothing_of_them_is_written(store):
    assert send(store, [household("r1", 1)])[0] == [("r1", 1)]
    accepted, rejected = send(store, [household("r2", 1, device="dev-b"), household("r1", 2, device="dev-b"),
                                      tombstone("t1", "r1", 1), household("r3", 1)])
    assert accepted == [("r3", 1)]
    assert rejected == {("r2", 1): "not allowed", ("r1", 2): "not allowed", ("t1", 1): "conflict"}
    assert state(store) == ([("households", "r1", 1), ("households", "r3", 1)], [])


SEQUENCE = [household("r1", 1), household("r2", 1), household("r1", 2, "c2"), tombstone("t1", "r2", 2),
            household("r3", 1), tombstone("t2", "r3", 2, purge=1), household("r2", 3, "c3"), household("r1", 1)]


@pytest.mark.parametrize("how", ["one_chunk", "batch_each", "reversed", "bundle_steps"])
def test_one_chunk_separate_batches_or_any_order_end_in_the_same_state(store, how, monkeypatch):
    if how == "one_chunk":
        send(store, SEQUENCE)
    elif how == "bundle_steps":
        import survey_app.central.store as sqlite_store

        monkeypatch.setattr(sqlite_store, "BUNDLE_STEP", 3)
        send(store, iter(SEQUENCE), kind="bundle")
    else:
        for rec in SEQUENCE[::-1] if how == "reversed" else SEQUENCE:
            send(store, [rec])
    # (a tombstone arriving after the revision that outdates it is itself stale: not held, kept as history)
    assert state(store, "households") == ([("households", "r1", 2), ("households", "r2", 3)],
                                               [("households", "r3", 2)])
    assert store.history("households", "r3") == []  # erased: nothing of it is kept, not even a late copy
    assert [h["kind"] for h in store.history("households", "r2")] in (["deleted"], ["stale"])


def test_a_bundle_seen_before_keeps_its_first_answer(store, monkeypatch):
    import survey_app.central.store as sqlite_store

    monkeypatch.setattr(sqlite_store, "BUNDLE_STEP", 2)
    first = send(store, iter([household(f"r{i}", 1) for i in range(5)]), batch_id="bundle-1", kind="bundle")
    assert len(first[0]) == 5
    again = send(store, iter([household(f"r{i}", 2) for i in range(5)]), batch_id="bundle-1", kind="bundle")
    assert again == first
    assert receiver_sql(store.db, "SELECT count(*) FROM batches WHERE batch_id = 'bundle-1'") == [(1,)]


def test_batches_are_answered_while_a_bundle_is_stored_in_steps(store, monkeypatch):
    import survey_app.central.store as sqlite_store

    monkeypatch.setattr(sqlite_store, "BUNDLE_STEP", 1)
    started, answered = threading.Event(), threading.Event()

    def records():
        for i in range(50):
            if i == 1:
                started.set()
            if i == 2:  # the bundle's third step waits until another device's batch was answered
                assert answered.wait(30)
            yield household(f"b{i}", 1)

    out = {}
    worker = threading.Thread(target=lambda: out.setdefault("bundle", send(store, records(), "big", "bundle")))
    worker.start()
    try:
        assert started.wait(30)
        assert send(store, [household("x1", 1)]) == ([("x1", 1)], {})
        answered.set()
    finally:
        answered.set()
        worker.join(60)
    assert len(out["bundle"][0]) == 50
