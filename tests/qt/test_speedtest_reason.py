"""A failure reason is stored as a code and shown in the reader's language (no Vietnamese in the English list)."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt

from survey_app.speedtest.model import Server, SpeedTestResult
from survey_app.speedtest.reasons import Reason
from survey_app.speedtest.server import LocalSpeedTestServer
from survey_app.storage.sessions import new_session
from survey_app.storage.speedtests import insert_result, list_for_session


def test_reason_is_stored_as_a_code_and_read_in_each_language(main_window, qtbot):
    page = main_window.show_page("speedtest")
    ctx = page.ctx
    session = new_session(ctx.db, ctx.record_context(), unit_code="19753", team="T1", surveyors=["An"])
    ctx.set_session(session)
    with LocalSpeedTestServer("refuse") as srv:
        page.url_edit.setText(srv.base_url)
        page.duration_spin.setValue(1)
        qtbot.mouseClick(page.start_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: not page.is_running(), timeout=20000)
    stored = list_for_session(ctx.db, session.id)[0]
    assert stored["error_code"] == "refused" and json.loads(stored["error_params"])["phase"] == "ping"
    assert "refused the connection" in stored["error"]         # the export's wording, English
    qtbot.waitUntil(lambda: page.history.item(0, 8) is not None, timeout=5000)   # the list follows the new row
    shown = page.history.item(0, 8).text()
    assert "từ chối kết nối" in shown and "đo độ trễ" in shown, shown   # the surveyor reads Vietnamese
    ctx.settings.language = "en"                                 # a supervisor reads the list in English
    page.refresh()
    shown = page.history.item(0, 8).text()
    assert "refused the connection during the latency test" in shown and "từ chối" not in shown, shown
    assert page.history.item(0, 8).toolTip() == shown


def test_a_reason_stored_before_codes_is_shown_as_stored(main_window):
    page = main_window.show_page("speedtest")
    ctx = page.ctx
    session = new_session(ctx.db, ctx.record_context(), unit_code="19753", team="T1", surveyors=["An"])
    ctx.set_session(session)
    old = SpeedTestResult(status="failed", server=Server(url="http://127.0.0.1:9/", protocol="librespeed"),
                          started_at="2026-11-27T10:00:00.000Z", reason=Reason("refused", {"host": "h"}))
    test_id = insert_result(ctx.db, ctx.record_context(), old, session=session)
    ctx.db.execute("UPDATE speed_tests SET error = ?, error_code = NULL, error_params = NULL, revision = revision + 1 "
                   "WHERE id = ?", ["Máy chủ h đã từ chối kết nối.", test_id])    # as an older app stored it
    ctx.settings.language = "en"
    page.refresh()
    assert page.history.item(0, 8).text() == "Máy chủ h đã từ chối kết nối."


def test_session_line_names_the_team_as_the_rest_of_the_app(main_window, qtbot):
    page = main_window.show_page("speedtest")
    ctx = page.ctx
    ctx.set_session(new_session(ctx.db, ctx.record_context(), unit_code="19753", team="Tổ 3", surveyors=["An"]))
    page.refresh()
    text = page.session_label.text()
    assert "tổ khảo sát: Tổ 3" in text and "nhóm" not in text, text
