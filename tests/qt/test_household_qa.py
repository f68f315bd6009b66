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
    draft = page.new_interview()
    draft.widgets[("consent", None)].set_answer("yes")     # answered something: kept as a draft
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


def test_a_draft_left_with_nothing_answered_is_dropped(qtbot, page):
    from survey_app.storage.households import list_households

    sid = page.ctx.current_session.id
    page.new_interview()
    assert len(list_households(page.ctx.db, sid)) == 1
    page.close_form()                                     # nobody at home: back without answering anything
    assert list_households(page.ctx.db, sid) == [] and page.table.rowCount() == 0
    view = page.new_interview()
    view.widgets[("consent", None)].set_answer("no")
    page.close_form()
    assert [h["status"] for h in list_households(page.ctx.db, sid)] == ["draft"]


def test_an_unanswered_draft_with_a_speed_test_is_kept(qtbot, page):
    from survey_app.speedtest.model import Server, SpeedTestResult
    from survey_app.speedtest.reasons import Reason
    from survey_app.storage.households import list_households
    from survey_app.storage.speedtests import insert_result

    ctx = page.ctx
    view = page.new_interview()
    result = SpeedTestResult(status="cancelled", server=Server(url="http://127.0.0.1:1/", protocol="librespeed"),
                             started_at="2026-11-27T10:00:00.000Z", reason=Reason("cancelled"))
    insert_result(ctx.db, ctx.record_context(), result, session=ctx.current_session, household_id=view.household_id)
    page.close_form()
    assert [h["id"] for h in list_households(ctx.db, ctx.current_session.id)] == [view.household_id]
