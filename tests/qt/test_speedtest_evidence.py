"""The Speed test page as evidence: conditions in two taps (remembered), a passport recorded from the emulated
modem and GPS (read by the page itself, or through the Signal page when it already reads them), and the
verdict in plain words on the result card right after the test."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from survey_app.devices.emulator.modem_emulator import ModemEmulator
from survey_app.devices.emulator.nmea_emulator import NmeaEmulator
from survey_app.speedtest.server import LocalSpeedTestServer
from survey_app.storage.sessions import new_session
from survey_app.storage.speedtests import get_test


@pytest.fixture
def devices(tmp_path, app_ctx):
    modem = ModemEmulator("quectel_lte", tmp_path / "ttyM", seed=2).start()
    gps = NmeaEmulator(tmp_path / "ttyG").start()
    server = LocalSpeedTestServer(rate_mbps=10).start()
    app_ctx.settings.modem_port, app_ctx.settings.gps_port = str(modem.link), str(gps.link)
    yield modem, gps, server
    server.stop()
    gps.stop()
    modem.stop()


def _session(ctx):
    code = ctx.db.execute("SELECT code FROM units ORDER BY code LIMIT 1").fetchone()[0]
    ctx.set_session(new_session(ctx.db, ctx.record_context(), unit_code=code, team="T1", surveyors=["An"]))


def _button(group, choice):
    return next(b for b in group.buttons() if b.property("choice") == choice)


def _run(qtbot, page, url) -> dict:
    page.url_edit.setText(url)
    page.duration_spin.setValue(4)
    with qtbot.waitSignal(page.result_stored, timeout=60000) as stored:
        qtbot.mouseClick(page.start_button, Qt.LeftButton)
    return get_test(page.ctx.db, stored.args[0])


def test_two_taps_a_passport_and_the_verdict_right_after_the_test(main_window, qtbot, devices):
    _modem, _gps, server = devices
    page = main_window.show_page("speedtest")
    _session(page.ctx)
    panel = page.evidence.conditions
    qtbot.mouseClick(_button(panel.environment_buttons, "outdoor_moving"), Qt.LeftButton)
    qtbot.mouseClick(_button(panel.placement_buttons, "vehicle_external_antenna"), Qt.LeftButton)
    row = _run(qtbot, page, server.base_url)
    assert (row["environment"], row["in_vehicle"], row["external_antenna"]) == ("outdoor_moving", 1, 1)
    recs = [r for r in row["passport"]["records"] if r["phase"] in ("download", "upload")]
    assert recs and all(r.get("pci") == 215 and r.get("lat") is not None for r in recs[1:])
    # over loopback: not a mobile test, and the server's location is unknown; said at once, in Vietnamese
    assert row["verdict"] == "invalid" and {r["code"] for r in row["verdict_reasons"]} >= {"interface", "server"}
    text = page.evidence.verdict_label.text()
    assert "Không hợp lệ làm chứng cứ" in text and "chính máy tính này" in text and "Thời gian đo" in text
    assert page.evidence.verdict_label.isVisible()
    assert page.ctx.settings.extra["speedtest_environment"] == "outdoor_moving"
    again = type(page)(page.ctx)  # the next test starts from the same two choices
    assert again.evidence.conditions.conditions() == panel.conditions()
    again.deleteLater()


def test_the_passport_reads_through_the_signal_page_when_it_polls_the_modem(main_window, qtbot, devices):
    _modem, _gps, server = devices
    signal = main_window.show_page("signal")
    qtbot.waitUntil(lambda: bool(signal.bridge.modems), timeout=10000)
    before = next(iter(signal.bridge.modems.values())).interval_s
    page = main_window.show_page("speedtest")
    _session(page.ctx)
    qtbot.mouseClick(_button(page.evidence.conditions.environment_buttons, "indoor"), Qt.LeftButton)
    row = _run(qtbot, page, server.base_url)
    recs = [r for r in row["passport"]["records"] if r["phase"] in ("download", "upload")]
    assert sum(1 for r in recs if r.get("pci") == 215) >= len(recs) - 1  # one reading a second during the test
    assert row["passport"]["modem"]["model"] == "EC25"
    assert next(iter(signal.bridge.modems.values())).interval_s == before  # polling back to its own pace


def test_typed_server_position_is_kept_and_used_for_the_distance(main_window, qtbot, devices):
    _modem, _gps, server = devices
    page = main_window.show_page("speedtest")
    _session(page.ctx)
    edit = page.evidence.server_location_edit
    qtbot.keyClicks(edit, "16,46 north")
    qtbot.keyClick(edit, Qt.Key_Return)
    assert "Không phải một vị trí" in page.evidence.server_location_note.text()
    edit.clear()
    qtbot.keyClicks(edit, "16.4674, 107.5905")
    qtbot.keyClick(edit, Qt.Key_Return)
    assert page.ctx.settings.extra["speedtest_server_location"] == "16.4674, 107.5905"
    edit.clear()
    qtbot.keyClicks(edit, "16,4674 107,5905")          # decimal commas, as typed in Vietnamese
    qtbot.keyClick(edit, Qt.Key_Return)
    assert page.ctx.settings.extra["speedtest_server_location"] == "16,4674 107,5905"
    assert "Không phải" not in page.evidence.server_location_note.text()
    qtbot.mouseClick(_button(page.evidence.conditions.environment_buttons, "indoor"), Qt.LeftButton)
    row = _run(qtbot, page, server.base_url)
    assert row["server_distance_km"] is not None and row["server_distance_km"] < 5  # the emulated GPS is in Huế
    assert "server" not in {r["code"] for r in row["verdict_reasons"]}
