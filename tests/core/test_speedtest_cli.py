"""`survey-app speedtest` as a user runs it: subprocess, real local server, real database."""
from __future__ import annotations

import json
from survey_app.storage.driver import connect_file, sqlite

import pytest

from survey_app.speedtest.server import LocalSpeedTestServer

LANG = "en"  # settings override SURVEY_APP_LANG in the CLI, so ask for English explicitly
KEYS = {"status", "download_mbps", "upload_mbps", "ping_ms", "jitter_ms", "loaded_ping_download_ms",
        "loaded_ping_upload_ms", "bytes_received", "bytes_sent", "server", "interface", "started_at", "ended_at",
        "error"}


@pytest.fixture
def server():
    with LocalSpeedTestServer(rate_mbps=20) as srv:
        yield srv


def _open_session(cli):
    units = json.loads(cli("units", "--json", check=True).stdout)
    out = cli("sessions", "new", "--unit", units[0]["code"], "--team", "T1", "--surveyor", "An", "--json",
              check=True)
    return json.loads(out.stdout)


def _rows(home):
    con = connect_file(home / "survey.db")
    con.row_factory = sqlite.Row
    try:
        return [dict(r) for r in con.execute("SELECT * FROM speed_tests ORDER BY started_at")]
    finally:
        con.close()


@pytest.mark.parametrize("protocol", ["librespeed", "ookla"])
def test_ok_test_prints_json_and_is_stored_in_the_open_session(cli, home, server, protocol):
    session = _open_session(cli)
    out = cli("--lang", LANG, "speedtest", "--server", server.url_for(protocol), "--protocol", protocol,
              "--duration", "1.5", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert KEYS <= set(data)
    assert data["status"] == "ok" and data["error"] is None
    assert data["download_mbps"] > 5 and data["upload_mbps"] > 5
    assert {"url", "name", "protocol"} <= set(data["server"]) and data["server"]["protocol"] == protocol
    assert session["id"][:8] in out.stderr  # says where it was stored
    rows = _rows(home)
    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == data["id"] and row["session_id"] == session["id"]
    assert row["unit_code"] == session["unit_code"] and row["code_set"] == "VN-2025-07"
    assert row["download_mbps"] == data["download_mbps"] and row["protocol"] == protocol
    assert row["status"] == "ok" and json.loads(row["samples"])["idle_ping_ms"]


def test_protocol_is_guessed_from_an_upload_php_url(cli, home, server):
    out = cli("--lang", LANG, "speedtest", "--server", server.ookla_url, "--duration", "1", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["server"]["protocol"] == "ookla"


def test_failed_test_exits_1_and_is_stored_as_failed_without_rates(cli, home):
    session = _open_session(cli)
    srv = LocalSpeedTestServer("refuse").start()
    out = cli("speedtest", "--server", srv.base_url, "--duration", "1", "--json")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["status"] == "failed" and "từ chối kết nối" in data["error"]  # Vietnamese by default
    assert data["download_mbps"] is None
    row = _rows(home)[0]
    assert row["status"] == "failed" and row["download_mbps"] is None and row["upload_mbps"] is None
    assert row["error_code"] == data["error_code"] == "refused" and row["session_id"] == session["id"]
    assert "refused the connection" in row["error"]   # the export's wording is English


def test_nonexistent_interface_is_a_clear_failure(cli, home, server):
    out = cli("--lang", LANG, "speedtest", "--server", server.base_url, "--interface", "nosuch9", "--duration", "1")
    assert out.returncode == 1
    assert "The network interface nosuch9 does not exist" in out.stdout
    assert _rows(home)[0]["interface_name"] == "nosuch9"


def test_closed_session_is_refused_before_measuring(cli, home, server):
    session = _open_session(cli)
    cli("sessions", "close", session["id"], check=True)
    out = cli("--lang", LANG, "speedtest", "--server", server.base_url, "--session", session["id"],
              "--duration", "1")
    assert out.returncode == 2 and "closed" in out.stderr and "Traceback" not in out.stderr
    assert _rows(home) == []


def test_without_an_open_session_it_is_stored_without_one_and_says_so(cli, home, server):
    out = cli("--lang", LANG, "speedtest", "--server", server.base_url, "--duration", "1")
    assert out.returncode == 0, out.stderr
    assert "stored without a session" in out.stderr and "Download:" in out.stdout
    assert _rows(home)[0]["session_id"] is None


def test_bad_duration_is_refused(cli, server):
    out = cli("--lang", LANG, "speedtest", "--server", server.base_url, "--duration", "0")
    assert out.returncode == 2 and "between 1 and 120" in out.stderr
