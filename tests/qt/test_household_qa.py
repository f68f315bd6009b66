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
