"""Every change reaches the centre once: drafts finalized, members removed and drafts discarded, synced to the
real receiver on 127.0.0.1 (on SQLite and on PostgreSQL: one ingest rule) and carried in bundles imported in
either order (real SQLite files on the laptops)."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")

from revisions_support import Laptop  # noqa: E402
from sync_support import Receiver, fast_config, receiver_sql, sync  # noqa: E402

from survey_app.households import interviews as hh  # noqa: E402
from survey_app.storage import households as hh_store  # noqa: E402
from survey_app.storage import sync as store  # noqa: E402
from survey_app.sync.bundle import export_bundle  # noqa: E402
from survey_app.sync.bundle_import import import_bundle  # noqa: E402
from survey_app.sync.upload import drive  # noqa: E402


@pytest.fixture
def laptop(tmp_path):
    lap = Laptop(tmp_path / "lan")
    lap.open_session()
    yield lap
    lap.close()


@pytest.fixture
def receiver(tmp_path, laptop, central_db):
    r = Receiver(tmp_path, name="lan", db=central_db, public_key=laptop.key)  # the surveyor's token, tied to its key
    yield r
    r.stop()


def _central(receiver):
    from survey_app.central.backend import open_store

    return open_store(receiver.db_path)


def _held(receiver, table, rid):
    rows = receiver_sql(receiver.db_path, "SELECT revision, data FROM records WHERE table_name = ? AND id = ?",
                        [table, rid])
    if not rows:
        return None
    rev, data = rows[0]
    return rev, json.loads(data) if isinstance(data, str) else data  # (PostgreSQL's jsonb arrives parsed)


def _sync_ok(lap, receiver):
    result = sync(lap.path, fast_config(receiver.url, receiver.token))
    assert result.status == "ok" and result.rejected == 0, result
    assert store.unsynced_count(lap.db) == 0
    return result


def test_draft_synced_then_finalized_the_receiver_holds_the_final_and_the_draft_as_history(laptop, receiver):
    hid = laptop.draft()
    _sync_ok(laptop, receiver)
    draft_rev, draft = _held(receiver, "households", hid)
    assert draft["status"] == "draft"
    assert laptop.finalize(hid) == "finalized"
    again = _sync_ok(laptop, receiver)
    assert again.accepted >= 1  # the finalized revision was sent again
    rev, final = _held(receiver, "households", hid)
    assert final["status"] == "finalized" and rev > draft_rev and rev == hh_store.get_interview(laptop.db, hid)["revision"]
    central = _central(receiver)
    try:
        history = central.history("households", hid)
    finally:
        central.close()
    assert [(h["revision"], h["kind"]) for h in history] == [(draft_rev, "superseded")]
    assert history[0]["data"]["status"] == "draft" and "status" in history[0]["changed_fields"]
    assert history[0]["superseded_by"] == rev and history[0]["changed_by"] == "Lan"


def test_member_removed_is_gone_at_the_receiver(laptop, receiver):
    hid = laptop.draft()
    laptop.finalize(hid)
    _sync_ok(laptop, receiver)
    first, second = laptop.member_ids(hid)
    assert _held(receiver, "members", second) is not None
    state = hh.state_for(laptop.db, hid)
    state.set("hh_size", "1")
    state.set("roster_reason", "one member moved away")   # the roster (2) differs until the removal
    hh.revise_interview(laptop.db, laptop.rctx, hid, state.to_data(), reason="hh_size")
    hh.remove_member(laptop.db, laptop.rctx, hid, second, reason="moved away")
    _sync_ok(laptop, receiver)
    assert _held(receiver, "members", second) is None and _held(receiver, "members", first) is not None
    assert _held(receiver, "households", hid)[1]["member_count"] == 1
    central = _central(receiver)
    try:
        gone = central.deletion("members", second)
        kinds = [h["kind"] for h in central.history("members", second)]
    finally:
        central.close()
    assert gone["reason"] == "moved away" and gone["deleted_by"] == "Lan" and kinds == ["deleted"]


def test_discarded_draft_leaves_a_tombstone_at_the_receiver(tmp_path, laptop, receiver):
    hid = laptop.draft()
    members = laptop.member_ids(hid)
    (late,) = _supervisors(tmp_path, laptop, receiver, 1)  # a supervisor who imported the draft's bundle earlier
    _import(late, _bundle(laptop, tmp_path / "draft.zip"))
    _sync_ok(laptop, receiver)
    hh.discard_draft(laptop.db, hid, who="Lan", reason="wrong house")
    assert laptop.db.execute("SELECT count(*) FROM households").fetchone()[0] == 0
    status = store.state_counts(laptop.db)["tombstones"]
    assert status[store.STATE_WAITING] == 3  # the household and its two members
    _sync_ok(laptop, receiver)
    assert all(_held(receiver, t, i) is None for t, i in [("households", hid)] + [("members", m) for m in members])
    central = _central(receiver)
    try:
        assert central.deletion("households", hid)["reason"] == "wrong house"
    finally:
        central.close()
    # The supervisor forwards the old draft late: older than the deletion, so stale, never brought back.
    try:
        forwarded = sync(late.path, fast_config(receiver.url, late.token))
        assert forwarded.forwarded == 1 and forwarded.forwarded_refused == 3 and forwarded.forwarded_accepted > 0
        reasons = {r["reason"].split(":")[0] for r in store.rejections(late.db)}
        assert reasons == {"stale"}
        # On the supervisor's laptop they stay the surveyor's copies, with the receiver's reason: not waiting in
        # its outbox, not its rejections to send again (its own run is "ok").
        late_rows = [("households", hid)] + [("members", m) for m in members]
        assert {store.record_state(late.db, t, i).state for t, i in late_rows} == {store.STATE_IMPORTED}
        assert forwarded.status == "ok" and store.rejected_count(late.db) == 0 and store.unsynced_count(late.db) == 0
    finally:
        late.close()
    assert all(_held(receiver, t, i) is None for t, i in [("households", hid)] + [("members", m) for m in members])


def _bundle(lap, path):
    drive(export_bundle(lap.path, path))
    return path


def _import(lap, path):
    return drive(import_bundle(lap.path, path))


def _supervisors(tmp_path, laptop, receiver, n: int, *, role: str = "supervisor", team: str | None = None):
    """Supervisor laptops that trust the surveyor (and are trusted by it), each registered at the receiver with
    its key (and `role`, `team`); the surveyor also seals its bundles to the receiver's key."""
    from survey_app.central.backend import identity_for

    laptop.trusts(identity_for(receiver.db_path).public.text, "central", "centre")
    out = []
    for i in range(n):
        sup = Laptop(tmp_path / f"sup{i}", f"Hoa{i}")
        laptop.trusts(sup.key, "supervisor", f"Hoa{i}")
        sup.trusts(laptop.key, "surveyor", "Lan")
        store = _central(receiver)
        try:
            sup.token = store.add_device(f"sup{i}", public_key=sup.key, role=role, team=team)
        finally:
            store.close()
        out.append(sup)
    return out


@pytest.mark.parametrize("case", ["finalized", "member_removed", "discarded"])
def test_two_bundles_in_either_order_end_in_the_same_state(tmp_path, laptop, receiver, case):
    forward, backward = _supervisors(tmp_path, laptop, receiver, 2)
    hid = laptop.draft()
    b1 = _bundle(laptop, tmp_path / "b1.zip")
    if case == "discarded":
        hh.discard_draft(laptop.db, hid, who="Lan", reason="no one home")
    else:
        laptop.finalize(hid)
    if case == "member_removed":
        state = hh.state_for(laptop.db, hid)
        state.set("hh_size", "1")
        state.set("roster_reason", "one member moved away")   # the roster (2) differs until the removal
        hh.revise_interview(laptop.db, laptop.rctx, hid, state.to_data(), reason="hh_size")
        hh.remove_member(laptop.db, laptop.rctx, hid, laptop.member_ids(hid)[1], reason="moved away")
    b2 = _bundle(laptop, tmp_path / "b2.zip")
    try:
        _import(forward, b1)
        _import(forward, b2)
        late = _import(backward, b2)
        early = _import(backward, b1)
        assert early["changed"] == 0 and early["stale"] >= 1, repr(early)  # the draft arrived late: kept as history
        assert late["changed"] >= 1
        assert forward.state() == backward.state() == laptop.state()
        # A supervisor forwards both original bundles (the receiver checks the surveyor's signature itself; the
        # older copies it gets after the newer are only "stale"), then the surveyor syncs too: every revision
        # arrives once, nothing is in conflict, nothing is left waiting or rejected here.
        forwarded = sync(forward.path, fast_config(receiver.url, forward.token))
        assert forwarded.forwarded == 2 and forwarded.error is None, forwarded
        assert store.unsynced_count(forward.db) == 0 and store.rejections(forward.db) == []
        assert not list((forward.home / "bundles" / "forward").iterdir())
        _sync_ok(laptop, receiver)
        hh_held = _held(receiver, "households", hid)
        if case == "discarded":
            assert hh_held is None
        else:
            assert hh_held[1]["status"] == "finalized"
    finally:
        forward.close()
        backward.close()


def test_same_revision_different_content_is_a_conflict_never_accepted_twice(tmp_path, laptop, receiver):
    # A team-mate's laptop may write the team's records (trust policy), so both can revise the same household.
    (other,) = _supervisors(tmp_path, laptop, receiver, 1, role="surveyor", team="Tổ 1")
    receiver_sql(receiver.db_path, "UPDATE devices SET team = 'Tổ 1' WHERE name = 'lan'")  # (the operator's set-up)
    hid = laptop.draft()
    laptop.finalize(hid)
    try:
        _import(other, _bundle(laptop, tmp_path / "b.zip"))
        for lap, isp in ((laptop, "fpt"), (other, "viettel")):  # both edit the same revision
            state = hh.state_for(lap.db, hid)
            state.set("isp", isp)
            hh.revise_interview(lap.db, lap.rctx, hid, state.to_data(), reason=f"isp is {isp}")
        _sync_ok(laptop, receiver)
        result = sync(other.path, fast_config(receiver.url, other.token))  # forwards the bundle, then its edit
        assert result.rejected >= 1, result  # (the forwarded bundle's older copy is stale at the centre too)
        assert [(r["id"], r["reason"].split(":")[0]) for r in store.rejections(other.db)] == [(hid, "conflict")]
        state = store.record_state(other.db, "households", hid)
        assert state.state == store.STATE_REJECTED and state.reason.startswith("conflict")
        assert _held(receiver, "households", hid)[1]["isp"] == "fpt"
        central = _central(receiver)
        try:
            kept = [h for h in central.history("households", hid) if h["kind"] == "conflict"]
        finally:
            central.close()
        assert len(kept) == 1 and kept[0]["data"]["isp"] == "viettel"  # nothing sent is lost
        again = sync(other.path, fast_config(receiver.url, other.token))
        assert again.sent == 0  # a rejected revision is not sent again by itself
    finally:
        other.close()
