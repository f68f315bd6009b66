"""Session page details found by QA: record counts read correctly in English (no "1 tests") and Vietnamese."""
from __future__ import annotations

import re

from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session


def test_record_counts_are_labelled(main_window, qtbot):
    ctx = main_window.ctx
    s = new_session(ctx.db, context_for(ctx.db, "Lan"), unit_code="19753", team="Tổ 1", surveyors=["Lan"])
    page = main_window.show_page("session")
    page.refresh()
    row = page.row_of(s.id)
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert headers[-3:] == ["Đo tốc độ", "Số đo tín hiệu", "Hộ gia đình"]
    assert [page.table.item(row, c).text() for c in (6, 7, 8)] == ["0", "0", "0"]
    assert page.table.item(row, 0).text() == "Phường Phú Xuân"   # a name, not an id


def test_tab_leaves_the_tables_instead_of_walking_their_cells(main_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window, timeout=5000)
    ctx = main_window.ctx
    new_session(ctx.db, context_for(ctx.db, "Lan"), unit_code="19753", team="Tổ 1", surveyors=["Lan"])
    for key, attr in (("session", "table"), ("households", "table"), ("speedtest", "history"), ("review", "table")):
        table = getattr(main_window.show_page(key), attr)
        table.setFocus()
        qtbot.waitUntil(table.hasFocus, timeout=3000)
        qtbot.keyClick(table, Qt.Key_Tab)
        assert not table.hasFocus(), f"Tab stayed inside the {key} table"


def test_counts_are_grouped_the_vietnamese_way(main_window, qtbot):
    from survey_app.demo.survey import DemoSpec, generate

    ctx = main_window.ctx
    for _ in generate(ctx.db, DemoSpec(households=20, readings=1500, speedtests=20, seed=3), context_for(ctx.db, "Lan")):
        pass
    main_window._refresh_unsynced()
    n = ctx.db.execute("SELECT count(*) FROM signal_readings").fetchone()[0]
    assert n >= 1000
    text = main_window.status_text("sync")
    assert re.fullmatch(r"Chưa đồng bộ: \d{1,3}(\.\d{3})+", text), text


def test_closing_a_session_asks_with_no_as_the_default(main_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    ctx = main_window.ctx
    s = new_session(ctx.db, context_for(ctx.db, "Lan"), unit_code="19753", team="Tổ 1", surveyors=["Lan"])
    ctx.set_session(s)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a) or QMessageBox.No)
    main_window.ui.closeSessionButton.click()
    page = main_window.show_page("session")
    page.refresh()
    page.table.selectRow(page.row_of(s.id))
    page.close_button.click()
    assert len(asked) == 2 and all(a[-1] == QMessageBox.No for a in asked)
    assert ctx.current_session is not None and ctx.current_session.id == s.id   # answered No: still open


def test_five_hundred_sessions_fill_the_table_without_freezing(main_window, qtbot):
    # Columns sized to their contents used to be re-measured after every item: 500 sessions took ~50 s.
    import time

    ctx = main_window.ctx
    rc = context_for(ctx.db, "Lan")
    for i in range(500):
        new_session(ctx.db, rc, unit_code="19753", team=f"Tổ {i}", surveyors=["Lan"])
    from PySide6.QtWidgets import QApplication

    page = main_window.show_page("session")
    page.refresh()
    QApplication.processEvents()        # laid out and shown: the slow case is refilling a table on screen
    start = time.perf_counter()
    page.refresh()
    assert time.perf_counter() - start < 5.0
    assert page.table.rowCount() == 500
    assert page.table.columnWidth(3) >= page.table.fontMetrics().horizontalAdvance("01/01/2026 00:00")
