"""The window fits a 1366x768 laptop with its taskbar (and 1920x1080 at 125 %): no top-level widget past the screen,
no table column past the right edge of its table, no width that changes while the surveyor types."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_driver import go_to  # noqa: E402

from survey_app.qt.main_window import PAGES  # noqa: E402

TASKBAR, TITLE_BAR = 40, 31   # Windows 10 at 100 %: what the screen loses to the taskbar and the window's title


def _room():
    """The part of the screen a window may use: above the taskbar, below its own title bar."""
    room = QGuiApplication.primaryScreen().availableGeometry()
    return room.adjusted(0, 0, 0, -TASKBAR - TITLE_BAR)


def _outside_the_screen() -> list[str]:
    room = _room()
    out = []
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and w.isWindow() and w.windowType() in (Qt.Window, Qt.Dialog):
            frame = w.frameGeometry()
            if frame.width() > room.width() or frame.height() > room.height():
                out.append(f"{type(w).__name__} {w.objectName()!r} is {frame.width()}x{frame.height()}, "
                           f"the screen leaves {room.width()}x{room.height()}")
    return out


def _columns_past_the_edge(page) -> list[str]:
    out = []
    for view in page.findChildren(QAbstractItemView):
        if not view.isVisible() or not hasattr(view, "horizontalHeader") or view.model() is None:
            continue
        header = view.horizontalHeader()
        if header.length() > view.viewport().width():
            names, right = [], 0
            for i in range(header.count()):
                right += header.sectionSize(i)
                if right > view.viewport().width():
                    names.append(str(view.model().headerData(i, Qt.Horizontal)))
            out.append(f"{view.objectName() or type(view).__name__}: {', '.join(names)} past the right edge "
                       f"({header.length()} px of columns in {view.viewport().width()} px)")
    return out


def _settle(limit_s: float = 30.0) -> None:
    """Let a tab that fills its table in the background finish: its task done, then the layout that follows (a
    scroll bar appearing narrows the table, and the columns are refitted on the next turn of the event loop).
    Checking before that measured a table in the middle of being filled (seen once under load: 7 px over)."""
    from survey_app.qt import runner
    deadline = time.monotonic() + limit_s
    QApplication.processEvents()
    while runner._running and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    for _ in range(3):   # the fill, the layout it causes, and the refit that layout causes
        QApplication.processEvents()
        time.sleep(0.01)


def _views_of(page):
    """Every tab of the page (and of tabs inside tabs) shown in turn; yields a description."""
    _settle()
    yield page.objectName()
    for tabs in page.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            _settle()
            yield f"{page.objectName()} / {tabs.tabText(i)}"
        tabs.setCurrentIndex(0)


@pytest.mark.qt_log_ignore("The cached device pixel ratio value was stale")   # offscreen at 125 %, not the app
def test_every_page_and_dialog_fits_the_screen_without_columns_past_the_edge(surveyed, qtbot):
    window = surveyed
    room = _room()
    if "SURVEY_FIT_SUBPROCESS" in os.environ:   # the run on the 125 % screen really has it
        screen = QGuiApplication.primaryScreen()
        assert screen.devicePixelRatio() == 1.25 and screen.geometry().width() == 1536
    assert window.frameGeometry().height() <= room.height() and window.frameGeometry().width() <= room.width()
    problems = []
    for key, _module, _cls in PAGES:
        page = go_to(qtbot, window, key)
        qtbot.wait(300)   # pages that load in the background fill their tables
        for where in _views_of(page):
            hint = window.minimumSizeHint()
            if hint.width() > room.width() or hint.height() > room.height():
                problems.append(f"{where}: the window cannot be smaller than {hint.width()}x{hint.height()}")
            problems += [f"{where}: {p}" for p in _columns_past_the_edge(page) + _outside_the_screen()]
    problems += _dialogs_fit(window, qtbot)
    assert not problems, "\n".join(problems)


def _dialogs_fit(window, qtbot) -> list[str]:
    from survey_app.qt.file_dialogs import _dialog
    from survey_app.qt.views.household_forms_dialog import HouseholdFormsDialog
    from survey_app.qt.views.review_decision_dialog import ReviewDecisionDialog
    from survey_app.qt.views.review_map_dialog import ReviewMapDialog
    from survey_app.qt.views.session_dialog import SessionDialog
    from survey_app.qt.views.signal_position_dialog import PositionDialog
    from survey_app.qt.views.speedtest_dialog import SpeedTestDialog

    ctx = window.ctx
    review = window.page("review")
    dialogs = [SessionDialog(ctx, "19753", window), HouseholdFormsDialog(ctx, window),
               ReviewDecisionDialog("reject", ctx.current_session, "", window),
               ReviewMapDialog(ctx, review.detail.map, "x", window), PositionDialog(ctx, window),
               SpeedTestDialog(ctx, household_id=None, parent=window),
               _dialog(window, "x", str(Path.home()), "*.zip", "open")]
    problems = []
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [f"{type(dialog).__name__}: {p}" for p in _outside_the_screen()]
        if hasattr(dialog, "page"):
            dialog.page.shutdown()
        dialog.close()
    return problems


@pytest.mark.qt_log_ignore("The cached device pixel ratio value was stale")   # offscreen at 125 %, not the app
def test_typing_changes_no_width(surveyed, qtbot):
    """Texts that change while a surveyor works (autosave, summaries, the session bar) never widen anything."""
    window = surveyed
    page = go_to(qtbot, window, "households")
    view = page.new_interview()
    qtbot.waitUntil(lambda: view.isVisible(), timeout=5000)
    widths = (window.ui.navList.width(), view.width(), window.width())
    view.widgets[("consent", None)].set_answer("yes")
    hamlet = view.widgets[("hamlet", None)].focus_widget()
    hamlet.setFocus()
    qtbot.keyClicks(hamlet, "To dan pho 5, khu vuc rat dai ten de thu xem cua so co gian ra khong " * 3)
    view.save_now()            # "Draft saved at …" appears
    view.finalize()            # the list of what is missing appears, long
    qtbot.wait(100)
    assert (window.ui.navList.width(), view.width(), window.width()) == widths
    window.ctx.set_status("modem", "Quectel RM500Q-GL ở cổng /dev/serial/by-id/usb-Quectel_RM500Q-GL_" + "x" * 80)
    qtbot.wait(100)
    assert window.width() == widths[2]


def test_signal_plots_take_at_least_a_third_of_the_page(surveyed, qtbot):
    page = go_to(qtbot, surveyed, "signal")
    qtbot.wait(200)
    assert page.plot.height() >= page.height() / 3


@pytest.mark.skipif("SURVEY_FIT_SUBPROCESS" in os.environ, reason="already the 125 % run")
def test_the_same_at_1920x1080_with_125_percent_scaling(tmp_path):
    import json

    screen = tmp_path / "fhd-125.json"   # 1920x1080 device pixels at 125 %: 1536x864 (logical) for the window
    screen.write_text(json.dumps({"screens": [{"name": "fhd", "x": 0, "y": 0, "width": 1536, "height": 864,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.25}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}", SURVEY_FIT_SUBPROCESS="1")
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", __file__, "-k",
                          "fits_the_screen or typing_changes", "--basetemp", str(tmp_path / "run")],
                         env=env, capture_output=True, text=True, timeout=600, cwd=Path(__file__).parents[2])
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "2 passed" in out.stdout
