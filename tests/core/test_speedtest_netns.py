"""In a network namespace of the test's own: accuracy on a tc-shaped link, and a computer with no network at all."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.netns

INSIDE = r"""
import json, subprocess, sys, threading
from survey_app.i18n import set_language
from survey_app.speedtest.measurement import run_speedtest
from survey_app.speedtest.server import LocalSpeedTestServer
set_language("en")
def drive(gen):
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value
mode = sys.argv[1]
if mode == "nonet":
    res = drive(run_speedtest("http://10.99.1.1/", "librespeed", duration_s=1, timeout_s=2))
else:
    for cmd in (["ip", "link", "set", "lo", "mtu", "1500", "up"], ["ip", "link", "set", "lo", "gso_max_segs", "1"],
                ["tc", "qdisc", "replace", "dev", "lo", "root", "tbf", "rate", "10mbit", "burst", "65536",
                 "latency", "50ms"]):
        subprocess.run(cmd, check=True)
    if mode == "fallback":  # count uploads as where TCP_INFO is missing (Windows, macOS)
        from survey_app.speedtest import httpio
        httpio.tcp_acks_supported = lambda: False
        mode = "librespeed"
    with LocalSpeedTestServer() as srv:
        res = drive(run_speedtest(srv.url_for(mode), mode, duration_s=4, timeout_s=5))
    assert res.samples["upload_counted_as"] == ("sent_small_buffer" if sys.argv[1] == "fallback" else "tcp_acked")
print(json.dumps(res.to_json()))
"""


@pytest.fixture
def netns():
    if os.geteuid() != 0 or not shutil.which("ip") or not shutil.which("tc"):
        pytest.skip("needs root, ip and tc")
    name = f"svy_speedtest_t{os.getpid()}"
    if subprocess.run(["ip", "netns", "add", name], capture_output=True).returncode:
        pytest.skip("cannot create a network namespace here")
    yield name
    subprocess.run(["ip", "netns", "del", name], capture_output=True)


def _inside(ns: str, mode: str) -> dict:
    out = subprocess.run(["ip", "netns", "exec", ns, sys.executable, "-c", INSIDE, mode], capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("protocol", ["librespeed", "ookla", "fallback"])
def test_shaped_10_mbit_link_is_measured_within_10_percent(netns, protocol):
    res = _inside(netns, protocol)
    assert res["status"] == "ok", res["error"]
    # tbf counts whole frames, so TCP payload tops out near 0.95 of the shaped rate
    assert 9.0 <= res["download_mbps"] <= 10.0
    assert 9.0 <= res["upload_mbps"] <= 10.0
    assert res["loaded_ping_download_ms"] > res["ping_ms"]  # the shaper's queue shows under load


def test_no_network_is_a_clear_failure(netns):
    res = _inside(netns, "nonet")  # the namespace's only interface, lo, is down: no route anywhere
    assert res["status"] == "failed" and res["download_mbps"] is None
    assert "No network route" in res["error"] or "did not answer" in res["error"]
