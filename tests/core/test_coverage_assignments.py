"""Gap finder and revisit assignments: supervisor -> bundle -> surveyor laptop -> targets checked off by new
readings, the check-off travelling to the receiver as a new revision."""
from __future__ import annotations

import json
from datetime import date

import pytest

from coverage_support import BOUNDARIES, demo
from survey_app.coverage import assignments as asg
from survey_app.coverage.gaps import Criteria, find
from survey_app.paths import db_path
from survey_app.storage.db import open_db
from survey_app.storage.records import context_for

UNIT = "19753"


@pytest.fixture
def supervisor(tmp_path):
    from survey_app.review.boundaries import import_geojson

    d = tmp_path / "supervisor"
    d.mkdir()
    db = open_db(db_path(d))
    if BOUNDARIES.exists():
        import_geojson(db, BOUNDARIES)
    demo(db, readings=3000, tests=1500, households=300)
    yield d, db
    db.close()


def test_gaps_follow_the_criteria(supervisor):
    _d, db = supervisor
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

    from survey_app.storage.sessions import new_session
    from survey_app.sync.bundle_import import import_bundle

    sup_home, sup = supervisor
    gaps = find(sup, UNIT, Criteria(min_samples=2, operators=("Viettel",), technologies=("LTE",))).gaps[:3]
    a = asg.create(sup, context_for(sup, "Chị Hoa"), UNIT, gaps, Criteria(min_samples=2), team="Tổ 3")
    assert a.status == "open" and len(a.targets) == 3 and a.revision == 1
    bundle = tmp_path / "assignment.zip"
    from survey_app.sync.bundle import export_bundle

    gen = export_bundle(db_path(sup_home), bundle, assignment_id=a.id)
    manifest = None
    while manifest is None:
        try:
            next(gen)
        except StopIteration as stop:
            manifest = stop.value
    assert manifest["records"] == 1

    lap_home = tmp_path / "laptop"
    lap_home.mkdir()
    lap = open_db(db_path(lap_home))
    for _p in import_bundle(db_path(lap_home), bundle):
        pass
    got = asg.get(lap, a.id[:8])
    assert got.targets == a.targets and got.unit_code == UNIT and got.team_name == "Tổ 3"
    (tmp_path / "rx").mkdir()
    receiver = Receiver(tmp_path / "rx")
    try:
        assert sync(db_path(lap_home), fast_config(receiver.url, receiver.token)).status == "ok"
        assert receiver.counts()["revisions"][("assignments", a.id)] == 1
        # the surveyor measures twice at the first target and once at the second
        ctx = context_for(lap, "Lan")
        s = new_session(lap, ctx, unit_code=UNIT, team="Tổ 3", surveyors=["Lan"])
        first, second, third = got.targets
        for t in (first, first, second):
            lap.table("speed_tests").insert(ctx.stamp({
                "session_id": s.id, "unit_code": UNIT, "code_set": "VN-2025-07", "started_at": asg.utc_now(),
                "status": "ok", "protocol": "librespeed", "operator": "Viettel", "technology": "LTE",
                "download_mbps": 40.0, "upload_mbps": 10.0, "lon": t["lon"], "lat": t["lat"],
                "position_source": "gps"}))
        assert asg.check_off(lap, "Lan") == [(a.id, 1)]
        now = asg.get(lap, a.id)
        assert [bool(t["done_at"]) for t in now.targets] == [True, False, False]
        assert [t["seen"] for t in now.targets] == [2, 1, 0]
        assert now.revision == 2 and now.status == "open"
        history = lap.execute("SELECT revision, changed_by FROM record_history WHERE record_id = ?", [a.id]).fetchall()
        assert history == [(1, "Lan")]
        assert asg.check_off(lap, "Lan") == []       # nothing new: no revision
        result = sync(db_path(lap_home), fast_config(receiver.url, receiver.token))
        assert result.status == "ok"
        assert receiver.counts()["revisions"][("assignments", a.id)] == 2
    finally:
        receiver.stop()
        lap.close()


def test_distance_and_direction():
    metres, bearing, point = asg.distance_direction(107.59, 16.46, 107.59, 16.47)
    assert 1100 < metres < 1120 and bearing == pytest.approx(0, abs=0.01) and point in ("N", "B")
    _m, bearing, _p = asg.distance_direction(107.59, 16.46, 107.60, 16.46)
    assert bearing == pytest.approx(90, abs=0.1)


def test_a_bad_assignment_is_refused(supervisor):
    from survey_app.errors import UserError

    _d, db = supervisor
    with pytest.raises(UserError):
        asg.create(db, context_for(db), UNIT, [], Criteria())
    other = find(db, "20050", Criteria(min_samples=1, res=8)).gaps[:1]
    with pytest.raises(UserError):
        asg.create(db, context_for(db), UNIT, other, Criteria())
    assert db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 0
    assert json.dumps(Criteria().to_json())
