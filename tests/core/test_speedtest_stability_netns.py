"""Readings that hold still: repeated tests on a 2 Mbit/s link with a 16 KB tbf bucket (each direction shaped
on its own, as on a real access link) read 0.92-1.00x of the rate and agree within ±3%; the short form of
bench/bench_speedtest_accuracy.py (which sweeps 2 to 1000 Mbit/s, 5 runs each)."""
from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

import pytest
from netns_link import ShapedLink, available

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.netns

@pytest.fixture
def link():
    if not available():
        pytest.skip("needs root, ip and tc")
    lk = ShapedLink(f"t{os.getpid()}")
    try:
        lk.up()
    except OSError as exc:
        pytest.skip(f"cannot create network namespaces here: {exc}")
    yield lk
    lk.down()


def test_three_runs_at_2_mbit_with_a_16_kb_bucket_agree(link, tmp_path):
    link.shape(2, 16 * 1024)
    server = link.server_process(ROOT)
    env = dict(os.environ, SURVEY_APP_HOME=str(tmp_path / "home"))
    runs = []
    try:
        base = server.stdout.readline().strip()
        for _ in range(3):  # three tests in a row, as a surveyor would press Start
            out = link.in_client([sys.executable, "-m", "survey_app", "speedtest", "--server", base, "--duration", "6",
                                  "--json"], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
            assert out.returncode == 0, out.stderr
            runs.append(json.loads(out.stdout))
    finally:
        link.stop_server(server)
    for key in ("download_mbps", "upload_mbps"):
        ratios = [r[key] / 2 for r in runs]
        assert all(0.92 <= x <= 1.00 for x in ratios), (key, ratios)
        med = statistics.median(ratios)
        assert all(abs(x - med) <= 0.03 * med for x in ratios), (key, ratios)
    for r in runs:  # the result says how long each phase ran and why it stopped
        assert r["status"] == "ok" and r["address_family"] == "IPv4"
        for phase in ("download", "upload"):
            assert 3.0 <= r[f"{phase}_s"] <= 6.5 and r[f"{phase}_stopped"] in ("stable", "max_duration")
