"""The Privacy page (requests with deadlines, retention reminder and purge) and the passphrase dialog."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_driver import type_into_file_dialog  # noqa: E402

# Typing in the household box opens its completion popup, which the offscreen platform cannot raise or grab.
POPUP_ON_OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def _press_yes_when_asked(qtbot, asked: list) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        asked.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.Yes), Qt.LeftButton)

    QTimer.singleShot(0, press)


def test_retention_reminder_and_purge_from_the_page(app_ctx, qtbot):
    from survey_app.storage.consents import log_request
    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import new_session

    db = app_ctx.db
    rctx = context_for(db, "Lan")
    session = new_session(db, rctx, unit_code="19753", team="T1", surveyors=["Lan"])
    hid = rctx.stamp({"session_id": session.id, "unit_code": "19753", "form_id": "household",
                      "form_version": "2026.2", "status": "finalized", "started_at": "2020-01-01T01:00:00.000Z",
                      "ended_at": "2020-01-01T01:20:00.000Z", "respondent_name": "Nguyễn Thị Hoa",
                      "phone": "0912345678", "lat": 16.4637123, "lon": 107.5909123, "answers": "{}"})
    db.table("households").insert(hid)
    from survey_app.storage.revisions import revise

    revise(db, "sessions", session.id, {"status": "approved"}, reason="approved")
    for table in ("sessions", "households"):
        db.execute(f"UPDATE {table} SET sync_state = 'synced', synced_revision = revision")
    log_request(db, household_id=hid["id"], kind="erasure", handled_by="Minh", reason="gọi điện", completed=False)
    from survey_app.qt.views.privacy_requests_page import PrivacyRequestsPage

    page = PrivacyRequestsPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    assert "1" in page.retention_label.text() and page.purge_button.isEnabled()
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "Xóa dữ liệu"
    assert page.table.item(0, 5).text() == "đang mở"
    asked: list = []
    _press_yes_when_asked(qtbot, asked)
    qtbot.mouseClick(page.purge_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.task is None and "1" in page.retention_label.text(), timeout=20000)
    assert asked
    row = db.execute("SELECT respondent_name, phone, lat FROM households WHERE id = ?", [hid["id"]]).fetchone()
    assert row == (None, None, None)
    page.refresh()
    assert not page.purge_button.isEnabled()


def test_passphrase_dialog_checks_what_is_typed(qtbot, tmp_path):
    from survey_app.qt.views.privacy_passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog("new", tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "short")
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.isVisible() and "8" in dialog.problem.text()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, "mat khau dai")
    qtbot.keyClicks(dialog.again, "mat khau khac")
    qtbot.mouseClick(box.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.isVisible() and "không giống" in dialog.problem.text()
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, "mat khau dai")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(box.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.passphrase.text() == "mat khau dai"


@POPUP_ON_OFFSCREEN
def test_giving_a_household_its_data_from_the_page(app_ctx, qtbot, tmp_path, monkeypatch):
    import json

    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import new_session

    db = app_ctx.db
    rctx = context_for(db, "Lan")
    session = new_session(db, rctx, unit_code="19753", team="T1", surveyors=["Lan"])
    row = rctx.stamp({"session_id": session.id, "unit_code": "19753", "form_id": "household",
                      "form_version": "2026.2", "status": "finalized", "respondent_name": "Nguyễn Thị Hoa",
                      "answers": "{}"})
    db.table("households").insert(row)
    out = tmp_path / "out"
    out.mkdir()
    from survey_app.qt.views.privacy_requests_page import PrivacyRequestsPage

    page = PrivacyRequestsPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    assert "Chọn hộ" in page.message.text() and page.task is None   # nothing chosen: said, nothing done
    qtbot.keyClicks(page.household_combo.lineEdit(), "no-such-household")
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    assert "Chọn hộ" in page.message.text() and page.task is None and list(out.iterdir()) == []
    page.household_combo.lineEdit().clear()
    qtbot.keyClicks(page.household_combo.lineEdit(), "Hoa")   # part of the name, as the household said it
    type_into_file_dialog(out)
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.task is None and page.table.rowCount() == 1, timeout=20000)
    assert page.table.item(0, 2).text().startswith("Nguyễn Thị Hoa · Phường Phú Xuân")   # a name, not an id
    written = sorted(p.name for p in out.iterdir())
    assert [n.split("-")[:3] for n in written] == [["du", "lieu", "ho"]] * 2, written   # named in Vietnamese
    assert [Path(n).suffix for n in written] == [".csv", ".json"] and row["id"][:8] not in page.message.text()
    data = json.loads((out / written[1]).read_text(encoding="utf-8"))
    assert data["household"][0]["respondent_name"] == "Nguyễn Thị Hoa"
    assert page.table.item(0, 1).text() == "Xem dữ liệu" and page.table.item(0, 5).text() == "đã xong"


@POPUP_ON_OFFSCREEN
def test_erasing_a_household_from_the_page(app_ctx, qtbot):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from window_driver import when_modal

    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import new_session

    db = app_ctx.db
    rctx = context_for(db, "Lan")
    session = new_session(db, rctx, unit_code="19753", team="T1", surveyors=["Lan"])
    row = rctx.stamp({"session_id": session.id, "unit_code": "19753", "form_id": "household",
                      "form_version": "2026.2", "status": "finalized", "respondent_name": "Nguyễn Thị Hoa",
                      "answers": "{}"})
    db.table("households").insert(row)

    def answer(reason: str) -> None:   # the app asks why in Qt's input dialog: type the reason, press Enter
        def type_it(dialog) -> None:
            QTest.keyClicks(dialog.findChild(QLineEdit), reason)
            QTest.keyClick(dialog.findChild(QLineEdit), Qt.Key_Return)
        when_modal(type_it, QInputDialog)

    from survey_app.qt.views.privacy_requests_page import PrivacyRequestsPage

    page = PrivacyRequestsPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.household_combo.lineEdit(), "Hoa")
    answer("")
    qtbot.mouseClick(page.erase_button, Qt.LeftButton)                 # an empty reason: refused
    assert page.task is None and "lý do" in page.message.text()
    assert db.execute("SELECT count(*) FROM households").fetchone()[0] == 1
    answer("Ho goi dien ngay 3/12")
    qtbot.mouseClick(page.erase_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.task is None and page.table.rowCount() == 1, timeout=20000)
    assert db.execute("SELECT count(*) FROM households").fetchone()[0] == 0
    assert page.table.item(0, 1).text() == "Xóa dữ liệu" and page.table.item(0, 5).text() == "đã xong"
    assert page.table.item(0, 2).text() == "hộ đã bị xóa" and page.household_combo.count() == 0


def test_window_asks_for_the_passphrase_and_a_wrong_one_changes_nothing(qtbot, home, cli, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialogButtonBox

    from survey_app.commands import CliContext
    from survey_app.errors import WrongKey
    from survey_app.qt.app import open_main_window
    from survey_app.qt.views.privacy_passphrase_dialog import PassphraseDialog
    from survey_app.storage import dbkey

    monkeypatch.delenv("SURVEY_APP_DB_KEY")
    assert cli("sessions", "list", env={"SURVEY_APP_PASSPHRASE": "right passphrase",
                                        "XDG_RUNTIME_DIR": str(tmp_path)}).returncode == 0
    runtime = tmp_path / "new-login"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))          # a new login session: nothing cached
    monkeypatch.delenv("SURVEY_APP_NO_DIALOGS")
    dbkey.forget()
    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    typed = iter(["wrong one", "also wrong", "still wrong", "right passphrase"])
    seen = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.problem.text())
        qtbot.keyClicks(dialog.passphrase, next(typed))
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok), Qt.LeftButton)
        if len(seen) < 4:                                # the four answers typed: stop watching
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    try:
        open_main_window(CliContext(home_arg=str(home)))
        raise AssertionError("opened with a wrong passphrase")
    except WrongKey as exc:
        assert "Sai cụm mật khẩu" in str(exc)
    assert len(seen) == 3 and seen[0] == "" and "Sai cụm mật khẩu" in seen[1]
    assert {p: p.read_bytes() for p in home.rglob("*") if p.is_file() and p.name != "survey.lock"} == \
        {p: b for p, b in before.items() if p.name != "survey.lock"}
    from survey_app.storage.db import open_db

    try:
        open_db(home / "survey.db").close()            # the window's prompt again: the fourth answer is right
        assert len(seen) == 4 and list(runtime.rglob("*.key"))  # cached for this login session
        dbkey.forget()
        open_db(home / "survey.db").close()            # not asked again in this login session
        assert len(seen) == 4
    finally:
        dbkey.forget()
        dbkey.set_prompter(None)
