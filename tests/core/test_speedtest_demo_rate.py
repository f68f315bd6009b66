"""The demo speed-test server answers at a plausible rate, so demo tests are not flagged implausible in Review."""
from __future__ import annotations

import threading

from survey_app.settings import Settings


def test_demo_server_gives_a_plausible_rate(tmp_path):
    from survey_app.speedtest.measurement import run_speedtest
    from survey_app.demo.speedtest import start as start_demo

    settings = Settings()
    server = start_demo(tmp_path, settings)
    try:
        gen = run_speedtest(settings.speedtest_server, "librespeed", duration_s=2.0, cancel=threading.Event())
        try:
            while True:
                next(gen)
        except StopIteration as stop:
            result = stop.value
    finally:
        server.stop()
    assert result.status == "ok", result.error
    assert 10 < result.download_mbps < 200 and 10 < result.upload_mbps < 200
