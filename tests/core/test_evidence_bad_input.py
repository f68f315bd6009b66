"""Bad input during a test: a modem that stops answering, a GPS that loses its fix, a neighbour list with garbage.
The test completes, the passport records what happened, the verdict says what was missing, nothing is lost."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from modem_support import wait_until

from survey_app.devices.emulator.modem_emulator import ModemEmulator
from survey_app.devices.emulator.nmea_emulator import NmeaEmulator
from survey_app.speedtest.server import LocalSpeedTestServer
from survey_app.storage.driver import connect_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def devices(tmp_path):
    modem = ModemEmulator("quectel_lte", tmp_path / "ttyM", seed=5).start()
    gps = NmeaEmulator(tmp_path / "ttyG").start()
    server = LocalSpeedTestServer(rate_mbps=4).start()
    yield modem, gps, server
    server.stop()
    gps.stop()
    modem.stop()


def _start(home: Path, modem, gps, server, lang: str = "en") -> subprocess.Popen:
    env = dict(os.environ, SURVEY_APP_HOME=str(home), SURVEY_APP_LANG=lang)
    return subprocess.Popen([sys.executable, "-m", "survey_app", "speedtest", "--server", server.base_url,
                             "--duration", "4", "--modem", str(modem.link), "--gps", str(gps.link), "--environment",
                             "outdoor_fixed", "--placement", "handheld", "--json"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _under_way(modem, polls: int = 3):
    wait_until(lambda: modem.commands_seen.count('AT+QENG="servingcell"') >= polls)


def _finish(proc, home: Path) -> tuple[dict, tuple]:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "Traceback" not in err, err
    data = json.loads(out)
    row = connect_file(home / "survey.db").execute(
        "SELECT status, verdict, verdict_reasons, json_array_length(passport, '$.records') FROM speed_tests").fetchone()
    return data, row


def test_a_modem_that_stops_answering_mid_test(devices, tmp_path):
    modem, gps, server = devices
    proc = _start(tmp_path / "home", modem, gps, server)
    _under_way(modem)
    with modem.fault_lock:
        modem.silent_next = 10 ** 6  # every later command unanswered
    data, row = _finish(proc, tmp_path / "home")
    assert data["status"] == "ok" and data["download_mbps"] > 0  # the test itself completed
    kinds = [e["kind"] for e in data["passport"]["events"]]
    assert "modem_silent" in kinds
    reason = next(r for r in data["verdict"]["reasons"] if r["code"] == "modem_present")
    assert reason["params"]["seconds_without_cell"] >= 3 and reason["params"]["seconds"] >= 7
    assert row[:2] == ("ok", "invalid") and "modem_present" in row[2] and row[3] == len(data["passport"]["records"])
    with_cell = [r for r in data["passport"]["records"] if r.get("pci") is not None]
    assert with_cell and all(r.get("pci") == 215 for r in with_cell)  # the seconds before it fell silent are kept


def test_a_gps_that_loses_its_fix_mid_test(devices, tmp_path):
    modem, gps, server = devices
    proc = _start(tmp_path / "home", modem, gps, server, lang="vi")
    _under_way(modem)
    gps.has_fix = False
    data, row = _finish(proc, tmp_path / "home")
    assert data["status"] == "ok"
    assert "gps_silent" in [e["kind"] for e in data["passport"]["events"]]
    reason = next(r for r in data["verdict"]["reasons"] if r["code"] == "position_present")
    assert reason["params"]["seconds_without_position"] >= 3
    assert any(r.get("lat") is not None for r in data["passport"]["records"])  # positions before the loss are kept
    assert row[1] == "invalid"


def test_a_neighbour_list_with_garbage(devices, tmp_path):
    modem, gps, server = devices
    modem.overrides['AT+QENG="NEIGHBOURCELL"'] = [
        '+QENG: "neighbourcell intra","LTE",1650,87,-12,-97,-70,5,23,4,12,10,62',
        '+QENG: "neighbourcell intra","LTE",ZZZ,,',
        '+QENG: "neighbourcell",\x7f\x01garbage',
        '+QENG: "neighbourcell inter","LTE",9360,12,-14,-104,-75,2,9,0,10,7']
    proc = _start(tmp_path / "home", modem, gps, server)
    data, row = _finish(proc, tmp_path / "home")
    assert data["status"] == "ok"
    recs = [r for r in data["passport"]["records"] if r.get("pci") is not None]
    assert recs and all([n["pci"] for n in r.get("neighbours")] == [87, 12] for r in recs)  # readable lines kept
    assert all(any("unreadable line" in f for f in r.get("modem_failures") or []) for r in recs)
    assert "modem_present" not in {r["code"] for r in data["verdict"]["reasons"]}  # the serving cell was read
    assert row[0] == "ok"
