"""Consent as a record (text id + hash, scopes, when, who), withdrawal through the revision path up to the
receiver, export without personal fields; retention purge of households safe at the centre."""
from __future__ import annotations

import csv
import json

import pytest

from survey_app.forms.interview import FormState
from survey_app.households import consent as consent_rules
from survey_app.households import interviews as hh
from survey_app.models.base import Position
from survey_app.paths import db_path
from survey_app.storage.consents import get_consent
from survey_app.storage.forms import current_form, ensure_builtin
from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session

pytest.importorskip("fastapi")
from sync_support import Receiver, fast_config, sync  # noqa: E402


def _complete(state: FormState, *, phone: bool, location: bool, name: str = "Nguyễn Thị Hoa") -> None:
    answers = [("consent", "yes"), ("consent_phone", "yes" if phone else None),
               ("consent_location", "yes" if location else None), ("hamlet", "Tổ dân phố 5"),
               ("respondent_name", name), ("hh_size", "1"), ("hh_phone", "yes"),
               ("hh_computer", "no"), ("internet_at_home", "no"), ("barriers", ["cost_service"])]
    for name, value in answers:
        if value is not None:
            state.set(name, value)
    if phone:
        state.set("phone", "0912345678")
    if location:
        state.set("location", "16.4637 107.5909 0 5")
    k = state.add_instance("members")
    for name, value in [("name", "Hoa"), ("sex", "female"), ("age", "45"), ("uses_computer", "no"),
                        ("uses_internet", "no"), ("uses_mobile", "yes"), ("owns_mobile", "yes"),
                        ("reasons_not_using", ["no_skills"]), ("vneid_level2", "no"), ("digital_signature", "no"),
                        ("online_public_services", "no"), ("hue_s", "no")]:
        state.set(name, value, k)
    assert state.errors() == [], state.errors()


@pytest.fixture
def survey(db):
    rctx = context_for(db, "Lan")
    ensure_builtin(db, rctx)
    session = new_session(db, rctx, unit_code="19753", team="T1", surveyors=["Lan"])
    form = current_form(db)["definition"]

    def interview(phone=True, location=False, name="Nguyễn Thị Hoa") -> str:
        hid = hh.start_interview(db, rctx, session_id=session.id, form=form)
        state = hh.state_for(db, hid, lang="vi")
        _complete(state, phone=phone, location=location, name=name)
        hh.finalize_interview(db, rctx, hid, state.to_data(), location_source="gps", location_at="2026-12-01T01:00:00Z")
        return hid

    return db, rctx, session, form, interview


def test_consent_is_a_record_of_the_text_read_and_the_scopes(survey):
    db, _rctx, _session, form, interview = survey
    fresh = FormState(form, {})
    assert all(fresh.value(n) in (None, "", []) for n in ("consent", "consent_phone", "consent_location"))
    hid = interview(phone=True, location=False)
    rec = get_consent(db, hid)
    text_id, sha = consent_rules.consent_text(form)
    assert rec["text_id"] == text_id == f"household/{form['version']}/consent" and rec["text_sha256"] == sha
    assert len(sha) == 64
    assert (rec["interview"], rec["phone_contact"], rec["precise_location"]) == (1, 1, 0)
    assert rec["agreed_by"] == "Lan" and rec["agreed_at"].endswith("Z") and rec["withdrawn_at"] is None
    row = db.execute("SELECT phone, lat FROM households WHERE id = ?", [hid]).fetchone()
    assert row == ("0912345678", None)  # no position without the precise-location scope
    changed = json.loads(json.dumps(form))
    next(f for f in changed["fields"] if f["name"] == "consent")["label"]["vi"] += " (sửa)"
    assert consent_rules.consent_text(changed)[1] != sha   # another wording, another hash


def test_withdrawal_is_a_revision_that_reaches_the_receiver(survey, home, tmp_path, cli):
    db, _rctx, _session, _form, interview = survey
    hid = interview(phone=True, location=True)
    receiver = Receiver(tmp_path)
    try:
        sync(db_path(home), fast_config(receiver.url, receiver.token))
        rec = get_consent(db, hid)
        out = cli("consent", "withdraw", hid, "--scope", "phone_contact", "--reason", "Hộ gọi điện xin rút",
                  "--by", "Giám sát Minh", "--json")
        assert out.returncode == 0, out.stderr
        after = json.loads(out.stdout)
        assert after["revision"] == rec["revision"] + 1 and after["phone_contact"] == 0
        assert after["precise_location"] == 1 and after["withdrawal_reason"] == "Hộ gọi điện xin rút"
        phone, answers = db.execute("SELECT phone, answers FROM households WHERE id = ?", [hid]).fetchone()
        assert phone is None and "0912345678" not in answers
        history = db.execute("SELECT table_name, reason FROM record_history WHERE record_id IN (?, ?)",
                             [hid, rec["id"]]).fetchall()
        assert ("consents", "Hộ gọi điện xin rút") in history and ("households", "Hộ gọi điện xin rút") in history
        sync(db_path(home), fast_config(receiver.url, receiver.token))
        from survey_app.storage.driver import connect_file

        central = connect_file(receiver.db_path)
        data = {t: json.loads(d) for t, d in central.execute(
            "SELECT table_name, data FROM records WHERE id IN (?, ?)", [hid, rec["id"]])}
        central.close()
        assert data["consents"]["phone_contact"] == 0 and data["consents"]["withdrawn_at"]
        assert data["households"]["phone"] is None
        logged = json.loads(cli("requests", "--json").stdout)
        assert [(r["kind"], r["household_id"]) for r in logged] == [("withdrawal", hid)]
        assert "0912345678" not in json.dumps(logged)
    finally:
        receiver.stop()
    bad = cli("consent", "withdraw", "no-such-id", "--reason", "x")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_consent_is_exported_with_the_household_without_personal_fields(survey, tmp_path):
    from survey_app.exports.run import ExportOptions, run_export

    db, _rctx, _session, _form, interview = survey
    hid = interview(phone=True)
    out = tmp_path / "out"
    out.mkdir()
    for _p in run_export(db_path(db_home(db)), ExportOptions("csv", out, ("households",))):
        pass
    with open(out / "households.csv", encoding="utf-8-sig", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if r["id"] == hid)
    assert row["consent_text_id"].startswith("household/") and len(row["consent_text_sha256"]) == 64
    assert (row["consent_interview"], row["consent_phone_contact"], row["consent_precise_location"]) == ("1", "1", "0")
    assert "phone" not in row and "respondent_name" not in row and "Lan" not in row.values()


def db_home(db):
    from pathlib import Path

    return Path(db.execute("PRAGMA database_list").fetchone()[2]).parent


def test_purge_strips_households_safe_at_the_centre_and_nothing_else(survey, cli, home, tmp_path):
    from survey_app.review.decisions import decide
    from survey_app.storage.driver import connect_file
    from survey_app.storage.sessions import close_session

    db, rctx, session, form, interview = survey
    kept_hid = interview(phone=True, location=True)           # its session stays open: not purged
    other = new_session(db, rctx, unit_code="19753", team="T2", surveyors=["Lan"])
    hid = hh.start_interview(db, rctx, session_id=other.id, form=form)
    state = hh.state_for(db, hid, lang="vi")
    _complete(state, phone=True, location=True)
    hh.finalize_interview(db, rctx, hid, state.to_data(), location_source="gps", location_at="2026-12-01T01:00:00Z")
    close_session(db, rctx, other.id)
    decide(db, rctx, other.id, "approve")
    assert json.loads(cli("purge", "--before", "2999-01-01", "--json").stdout)["purged"] == 0  # not at the centre
    receiver = Receiver(tmp_path, role="supervisor")  # the supervisor's laptop: its approval is accepted
    try:
        sync(db_path(home), fast_config(receiver.url, receiver.token))
        out = cli("purge", "--before", "2999-01-01", "--json")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout) == {"purged": 1, "household_ids": [hid]}
        row = db.execute("SELECT respondent_name, phone, lat, lon, answers, purged_at FROM households "
                         "WHERE id = ?", [hid]).fetchone()
        assert row[:4] == (None, None, None, None) and row[5]
        assert "Nguyễn Thị Hoa" not in row[4] and "0912345678" not in row[4] and "16.4637" not in row[4]
        assert db.execute("SELECT name FROM members WHERE household_id = ?", [hid]).fetchall() == [(None,)]
        assert db.execute("SELECT respondent_name FROM households WHERE id = ?", [kept_hid]).fetchone()[0]
        purged_history = db.execute("SELECT data_before FROM record_history WHERE record_id = ?", [hid]).fetchall()
        assert purged_history and not any("Nguyễn Thị Hoa" in h[0] for h in purged_history)
        sync(db_path(home), fast_config(receiver.url, receiver.token))
        central = connect_file(receiver.db_path)
        data = json.loads(central.execute("SELECT data FROM records WHERE id = ?", [hid]).fetchone()[0])
        central.close()
        assert data["respondent_name"] is None and data["phone"] is None and data["purged_at"]
    finally:
        receiver.stop()
    assert cli("purge", "--before", "không phải ngày").returncode == 2


def test_export_person_gives_everything_held_and_logs_the_request(survey, cli, tmp_path):
    db, _rctx, _session, _form, interview = survey
    hid = interview(phone=True, location=True)
    from survey_app.storage.revisions import revise

    revise(db, "households", hid, {"hamlet": '=HYPERLINK("http://x","click")'}, reason="typed so")
    out = tmp_path / "out"
    out.mkdir()
    r = cli("households", "export-person", hid, "--out", out / "ho.json", "--by", "Giám sát Minh")
    assert r.returncode == 0, r.stderr
    data = json.loads((out / "ho.json").read_text(encoding="utf-8"))
    assert data["household"][0]["respondent_name"] == "Nguyễn Thị Hoa" and data["household"][0]["lat"]
    assert data["household"][0]["answers"]["phone"] == "0912345678"        # answers readable, not JSON text
    assert data["members"][0]["name"] == "Hoa" and data["consent"][0]["phone_contact"] == 1
    with open(out / "ho.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {"household", "members", "consent"} <= {r["section"] for r in rows}
    assert any(r["field"] == "hamlet" and r["value"].startswith("'=") for r in rows)
    again = cli("households", "export-person", hid, "--out", out / "ho.json")
    assert again.returncode == 2 and "--force" in again.stderr
    logged = json.loads(cli("requests", "--json").stdout)
    assert [(x["kind"], x["handled_by"], bool(x["completed_at"])) for x in logged] == [("access", "Giám sát Minh", True)]
    unknown = cli("households", "export-person", "no-such-household", "--out", out / "x.json")
    assert unknown.returncode == 2 and "no-such-household" in unknown.stderr and not (out / "x.json").exists()


def _texts(path) -> str:
    """Every text value of every table of a database file (to look for a name anywhere in it)."""
    from survey_app.storage.driver import connect_file

    conn = connect_file(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(str(v) for t in tables for row in conn.execute(f'SELECT * FROM "{t}"') for v in row)
    finally:
        conn.close()


def test_erase_reaches_the_receiver_and_unknown_ids_are_refused(survey, cli, home, tmp_path):
    from survey_app.models.base import Position
    from survey_app.speedtest.model import Server, SpeedTestResult
    from survey_app.storage.speedtests import insert_result

    db, rctx, session, _form, interview = survey
    hid = interview(phone=True, location=True)
    interview(phone=False, name="Trần Văn Giữ")
    result = SpeedTestResult(status="ok", server=Server(url="http://127.0.0.1:1/", protocol="librespeed"),
                             started_at="2026-12-01T01:05:00.000Z", download_mbps=80.0, upload_mbps=20.0)
    test_id = insert_result(db, rctx, result, session=session, household_id=hid,
                            position=Position(16.4637123, 107.5909123, "gps", 5.0, "2026-12-01T01:05:00Z"))
    receiver = Receiver(tmp_path)
    try:
        sync(db_path(home), fast_config(receiver.url, receiver.token))
        assert "Nguyễn Thị Hoa" in _texts(receiver.db_path)
        before = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("households", "members")}
        unknown = cli("households", "erase", "no-such-household", "--reason", "thử")
        assert unknown.returncode == 2 and "no-such-household" in unknown.stderr and "Traceback" not in unknown.stderr
        assert {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before} == before
        out = cli("households", "erase", hid, "--reason", "Hộ yêu cầu xóa ngày 3/12", "--by", "Giám sát Minh",
                  "--json")
        assert out.returncode == 0, out.stderr
        erased = json.loads(out.stdout)["erased"]
        assert erased["households"] == 1 and erased["members"] == 1 and erased["consents"] == 1
        assert erased["speed_tests"] == 1
        local = _texts(db_path(home))
        assert "Nguyễn Thị Hoa" not in local and "0912345678" not in local and "16.4637" not in local
        assert db.execute("SELECT count(*) FROM speed_tests WHERE id = ?", [test_id]).fetchone()[0] == 0
        assert "Trần Văn Giữ" in local                                     # the other household is kept
        logged = json.loads(cli("requests", "--json").stdout)
        assert [(r["kind"], r["handled_by"], r["reason"]) for r in logged] == [
            ("erasure", "Giám sát Minh", "Hộ yêu cầu xóa ngày 3/12")]
        sync(db_path(home), fast_config(receiver.url, receiver.token))
        central = _texts(receiver.db_path)
        assert "Nguyễn Thị Hoa" not in central and "0912345678" not in central and "Trần Văn Giữ" in central
    finally:
        receiver.stop()
