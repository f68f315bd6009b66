"""Gap finder and revisit assignments: supervisor -> bundle -> surveyor laptop -> targets checked off by new
readings, the check-off travelling to the receiver as a new revision."""
from __future__ import annotations

import json
from datetime import date

import pytest

from coverage_support import BOUNDARIES, demo
from survey_app.clock import utc_now
from survey_app.coverage import assignments as asg
from survey_app.coverage.gaps import Criteria, find
from survey_app.storage.records import context_for

UNIT = "19753"


@pytest.fixture
def supervisor(tmp_path):
    from trust_support import Laptop

    from survey_app.review.boundaries import import_geojson

    lap = Laptop(tmp_path / "supervisor")
    if BOUNDARIES.exists():
        import_geojson(lap.db, BOUNDARIES)
    demo(lap.db, readings=3000, tests=1500, households=300)
    yield lap
    lap.close()


def drive(gen):
    """Run a generator to its end; its return value."""
    try:
        while True:
            next(gen)
    except StopIteration as stop:
        return stop.value


def test_gaps_follow_the_criteria(supervisor):
    db = supervisor.db
    loose = find(db, UNIT, Criteria(min_samples=1, operators=("Viettel",), technologies=("LTE",)))
    strict = find(db, UNIT, Criteria(min_samples=5, operators=("Viettel",), technologies=("LTE",)))
    assert loose.cells == strict.cells > 10
    assert len(loose.gaps) < len(strict.gaps) <= strict.cells
    covered = {g.cell for g in strict.gaps} ^ {g.cell for g in loose.gaps}
    assert covered   # cells with 1..4 tests are gaps only under the strict rule
    future = find(db, UNIT, Criteria(min_samples=1, since=date(2030, 1, 1), operators=("Viettel",),
                                     technologies=("LTE",)))
    assert len(future.gaps) == future.cells    # nothing newer than 2030: every cell is a gap
    assert all(g.unit_code == UNIT and g.need >= 1 for g in strict.gaps)


def test_round_trip_supervisor_bundle_surveyor_checked_off_and_synced(supervisor, tmp_path):
    pytest.importorskip("uvicorn")
    from sync_support import Receiver, fast_config, sync
    from trust_support import Laptop

    from survey_app.storage.sessions import new_session
    from survey_app.sync.bundle import export_bundle
    from survey_app.sync.bundle_import import import_bundle

    sup = supervisor
    lap = Laptop(tmp_path / "laptop")
    sup.trusts(lap, "surveyor", "Tổ 3 máy 1")
    lap.trusts(sup, "supervisor", "Chị Hoa")
    gaps = find(sup.db, UNIT, Criteria(min_samples=2, operators=("Viettel",), technologies=("LTE",))).gaps[:3]
    a = asg.create(sup.db, context_for(sup.db, "Chị Hoa"), UNIT, gaps, Criteria(min_samples=2), team="Tổ 3")
    assert a.status == "open" and len(a.targets) == 3 and a.revision == 1
    bundle = tmp_path / "assignment.bundle"
    header = drive(export_bundle(sup.path, bundle, assignment_id=a.id, recipients=[lap.key]))
    assert header["tables"] == {"assignments": 1}

    drive(import_bundle(lap.path, bundle))
    got = asg.get(lap.db, a.id[:8])
    assert got.targets == a.targets and got.unit_code == UNIT and got.team_name == "Tổ 3"
    (tmp_path / "rx").mkdir()
    receiver = Receiver(tmp_path / "rx")
    try:
        ctx = context_for(lap.db, "Lan")
        s = new_session(lap.db, ctx, unit_code=UNIT, team="Tổ 3", surveyors=["Lan"])
        first, second, _third = got.targets
        for t in (first, second):   # one test at each of two targets: reached, not yet enough
            add_test(lap.db, ctx, s.id, t)
        assert asg.check_off(lap.db, ctx) == [(a.id, 0)]
        assert [t["seen"] for t in asg.get(lap.db, a.id).targets] == [1, 1, 0]
        # (the imported assignment itself is the supervisor's record: the receiver takes it only from the
        # supervisor, so this sync may report it refused; the laptop's own progress record is accepted)
        assert sync(lap.path, fast_config(receiver.url, receiver.token)).status in ("ok", "partial")
        progress_id = asg.get(lap.db, a.id).progress[0]["id"]
        assert receiver.counts()["revisions"][("assignment_progress", progress_id)] == 1
        add_test(lap.db, ctx, s.id, first)       # a second test at the first target: checked off
        assert asg.check_off(lap.db, ctx) == [(a.id, 1)]
        now = asg.get(lap.db, a.id)
        assert [bool(t["done_at"]) for t in now.targets] == [True, False, False]
        assert [t["seen"] for t in now.targets] == [2, 1, 0] and now.status == "open"
        assert now.revision == 1    # the supervisor's record is untouched; the laptop's own record is revised
        row = lap.db.execute("SELECT revision, device_id, sync_state FROM assignment_progress").fetchall()
        assert row == [(2, ctx.device_id, "pending")]
        history = lap.db.execute("SELECT revision, changed_by FROM record_history WHERE record_id = ?",
                                 [progress_id]).fetchall()
        assert history == [(1, "Lan")]
        assert asg.check_off(lap.db, ctx) == []       # nothing new: no revision
        # the laptop's progress travels back to the supervisor in the laptop's own bundle, and to the centre
        back = tmp_path / "back.bundle"
        drive(export_bundle(lap.path, back, recipients=[sup.key]))
        drive(import_bundle(sup.path, back))
        assert [bool(t["done_at"]) for t in asg.get(sup.db, a.id).targets] == [True, False, False]
        assert sync(lap.path, fast_config(receiver.url, receiver.token)).status in ("ok", "partial")
        assert receiver.counts()["revisions"][("assignment_progress", progress_id)] == 2
    finally:
        receiver.stop()
        lap.close()


def add_test(db, ctx, session_id, target):
    """A successful Viettel LTE speed test at a target's centre, now."""
    db.table("speed_tests").insert(ctx.stamp({
        "session_id": session_id, "unit_code": UNIT, "code_set": "VN-2025-07", "started_at": utc_now(),
        "status": "ok", "protocol": "librespeed", "operator": "Viettel", "technology": "LTE",
        "download_mbps": 40.0, "upload_mbps": 10.0, "lon": target["lon"], "lat": target["lat"],
        "position_source": "gps"}))


def test_distance_and_direction():
    metres, bearing, point = asg.distance_direction(107.59, 16.46, 107.59, 16.47)
    assert 1100 < metres < 1120 and bearing == pytest.approx(0, abs=0.01) and point in ("N", "B")
    _m, bearing, _p = asg.distance_direction(107.59, 16.46, 107.60, 16.46)
    assert bearing == pytest.approx(90, abs=0.1)


def test_a_bad_assignment_is_refused(supervisor):
    from survey_app.errors import UserError

    db = supervisor.db
    with pytest.raises(UserError):
        asg.create(db, context_for(db), UNIT, [], Criteria())
    other = find(db, "20050", Criteria(min_samples=1, res=8)).gaps[:1]
    with pytest.raises(UserError):
        asg.create(db, context_for(db), UNIT, other, Criteria())
    assert db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 0
    assert json.dumps(Criteria().to_json())
