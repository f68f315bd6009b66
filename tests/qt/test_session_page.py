"""Session page details found by QA: record counts read correctly in English (no "1 tests") and Vietnamese."""
from __future__ import annotations

from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session


def test_record_counts_are_labelled(main_window, qtbot):
    ctx = main_window.ctx
    s = new_session(ctx.db, context_for(ctx.db, "Lan"), unit_code="19753", team="Tổ 1", surveyors=["Lan"])
    page = main_window.show_page("session")
    page.refresh()
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 7).text() == s.id)
    assert page.table.item(row, 6).text() == "đo tốc độ: 0 · số đo tín hiệu: 0 · hộ: 0"
