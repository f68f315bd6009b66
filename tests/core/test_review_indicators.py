"""Indicators on small hand-made data whose answers are worked out by hand."""
from __future__ import annotations

import json

import pytest

import review_support as rs
from survey_app.review.config import ReviewConfig, sources
from survey_app.review.indicators import compute, light

SMALL = ReviewConfig(min_speed_samples=3, min_signal_samples=4, min_residents=4)


def _unit(table, code):
    return next(r for r in table.rows if r.code == code)


@pytest.fixture
def survey(db):
    """Ward 19753: one approved session, one closed session, one rejected session."""
    a = rs.session(db, rs.WARD, team="A")
    # Viettel: 4 LTE readings, 3 usable (>= -110); VinaPhone: 4 readings, 2 usable (one NR-SA usable)
    for i, rsrp in enumerate([-80, -95, -109, -115]):
        rs.reading(db, a, f"2026-03-02T02:0{i}:00.000Z", operator="Viettel", rsrp=rsrp)
    rs.reading(db, a, "2026-03-02T02:10:00.000Z", operator="VinaPhone", tech="NR-SA", rsrp=None, nr_rsrp=-100)
    rs.reading(db, a, "2026-03-02T02:11:00.000Z", operator="VinaPhone", tech="LTE", rsrp=-105)
    rs.reading(db, a, "2026-03-02T02:12:00.000Z", operator="VinaPhone", tech=None, rsrp=None)   # no service
    rs.reading(db, a, "2026-03-02T02:13:00.000Z", operator="VinaPhone", tech="UMTS", rsrp=None)
    for k, (down, up) in enumerate([(10, 5), (30, 10), (50, 20)]):
        rs.speed_test(db, a, f"2026-03-02T03:0{k}:00.000Z", down=down, up=up, operator="Viettel")
    rs.speed_test(db, a, "2026-03-02T03:10:00.000Z", down=200, up=150, kind="wifi")
    rs.speed_test(db, a, "2026-03-02T03:11:00.000Z", status="failed", down=None, up=None)   # ignored
    rs.speed_test(db, a, "2026-03-02T03:12:00.000Z", down=4800)                              # implausible: ignored
    adult = {"age": 40, "uses_internet": 1, "owns_mobile_phone": 1, "has_digital_signature": 1}
    rs.household(db, a, hamlet="Tổ 1", fibre=1, internet=1, members=[adult, dict(adult, uses_internet=0)])
    rs.household(db, a, hamlet="Tổ 1", fibre=0, internet=1, members=[adult, dict(adult, has_digital_signature=0)])
    rs.household(db, a, hamlet="Tổ 2", fibre=0, internet=0, members=[dict(adult, uses_internet=0)])
    rs.household(db, a, status="refused", consent="no", fibre=None, internet=None)            # not counted
    rs.approve(db, a)
    b = rs.session(db, rs.WARD, team="B")   # closed, not approved
    rs.household(db, b, hamlet="Tổ 3", fibre=1, internet=1, members=[adult])
    rs.reading(db, b, "2026-03-03T02:00:00.000Z", operator="MobiFone", rsrp=-70)
    c = rs.session(db, rs.WARD, team="C")
    rs.household(db, c, hamlet="Tổ 4", fibre=1, members=[adult] * 3)
    from survey_app.review.decisions import decide
    from survey_app.storage.records import context_for

    decide(db, context_for(db, "Hoa"), c, "reject", "sai")
    return db


def test_approved_only(survey):
    t = compute(survey, config=SMALL)
    u = _unit(t, rs.WARD)
    assert u.readings == 8
    assert u.coverage["Viettel"]["share"] == pytest.approx(3 / 4)
    assert u.coverage["VinaPhone"]["share"] == pytest.approx(2 / 4)
    assert u.coverage["VinaPhone"]["share_5g"] == pytest.approx(1 / 4)
    assert "MobiFone" not in u.coverage
    assert u.technologies["LTE"]["readings"] == 5 and u.technologies["NR-SA"]["usable_share"] == 1.0
    assert u.technologies["none"]["share"] == pytest.approx(1 / 8)
    assert u.coverage_best == pytest.approx(0.75) and u.lights["coverage"] == "red"
    assert u.households == 3 and u.hamlets == 2 and u.hamlets_with_fibre == 1
    assert u.fibre_available == pytest.approx(0.5)
    assert u.fibre_households == pytest.approx(1 / 3)
    assert u.internet_households == pytest.approx(2 / 3)
    assert u.residents == 5 and u.internet_users == pytest.approx(3 / 5)
    assert u.digital_signature == pytest.approx(4 / 5)
    assert u.lights["internet_users"] == "red" and u.lights["digital_signature"] == "green"
    assert u.speed_tests == 4                     # 3 modem + 1 wifi; failed and implausible left out
    assert u.download_median == pytest.approx(40.0)   # median of 10, 30, 50, 200
    assert u.speed_by_operator["Viettel"] == {"n": 3, "download": 30.0, "upload": 10.0}
    assert u.speed_by_technology["LTE"]["download"] == 30.0
    assert u.fixed_download_median == 200.0
    assert u.enough_speed and u.broadband_share == pytest.approx(3 / 4)
    other = _unit(t, "20050")
    assert other.readings == 0 and other.lights["coverage"] == "grey" and other.download_median is None
    assert t.city.residents == 5 and t.city.speed_tests == 4


def test_include_all_adds_closed_never_rejected(survey):
    u = _unit(compute(survey, config=SMALL, include_all=True), rs.WARD)
    assert u.readings == 9 and u.coverage["MobiFone"]["share"] == 1.0
    assert u.households == 4 and u.hamlets == 3        # Tổ 4 is in the rejected session
    assert u.residents == 6


def test_threshold_change_recomputes(survey):
    strict = ReviewConfig(min_speed_samples=3, min_signal_samples=4, min_residents=4, usable_rsrp_dbm=-90)
    u = _unit(compute(survey, config=strict), rs.WARD)
    assert u.coverage["Viettel"]["share"] == pytest.approx(1 / 4)
    u = _unit(compute(survey, config=SMALL), rs.WARD)
    assert u.coverage["Viettel"]["share"] == pytest.approx(3 / 4)


def test_new_approval_shows_up(survey):
    b = survey.execute("SELECT id FROM sessions WHERE team_name = 'B'").fetchone()[0]
    rs.approve(survey, b)
    u = _unit(compute(survey, config=SMALL), rs.WARD)
    assert u.households == 4 and "MobiFone" in u.coverage


def test_lights():
    assert light(0.96, 0.95, strict=True) == "green"
    assert light(0.95, 0.95, strict=True) == "amber"
    assert light(0.80, 0.95) == "red"
    assert light(1.0, 1.0) == "green"
    assert light(None, 0.5) == "grey" and light(0.9, 0.5, enough=False) == "grey"


def test_sources_cover_targets():
    names = {s[0] for s in sources()}
    assert {"usable_rsrp_dbm", "min_speed_samples", "target_internet_users", "target_coverage"} <= names
    assert any("300" in s[2] for s in sources())


def test_cli_summary(survey, cli):
    out = cli("review", "summary", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["rows"]) == 41 and data["rows"][-1]["code"] == "city" and data["scope"] == "approved"
    text = cli("review", "summary", "--all")
    assert "Thành phố Huế" in text.stdout and "Phường Phú Xuân" in text.stdout


def test_coverage_with_few_readings_is_shown_but_not_judged(survey):
    """A unit measured less than the samples needed shows its coverage (not "no data") on a grey light."""
    t = compute(survey, config=ReviewConfig(min_signal_samples=300))
    u = _unit(t, rs.WARD)
    assert u.coverage_best == pytest.approx(3 / 4) and not u.enough_signal
    assert u.lights["coverage"] == "grey" and u.operators_covering == 0
    empty = _unit(t, rs.COMMUNE)
    assert empty.readings == 0 and empty.coverage_best is None   # nothing measured: no value at all
    assert t.city.coverage_best is None                          # no unit judged: the city has no share yet
