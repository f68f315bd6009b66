"""`survey-app forms check|import` and `households list`, run as the user runs them (subprocess)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
HOUSEHOLD = ROOT / "resources" / "forms" / "household.xlsx"
FIXTURES = ROOT.parent / "shared" / "fixtures" / "xlsform"


def run(home: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = dict(os.environ, SURVEY_APP_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "survey_app", "--lang", lang, *args], capture_output=True,
                          text=True, env=env, timeout=120, encoding="utf-8")


def _broken(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "survey"
    for row in (["type", "name", "label", "relevant"], ["integer", "age", "Age"],
                ["text", "x", "X", "${agee} > 3"], ["text", "age", "Dup"]):
        ws.append(row)
    st = wb.create_sheet("settings")
    st.append(["form_id", "version"])
    st.append(["household", "9999"])
    path = tmp_path / "broken.xlsx"
    wb.save(path)
    return path


def test_check_accepts_the_builtin_form(tmp_path):
    r = run(tmp_path, "forms", "check", str(HOUSEHOLD))
    assert r.returncode == 0, r.stderr
    assert "usable" in r.stdout and "household" in r.stdout


def test_check_lists_every_problem_and_fails(tmp_path):
    r = run(tmp_path, "forms", "check", str(_broken(tmp_path)))
    assert r.returncode == 1
    assert "survey, row 3, column D (relevant)" in r.stderr and "${agee}" in r.stderr
    assert "survey, row 4, column B (name)" in r.stderr
    r = run(tmp_path, "forms", "check", str(_broken(tmp_path)), lang="vi")
    assert "dòng 4, cột B (name)" in r.stderr and "bị dùng hai lần" in r.stderr
    r = run(tmp_path, "forms", "check", "--json", str(_broken(tmp_path)))
    data = json.loads(r.stdout)
    assert data["usable"] is False and {(p["row"], p["column"][0]) for p in data["problems"]} == {(3, "D"), (4, "B")}


@pytest.mark.skipif(not FIXTURES.exists(), reason="../shared fixtures not present")
def test_check_real_fixture(tmp_path):
    assert run(tmp_path, "forms", "check", str(FIXTURES / "choice_filter_test.xlsx")).returncode == 0
    r = run(tmp_path, "forms", "check", str(FIXTURES / "specify_other.xlsx"))
    assert r.returncode == 1 and "row 2, column A (type)" in r.stderr


def test_import_refused_leaves_forms_untouched_and_new_versions_coexist(tmp_path):
    assert run(tmp_path, "forms", "import", str(HOUSEHOLD)).returncode == 0
    before = json.loads(run(tmp_path, "forms", "list", "--json").stdout)
    r = run(tmp_path, "forms", "import", str(_broken(tmp_path)))
    assert r.returncode == 1 and "cannot be used" in r.stderr
    assert json.loads(run(tmp_path, "forms", "list", "--json").stdout) == before
    wb = openpyxl.load_workbook(HOUSEHOLD)
    settings = wb["settings"]
    column = next(c.column_letter for c in settings[1] if c.value == "version")
    shipped = settings[f"{column}2"].value
    settings[f"{column}2"] = "2026.9"
    newer = tmp_path / "household_v2.xlsx"
    wb.save(newer)
    assert run(tmp_path, "forms", "import", "--json", str(newer)).returncode == 0
    versions = {f["version"] for f in json.loads(run(tmp_path, "forms", "list", "--json").stdout)}
    assert versions == {shipped, "2026.9"}


def test_households_list(tmp_path):
    from survey_app.storage.db import open_db
    from survey_app.storage.forms import ensure_builtin
    from survey_app.households.interviews import start_interview
    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import new_session

    db = open_db(tmp_path / "survey.db")
    rctx = context_for(db, "Minh")
    form = ensure_builtin(db, rctx)["definition"]
    unit = db.execute("SELECT code FROM units LIMIT 1").fetchone()[0]
    s1 = new_session(db, rctx, unit_code=unit, team="A", surveyors=["Minh"])
    s2 = new_session(db, rctx, unit_code=unit, team="B", surveyors=["Minh"])
    h1 = start_interview(db, rctx, session_id=s1.id, form=form)
    start_interview(db, rctx, session_id=s2.id, form=form)
    db.close()
    rows = json.loads(run(tmp_path, "households", "list", "--json").stdout)
    assert len(rows) == 2
    # Session ids begin with their creation time, so two made in the same moment can share 8 characters: the
    # shortest prefix (8 or more) that names s1 alone is taken; one that names both is refused in words.
    n = next(n for n in range(8, len(s1.id) + 1) if not s2.id.startswith(s1.id[:n]))
    rows = json.loads(run(tmp_path, "households", "list", "--session", s1.id[:n], "--json").stdout)
    assert [r["id"] for r in rows] == [h1] and rows[0]["status"] == "draft"
    common = next(n for n in range(len(s1.id), 0, -1) if s2.id.startswith(s1.id[:n]))
    if common >= 8:
        r = run(tmp_path, "households", "list", "--session", s1.id[:common], lang="vi")
        assert r.returncode != 0 and "Có nhiều phiên" in r.stderr and "Traceback" not in r.stderr
    r = run(tmp_path, "households", "list", lang="vi")
    assert "bản nháp" in r.stdout and "2 phiếu" in r.stdout


def test_check_missing_or_broken_file(tmp_path):
    r = run(tmp_path, "forms", "check", str(tmp_path / "nope.xlsx"))
    assert r.returncode == 2 and "does not exist" in r.stderr and "Traceback" not in r.stderr
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    r = run(tmp_path, "forms", "check", str(bad), lang="vi")
    assert r.returncode == 2 and "không phải tệp .xlsx" in r.stderr
