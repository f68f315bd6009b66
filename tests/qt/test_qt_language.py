"""Everything the user reads in the Vietnamese window is Vietnamese, Qt's own dialogs and menus included, and no
record is shown by an id: every widget of every page, tab and dialog is walked for English left over from Qt and
for text that looks like a UUID."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox,
                               QDialogButtonBox, QFileDialog, QGroupBox, QHeaderView, QInputDialog, QLabel, QLineEdit,
                               QMessageBox, QTabBar, QTableView, QTreeView, QWidget)
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_driver import go_to  # noqa: E402

from survey_app.qt.main_window import PAGES  # noqa: E402

# What Qt shows in English when nobody translated it: buttons, the file dialog, edit menus, message boxes.
QT_ENGLISH = ("Cancel", "Open", "Save", "Save As", "File name", "Look in", "Files of type", "Yes", "No", "OK", "Close",
              "Apply", "Reset", "Help", "Discard", "Abort", "Retry", "Ignore", "Directory", "Detail View", "List View",
              "Back", "Forward", "Parent Directory", "Create New Folder", "New Folder", "Name", "Size", "Type",
              "Kind", "Date Modified", "Choose", "Computer", "My Computer", "Recent Places", "Restore Defaults",
              "Show Details", "Hide Details", "Select All", "Undo", "Redo", "Copy", "Paste", "Cut", "Delete",
              "All Files", "Enter a value", "Show hidden files", "Rename", "Step up", "Step down")
ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in QT_ENGLISH) + r")(?![\w-])")
# a UUID or a prefix of one: hex with both letters and digits, 8 or more, as ids were shown ("019b76da")
UUID_LIKE = re.compile(r"(?<![0-9A-Za-z])(?=[0-9a-f-]*[a-f])(?=[0-9a-f-]*[0-9])[0-9a-f]{8}(?:-[0-9a-f]{4}){0,4}"
                       r"(?![0-9A-Za-z])")
TAGS = re.compile(r"<[^>]+>|&nbsp;")


def _clean(text: str) -> str:
    return TAGS.sub(" ", text or "").replace("&&", "\0").replace("&", "").replace("\0", "&")


def _texts(widget: QWidget):
    """(where, text) of what a person can read in a widget."""
    name = f"{type(widget).__name__} {widget.objectName()!r}"
    if isinstance(widget, QLabel):
        yield name, widget.text()
    elif isinstance(widget, QAbstractButton):
        yield name, widget.text()
    elif isinstance(widget, QGroupBox):
        yield name, widget.title()
    elif isinstance(widget, QLineEdit):
        yield name, widget.text()
        yield name, widget.placeholderText()
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{name} item {i}", widget.itemText(i)
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"{name} tab {i}", widget.tabText(i)
    elif isinstance(widget, QAbstractSpinBox):
        yield name, widget.text()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model, root = widget.model(), widget.rootIndex()
        if isinstance(widget, QHeaderView):
            return   # its texts are the headers, read from the view it belongs to
        columns = model.columnCount(root) if isinstance(widget, (QTableView, QTreeView)) else 1
        for c in range(columns):
            yield f"{name} header {c}", str(model.headerData(c, Qt.Horizontal) or "")
        if not isinstance(widget.window(), QFileDialog):   # file names there are the user's own
            for r in range(min(model.rowCount(root), 40)):
                for c in range(columns):
                    yield f"{name} cell {r},{c}", str(model.index(r, c, root).data() or "")


def _problems(root: QWidget, where: str) -> list[str]:
    out = []
    texts = [(f"{type(root).__name__} title", root.windowTitle())] if root.isWindow() else []
    for w in [root, *root.findChildren(QWidget)]:
        if w.isVisible():
            texts += list(_texts(w))
    for name, raw in texts:
        text = _clean(raw)
        english = ENGLISH.findall(text)
        if english:
            out.append(f"{where}: {name} shows English {english}: {text[:80]!r}")
        uuid = UUID_LIKE.findall(text)
        if uuid:
            out.append(f"{where}: {name} shows an id {uuid}: {text[:80]!r}")
    return out


def _walk_pages(window, qtbot) -> list[str]:
    from survey_app.qt.qt import QTabWidget

    problems = []
    for key, _module, _cls in PAGES:
        page = go_to(qtbot, window, key)
        qtbot.wait(400)   # background loads fill the tables
        problems += _problems(window, key)
        for tabs in page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                qtbot.wait(150)
                problems += _problems(window, f"{key} / {tabs.tabText(i)}")
            tabs.setCurrentIndex(0)
    return problems


def _dialogs(window):
    """Every dialog the window opens (and Qt's own ones it uses), as (where, dialog)."""
    from survey_app.qt.file_dialogs import _dialog
    from survey_app.qt.views.household_forms_dialog import HouseholdFormsDialog
    from survey_app.qt.views.review_decision_dialog import ReviewDecisionDialog
    from survey_app.qt.views.review_map_dialog import ReviewMapDialog
    from survey_app.qt.views.session_dialog import SessionDialog
    from survey_app.qt.views.signal_position_dialog import PositionDialog

    ctx = window.ctx
    yield "session dialog", SessionDialog(ctx, "19753", window)
    yield "questionnaires", HouseholdFormsDialog(ctx, window)
    yield "decision", ReviewDecisionDialog("reject", ctx.current_session, "Lan", window)
    yield "map", ReviewMapDialog(ctx, window.page("review").detail.map, "x", window)
    yield "position", PositionDialog(ctx, window)
    for mode in ("open", "save", "folder"):
        dialog = _dialog(window, "x", str(Path.home()), "*.zip", mode)
        dialog.setViewMode(QFileDialog.Detail)   # the columns Name, Size, Type, Date Modified
        yield f"file dialog ({mode})", dialog
    box = QMessageBox(QMessageBox.Question, "x", "x", QMessageBox.Yes | QMessageBox.No, window)
    box.setDetailedText("x")
    yield "question", box
    yield "input", QInputDialog(window)
    yield "buttons", QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel | QDialogButtonBox.Close
                                      | QDialogButtonBox.Apply | QDialogButtonBox.Reset | QDialogButtonBox.Help)


def test_every_widget_of_every_page_and_dialog_is_vietnamese_and_shows_no_ids(surveyed, qtbot):
    window = surveyed
    from survey_app.storage.consents import log_request

    first = window.ctx.db.execute("SELECT id FROM households ORDER BY started_at LIMIT 1").fetchone()[0]
    log_request(window.ctx.db, household_id=first, kind="access", handled_by="Lan", reason="gọi điện",
                completed=False)   # the Privacy page lists it: by the household's name, not its id
    problems = _walk_pages(window, qtbot)
    window._ask_to_quit(["đang đo tốc độ"])
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "quitQuestion" and w.isVisible())
    problems += _problems(box, "quit question")
    box.reject()
    for where, dialog in _dialogs(window):
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(100)
        problems += _problems(dialog, where)
        dialog.close()
        dialog.deleteLater()   # the button box has no parent: it would outlive the test
    menu = window.page("settings").surveyor.createStandardContextMenu()
    problems += [f"edit menu: {a.text()!r}" for a in menu.actions() if ENGLISH.search(_clean(a.text()))]
    assert not problems, "\n".join(problems)


def test_the_walk_finds_english_and_ids(qtbot):
    """The checks themselves catch what they look for."""
    w = QWidget()
    qtbot.addWidget(w)
    QLabel("Bản ghi 019b76da · Look in:", w)
    w.show()
    found = _problems(w, "w")
    assert any("English ['Look in']" in p for p in found) and any("019b76da" in p for p in found)
    assert not ENGLISH.search("Đồng ý · Hủy · Mở") and not UUID_LIKE.search("Ô 27447327 · EC25EFAR06A06M4G")
