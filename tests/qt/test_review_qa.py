"""Review page details found by QA: decisions and map records read in the user's language and date format."""
from __future__ import annotations

import re

from PySide6.QtWidgets import QDialogButtonBox

from survey_app.storage.records import context_for
from survey_app.storage.sessions import close_session, new_session


def _closed_session(db):
    ctx = context_for(db, "Lan")
    s = new_session(db, ctx, unit_code="19753", team="Tổ 1", surveyors=["Lan"])
    close_session(db, ctx, s.id)
    return s


def test_decision_message_uses_local_date_not_iso(app_ctx, qtbot):
    from survey_app.qt.views.review_page import ReviewPage

    s = _closed_session(app_ctx.db)
    page = ReviewPage(app_ctx)
    qtbot.addWidget(page)
    page.detail.show_session(s.id)
    d = page.decide("reject", "Thiếu vị trí", "Chị Hoa")
    text = page.decision_text(d)
    assert not re.search(r"\d{4}-\d\d-\d\dT", text), text            # no raw ISO time
    assert re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", text), text        # dd/MM/yyyy HH:mm
    assert "bị từ chối" in text and "Chị Hoa" in text and "Thiếu vị trí" in text
    assert "Phường Phú Xuân" in text and s.id[:8] not in text     # the session by name, never its id
    page.shutdown()


def test_map_record_is_labelled_and_formatted_in_vietnamese(app_ctx):
    from survey_app.qt.views.review_record_text import record_text

    rec = {"unit_code": "19753", "session_id": "019b76da-a83b", "measured_at": "2026-05-29T05:41:34.156Z",
           "operator": "Viettel", "technology": "LTE", "rsrp_dbm": -101.2, "lat": 16.429755, "lon": 107.263464,
           "position_accuracy_m": 8.6}
    text = record_text(rec, app_ctx)
    for raw in ("unit_code", "session_id", "measured_at", "rsrp_dbm", "position_accuracy_m", "2026-05-29T", "019b"):
        assert raw not in text
    assert "29/05/2026" in text and "-101,2 dBm" in text and "16,429755° B" in text and "±9 m" in text
    assert "Viettel 4G LTE" in text and "Phường Phú Xuân" in text
    hh = record_text({"hamlet": "Tổ 5", "internet_at_home": 1, "fibre": 0, "status": "finalized"}, app_ctx)
    assert hh == "Trạng thái: đã hoàn tất · Thôn/tổ: Tổ 5 · Internet tại nhà: có · Cáp quang: không"


def test_decision_dialog_button_names_the_action(app_ctx, qtbot):
    from survey_app.qt.views.review_decision_dialog import ReviewDecisionDialog

    s = _closed_session(app_ctx.db)
    dialog = ReviewDecisionDialog("reject", s, "")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert ok.text().replace("&", "") == "Từ chối" and not ok.isEnabled()
    assert dialog.reviewer_edit.text() == ""                  # never the surveyor from the settings
    assert "Phường Phú Xuân" in dialog.ui.sessionLabel.text() and s.id[:8] not in dialog.ui.sessionLabel.text()
    dialog.reviewer_edit.setText("Chị Hoa")
    dialog.comment_edit.setPlainText("Thiếu vị trí")
    assert ok.isEnabled()
    assert dialog.buttons.button(QDialogButtonBox.Cancel).text() == "Hủy"


def test_the_surveyor_reviewing_their_own_session_must_say_so(app_ctx, qtbot):
    from survey_app.qt.views.review_decision_dialog import ReviewDecisionDialog

    s = _closed_session(app_ctx.db)          # surveyed by Lan
    dialog = ReviewDecisionDialog("approve", s, "")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    qtbot.keyClicks(dialog.reviewer_edit, "lan")
    assert dialog.ui.ownWorkWarning.isVisible() and "lan" in dialog.ui.ownWorkWarning.text()
    assert not ok.isEnabled()
    dialog.ui.ownWorkCheck.click()
    assert ok.isEnabled()
    dialog.reviewer_edit.clear()
    qtbot.keyClicks(dialog.reviewer_edit, "Hoa")   # QTest types ASCII only
    assert not dialog.ui.ownWorkWarning.isVisible() and ok.isEnabled()


def test_coverage_chart_names_units_and_says_which_colour_is_which_operator(app_ctx, qtbot):
    from survey_app.qt.colours import OPERATORS
    from survey_app.qt.views.review_indicators_view import ReviewIndicatorsView
    from survey_app.demo.survey import DemoSpec, generate

    for _ in generate(app_ctx.db, DemoSpec(households=60, readings=600, speedtests=30, seed=5),
                      context_for(app_ctx.db, "Lan")):
        pass
    view = ReviewIndicatorsView(app_ctx)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.computed, timeout=60000) as blocker:
        view.refresh()
    view.ui.views.setCurrentWidget(view.ui.chartsTab)
    legend = view.ui.chartsLegend.text()
    assert all(op in legend for op in OPERATORS)
    assert "Phủ sóng 4G/5G" in view._charts.coverage.getPlotItem().titleLabel.text
    names = [label for _pos, label in view._charts.coverage.getAxis("left")._tickLevels[0]]
    assert names == [u.name for u in blocker.args[0].rows] and not any(n.isdigit() for n in names)


def test_no_data_differs_from_zero_and_units_with_readings_show_their_coverage(app_ctx, qtbot):
    from survey_app.qt.views.review_indicators_view import ReviewIndicatorsView
    from survey_app.demo.survey import DemoSpec, generate

    for _ in generate(app_ctx.db, DemoSpec(households=40, readings=400, speedtests=20, seed=3),
                      context_for(app_ctx.db, "Lan")):
        pass
    view = ReviewIndicatorsView(app_ctx)
    qtbot.addWidget(view)
    view.all_check.setChecked(True)
    with qtbot.waitSignal(view.computed, timeout=60000) as blocker:
        view.refresh()
    table = blocker.args[0]
    col = view.headers.index("4G/5G")
    for i, u in enumerate(table.rows[:-1]):
        text = view.table.item(i, col).text()
        if u.readings:
            assert text.endswith("%"), (u.name, text)      # measured: a value, even with few samples
        else:
            assert text == "chưa đo", (u.name, text)
    assert any(u.readings for u in table.rows[:-1]) and any(not u.readings for u in table.rows[:-1])
    assert "quá ít mẫu" in view.ui.legend.text()


def test_detail_tables_show_words_not_codes(app_ctx, qtbot):
    from survey_app.qt.views.review_page import ReviewPage
    from survey_app.demo.survey import DemoSpec, generate

    for _ in generate(app_ctx.db, DemoSpec(households=80, readings=300, speedtests=40, seed=7),
                      context_for(app_ctx.db, "Lan")):
        pass
    sid = app_ctx.db.execute("SELECT session_id FROM households GROUP BY session_id "
                             "HAVING count(*) > 0 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    page = ReviewPage(app_ctx)
    qtbot.addWidget(page)
    page.detail.show_session(sid)
    shown = {page.detail.households.item(r, c).text() for r in range(page.detail.households.rowCount())
             for c in (1, 2)}
    assert shown & {"đã hoàn tất", "từ chối", "bản nháp"} and shown & {"có", "không"}
    assert not shown & {"finalized", "refused", "draft", "yes", "no"}, shown
    sid = app_ctx.db.execute("SELECT session_id FROM speed_tests LIMIT 1").fetchone()[0]
    page.detail.show_session(sid)
    tests = {page.detail.tests.item(r, c).text() for r in range(page.detail.tests.rowCount()) for c in (1, 2)}
    assert not tests & {"ok", "failed", "cancelled", "wifi", "modem", "ethernet"}, tests
    assert tests & {"hoàn tất", "xong", "thất bại", "đã hủy"}
    page.shutdown()


def test_flags_wrap_and_an_empty_timeline_has_no_empty_legend(app_ctx, qtbot):
    from PySide6.QtCore import Qt

    from survey_app.qt.views.review_page import ReviewPage

    s = _closed_session(app_ctx.db)          # no readings, no flags
    page = ReviewPage(app_ctx)
    qtbot.addWidget(page)
    page.detail.show_session(s.id)
    flags = page.detail.flags
    assert flags.wordWrap() and flags.horizontalScrollBarPolicy() == Qt.ScrollBarAlwaysOff
    assert page.detail.ui.timelineLegend.text() == ""          # no legend for an empty timeline
    page.show()
    assert page.detail.timeline_empty.isVisible() and not page.detail._plot.isVisible()
    assert page.detail.timeline_empty.text() == "Phiên này không có số đo tín hiệu."
    page.shutdown()


def test_review_page_fits_a_small_laptop_screen(app_ctx, qtbot):
    from survey_app.qt.views.review_page import ReviewPage

    page = ReviewPage(app_ctx)
    qtbot.addWidget(page)
    # 1366 px screen minus the navigation list (172 px) and window frame
    assert page.minimumSizeHint().width() <= 1150
    assert page.search_edit.y() > page.unit_combo.y()      # search on its own row, not squeezed
    page.shutdown()
