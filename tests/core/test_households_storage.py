"""Household interviews in a real SQLite file: drafts, finalize, refusal, edits with history, form versions."""
from __future__ import annotations

import json

import pytest

from survey_app.errors import UserError
from survey_app.forms.interview import FormState
from survey_app.models.base import Position
from survey_app.households import interviews as hh
from survey_app.storage import households as store
from survey_app.storage.db import open_db
from survey_app.storage.forms import current_form, ensure_builtin, import_form
from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session


pytestmark = pytest.mark.usefixtures("english")   # core messages in English (tests/conftest.py)


@pytest.fixture
def env(tmp_path):
    path = tmp_path / "survey.db"
    db = open_db(path)
    rctx = context_for(db, "Lan")
    ensure_builtin(db, rctx)
    unit = db.execute("SELECT code FROM units LIMIT 1").fetchone()[0]
    session = new_session(db, rctx, unit_code=unit, team="T1", surveyors=["Lan"])
    yield path, db, rctx, session
    db.close()


def _complete(state: FormState) -> None:
    for name, value in [("consent", "yes"), ("hamlet", "Tổ dân phố 5"), ("hh_size", "2"), ("hh_phone", "yes"),
                        ("hh_computer", "yes"), ("internet_at_home", "yes"), ("conn_types", ["fibre"]),
                        ("isp", "vnpt"), ("plan_mbps", "300"), ("monthly_cost_vnd", "195000")]:
        state.set(name, value)
    for age, internet in (("45", "yes"), ("10", "no")):
        k = state.add_instance("members")
        for name, value in [("sex", "female"), ("age", age), ("uses_computer", "yes"), ("uses_internet", internet),
                            ("uses_mobile", "yes"), ("owns_mobile", "yes")]:
            state.set(name, value, k)
        if internet == "yes":
            state.set("use_locations", ["home"], k)
            state.set("use_frequency", "daily", k)
        else:
            state.set("reasons_not_using", ["no_skills"], k)
        if int(age) >= 14:
            for name in ("vneid_level2", "digital_signature", "online_public_services", "hue_s"):
                state.set(name, "yes", k)
    assert state.errors() == []


def test_draft_survives_reopening_the_database(env):
    path, db, rctx, session = env
    form = current_form(db)["definition"]
    hid = hh.start_interview(db, rctx, session_id=session.id, form=form,
                             position=Position(16.46, 107.59, "gps", 5.0, "2026-11-27T10:00:00Z"))
    state = hh.state_for(db, hid, lang="en")
    state.set("consent", "yes")
    state.set("consent_location", "yes")  # the start position is kept only with this scope
    state.set("hamlet", "Thôn Vĩ Dạ")
    k = state.add_instance("members")
    state.set("age", "abc", k)
    hh.save_draft(db, rctx, hid, state.to_data())
    db.close()
    db2 = open_db(path)
    again = hh.state_for(db2, hid, lang="en")
    assert again.value("hamlet") == "Thôn Vĩ Dạ" and again.text("age", 0) == "abc"
    row = store.get_interview(db2, hid)
    assert row["status"] == "draft" and row["lat"] == 16.46 and row["position_source"] == "gps"
    assert row["surveyor"] == "Lan" and row["device_id"] == rctx.device_id
    db2.close()


def test_finalize_refuses_constraint_breaks_then_derives_columns(env):
    _path, db, rctx, session = env
    hid = hh.start_interview(db, rctx, session_id=session.id, form=current_form(db)["definition"])
    state = hh.state_for(db, hid, lang="en")
    _complete(state)
    bad = state.to_data()
    bad["repeats"]["members"][0]["age"] = 150          # breaks the age constraint behind the engine's back
    with pytest.raises(UserError, match="cannot be finalized"):
        hh.finalize_interview(db, rctx, hid, bad)
    assert store.get_interview(db, hid)["status"] == "draft"
    assert hh.finalize_interview(db, rctx, hid, state.to_data()) == "finalized"
    row = store.get_interview(db, hid)
    assert (row["internet_at_home"], row["fixed_broadband"], row["fibre"], row["isp"]) == (1, 1, 1, "vnpt")
    assert (row["plan_mbps"], row["monthly_cost_vnd"], row["member_count"]) == (300.0, 195000.0, 2)
    assert row["ended_at"] and row["duration_s"] is not None and row["hamlet"] == "Tổ dân phố 5"
    members = db.execute("SELECT position, age, uses_internet, owns_mobile_phone, has_vneid_level2 FROM members "
                         "WHERE household_id = ? ORDER BY position", [hid]).fetchall()
    assert members == [(1, 45, 1, 1, 1), (2, 10, 0, 1, None)]
    with pytest.raises(UserError, match="needs a reason"):
        hh.save_draft(db, rctx, hid, state.to_data())


def test_refusal_is_recorded(env):
    _path, db, rctx, session = env
    hid = hh.start_interview(db, rctx, session_id=session.id, form=current_form(db)["definition"])
    state = hh.state_for(db, hid)
    state.set("consent", "no")
    assert hh.finalize_interview(db, rctx, hid, state.to_data()) == "refused"
    row = store.get_interview(db, hid)
    assert row["consent"] == "no" and row["status"] == "refused" and row["internet_at_home"] is None


def test_edit_needs_a_reason_and_keeps_history(env):
    _path, db, rctx, session = env
    hid = hh.start_interview(db, rctx, session_id=session.id, form=current_form(db)["definition"])
    state = hh.state_for(db, hid, lang="en")
    _complete(state)
    hh.finalize_interview(db, rctx, hid, state.to_data())
    state = hh.state_for(db, hid, lang="en")
    state.set("isp", "fpt")
    state.remove_instance("members", 1)
    state.set("hh_size", "1")
    with pytest.raises(UserError, match="why"):
        hh.revise_interview(db, rctx, hid, state.to_data(), reason="  ")
    assert hh.revise_interview(db, rctx, hid, state.to_data(), reason="ISP misheard") == 3  # 2 was finalizing
    row = store.get_interview(db, hid)
    assert row["isp"] == "fpt" and row["revision"] == 3 and row["member_count"] == 1
    history = store.history(db, hid)
    assert {h["table"] for h in history} == {"households", "members"}
    old = next(h for h in history if h["table"] == "households")
    assert old["reason"] == "ISP misheard" and old["data_before"]["isp"] == "vnpt" and old["changed_by"] == "Lan"


def test_new_form_version_keeps_old_answers_on_the_old_version(env):
    _path, db, rctx, session = env
    old_form = current_form(db)["definition"]
    hid = hh.start_interview(db, rctx, session_id=session.id, form=old_form)
    newer = json.loads(json.dumps(old_form))
    newer["version"] = "2099.1"
    newer["fields"] = [f for f in newer["fields"] if f["name"] != "devices"]
    import_form(db, rctx, newer)
    assert current_form(db)["version"] == "2099.1"
    state = hh.state_for(db, hid)
    assert "devices" in state.index and store.get_interview(db, hid)["form_version"] == old_form["version"]
    with pytest.raises(UserError, match="different content"):
        import_form(db, rctx, dict(newer, title="changed"))


def test_speed_tests_link_and_listing(env):
    _path, db, rctx, session = env
    hid = hh.start_interview(db, rctx, session_id=session.id, form=current_form(db)["definition"])
    db.table("speed_tests").insert(rctx.stamp({"session_id": session.id, "household_id": hid, "started_at": "x",
                                               "status": "ok", "protocol": "librespeed", "download_mbps": 95.0}))
    listed = store.list_households(db, session.id)
    assert listed[0]["id"] == hid and listed[0]["speed_tests"] == 1
    assert store.linked_speed_tests(db, hid)[0]["download_mbps"] == 95.0
