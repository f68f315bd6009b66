"""`survey-app modem read|log` and `gps read` against emulated devices, as a user runs them."""
from __future__ import annotations

import json
import os
import signal
from survey_app.storage.driver import connect_file
import subprocess
import sys
import time
from datetime import datetime

import pytest
from modem_support import expect_values

from survey_app.devices.emulator.modem_emulator import ModemEmulator
from survey_app.devices.emulator.nmea_emulator import NmeaEmulator
from survey_app.devices.emulator.profiles import PROFILES


def _cli(home, *args, **kw):
    env = dict(os.environ, SURVEY_APP_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "survey_app", "--lang", "en", *args], env=env, capture_output=True,
                          text=True, timeout=60, **kw)


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_modem_read_json_per_profile(tmp_path, name):
    emu = ModemEmulator(name, tmp_path / "ttyEMU0").start()
    try:
        r = _cli(tmp_path / "home", "modem", "read", "--port", str(emu.link), "--json")
        assert r.returncode == 0, r.stderr
        data = json.loads(r.stdout)
        expect_values(data, emu.profile.expected)  # identities, neighbour cells and CA carriers as the transcript says
        st = emu.state()  # the emulator's signal at about the same moment: within its drift and rounding
        rsrp = data["rsrp_dbm"]
        assert rsrp is not None and abs(rsrp - st.rsrp) < 4
        for key in ("manufacturer", "model", "revision", "technology", "mcc", "mnc", "operator", "rssi_dbm",
                    "rsrp_dbm", "rsrq_db", "sinr_db", "rscp_dbm", "ecio_db", "band", "arfcn", "pci", "cell_id",
                    "tac", "lac", "nr_rsrp_dbm", "nr_rsrq_db", "nr_sinr_db", "nr_band", "nr_arfcn", "nr_pci", "raw"):
            assert key in data
        assert "IMEI" not in r.stdout and "867" not in data["raw"]
    finally:
        emu.stop()


def test_modem_read_bad_ports(tmp_path):
    r = _cli(tmp_path / "home", "modem", "read", "--port", str(tmp_path / "nothing"))
    assert r.returncode == 2 and "does not exist" in r.stderr and "Traceback" not in r.stderr
    gps = NmeaEmulator(tmp_path / "ttyGPS0", period_s=0.3).start()
    try:
        r = _cli(tmp_path / "home", "modem", "read", "--port", str(gps.link), "--timeout", "0.5")
        assert r.returncode == 2 and "does not answer AT" in r.stderr
    finally:
        gps.stop()


def test_modem_read_without_sim(tmp_path):
    emu = ModemEmulator("quectel_lte", tmp_path / "ttyEMU0").start()
    emu.sim_present = False
    try:
        data = json.loads(_cli(tmp_path / "home", "modem", "read", "--port", str(emu.link), "--json").stdout)
        assert data["sim"] is False and data["rsrp_dbm"] is None and data["technology"] is None
    finally:
        emu.stop()


def test_gps_read_counts_bad_checksums(tmp_path):
    gps = NmeaEmulator(tmp_path / "ttyGPS0", period_s=0.2).start()
    gps.bad_every = 2
    try:
        data = json.loads(_cli(tmp_path / "home", "gps", "read", "--port", str(gps.link), "--json").stdout)
        assert data["fix"] and abs(data["lat"] - 16.4637) < 0.001 and abs(data["lon"] - 107.5909) < 0.001
        assert data["satellites"] == 9 and data["hdop"] == pytest.approx(0.9) and data["accuracy_m"] == 4.5
        assert data["bad_checksums"] >= 1
    finally:
        gps.stop()


def _parse(ts: str) -> float:
    return datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp()


def _session(home) -> str:
    """A new session in unit 19753 (through the CLI); its id."""
    return json.loads(_cli(home, "sessions", "new", "--unit", "19753", "--team", "A", "--surveyor", "Lan",
                           "--json").stdout)["id"]


def _modem_log(home, emu, *options: str, stderr=subprocess.DEVNULL) -> subprocess.Popen:
    """`survey-app modem log` polling the emulator every 0.5 s in its own process (stdout: a line a reading)."""
    env = dict(os.environ, SURVEY_APP_HOME=str(home))
    return subprocess.Popen([sys.executable, "-m", "survey_app", "--lang", "en", "modem", "log", "--port",
                             str(emu.link), "--interval", "0.5", *options], env=env,
                            stdout=subprocess.PIPE, stderr=stderr, text=True)


def test_kill_9_while_logging_keeps_every_reading_but_the_last_second(tmp_path):
    home = tmp_path / "home"
    sid = _session(home)
    emu = ModemEmulator("quectel_lte", tmp_path / "ttyEMU0").start()
    proc = _modem_log(home, emu, "--session", sid)
    printed = []
    try:
        deadline = time.monotonic() + 40
        while len(printed) < 12 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line.strip():
                printed.append(line.split()[0])
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        proc.stdout.close()
        emu.stop()
    assert len(printed) >= 12
    db = connect_file(home / "survey.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {r[0] for r in db.execute("SELECT measured_at FROM signal_readings WHERE session_id = ?", [sid])}
    last = _parse(printed[-1])
    must_have = [t for t in printed if _parse(t) <= last - 1.0]
    assert must_have and set(must_have) <= stored
    assert db.execute("SELECT count(*) FROM signal_readings WHERE unit_code = '19753' AND code_set = 'VN-2025-07'"
                      ).fetchone()[0] == len(stored)


def test_log_resumes_within_5_s_after_replug(tmp_path):
    home = tmp_path / "home"
    emu = ModemEmulator("simcom_lte", tmp_path / "ttyEMU0").start()
    proc = _modem_log(home, emu, "--duration", "25")
    try:
        for _ in range(3):
            proc.stdout.readline()
        emu.unplug()
        time.sleep(2.0)
        emu.plug()
        back = time.time()
        line = ""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line.strip() and _parse(line.split()[0]) > back:
                break
        assert line.strip() and _parse(line.split()[0]) - back < 5.0
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(15)
        proc.stdout.close()
        emu.stop()


def test_handover_log_while_logging_signal(tmp_path):
    home = tmp_path / "home"
    sid = _session(home)
    emu = ModemEmulator("sierra_lte", tmp_path / "ttyEMU0").start()
    proc = _modem_log(home, emu, "--duration", "30", "--session", sid, stderr=subprocess.PIPE)
    try:
        for _ in range(3):
            proc.stdout.readline()
        emu.handover(1)
        line = ""
        while "cell change" not in line:
            line = proc.stdout.readline()
            assert line, "the log ended without a cell change"
        proc.send_signal(signal.SIGINT)  # Ctrl+C, as the surveyor stops it
        _out, err = proc.communicate(timeout=15)
    finally:
        emu.stop()
    assert "Viettel LTE B3 PCI 404 -> Viettel LTE B3 PCI 402" in line and "1 cell changes logged" in err
    assert proc.returncode == 0 and "readings stored" in err and "Traceback" not in err  # Ctrl+C is how it stops
    db = connect_file(home / "survey.db")
    rows = db.execute("SELECT kind, from_pci, to_pci, from_cell_id, to_cell_id, session_id, unit_code, sync_state "
                      "FROM cell_changes").fetchall()
    assert rows == [("handover", 404, 402, 0x01A2D101, 0x01A2D102, sid, "19753", "pending")]
