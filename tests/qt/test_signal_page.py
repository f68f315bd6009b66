"""The Signal page with two emulated modems and an emulated GPS: both plotted, logged into the session."""
from __future__ import annotations

import pytest

from survey_app.devices.emulator.modem_emulator import ModemEmulator
from survey_app.devices.emulator.nmea_emulator import NmeaEmulator


@pytest.fixture
def devices(tmp_path):
    m0 = ModemEmulator("quectel_lte", tmp_path / "ttyEMU0").start()
    m1 = ModemEmulator("huawei_lte", tmp_path / "ttyEMU1").start()
    gps = NmeaEmulator(tmp_path / "ttyGPS0", period_s=0.3).start()
    yield m0, m1, gps
    for d in (m0, m1, gps):
        d.stop()


@pytest.fixture
def page(qtbot, app_ctx, devices):
    from survey_app.qt.views.signal_page import SignalPage

    m0, m1, gps = devices
    app_ctx.settings.modem_port = str(m0.link)
    app_ctx.settings.extra["modem_ports"] = [str(m1.link)]
    app_ctx.settings.gps_port = str(gps.link)
    app_ctx.settings.signal_interval_s = 0.5
    p = SignalPage(app_ctx)
    qtbot.addWidget(p)
    p.show()
    yield p
    p.shutdown()


def _open_session(ctx):
    from survey_app.storage.sessions import new_session

    s = new_session(ctx.db, ctx.record_context(), unit_code="19753", team="A", surveyors=["Lan"])
    ctx.set_session(s)
    return s


def test_two_modems_plotted_and_logged_with_position(qtbot, app_ctx, page, devices):
    qtbot.waitUntil(lambda: page.plot.series_count() == 2, timeout=15000)
    qtbot.waitUntil(lambda: all(b.n >= 3 for b in page.plot.buffers.values()), timeout=15000)
    curves = [c for cs in page.plot.curves.values() for c in cs[:1]]
    # drawn by the display timer, not only buffered
    qtbot.waitUntil(lambda: all(c.xData is not None and len(c.xData) >= 3 for c in curves), timeout=5000)
    qtbot.waitUntil(lambda: page.table.item(1, 2) is not None and page.table.item(1, 2).text() == "MobiFone",
                    timeout=5000)
    assert page.table.item(0, 2).text() == "Viettel"
    assert page.table.item(0, 3).text() == "4G LTE"
    assert page.table.item(0, 0).text() == "ttyEMU0" and page.table.item(0, 1).text().startswith("Quectel")
    qtbot.waitUntil(lambda: app_ctx.position is not None and app_ctx.position.source == "gps", timeout=10000)
    session = _open_session(app_ctx)
    page.log_button.setChecked(True)
    qtbot.waitUntil(lambda: page.bridge.logged >= 6, timeout=15000)
    with qtbot.waitSignal(app_ctx.records_changed, timeout=5000):
        page.log_button.setChecked(False)
    rows = app_ctx.db.execute("SELECT operator, lat, session_id, unit_code FROM signal_readings").fetchall()
    assert {r[0] for r in rows} == {"Viettel", "MobiFone"}
    assert all(r[1] is not None and r[2] == session.id and r[3] == "19753" for r in rows)


def test_unplug_shows_in_status_bar_and_resumes(qtbot, app_ctx, page, devices):
    m0 = devices[0]
    qtbot.waitUntil(lambda: page.plot.series_count() == 2, timeout=15000)
    m0.unplug()
    qtbot.waitUntil(lambda: page.table.item(0, 8).text() == page._state_text("unplugged"), timeout=10000)
    assert str(m0.link) in app_ctx.status.get("modem", "")
    before = page.plot.buffers[str(m0.link)].n
    m0.plug()
    qtbot.waitUntil(lambda: page.plot.buffers[str(m0.link)].n > before, timeout=5000)


def test_logging_needs_an_open_session(qtbot, app_ctx, page, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a))
    page.log_button.setEnabled(True)
    page.log_button.setChecked(True)
    assert not page.log_button.isChecked() and shown


def test_manual_position_dialog_validates_hue_extent(qtbot, app_ctx):
    from survey_app.qt.views.position_dialog import PositionDialog

    dlg = PositionDialog(app_ctx)
    qtbot.addWidget(dlg)
    dlg.lat_edit.setText("107,59")
    dlg.lon_edit.setText("16,46")
    assert dlg.validate() is None and "107.59" in dlg.error.text()
    dlg.lat_edit.setText("abc")
    assert dlg.validate() is None and dlg.error.text()
    dlg.lat_edit.setText("16,4637")
    dlg.lon_edit.setText("107.5909")
    pos = dlg.validate()
    assert pos is not None and (pos.lat, pos.lon, pos.source) == (16.4637, 107.5909, "manual")
    _open_session(app_ctx)
    dlg2 = PositionDialog(app_ctx)
    qtbot.addWidget(dlg2)
    dlg2.unit_button.click()
    unit = app_ctx.db.execute("SELECT inside_lat, inside_lon FROM units WHERE code = '19753'").fetchone()
    assert dlg2.position() is not None and (dlg2.position().lat, dlg2.position().lon) == pytest.approx(unit)
