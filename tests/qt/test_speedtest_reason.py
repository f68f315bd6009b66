"""A failure reason stored in one language is shown in the reader's language (no Vietnamese in the English list)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from survey_app.speedtest.server import LocalSpeedTestServer
from survey_app.storage.sessions import new_session
from survey_app.storage.speedtests import list_for_session


def test_reason_stored_in_vietnamese_reads_in_english(main_window, qtbot):
    page = main_window.show_page("speedtest")
    ctx = page.ctx
    session = new_session(ctx.db, ctx.record_context(), unit_code="19753", team="T1", surveyors=["An"])
    ctx.set_session(session)
    with LocalSpeedTestServer("refuse") as srv:
        page.url_edit.setText(srv.base_url)
        page.duration_spin.setValue(1)
        qtbot.mouseClick(page.start_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: not page.is_running(), timeout=20000)
    stored = list_for_session(ctx.db, session.id)[0]["error"]
    assert "từ chối kết nối" in stored                          # stored as the surveyor read it
    ctx.settings.language = "en"                                 # a supervisor reads the list in English
    page.refresh()
    shown = page.history.item(0, 8).text()
    assert "refused the connection" in shown and "từ chối" not in shown, shown
    assert page.history.item(0, 8).toolTip() == shown


def test_reason_rewording_keeps_unknown_text_and_values():
    from survey_app.qt.views.speedtest_reason import reason_in

    assert reason_in("Người dùng đã hủy.", "en") == "Cancelled by the user."
    assert reason_in("Cancelled by the user.", "vi") == "Người dùng đã hủy."
    assert reason_in("Không phải địa chỉ URL http(s): htp//bad host", "en") == "Not an http(s) URL: htp//bad host"
    assert reason_in("socket exploded 42", "en") == "socket exploded 42"
    assert reason_in("", "en") == ""


def test_session_line_names_the_team_as_the_rest_of_the_app(main_window, qtbot):
    page = main_window.show_page("speedtest")
    ctx = page.ctx
    ctx.set_session(new_session(ctx.db, ctx.record_context(), unit_code="19753", team="Tổ 3", surveyors=["An"]))
    page.refresh()
    text = page.session_label.text()
    assert "tổ khảo sát: Tổ 3" in text and "nhóm" not in text, text
