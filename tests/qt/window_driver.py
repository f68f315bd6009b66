"""Driving the real window as a person does: clicking the navigation, answering dialogs with keys."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from survey_app.qt.main_window import PAGES


def go_to(qtbot, window, key: str):
    """Click a page in the navigation list; returns the page."""
    nav = window.ui.navList
    item = nav.item([k for k, _m, _c in PAGES].index(key))
    nav.scrollToItem(item)
    qtbot.mouseClick(nav.viewport(), Qt.LeftButton, pos=nav.visualItemRect(item).center())
    qtbot.waitUntil(lambda: window.current_page_key() == key, timeout=5000)
    return window.page(key)


def when_modal(action, kind=None, timeout_ms: int = 15000) -> None:
    """Run `action(dialog)` as soon as a modal dialog (of class `kind`) is up: its exec() loop keeps running."""
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (kind is not None and not isinstance(dialog, kind)) or not dialog.isVisible():
            waited[0] += 50
            if waited[0] < timeout_ms:
                QTimer.singleShot(50, poll)
            return
        action(dialog)

    QTimer.singleShot(50, poll)


def type_into_file_dialog(path) -> None:
    """The next file dialog: paste the path into its file name field (Ctrl+A, Ctrl+V) and press Enter.

    Pasted, not typed key by key: Qt's file dialog selects each folder of a path as its name is typed, and then
    opens the folder instead of accepting the file (a person types a name, or pastes a path)."""
    def answer(dialog) -> None:
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        QTest.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
        QApplication.clipboard().setText(str(path))
        QTest.keyClick(edit, Qt.Key_V, Qt.ControlModifier)
        QTest.keyClick(edit, Qt.Key_Return)

    when_modal(answer, QFileDialog)


def press_in_message_box(key=Qt.Key_Return) -> None:
    """The next message box: press a key (Enter takes its default button)."""
    when_modal(lambda box: QTest.keyClick(box, key), QMessageBox)


def visible_message_box(name: str | None = None):
    """A message box on screen now (by object name), or None."""
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible() and (name is None or w.objectName() == name):
            return w
    return None
