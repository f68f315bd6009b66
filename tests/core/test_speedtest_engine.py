"""Both engines against the project's real speed-test server on 127.0.0.1, including every misbehaviour."""
from __future__ import annotations

import threading
import time

import pytest

from survey_app.i18n import set_language
from survey_app.speedtest.measurement import run_speedtest
from survey_app.speedtest.server import LocalSpeedTestServer

RATE = 20.0  # Mbit/s per connection on the server: keeps CI's two cores free and gives a known ceiling


def drive(gen, on_progress=None):
    """Run a speed-test generator to its end: (progress items, result)."""
    items = []
    while True:
        try:
            item = next(gen)
        except StopIteration as stop:
            return items, stop.value
        items.append(item)
        if on_progress:
            on_progress(item)


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("vi")


@pytest.mark.parametrize("protocol", ["librespeed", "ookla"])
def test_measures_a_rate_limited_local_server(protocol):
    with LocalSpeedTestServer(rate_mbps=RATE) as srv:
        items, res = drive(run_speedtest(srv.url_for(protocol), protocol, duration_s=2.0, streams_download=2,
                                         streams_upload=2, timeout_s=5))
    assert res.status == "ok", res.error
    ceiling = 2 * RATE
    # the server paces each stream to RATE: the result must be near, and never above, what it let through
    assert 0.5 * ceiling < res.download_mbps <= 1.05 * ceiling
    # upload counts TCP-acknowledged bytes; the server's receive buffer fills at first, so allow a little more
    assert 0.5 * ceiling < res.upload_mbps <= 1.3 * ceiling
    assert len(res.samples["idle_ping_ms"]) >= 10
    assert res.ping_ms is not None and res.ping_min_ms <= res.ping_ms and res.jitter_ms is not None
    assert res.loaded_ping_download_ms is not None and res.loaded_ping_upload_ms is not None
    assert res.bytes_received > 0.5 * ceiling * 1e6 / 8 * 1.5 and res.bytes_sent > 0
    for phase in ("download", "upload"):
        series = res.samples[f"{phase}_bytes"]
        assert len(series) >= 7  # about every 250 ms over 2 s
        assert all(b[0] > a[0] and b[1] >= a[1] for a, b in zip(series, series[1:]))
    phases = [p.phase for p in items]
    assert phases.index("ping") < phases.index("download") < phases.index("upload")
    assert all(0.0 <= p.fraction <= 1.0 for p in items)
    assert res.server.protocol == protocol and res.method


def _failed(mode, protocol="librespeed", timeout=1.5):
    srv = LocalSpeedTestServer(mode).start()
    try:
        t0 = time.monotonic()
        _items, res = drive(run_speedtest(srv.url_for(protocol), protocol, duration_s=2.0, timeout_s=timeout))
        return res, time.monotonic() - t0
    finally:
        srv.stop()


@pytest.mark.parametrize("mode,protocol,words", [
    ("refuse", "librespeed", "refused the connection"),
    ("refuse", "ookla", "refused the connection"),
    ("hang", "librespeed", "did not answer within 1.5 s"),
    ("hang", "ookla", "did not answer within 1.5 s"),
    ("garbage", "librespeed", "not HTTP"),
    ("garbage", "ookla", "not HTTP"),
    ("drop", "librespeed", "dropped the connection during the download"),
    ("drop", "ookla", "dropped the connection during the download"),
    ("notspeedtest", "librespeed", "is not a librespeed speed-test server"),
    ("notspeedtest", "ookla", "is not a ookla speed-test server"),
])
def test_misbehaving_server_fails_with_a_clear_reason(mode, protocol, words):
    res, took = _failed(mode, protocol)
    assert res.status == "failed"
    assert words in res.error
    assert res.download_mbps is None and res.upload_mbps is None  # never 0 Mbit/s
    assert took < 15


def test_failure_message_is_vietnamese_by_default():
    set_language("vi")
    res, _took = _failed("refuse")
    assert "từ chối kết nối" in res.error and "đo độ trễ" in res.error


def test_nonexistent_interface_fails_in_both_languages():
    with LocalSpeedTestServer(rate_mbps=RATE) as srv:
        _i, res = drive(run_speedtest(srv.base_url, "librespeed", interface="nosuch9", duration_s=1))
        assert res.status == "failed" and "nosuch9" in res.error and "does not exist" in res.error
        set_language("vi")
        _i, res = drive(run_speedtest(srv.base_url, "librespeed", interface="nosuch9", duration_s=1))
        assert "không có trên máy tính này" in res.error


def test_binds_to_the_loopback_interface():
    with LocalSpeedTestServer(rate_mbps=RATE) as srv:
        _i, res = drive(run_speedtest(srv.base_url, "librespeed", interface="lo", duration_s=1.0,
                                      streams_download=1, streams_upload=1))
    assert res.status == "ok", res.error
    assert res.interface_name == "lo" and res.interface_kind == "loopback" and res.source_address == "127.0.0.1"
    assert res.client_ip == "127.0.0.1"


def test_not_a_url_and_unknown_protocol():
    _i, res = drive(run_speedtest("ftp://example", "librespeed"))
    assert res.status == "failed" and "http(s)" in res.error
    _i, res = drive(run_speedtest("http://127.0.0.1:9/", "nonsense"))
    assert res.status == "failed" and "nonsense" in res.error


def test_cancel_during_download_stops_promptly_and_reports_cancelled():
    cancel = threading.Event()
    seen = {}

    def on_progress(p):
        if p.phase == "download" and "t" not in seen:
            seen["t"] = time.monotonic()
            cancel.set()

    with LocalSpeedTestServer(rate_mbps=RATE) as srv:
        _i, res = drive(run_speedtest(srv.base_url, "librespeed", duration_s=20, cancel=cancel), on_progress)
    assert res.status == "cancelled" and res.error
    assert res.download_mbps is None and res.upload_mbps is None
    assert time.monotonic() - seen["t"] < 5  # not the 20 s phase
