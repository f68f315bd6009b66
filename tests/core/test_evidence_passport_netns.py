"""A speed test through the emulated modem while the emulated GPS moves along a track, over a shaped link whose
client interface is a modem's (wwan*): one passport record per second with the right cell and position, a
handover as an event, and the verdict failing the rule it should (moved too far, position too coarse) and
passing when it should. The CLI runs in the client namespace, as a surveyor's laptop would."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from modem_support import wait_until
from netns_link import ShapedLink, available

from survey_app.devices.emulator.modem_emulator import ModemEmulator
from survey_app.devices.emulator.nmea_emulator import NmeaEmulator
from survey_app.evidence.geo import distance_m
from survey_app.evidence.metrics import local_hour
from survey_app.evidence.rules import evaluate, load_rules
from survey_app.storage.driver import connect_file

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.netns
LAT0, LON0 = 16.4637, 107.5909  # Phú Xuân ward
SERVER_AT = "16.4620,107.5850"  # the city's server, 650 m away


@pytest.fixture(scope="module")
def link():
    if not available():
        pytest.skip("needs root, ip and tc")
    lk = ShapedLink(f"p{os.getpid()}", client_prefix="wwan")
    try:
        lk.up()
    except OSError as exc:
        pytest.skip(f"cannot create network namespaces here: {exc}")
    lk.shape(20, 32 * 1024)
    server = lk.server_process(ROOT)
    base = server.stdout.readline().strip()
    yield lk, base
    lk.stop_server(server)
    lk.down()


def _run(link, tmp_path, track, *options, hdop: float | None = None, during=None) -> dict:
    """One CLI speed test in the client namespace with an emulated modem and a GPS along `track`; `during(modem)`
    acts while it runs. Returns its --json output."""
    lk, base = link
    modem = ModemEmulator("quectel_lte", tmp_path / "ttyM", seed=3).start()
    gps = NmeaEmulator(tmp_path / "ttyG", track=track)
    gps.hdop = hdop or gps.hdop
    gps.start()
    env = dict(os.environ, SURVEY_APP_HOME=str(tmp_path / "home"), SURVEY_APP_LANG="en")
    try:
        proc = subprocess.Popen(["ip", "netns", "exec", lk.client_ns, sys.executable, "-m", "survey_app", "speedtest",
                                 "--server", base, "--duration", "5", "--modem", str(modem.link), "--gps",
                                 str(gps.link), "--server-location", SERVER_AT, "--json", *options], env=env, cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if during:
            during(modem)
        out, err = proc.communicate(timeout=120)
    finally:
        modem.stop()
        gps.stop()
    assert proc.returncode == 0, err
    return json.loads(out)


def _measuring(data: dict) -> list[dict]:
    return [r for r in data["passport"]["records"] if r["phase"] in ("latency", "download", "upload")]


def _codes(data: dict) -> set[str]:
    return {r["code"] for r in data["verdict"]["reasons"]}


def _of_the_hour(data: dict) -> set[str]:
    """The time-of-day rule's code when this run happened outside 06-22 h in Huế (the suite runs at any hour;
    test_the_time_of_day_rule pins the rule itself to fixed times)."""
    hour = local_hour(data["started_at"])
    return set() if 6 <= hour < 22 else {"time_of_day"}


def test_the_time_of_day_rule():
    rules = load_rules()
    for utc, outside in (("2026-12-03T05:00:00.000Z", False), ("2026-12-02T23:00:00.000Z", False),
                         ("2026-12-03T14:59:00.000Z", False), ("2026-12-03T15:00:00.000Z", True),
                         ("2026-12-03T15:22:00.000Z", True), ("2026-12-02T22:59:00.000Z", True)):
        codes = {r["code"] for r in evaluate({"local_hour": local_hour(utc)}, rules)["reasons"]}
        assert ("time_of_day" in codes) is outside, utc
    assert local_hour("2026-12-03T15:22:00.000Z") == 22 + 22 / 60 and local_hour("not a time") is None


def test_standing_still_outdoors_is_valid_evidence(link, tmp_path):
    data = _run(link, tmp_path, lambda t: (LAT0, LON0), "--environment", "outdoor_fixed", "--placement", "handheld")
    assert data["status"] == "ok" and data["interface"].startswith("wwan") and data["interface_kind"] == "modem"
    hour = _of_the_hour(data)
    assert _codes(data) == hour and data["verdict"]["valid"] is (not hour)
    assert data["verdict"]["rules_version"] == "hue-evidence-rules/1"
    assert (data["operator"], data["technology"]) == ("Viettel", "LTE")  # from the modem the test ran over
    assert 0.4 < data["server"]["distance_km"] < 0.9 and data["address_family"] == "IPv4"
    recs = _measuring(data)
    ts = [r["t"] for r in data["passport"]["records"]]
    assert all(0.9 <= b - a <= 1.1 for a, b in zip(ts, ts[1:-1]))  # one record a second (the last at the end)
    assert len(ts) >= data["download_s"] + data["upload_s"]
    for r in recs:
        assert distance_m(r.get("lat"), r.get("lon"), LAT0, LON0) < 1 and r.get("accuracy_m") == 4.5
        assert (r.get("pci"), r.get("cell_id"), r.get("band"), r.get("nr_mode")) == (215, 0x1A2D01F, "B3", None)
        assert [n["pci"] for n in r.get("neighbours")] == [87, 301] and r.get("carriers")[0]["role"] == "pcc"
    db = connect_file(tmp_path / "home" / "survey.db")
    row = db.execute("SELECT verdict, verdict_reasons, environment, in_vehicle, operator, technology, "
                     "json_array_length(passport, '$.records') FROM speed_tests").fetchone()
    assert row[0] == ("invalid" if hour else "valid") and json.loads(row[1]) == data["verdict"]["reasons"]
    assert row[2:] == ("outdoor_fixed", 0, "Viettel", "LTE", len(data["passport"]["records"]))


def test_walking_away_with_a_handover_fails_distance_speed_and_cell_rules(link, tmp_path):
    def handover_under_way(modem):
        wait_until(lambda: modem.commands_seen.count('AT+QENG="neighbourcell"') >= 5)  # the test is under way
        modem.handover(1)

    data = _run(link, tmp_path, lambda t: (LAT0 + 12 * t / 111_195, LON0), "--environment", "outdoor_fixed",
                during=handover_under_way)  # 12 m/s northwards
    assert data["status"] == "ok"
    assert {"distance_moved", "speed", "handovers"} <= _codes(data) and "position_accuracy" not in _codes(data)
    [ev] = [e for e in data["passport"]["events"] if e["kind"] == "handover"]
    assert (ev["before"]["pci"], ev["after"]["pci"], ev["after"]["cell_id"]) == (215, 87, 0x1A2D020)
    recs = _measuring(data)
    assert all(r.get("pci") == 215 for r in recs if r["t"] < ev["t"] - 1.2)
    assert all(r.get("pci") == 87 for r in recs if r["t"] > ev["t"] + 1.2)
    assert {n["pci"] for n in recs[-1].get("neighbours", [])} == {215, 301}  # the old cell is a neighbour now
    for a, b in zip(recs, recs[1:]):  # positions along the track: about 12 m a second, northwards
        assert b["lat"] >= a["lat"] and abs(b["lon"] - LON0) < 1e-6
    moved = next(r for r in data["verdict"]["reasons"] if r["code"] == "distance_moved")["params"]
    assert moved["value"] > 60 and moved["max"] == 30


def test_a_coarse_position_fails_the_accuracy_rule_only(link, tmp_path):
    # HDOP 20 (100 m): a receiver that has not settled, or a poor view of the sky
    data = _run(link, tmp_path, lambda t: (LAT0, LON0), "--environment", "indoor", "--placement", "handheld",
                hdop=20.0)
    assert data["verdict"]["valid"] is False and _codes(data) == {"position_accuracy"} | _of_the_hour(data)
    [reason] = [r for r in data["verdict"]["reasons"] if r["code"] == "position_accuracy"]
    assert reason["params"] == {"value": 100.0, "max": 50}
