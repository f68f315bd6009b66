"""Household form details found by QA: no stale "draft saved" once finalized; a long title does not widen the window."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session


@pytest.fixture
def page(qtbot, app_ctx):
    from survey_app.qt.views.household_page import HouseholdPage

    app_ctx.settings.surveyor = "Lan"
    session = new_session(app_ctx.db, context_for(app_ctx.db, "Lan"), unit_code="19753", team="T1",
                          surveyors=["Lan"])
    app_ctx.set_session(session)
    p = HouseholdPage(app_ctx)
    qtbot.addWidget(p)
    p.resize(1000, 800)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.shutdown()


def test_refusal_clears_the_draft_saved_note(qtbot, page):
    view = page.new_interview()
    view.widgets[("consent", None)].set_answer("no")
    view.save_now()
    assert view.saved_label.text()                       # "Draft saved at …" while it is a draft
    assert view.finalize() and view.status == "refused"
    assert view.saved_label.text() == ""


def test_form_title_wraps_instead_of_widening(qtbot, page):
    view = page.new_interview()
    view.title.setText("Khảo sát hộ gia đình về kết nối Internet – Huế " * 3)
    QApplication.processEvents()
    assert view.minimumSizeHint().width() < 1000


def test_form_title_stays_on_one_line_when_there_is_room(qtbot, page):
    view = page.new_interview()
    page.resize(1280, 800)
    QApplication.processEvents()
    line = view.title.fontMetrics().lineSpacing()
    assert view.title.height() < 2 * line, "the title wrapped although the window is wide"


def test_delete_draft_asks_first_and_only_drafts_can_be_deleted(qtbot, page, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from survey_app.storage.households import list_households

    view = page.new_interview()
    view.widgets[("consent", None)].set_answer("no")
    assert view.finalize()
    page.close_form()
    page.new_interview()
    page.close_form()
    sid = page.ctx.current_session.id
    statuses = [h["status"] for h in page.rows]
    page.table.selectRow(statuses.index("refused"))
    assert not page.delete_button.isEnabled()
    page.table.selectRow(statuses.index("draft"))
    assert page.delete_button.isEnabled()
    answers = iter([QMessageBox.No, QMessageBox.Yes])
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    page.delete_button.click()                  # "No": the draft stays
    assert len(list_households(page.ctx.db, sid)) == 2 and "không thể hoàn tác" in asked[0]
    page.delete_button.click()                  # "Yes": deleted
    assert [h["status"] for h in list_households(page.ctx.db, sid)] == ["refused"]
