"""Every quality flag, triggered and not triggered, on hand-made sessions in a real database."""
from __future__ import annotations

import json

import pytest

from survey_app.review.checks import CODES, flag_list, refresh
import review_support as rs


def _codes(db, sid):
    refresh(db)
    return {f.code: f for f in flag_list(db, session_id=sid)}


def _readings(db, sid, n=10, start_min=0, step_min=1, **kw):
    for i in range(n):
        m = start_min + i * step_min
        rs.reading(db, sid, f"2026-03-02T{2 + m // 60:02d}:{m % 60:02d}:00.000Z", **kw)


def test_clean_session_has_no_flags(db):
    sid = rs.session(db)
    _readings(db, sid)
    rs.speed_test(db, sid, "2026-03-02T02:05:00.000Z")
    rs.household(db, sid, members=[{"age": 30, "uses_internet": 1}])
    assert _codes(db, sid) == {}
    row = db.execute("SELECT households, members, readings, speed_tests, flag_count FROM review_session_stats "
                     "WHERE session_id = ?", [sid]).fetchone()
    assert row == (1, 1, 10, 1, 0)


def test_no_position(db):
    sid = rs.session(db)
    _readings(db, sid, n=8)
    _readings(db, sid, n=2, start_min=20, pos=None)   # 2 of 10 = 20% > 5%
    f = _codes(db, sid)["no_position"]
    assert (f.count, f.total) == (2, 10)
    assert "2" in f.reason and "10" in f.reason


def test_no_position_below_threshold_not_flagged(db):
    sid = rs.session(db)
    _readings(db, sid, n=40)
    _readings(db, sid, n=1, start_min=45, pos=None)   # 1 of 41 < 5%
    assert "no_position" not in _codes(db, sid)


def test_outside_unit_by_bounding_box(db):
    sid = rs.session(db, rs.WARD)
    _readings(db, sid, n=5)
    far = rs.unit_point(db, rs.COMMUNE)
    _readings(db, sid, n=2, start_min=10, pos=far)
    f = _codes(db, sid)["outside_unit"]
    assert (f.count, f.total, f.detail["method"]) == (2, 7, "bbox")


def test_outside_unit_by_imported_polygon(db, tmp_path):
    """A point inside the unit's box but outside its (imported) square boundary is flagged."""
    from survey_app.review.boundaries import import_geojson

    lon, lat = rs.unit_point(db, rs.WARD)
    d = 0.002
    square = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]
    path = tmp_path / "b.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": rs.WARD}, "geometry": {"type": "Polygon", "coordinates": [square]}}]}))
    sid = rs.session(db, rs.WARD)
    _readings(db, sid, n=4)
    _readings(db, sid, n=1, start_min=10, pos=(lon + 0.005, lat))   # in the box, outside the square
    assert "outside_unit" not in _codes(db, sid)  # the box check alone does not see it ...
    import_geojson(db, path)
    f = _codes(db, sid)["outside_unit"]       # ... the polygon does (import forces a full recheck)
    assert (f.count, f.total, f.detail["method"]) == (1, 5, "polygon")


def test_poor_accuracy(db):
    sid = rs.session(db)
    _readings(db, sid, n=8)
    _readings(db, sid, n=2, start_min=10, accuracy=120.0)
    f = _codes(db, sid)["poor_accuracy"]
    assert (f.count, f.total) == (2, 10)


def test_failed_and_implausible_speed_tests(db):
    sid = rs.session(db)
    rs.speed_test(db, sid, "2026-03-02T02:00:00.000Z")
    rs.speed_test(db, sid, "2026-03-02T02:10:00.000Z", status="failed", down=None, up=None, ping=None)
    rs.speed_test(db, sid, "2026-03-02T02:20:00.000Z", down=4800.0)
    rs.speed_test(db, sid, "2026-03-02T02:30:00.000Z", down=0.0)
    flags = _codes(db, sid)
    assert (flags["speedtest_failed"].count, flags["speedtest_failed"].total) == (1, 4)
    assert flags["speedtest_implausible"].count == 2


def test_signal_gap(db):
    sid = rs.session(db)
    _readings(db, sid, n=5, step_min=1)
    _readings(db, sid, n=5, start_min=40, step_min=1)   # 36 minutes without a reading
    f = _codes(db, sid)["signal_gap"]
    assert f.count == 1 and f.detail["longest_min"] == 36.0
    assert "36" in f.reason


def test_short_refused_consent(db):
    sid = rs.session(db)
    for _ in range(6):
        rs.household(db, sid)
    rs.household(db, sid, duration=120.0)                       # 2 minutes
    rs.household(db, sid, status="refused", consent="no", internet=None, fibre=None)
    rs.household(db, sid, consent=None)                          # finished without consent
    flags = _codes(db, sid)
    assert flags["short_interview"].count == 1
    assert (flags["refused"].count, flags["refused"].total) == (1, 9)
    assert flags["consent_missing"].count == 1


def test_refusals_below_share_not_flagged(db):
    sid = rs.session(db)
    for _ in range(19):
        rs.household(db, sid)
    rs.household(db, sid, status="refused", consent="no")         # 5% <= 10%
    assert "refused" not in _codes(db, sid)


def test_duplicates_across_sessions_and_incremental_refresh(db):
    a = rs.session(db, team="Đội A")
    rs.household(db, a, name="Nguyễn Văn An", phone="0905123456")
    refresh(db)
    assert "duplicate" not in {f.code for f in flag_list(db)}
    b = rs.session(db, team="Đội B")
    rs.household(db, b, name=" nguyễn văn an", phone="0905123456")   # same person, typed differently
    result = refresh(db)
    assert not result.full and result.sessions == 1                   # only the new session was rechecked
    assert {f.session_id for f in flag_list(db, code="duplicate")} == {a, b}
    stats = dict(db.execute("SELECT session_id, flag_codes FROM review_session_stats").fetchall())
    assert "duplicate" in stats[a] and "duplicate" in stats[b]


def test_revision_triggers_recheck(db):
    sid = rs.session(db)
    hid = rs.household(db, sid, consent=None)
    assert "consent_missing" in _codes(db, sid)
    from survey_app.storage.revisions import revise

    revise(db, "households", hid, {"consent": "yes"}, changed_by="Lan", reason="fixed")
    assert "consent_missing" not in _codes(db, sid)


def test_thresholds_from_settings(db):
    from survey_app.settings import Settings

    sid = rs.session(db)
    _readings(db, sid, n=10, step_min=1)
    _readings(db, sid, n=1, start_min=20)                    # 11-minute gap: under the 15-minute default
    assert "signal_gap" not in _codes(db, sid)
    s = Settings()
    s.extra["review"] = {"gap_minutes": 10}
    refresh(db, s)
    assert [f.code for f in flag_list(db, session_id=sid)] == ["signal_gap"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_reason_is_translated(db, lang):
    from survey_app.i18n import set_language
    from survey_app.review.checks import code_label, reason

    set_language(lang)
    detail = {"method": "polygon", "limit_m": 50, "limit_mbps": 2500, "limit_min": 15, "longest_min": 30}
    for code in CODES:
        text = reason(code, 2, 10, detail)
        assert text and text != code and "{" not in text
        assert code_label(code) != code
    set_language("vi")
    assert "bản ghi" in reason("no_position", 2, 10, {})


def test_cli_flags_json(db, cli):
    sid = rs.session(db)
    rs.household(db, sid, consent=None)
    out = cli("review", "flags", "--json", lang="en")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [(d["session_id"], d["code"]) for d in data] == [(sid, "consent_missing")]
    text = cli("review", "flags", lang="vi")
    assert "sự đồng ý" in text.stdout
