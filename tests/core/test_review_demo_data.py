"""demo-data: counts, spread over the 40 units, consistent derived columns, determinism with --seed."""
from __future__ import annotations

import json

from survey_app.paths import db_path
from survey_app.storage.db import open_db


def _content(db):
    """Everything but ids, device ids and foreign keys, in a stable order."""
    q = {
        "sessions": "SELECT unit_code, team_name, surveyors, started_at, closed_at, status FROM sessions "
                    "ORDER BY started_at, unit_code, team_name",
        "households": "SELECT unit_code, status, consent, hamlet, respondent_name, phone, started_at, duration_s, "
                      "answers, internet_at_home, fibre, isp, plan_mbps, member_count, lat, lon "
                      "FROM households ORDER BY started_at, answers",
        "readings": "SELECT unit_code, measured_at, operator, technology, rsrp_dbm, sinr_db, lat, lon "
                    "FROM signal_readings ORDER BY measured_at, operator, rsrp_dbm",
        "tests": "SELECT unit_code, started_at, status, download_mbps FROM speed_tests ORDER BY started_at, download_mbps",
    }
    return {k: db.execute(v).fetchall() for k, v in q.items()}


def test_seed_gives_the_same_survey(tmp_path, cli):
    outs = []
    for name in ("a", "b", "c"):
        home = tmp_path / name
        seed = "5" if name != "c" else "6"
        r = cli("--home", home, "demo-data", "--households", "300", "--readings", "2000", "--speedtests", "60",
                "--seed", seed, "--json")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["counts"]["households"] == 300
        db = open_db(db_path(home))
        outs.append(_content(db))
        db.close()
    assert outs[0] == outs[1]
    assert outs[0]["households"] != outs[2]["households"]


def test_demo_data_is_plausible(db, cli):
    r = cli("demo-data", "--households", "2000", "--readings", "12000", "--speedtests", "400", "--seed", "1")
    assert r.returncode == 0, r.stderr
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    assert one("SELECT count(DISTINCT unit_code) FROM sessions") == 40
    assert one("SELECT count(*) FROM signal_readings") == 12000
    assert 3.3 < one("SELECT avg(member_count) FROM households WHERE status = 'finalized'") < 4.3
    assert one("SELECT count(*) FROM members") == one("SELECT sum(member_count) FROM households")
    # every point lies in its session's unit box
    assert one("""SELECT count(*) FROM signal_readings r JOIN sessions s ON s.id = r.session_id
                  JOIN units u ON u.code = s.unit_code WHERE r.lat IS NOT NULL
                  AND NOT (r.lon BETWEEN u.min_lon AND u.max_lon AND r.lat BETWEEN u.min_lat AND u.max_lat)""") == 0
    ops = dict(db.execute("SELECT operator, mnc FROM signal_readings WHERE mnc IS NOT NULL GROUP BY operator"))
    assert ops == {"Viettel": "04", "VinaPhone": "02", "MobiFone": "01"}
    techs = dict(db.execute("SELECT technology, count(*) FROM signal_readings GROUP BY technology"))
    assert techs["LTE"] > sum(v for k, v in techs.items() if k != "LTE")
    # derived columns agree with the answers
    for answers, inet, fibre, count in db.execute(
            "SELECT answers, internet_at_home, fibre, member_count FROM households WHERE status = 'finalized'"):
        a = json.loads(answers)
        assert (a["internet_at_home"] == "yes") == bool(inet)
        assert ("fibre" in a.get("conn_types", "").split()) == bool(fibre)
    for answers, uses in db.execute("SELECT answers, uses_internet FROM members LIMIT 3000"):
        a = json.loads(answers)
        assert a.get("uses_internet") == (None if uses is None else ("yes" if uses else "no"))
    # the checks ran and the approved sessions feed the indicator table
    assert one("SELECT count(*) FROM review_session_stats") == one("SELECT count(*) FROM sessions")
    assert one("SELECT count(*) FROM sessions WHERE status = 'approved'") > 0
    assert one("SELECT count(*) FROM review_decisions") == one(
        "SELECT count(*) FROM sessions WHERE status IN ('approved', 'rejected')")


def test_bad_counts_are_refused(cli):
    r = cli("demo-data", "--households", "-5")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_demo_answers_satisfy_the_built_in_form(db, cli):
    """Every finished demo interview is valid for the household form (but the deliberate consent omissions)."""
    from importlib import resources

    from survey_app.forms.interview import FormState

    r = cli("demo-data", "--households", "400", "--readings", "100", "--speedtests", "10", "--seed", "4",
            "--no-checks")
    assert r.returncode == 0, r.stderr
    form = json.loads(resources.files("survey_app.data").joinpath("forms/household.json").read_text("utf-8"))
    checked = 0
    for hid, answers, consent in db.execute(
            "SELECT id, answers, consent FROM households WHERE status = 'finalized'").fetchall():
        members = [json.loads(a) for (a,) in db.execute(
            "SELECT answers FROM members WHERE household_id = ? ORDER BY position", [hid])]
        state = FormState(form, {"answers": json.loads(answers), "repeats": {"members": members}})
        errors = [(name, text) for name, _inst, text in state.errors()]
        assert errors == ([] if consent == "yes" else [e for e in errors if e[0] == "consent"]), errors
        checked += 1
    assert checked > 350
