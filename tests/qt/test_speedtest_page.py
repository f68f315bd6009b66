"""The Speed test page against the real local server: stored, listed, live, cancellable, responsive."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer

from survey_app.models.base import Position
from survey_app.speedtest.server import LocalSpeedTestServer
from survey_app.storage.sessions import new_session
from survey_app.storage.speedtests import get_test, list_for_session


@pytest.fixture
def server():
    with LocalSpeedTestServer(rate_mbps=20) as srv:
        yield srv


def _open_session(ctx):
    code = ctx.db.execute("SELECT code FROM units ORDER BY code LIMIT 1").fetchone()[0]
    session = new_session(ctx.db, ctx.record_context(), unit_code=code, team="T1", surveyors=["An"])
    ctx.set_session(session)
    return session


def _start(qtbot, page, url, protocol="librespeed", duration=1.5):
    page.url_edit.setText(url)
    page.protocol_combo.setCurrentIndex(page.protocol_combo.findData(protocol))
    page.duration_spin.setValue(duration)
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    assert page.is_running()


@pytest.mark.parametrize("protocol", ["librespeed", "ookla"])
def test_test_from_the_window_is_stored_and_listed(main_window, qtbot, server, protocol):
    ctx = main_window.ctx if hasattr(main_window, "ctx") else None
    page = main_window.show_page("speedtest")
    ctx = ctx or page.ctx
    session = _open_session(ctx)
    ctx.set_position(Position(16.4637, 107.5909, "manual"))
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    started = time.monotonic()
    _start(qtbot, page, server.url_for(protocol), protocol)
    assert not page.start_button.isEnabled() and page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=60000)
    timer.stop()
    took = time.monotonic() - started
    # the event loop kept turning throughout: no gap between 50 ms ticks longer than half a second
    assert len(ticks) > took / 0.05 * 0.5
    assert max(b - a for a, b in zip(ticks, ticks[1:])) < 0.5
    assert page.last_result.status == "ok", page.last_result.error
    assert page.plot.points("download") >= 4 and page.plot.points("upload") >= 4 and page.plot.redraws > 2
    assert "Mbit/s" in page.card["download"].text() and "ms" in page.card["ping"].text()
    rows = list_for_session(ctx.db, session.id)
    assert len(rows) == 1 and rows[0]["id"] == page.last_id and rows[0]["protocol"] == protocol
    stored = get_test(ctx.db, page.last_id)
    assert stored["lat"] == 16.4637 and stored["position_source"] == "manual"
    assert stored["unit_code"] == session.unit_code and stored["download_mbps"] > 5
    # the storage change signal brings the history up to date (no page reload)
    qtbot.waitUntil(lambda: page.history.rowCount() == 1, timeout=5000)
    assert page.history.item(0, 1).text() == "Xong"
    assert page.start_button.isEnabled()


def test_cancel_stops_quickly_and_is_stored_as_cancelled(main_window, qtbot, server):
    page = main_window.show_page("speedtest")
    session = _open_session(page.ctx)
    _start(qtbot, page, server.base_url, duration=30)
    qtbot.waitUntil(lambda: page.plot.points("download") >= 2, timeout=20000)
    clicked = time.monotonic()
    qtbot.mouseClick(page.cancel_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=10000)
    assert time.monotonic() - clicked < 5
    row = list_for_session(page.ctx.db, session.id)[0]
    assert row["status"] == "cancelled" and row["download_mbps"] is None and row["error"]
    qtbot.waitUntil(lambda: page.history.rowCount() == 1, timeout=5000)
    assert page.history.item(0, 1).text() == "Đã hủy"


def test_failure_is_explained_in_vietnamese_and_stored(main_window, qtbot):
    page = main_window.show_page("speedtest")
    session = _open_session(page.ctx)
    with LocalSpeedTestServer("refuse") as srv:
        _start(qtbot, page, srv.base_url, duration=1)
        qtbot.waitUntil(lambda: not page.is_running(), timeout=20000)
    assert "từ chối kết nối" in page.message.text()
    row = list_for_session(page.ctx.db, session.id)[0]
    assert row["status"] == "failed" and row["download_mbps"] is None and row["error_code"] == "refused"


def test_no_open_session_means_no_test(main_window, qtbot, server, monkeypatch):
    page = main_window.show_page("speedtest")
    page.ctx.set_session(None)
    offered = []
    monkeypatch.setattr(page, "_offer_session", lambda: offered.append(1))
    page.url_edit.setText(server.base_url)
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    assert offered and not page.is_running()
    assert page.ctx.db.execute("SELECT count(*) FROM speed_tests").fetchone()[0] == 0


def test_household_dialog_links_the_result(app_ctx, qtbot, server):
    from survey_app.qt.views.speedtest_dialog import SpeedTestDialog

    _open_session(app_ctx)
    dialog = SpeedTestDialog(app_ctx, household_id="hh-42")
    qtbot.addWidget(dialog)
    dialog.show()
    _start(qtbot, dialog.page, server.base_url, duration=1)
    qtbot.waitUntil(lambda: not dialog.page.is_running(), timeout=30000)
    assert len(dialog.result_ids) == 1
    assert get_test(app_ctx.db, dialog.result_ids[0])["household_id"] == "hh-42"
    qtbot.waitUntil(lambda: dialog.page.history.rowCount() == 1, timeout=5000)
    dialog.reject()


def test_hanging_server_keeps_the_window_responsive_and_is_stored_as_failed(main_window, qtbot):
    page = main_window.show_page("speedtest")
    session = _open_session(page.ctx)
    srv = LocalSpeedTestServer("hang").start()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    try:
        _start(qtbot, page, srv.base_url, duration=1)
        qtbot.waitUntil(lambda: not page.is_running(), timeout=30000)
    finally:
        timer.stop()
        srv.stop()
    assert len(ticks) > 20 and max(b - a for a, b in zip(ticks, ticks[1:])) < 0.5
    assert "không trả lời" in page.message.text()
    row = list_for_session(page.ctx.db, session.id)[0]
    assert row["status"] == "failed" and row["download_mbps"] is None
