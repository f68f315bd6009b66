"""Settings page and Qt's own buttons, found by QA: Vietnamese standard buttons, no stale values written back."""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from survey_app.paths import settings_path
from survey_app.settings import Settings


def test_standard_buttons_are_vietnamese(main_window, qtbot):
    # Qt ships no Vietnamese translation of its own; the app's translator answers for OK, Cancel, Yes, No.
    from survey_app.qt.views.session_dialog import SessionDialog

    dialog = SessionDialog(main_window.ctx, "19753", main_window)
    qtbot.addWidget(dialog)
    assert dialog.ui.buttons.button(QDialogButtonBox.Cancel).text() == "Hủy"
    box = QMessageBox(QMessageBox.Question, "t", "q", QMessageBox.Yes | QMessageBox.No, main_window)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.Yes).text().replace("&", "") == "Có"
    assert box.button(QMessageBox.No).text().replace("&", "") == "Không"


def test_save_does_not_put_back_values_changed_by_other_pages(main_window, qtbot, home):
    page = main_window.show_page("settings")
    ctx = main_window.ctx
    # Meanwhile the session dialog changes the team and the speed-test page its server.
    ctx.settings.team = "Tổ 9"
    ctx.settings.speedtest_server = "http://127.0.0.1:8080/"
    page.surveyor.setText("Minh")               # the only field edited on this page
    page.save_button.click()
    saved = Settings.load(settings_path(home))
    assert (saved.surveyor, saved.team, saved.speedtest_server) == ("Minh", "Tổ 9", "http://127.0.0.1:8080/")
    main_window.show_page("session")
    main_window.show_page("settings")           # coming back shows the current values
    assert page.team.text() == "Tổ 9" and page.speed_server.text() == "http://127.0.0.1:8080/"


def test_refused_grades_change_nothing(main_window, qtbot, home, monkeypatch):
    page = main_window.show_page("settings")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    before = main_window.ctx.settings.signal_thresholds.rsrp_dbm
    page.surveyor.setText("Minh")
    page.grades["sinr_db"][0].setValue(-5.0)    # excellent below good: refused
    page.save_button.click()
    assert len(warnings) == 1 and "giảm dần" in warnings[0]
    assert main_window.ctx.settings.surveyor != "Minh"
    assert main_window.ctx.settings.signal_thresholds.rsrp_dbm == before
    assert not settings_path(home).exists() or Settings.load(settings_path(home)).surveyor != "Minh"


def test_a_server_that_is_not_a_web_address_is_refused(main_window, qtbot, home, monkeypatch):
    page = main_window.show_page("settings")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    page.speed_server.setText("htp//bad host")
    page.save_button.click()
    assert len(warnings) == 1 and "không phải địa chỉ web" in warnings[0] and "htp//bad host" in warnings[0]
    assert main_window.ctx.settings.speedtest_server != "htp//bad host"
    page.speed_server.setText("http://192.168.1.10:8080/")
    page.save_button.click()
    assert len(warnings) == 1
    assert Settings.load(settings_path(home)).speedtest_server == "http://192.168.1.10:8080/"


def test_saved_note_goes_away_when_a_field_is_edited_again(main_window, qtbot):
    page = main_window.show_page("settings")
    page.save_button.click()
    assert page.saved_label.text() == "Đã lưu."
    qtbot.keyClicks(page.team, "x")
    assert page.saved_label.text() == ""
    page.save_button.click()
    page.interval.setValue(page.interval.value() + 1)
    assert page.saved_label.text() == ""
