"""The CLI as a user runs it: a subprocess on an isolated home."""
from __future__ import annotations

import json
import os

import pytest


def test_version(cli):
    from survey_app import __version__

    out = cli("--version")
    assert out.returncode == 0 and __version__ in out.stdout


def test_units_json_lists_the_40_official_units(cli):
    out = cli("units", "--json")
    assert out.returncode == 0, out.stderr
    units = json.loads(out.stdout)
    assert len(units) == 40
    by_code = {u["code"]: u for u in units}
    assert by_code["19753"]["name"] == "Phường Phú Xuân"
    assert by_code["19753"]["kind"] == "ward"
    assert sum(u["kind"] == "commune" for u in units) == 19
    assert all(len(u["code"]) == 5 and u["code"].isdigit() for u in units)


def test_sessions_new_list_close(cli):
    made = cli("sessions", "new", "--unit", "19819", "--team", "Tổ Phong Điền", "--surveyor", "Hoa",
               "--surveyor", "Nam", "--json")
    assert made.returncode == 0, made.stderr
    s = json.loads(made.stdout)
    assert s["unit_name"] == "Phường Phong Điền" and s["status"] == "open" and s["surveyors"] == ["Hoa", "Nam"]
    listed = json.loads(cli("sessions", "list", "--json").stdout)
    assert [x["id"] for x in listed] == [s["id"]]
    closed = cli("sessions", "close", s["id"], "--json")
    assert closed.returncode == 0 and json.loads(closed.stdout)["status"] == "closed"
    again = cli("sessions", "close", s["id"])
    assert again.returncode == 2 and "đã đóng" in again.stderr and "Traceback" not in again.stderr


def test_unknown_unit_message_in_both_languages(cli):
    vi = cli("sessions", "new", "--unit", "12345", "--team", "T", "--surveyor", "A")
    assert vi.returncode == 2 and "Mã đơn vị không tồn tại: 12345" in vi.stderr
    en = cli("--lang", "en", "sessions", "new", "--unit", "12345", "--team", "T", "--surveyor", "A")
    assert en.returncode == 2 and "Unknown unit code: 12345" in en.stderr
    assert json.loads(cli("sessions", "list", "--json").stdout) == []


def test_unwritable_home_is_reported(cli, tmp_path):
    if os.geteuid() == 0:
        target = "/proc/survey-app-home"  # not writable even for root
    else:
        target = str(tmp_path / "ro")
        os.mkdir(target, 0o500)
    out = cli("--home", target, "units")
    assert out.returncode == 2
    assert "Không ghi được vào thư mục dữ liệu" in out.stderr and "Traceback" not in out.stderr


def test_corrupt_database_reported_by_cli(cli, home):
    (home / "survey.db").write_bytes(b"garbage" * 1000)
    out = cli("sessions", "list")
    assert out.returncode == 2 and "bị hỏng" in out.stderr and "Traceback" not in out.stderr
    assert (home / "survey.db").read_bytes() == b"garbage" * 1000


def test_database_locked_by_another_writer_is_reported(cli, home):
    from survey_app.storage.driver import connect_file

    assert cli("units").returncode == 0
    holder = connect_file(home / "survey.db")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        out = cli("sessions", "new", "--unit", "19753", "--team", "T", "--surveyor", "A")
    finally:
        holder.rollback()
        holder.close()
    assert out.returncode == 2 and "đang được một cửa sổ khác" in out.stderr and "Traceback" not in out.stderr
    assert cli("sessions", "new", "--unit", "19753", "--team", "T", "--surveyor", "A").returncode == 0


def test_language_precedence_flag_env_settings(cli, home):
    from survey_app.settings import Settings

    Settings(language="en").save(home / "settings.json")
    bad = ("sessions", "new", "--unit", "1", "--team", "T", "--surveyor", "A")
    assert "Unknown unit code" in cli(*bad).stderr                      # settings
    assert "Mã đơn vị không tồn tại" in cli(*bad, lang="vi").stderr     # SURVEY_APP_LANG beats settings
    assert "Unknown unit code" in cli("--lang", "en", *bad, lang="vi").stderr  # --lang beats both
