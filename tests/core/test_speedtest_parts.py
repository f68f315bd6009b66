"""Storage of results, interface classification and the speedtest-cli guard."""
from __future__ import annotations

import subprocess
import sys

from survey_app.clock import new_id
from survey_app.models.base import Position
from survey_app.speedtest.interfaces import classify, list_interfaces
from survey_app.speedtest.model import Server, SpeedTestResult, latency_stats, rate_mbps
from survey_app.speedtest.reasons import Reason
from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session
from survey_app.storage.speedtests import get_test, insert_result, list_for_household, list_for_session


def _session(db):
    code = db.execute("SELECT code FROM units ORDER BY code LIMIT 1").fetchone()[0]
    return new_session(db, context_for(db, "An"), unit_code=code, team="T1", surveyors=["An"])


def test_failed_result_is_stored_without_rates_and_listed(db):
    session = _session(db)
    ctx = context_for(db, "An")
    failed = SpeedTestResult(status="failed", server=Server("http://x/", "librespeed"), started_at="2026-01-01T00:00:00Z",
                             ended_at="2026-01-01T00:00:01Z", reason=Reason("refused", {"host": "x", "phase": "ping"}),
                             download_mbps=0.0, upload_mbps=0.0)
    ok = SpeedTestResult(status="ok", server=Server("http://x/upload.php", "ookla", name="x"),
                         started_at="2026-01-01T00:01:00Z", ended_at="2026-01-01T00:01:21Z", download_mbps=12.5,
                         upload_mbps=3.25, ping_ms=20.0, jitter_ms=1.5, samples={"idle_ping_ms": [20.0] * 10},
                         interface_name="wwan0", interface_kind="modem")
    pos = Position(16.46, 107.59, "gps", 5.0, "2026-01-01T00:00:59Z")
    fid = insert_result(db, ctx, failed, session=session)
    oid = insert_result(db, ctx, ok, session=session, position=pos, household_id="hh-1")
    rows = list_for_session(db, session.id)
    assert [r["id"] for r in rows] == [oid, fid]
    f = get_test(db, fid)
    assert f["status"] == "failed" and f["download_mbps"] is None and f["upload_mbps"] is None
    assert f["error"] == "The server x refused the connection during the latency test." and f["error_code"] == "refused"
    assert f["unit_code"] == session.unit_code and f["code_set"] == "VN-2025-07"
    o = get_test(db, oid)
    assert o["download_mbps"] == 12.5 and o["lat"] == 16.46 and o["position_source"] == "gps"
    assert o["samples"]["idle_ping_ms"] == [20.0] * 10 and o["interface_kind"] == "modem"
    assert o["sync_state"] == "pending" and o["revision"] == 1
    assert [r["id"] for r in list_for_household(db, "hh-1")] == [oid]


def _readings(db, session, ctx, rows):
    db.table("signal_readings").insert_all(ctx.stamp({
        "id": new_id(), "session_id": session.id, "unit_code": session.unit_code, "code_set": "VN-2025-07",
        "modem_id": modem, "measured_at": at, "operator": op, "technology": tech, "raw": "+QENG"})
        for modem, at, op, tech in rows)


def test_a_test_over_a_modem_takes_the_network_of_the_modem_read_during_it(db):
    session, ctx = _session(db), context_for(db, "An")

    def stored(kind, start, end):
        result = SpeedTestResult(status="ok", server=Server("http://x/", "librespeed"), started_at=start,
                                 ended_at=end, download_mbps=30.0, upload_mbps=8.0, interface_name="wwan0",
                                 interface_kind=kind)
        t = get_test(db, insert_result(db, ctx, result, session=session))
        return t["operator"], t["technology"]

    _readings(db, session, ctx, [("m1", "2026-01-01T00:00:40.000Z", "Viettel", "LTE"),       # 20 s before
                                 ("m1", "2026-01-01T00:01:10.000Z", "Viettel", "NR-NSA"),    # during: latest
                                 ("m1", "2026-01-01T00:05:00.000Z", "VinaPhone", "LTE")])    # after
    assert stored("modem", "2026-01-01T00:01:00.000Z", "2026-01-01T00:01:21.000Z") == ("Viettel", "NR-NSA")
    assert stored("wifi", "2026-01-01T00:01:00.000Z", "2026-01-01T00:01:21.000Z") == (None, None)
    assert stored("modem", "2026-01-01T00:03:00.000Z", "2026-01-01T00:03:21.000Z") == (None, None)  # none read
    _readings(db, session, ctx, [("m2", "2026-01-01T00:01:05.000Z", "MobiFone", "LTE")])           # a second modem
    assert stored("modem", "2026-01-01T00:01:00.000Z", "2026-01-01T00:01:21.000Z") == (None, None)
    plan = db.execute("EXPLAIN QUERY PLAN SELECT modem_id FROM signal_readings WHERE session_id IS ? "
                      "AND measured_at >= ? AND measured_at <= ?", ["s", "a", "b"]).fetchall()
    assert "signal_readings_session" in str(plan)


def test_interface_kinds(tmp_path):
    (tmp_path / "wlp2s0" / "wireless").mkdir(parents=True)
    assert classify("wlp2s0", tmp_path) == "wifi"
    for name, kind in [("wwan0", "modem"), ("usb0", "modem"), ("cdc-wdm0", "modem"), ("ppp0", "modem"),
                       ("wlan0", "wifi"), ("enp3s0", "ethernet"), ("eth0", "ethernet"), ("lo", "loopback"),
                       ("docker0", "other")]:
        assert classify(name, tmp_path) == kind, name
    names = {i.name: i for i in list_interfaces()}
    assert "lo" in names and "127.0.0.1" in names["lo"].addresses


def test_latency_and_rate_maths():
    median, low, jitter = latency_stats([10.0, 12.0, 11.0, 15.0])
    assert (median, low) == (11.5, 10.0) and abs(jitter - (2 + 1 + 4) / 3) < 1e-9
    assert latency_stats([]) == (None, None, None)
    series = [(0.0, 0), (1.0, 10_000_000), (2.0, 11_250_000), (3.0, 12_500_000)]
    assert rate_mbps(series, 1.0) == 10.0  # the 1 s warm-up burst is left out
    assert rate_mbps(series, 5.0) is None
    # counts that arrive in 1 s lumps of 1.25 MB (10 Mbit/s on average), window ending just after a lump
    lumpy = [(i * 0.25, 1_250_000 * (int(i * 0.25) + 1)) for i in range(0, 32)]
    assert abs(rate_mbps(lumpy, 0.0) - 10.0) > 0.5  # endpoints land on different phases of the lumps
    assert abs(rate_mbps(lumpy, 0.0, fit=True) - 10.0) < 0.25


def test_speedtest_cli_imports_where_stdout_is_none(tmp_path):
    code = ("import sys; sys.stdout = None; sys.stderr = None\n"
            "from survey_app.speedtest.ookla_cli import import_speedtest\n"
            "m = import_speedtest()\n"
            "assert sys.stdout is None\n"
            "open(sys.argv[1], 'w').write(m.__version__)\n")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "v")], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "v").read_text() == "2.1.3"
    naive = subprocess.run([sys.executable, "-c", "import sys; sys.stdout = None; import speedtest"],
                           capture_output=True, text=True, timeout=60)
    assert naive.returncode != 0  # why the guard exists


def test_given_server_client_needs_no_speedtest_net():
    from survey_app.speedtest.ookla_cli import given_server_client

    client = given_server_client("http://127.0.0.1:9/speedtest/upload.php", timeout=2)
    assert client.best["url"].endswith("/speedtest/upload.php")
    assert client.config["threads"]["download"] == 8 and client.config["length"]["upload"] == 10


def test_demo_starter_serves_and_becomes_the_default(tmp_path):
    import urllib.request

    from survey_app.settings import Settings
    from survey_app.demo.speedtest import start as start_demo

    settings = Settings()
    server = start_demo(tmp_path, settings)
    try:
        assert settings.speedtest_protocol == "librespeed" and settings.speedtest_server == server.base_url
        with urllib.request.urlopen(server.base_url + "getIP.php", timeout=5) as resp:
            assert "127.0.0.1" in resp.read().decode()
    finally:
        server.stop()


def test_unknown_host_is_a_clear_failure(english):
    from survey_app.speedtest.measurement import run_speedtest

    gen = run_speedtest("http://no-such-host.invalid/", "librespeed", duration_s=1, timeout_s=3)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            res = stop.value
            break
    assert res.status == "failed" and res.reason.code == "no_name" and "cannot be resolved" in res.error


def test_psutil_listing_agrees_with_linux_listing():
    """The Windows/macOS path (psutil) finds the same loopback address as the Linux path."""
    from survey_app.speedtest.interfaces import _with_psutil

    other = _with_psutil()
    lo = next(i for i in other.values() if "127.0.0.1" in i.addresses)
    assert lo.kind == "loopback" and lo.ipv4 == "127.0.0.1"
    for name, kind in [("Wi-Fi", "wifi"), ("Cellular", "modem"), ("Ethernet 2", "ethernet"),
                       ("Mobile broadband", "modem")]:
        assert classify(name) == kind, name
