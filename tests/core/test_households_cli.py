"""`survey-app households add|show|edit|discard|remove-member` in a subprocess on a real SQLite file: answers
checked by the form engine (each problem named, in the user's language, exit 2, nothing stored); every change
reaches the real receiver on 127.0.0.1."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sync_support import Receiver

from survey_app.storage.driver import connect_file

ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "household_complete.json"
ENV = {"SURVEY_APP_NO_KEYRING": "1"}


@pytest.fixture
def session(cli):
    r = cli("sessions", "new", "--unit", "19753", "--team", "A", "--surveyor", "Lan", "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["id"]


def _write(tmp_path, name, doc) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _answers() -> dict:
    return json.loads(ANSWERS.read_text(encoding="utf-8"))


def _counts(home) -> tuple:
    conn = connect_file(home / "survey.db")
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("households", "members", "tombstones", "record_history"))
    finally:
        conn.close()


def test_bad_answers_are_each_named_in_the_users_language_and_nothing_is_stored(cli, home, session, tmp_path):
    bad = _answers()
    bad.update(colour="blue", hh_size="two", plan_mbps={"x": 1})
    bad["members"][0].update(age=300, shoe_size=40)
    path = _write(tmp_path, "bad.json", bad)
    before = _counts(home)
    en = cli("households", "add", "--session", session, "--answers", path, lang="en")
    assert en.returncode == 2 and "Traceback" not in en.stderr
    for expected in ("colour: no such field", "plan_mbps: a value of the wrong type", "members[1].shoe_size: no such",
                     "hh_size: Enter a whole number", "members[1].age: Age is between 0 and 120"):
        assert expected in en.stderr, en.stderr
    vi = cli("households", "add", "--session", session, "--answers", path, lang="vi")
    assert vi.returncode == 2 and "Lỗi" in vi.stderr and "không có trường" in vi.stderr
    assert "Tuổi từ 0 đến 120" in vi.stderr and "nothing was stored" not in vi.stderr
    assert _counts(home) == before
    for broken in ("{not json", "[1, 2]", '{"members": "all of them"}'):
        p = tmp_path / "broken.json"
        p.write_text(broken, encoding="utf-8")
        r = cli("households", "add", "--session", session, "--answers", p, lang="en")
        assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.strip()
    assert _counts(home) == before


def test_the_whole_interview_life_reaches_the_receiver(cli, home, session, tmp_path):
    receiver = Receiver(tmp_path, role="supervisor")  # (a surveyor's copy of the built-in form would be refused)
    env = dict(ENV, SURVEY_APP_SYNC_TOKEN=receiver.token)
    held = lambda table, rid: receiver.counts()["revisions"].get((table, rid))  # noqa: E731
    try:
        draft = dict(_answers())
        draft.pop("internet_at_home")
        added = cli("households", "add", "--session", session, "--answers", _write(tmp_path, "d.json", draft),
                    "--draft", "--json")
        assert added.returncode == 0, added.stderr
        doc = json.loads(added.stdout)
        hid, members = doc["id"], [m["id"] for m in doc["members"]]
        assert doc["status"] == "draft" and len(members) == 2
        assert cli("sync", "--url", receiver.url, "--save", env=env).returncode == 0
        draft_rev = held("households", hid)
        # Finalizing needs every answer: refused (exit 2) until the missing one is given.
        refused = cli("households", "edit", hid, "--answers", _write(tmp_path, "e.json", {}), "--reason", "done",
                      "--finalize", lang="en")
        assert refused.returncode == 2 and "internet_at_home" in refused.stderr
        done = cli("households", "edit", hid, "--answers", _write(tmp_path, "f.json", {"internet_at_home": "yes"}),
                   "--reason", "keyed from paper", "--finalize", "--json")
        assert done.returncode == 0, done.stderr and json.loads(done.stdout)["status"] == "finalized"
        fixed = cli("households", "edit", hid, "--answers", _write(tmp_path, "g.json", {"isp": "fpt"}),
                    "--reason", "ISP misheard", "--json")
        assert json.loads(fixed.stdout)["answers"]["isp"] == "fpt"
        # The roster must match the declared size or say why (issue 17): refused until one of them changes.
        short = cli("households", "remove-member", hid, members[1], "--reason", "moved away", lang="en")
        assert short.returncode == 2 and "khác số người hộ khai" in short.stderr   # the question, in the form's language
        assert cli("households", "edit", hid, "--answers", _write(tmp_path, "s.json", {"hh_size": "1"}),
                   "--reason", "one moved away").returncode == 2      # roster 2, size 1: why?
        why = cli("households", "edit", hid, "--answers", _write(tmp_path, "w.json", {
            "hh_size": "1", "roster_reason": "one member moved away; removed next"}), "--reason", "moved away")
        assert why.returncode == 0, why.stderr
        gone = cli("households", "remove-member", hid, members[1], "--reason", "moved away", "--json")
        assert gone.returncode == 0, gone.stderr
        assert [m["id"] for m in json.loads(gone.stdout)["members"]] == members[:1]
        assert cli("households", "remove-member", hid, members[1], "--reason", "again").returncode == 2
        size = cli("households", "edit", hid, "--answers", _write(tmp_path, "h.json", {"hh_size": "1",
                   "members": [{"id": members[0], "age": 46}]}), "--reason", "birthday", "--json")
        assert size.returncode == 0, size.stderr
        assert [(m["id"], m["age"]) for m in json.loads(size.stdout)["members"]] == [(members[0], 46)]
        assert cli("sync", env=env).returncode == 0
        rev = json.loads(cli("households", "show", hid, "--json").stdout)["revision"]
        assert held("households", hid) == rev > draft_rev
        assert held("members", members[1]) is None and held("members", members[0]) is not None
        # A second interview, discarded: gone at the receiver too.
        other = json.loads(cli("households", "add", "--session", session, "--answers", ANSWERS, "--draft",
                               "--json").stdout)["id"]
        assert cli("sync", env=env).returncode == 0 and held("households", other)
        assert cli("households", "discard", other, "--reason", "wrong house").returncode == 0
        assert cli("households", "show", other).returncode == 2
        assert cli("sync", env=env).returncode == 0 and held("households", other) is None
        status = json.loads(cli("sync", "--status", "--json").stdout)
        assert status["pending"] == 0 and status["tables"]["tombstones"]["arrived"] == 4  # 1 member, 1+2 discarded
    finally:
        receiver.stop()
