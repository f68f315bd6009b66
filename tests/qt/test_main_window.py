"""The main window: pages, session bar, status bar, languages, sessions shared with the CLI."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from survey_app.qt.main_window import PAGES


def test_window_is_vietnamese_with_every_page(main_window, qtbot):
    nav = main_window.ui.navList
    titles = [nav.item(i).text() for i in range(nav.count())]
    assert titles == ["Phiên khảo sát", "Đo tốc độ", "Tín hiệu", "Hộ gia đình", "Duyệt", "Bản đồ phủ sóng", "Đồng bộ & xuất",
                      "Quyền riêng tư", "Cài đặt"]
    assert main_window.ui.sessionLabel.text() == "Chưa mở phiên nào"
    assert not main_window.ui.closeSessionButton.isEnabled()
    assert main_window.ui.unitCombo.count() == 40
    assert "Khảo sát kết nối Huế" in main_window.windowTitle()
    assert not main_window.ui.demoBanner.isVisible()
    for key, _m, _c in PAGES:
        page = main_window.show_page(key)
        assert page.isVisible()
    qtbot.waitUntil(lambda: main_window.status_text("sync").startswith("Chưa đồng bộ: "))


def test_session_opened_in_window_appears_in_cli(main_window, qtbot, cli, monkeypatch):
    from survey_app.qt.views.session_dialog import SessionDialog

    def fill_and_accept():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SessionDialog) and w.isVisible())
        dialog.ui.unitCombo.setCurrentIndex(dialog.ui.unitCombo.findData("19774"))
        dialog.ui.teamEdit.setText("Tổ 3")
        dialog.ui.surveyorsEdit.setText("Thảo, Quang")
        dialog.ui.buttons.button(QDialogButtonBox.Ok).click()

    QTimer.singleShot(100, fill_and_accept)
    main_window.ui.openSessionButton.click()
    session = main_window.ctx.current_session
    assert session is not None and session.unit_code == "19774" and session.surveyors == ["Thảo", "Quang"]
    assert "Tổ 3" in main_window.ui.sessionLabel.text()
    assert main_window.ui.closeSessionButton.isEnabled()
    listed = json.loads(cli("sessions", "list", "--json").stdout)
    assert [s["id"] for s in listed] == [session.id]
    assert listed[0]["team"] == "Tổ 3"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    main_window.ui.closeSessionButton.click()
    assert main_window.ctx.current_session is None
    assert json.loads(cli("sessions", "list", "--json").stdout)[0]["status"] == "closed"


def test_session_dialog_shows_errors_and_keeps_open(main_window, qtbot):
    from survey_app.qt.views.session_dialog import SessionDialog

    dialog = SessionDialog(main_window.ctx, "19753", main_window)
    qtbot.addWidget(dialog)
    dialog.ui.teamEdit.setText("")
    dialog.ui.surveyorsEdit.setText("")
    dialog.show()
    dialog.ui.buttons.button(QDialogButtonBox.Ok).click()
    assert dialog.isVisible() and dialog.session is None
    assert "tên tổ" in dialog.ui.errorLabel.text()


def test_session_made_by_cli_appears_in_window(main_window, qtbot, cli):
    made = json.loads(cli("sessions", "new", "--unit", "19753", "--team", "CLI team", "--surveyor", "An",
                          "--json").stdout)
    page = main_window.show_page("session")
    # made by another process: the window notices (PRAGMA data_version) without being told or reopened
    qtbot.waitUntil(lambda: page.row_of(made["id"]) >= 0, timeout=5000)
    row = page.row_of(made["id"])
    assert page.table.item(row, 0).text() == "Phường Phú Xuân"
    assert "/" in page.table.item(row, 3).text()  # dd/MM/yyyy
    page.table.selectRow(row)
    page.use_button.click()
    assert main_window.ctx.current_session.id == made["id"]


def test_switching_to_english_rebuilds_the_window(main_window, qtbot):
    from survey_app.qt.app import switch_language

    new = switch_language(main_window, main_window.ctx, "en")
    try:
        nav = new.ui.navList
        assert [nav.item(i).text() for i in range(nav.count())][:3] == ["Session", "Speed test", "Signal"]
        assert new.ui.sessionLabel.text() == "No open session"
        assert new.ctx.settings.language == "en"
    finally:
        back = switch_language(new, new.ctx, "vi")
        back.close()
        back.deleteLater()


def test_geometry_and_last_page_are_remembered(app_ctx, qtbot):
    from survey_app.qt.main_window import MainWindow

    w = MainWindow(app_ctx)   # deleted when closed
    w.show()
    w.resize(900, 520)
    size = (w.size().width(), w.size().height())
    w.show_page("settings")
    w.close()
    w2 = MainWindow(app_ctx)
    qtbot.addWidget(w2)
    assert w2.current_page_key() == "settings"
    assert w2.size().height() == size[1] == 520  # the offscreen screen is 800 px wide, so width is clamped


def _run_window(home, extra_env: dict, args=()):
    env = dict(os.environ, SURVEY_APP_HOME=str(home), SURVEY_APP_QUIT_AFTER_SHOW="1", **extra_env)
    return subprocess.run([sys.executable, "-m", "survey_app", *args], env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_app_starts_offscreen(home, lang):
    out = _run_window(home, {"QT_QPA_PLATFORM": "offscreen"}, ["--lang", lang])
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.xvfb
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_app_starts_under_xvfb(home, lang):
    if not shutil.which("xvfb-run"):
        pytest.skip("xvfb-run not installed")
    env = dict(os.environ, SURVEY_APP_HOME=str(home), SURVEY_APP_QUIT_AFTER_SHOW="1")
    env.pop("QT_QPA_PLATFORM", None)
    out = subprocess.run(["xvfb-run", "-a", sys.executable, "-m", "survey_app", "--lang", lang], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "qt.qpa" not in out.stderr


def test_second_copy_on_the_same_home_says_so(home):
    from survey_app.lock import InstanceLock

    lock = InstanceLock(home).acquire()
    try:
        out = _run_window(home, {"QT_QPA_PLATFORM": "offscreen"})
    finally:
        lock.release()
    assert out.returncode == 2
    assert "đang mở thư mục dữ liệu" in out.stderr and "Traceback" not in out.stderr


def test_demo_mode_is_marked(home):
    out = _run_window(home, {"QT_QPA_PLATFORM": "offscreen"}, ["--demo"])
    assert out.returncode == 0, out.stderr
    assert (home / "demo" / "survey.db").exists()
    assert not (home / "survey.db").exists()


def test_unexpected_errors_are_logged_and_described(home, monkeypatch):
    from survey_app.storage.driver import sqlite

    from survey_app.errors import UserError
    from survey_app.qt.app import describe_error, install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(home)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    import logging

    for h in logging.getLogger().handlers:
        h.flush()
    assert "ValueError: boom" in (home / "logs" / "app.log").read_text(encoding="utf-8")
    assert "ValueError" in describe_error(ValueError("x")) and "an toàn" in describe_error(ValueError("x"))
    assert "bận" in describe_error(sqlite.OperationalError("database is locked"))
    assert describe_error(UserError("Lỗi rõ ràng")) == "Lỗi rõ ràng"
    for h in list(logging.getLogger().handlers):
        if getattr(h, "baseFilename", "").startswith(str(home)):
            logging.getLogger().removeHandler(h)
            h.close()


def test_auto_sync_panel_is_built_at_start_when_enabled(app_ctx, qtbot):
    from survey_app.qt.main_window import MainWindow

    app_ctx.settings.sync_auto = True
    w = MainWindow(app_ctx)   # deleted when closed
    w.show()
    try:
        qtbot.waitUntil(lambda: "transfer" in w._pages, timeout=10000)
        assert w.current_page_key() != "transfer"
    finally:
        w.close_now()


def test_session_page_counts_follow_new_records(main_window, qtbot, cli):
    made = json.loads(cli("sessions", "new", "--unit", "19753", "--team", "T", "--surveyor", "An", "--json").stdout)
    page = main_window.show_page("session")
    qtbot.waitUntil(lambda: page.row_of(made["id"]) >= 0, timeout=5000)
    row = page.row_of(made["id"])
    assert page.table.item(row, 6).text() == "0"
    ctx = main_window.ctx
    rec = ctx.record_context().stamp({"session_id": made["id"], "unit_code": "19753", "code_set": "VN-2025-07",
                                      "started_at": made["started_at"], "status": "failed", "error": "x",
                                      "protocol": "librespeed"})
    from survey_app.storage.speedtests import insert_result  # noqa: F401  (the storage path announces it)
    ctx.db.table("speed_tests").insert(rec)
    from survey_app.storage import changes

    changes.changed(ctx.db, "speed_tests")
    qtbot.waitUntil(lambda: page.table.item(row, 6).text() == "1", timeout=5000)


def test_language_switch_with_every_page_built_leaves_no_dangling_listeners(main_window, qtbot, cli):
    from survey_app.qt.app import switch_language
    from survey_app.storage.sessions import get_session

    for key, _m, _c in PAGES:
        main_window.show_page(key)
    ctx = main_window.ctx
    new = switch_language(main_window, ctx, "en")
    try:
        for key, _m, _c in PAGES:
            new.show_page(key)
        made = json.loads(cli("sessions", "new", "--unit", "19753", "--team", "T", "--surveyor", "A",
                              "--json").stdout)
        ctx.set_session(get_session(ctx.db, made["id"]))   # old pages must not hear this
        ctx.records_changed.emit("speed_tests")
        ctx.set_position(None)
        qtbot.wait(50)
        assert "T" in new.ui.sessionLabel.text()
    finally:
        back = switch_language(new, ctx, "vi")
        back.close()
        back.deleteLater()
