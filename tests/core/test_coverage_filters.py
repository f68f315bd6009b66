"""The indicator layer and the map's points honour the date, team and status filters."""
from __future__ import annotations

from datetime import date

from coverage_support import demo
from survey_app.clock import utc_bound
from survey_app.models.export_spec import Filters


def test_indicators_follow_team_and_date(db):
    from survey_app.review.indicators import compute

    demo(db, readings=3000, tests=300, households=300)
    team = db.execute("SELECT team_name FROM sessions GROUP BY team_name ORDER BY count(*) DESC").fetchone()[0]
    everyone = compute(db, include_all=True)
    one_team = compute(db, include_all=True, filters=Filters(teams=(team,)))
    city, team_city = everyone.rows[-1], one_team.rows[-1]    # the last row is the whole city
    expected = db.execute("SELECT count(*) FROM signal_readings r JOIN sessions s ON s.id = r.session_id "
                          "WHERE s.team_name = ? AND s.status != 'rejected'", [team]).fetchone()[0]
    assert team_city.readings == expected < city.readings
    day = date(2026, 4, 15)
    later = compute(db, include_all=True, filters=Filters(date_from=day)).rows[-1]
    assert later.readings == db.execute(
        "SELECT count(*) FROM signal_readings r JOIN sessions s ON s.id = r.session_id "
        "WHERE s.started_at >= ? AND s.status != 'rejected'", [utc_bound(day)]).fetchone()[0]
    assert later.households == db.execute(
        "SELECT count(*) FROM households h JOIN sessions s ON s.id = h.session_id WHERE s.started_at >= ? "
        "AND s.status != 'rejected' AND h.status = 'finalized'", [utc_bound(day)]).fetchone()[0]


def test_map_points_follow_the_filters(db):
    from survey_app.storage.review import map_points

    demo(db, readings=2000, tests=100, households=100)
    ids = {r[0] for r in map_points(db, "rsrp", filters=Filters(status="approved"))}
    approved = {r[0] for r in db.execute("SELECT r.id FROM signal_readings r JOIN sessions s ON s.id = r.session_id "
                                         "WHERE s.status = 'approved' AND r.lat IS NOT NULL")}
    assert ids == approved
    day = date(2026, 5, 1)
    ids = {r[0] for r in map_points(db, "download", filters=Filters(date_to=day))}
    assert ids == {r[0] for r in db.execute("SELECT id FROM speed_tests WHERE started_at < ? AND lat IS NOT NULL",
                                            [utc_bound(date(2026, 5, 2))])}
