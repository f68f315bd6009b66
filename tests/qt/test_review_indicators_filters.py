"""The Indicators tab follows a date range and a team, chosen with the keyboard and mouse like the map's filters."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
import review_support as rs  # noqa: E402


@pytest.fixture
def two_teams(app_ctx):
    """Team A's session started on 1 March 2026, team B's on 10 March; one speed test and two readings each."""
    from survey_app.storage.revisions import revise

    db = app_ctx.db
    for team, day in (("Đội A", "2026-03-01"), ("Đội B", "2026-03-10")):
        sid = rs.session(db, team=team)
        revise(db, "sessions", sid, {"started_at": f"{day}T02:00:00.000Z"}, changed_by="test", reason="set-up")
        rs.speed_test(db, sid, f"{day}T02:10:00.000Z")
        rs.reading(db, sid, f"{day}T02:11:00.000Z")
        rs.reading(db, sid, f"{day}T02:12:00.000Z")
        rs.approve(db, sid)
    return app_ctx


def _view(qtbot, ctx):
    from survey_app.qt.views.review_indicators_view import ReviewIndicatorsView

    view = ReviewIndicatorsView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    return view


def _type_date(qtbot, edit, digits: str) -> None:
    """Type a day as a person does: into the day part, the field moves on to the month and year by itself."""
    from PySide6.QtWidgets import QDateTimeEdit

    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.DaySection)
    qtbot.keyClicks(edit, digits)


def test_team_and_date_range_choose_the_sessions(two_teams, qtbot):
    view = _view(qtbot, two_teams)
    with qtbot.waitSignal(view.computed, timeout=60000) as everyone:
        qtbot.mouseClick(view.refresh_button, Qt.LeftButton)
    assert everyone.args[0].city.speed_tests == 2
    period = view.period
    assert [period.team_combo.itemText(i) for i in range(period.team_combo.count())] == [
        "Tất cả các tổ", "Đội A", "Đội B"]
    with qtbot.waitSignal(view.computed, timeout=60000) as team_b:
        period.team_combo.setFocus()
        qtbot.keyClick(period.team_combo, Qt.Key_End)          # the last team: Đội B
    assert team_b.args[0].city.speed_tests == 1 and "tổ Đội B" in view.status.text()
    with qtbot.waitSignal(view.computed, timeout=60000):
        qtbot.keyClick(period.team_combo, Qt.Key_Home)         # all teams again
    with qtbot.waitSignal(view.computed, timeout=60000):
        qtbot.mouseClick(period.from_check, Qt.LeftButton)
    with qtbot.waitSignal(view.computed, timeout=60000) as since:
        _type_date(qtbot, period.from_date, "05032026")
    assert period.from_date.date() == QDate(2026, 3, 5)
    assert since.args[0].city.speed_tests == 1 and "05/03/2026" in view.status.text()
    # the last day before the first: said so, nothing computed
    with qtbot.waitSignal(view.computed, timeout=60000) as until_today:
        qtbot.mouseClick(period.to_check, Qt.LeftButton)
    _type_date(qtbot, period.to_date, "01032026")
    qtbot.waitUntil(lambda: view.status.text() == "Ngày đầu sau ngày cuối.", timeout=5000)
    assert view.result is until_today.args[0]
