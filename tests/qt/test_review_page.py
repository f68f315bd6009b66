"""The Review page on a real database: lazy table, filters and sorting in SQL, detail, decisions, indicators, map."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from survey_app.review.checks import refresh
from survey_app.demo.survey import DemoSpec, generate
from survey_app.storage.records import context_for


def _demo(db, **kw):
    gen = generate(db, DemoSpec(seed=11, **kw), context_for(db, "Lan"))
    for _ in gen:
        pass
    refresh(db)


@pytest.fixture
def page(app_ctx, qtbot):
    from survey_app.qt.views.review_page import ReviewPage

    # 1,500 speed tests at ~6 per session: about 250 sessions, more than one page of the lazy table.
    _demo(app_ctx.db, households=600, readings=4000, speedtests=1500)
    p = ReviewPage(app_ctx)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    yield p
    p.shutdown()


def test_lazy_table_pages_and_sorts_in_sql(page, app_ctx):
    model = page.model
    total = app_ctx.db.execute("SELECT count(*) FROM sessions").fetchone()[0]
    assert total > 200
    assert model.total == total and model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == total and not model.canFetchMore()
    page.table.sortByColumn(7, Qt.DescendingOrder)        # flags
    top = max(r[0] for r in app_ctx.db.execute("SELECT flag_count FROM review_session_stats"))
    assert model.rows[0][9] == top and model.rowCount() == 200
    page.table.sortByColumn(4, Qt.AscendingOrder)          # households
    counts = [r[6] for r in model.rows]
    assert counts == sorted(counts)


def test_filters(page, app_ctx):
    page.unit_combo.setCurrentIndex(page.unit_combo.findData("19753"))
    assert page.model.total == app_ctx.db.execute(
        "SELECT count(*) FROM sessions WHERE unit_code = '19753'").fetchone()[0]
    assert {r[1] for r in page.model.rows} == {"19753"}
    page.unit_combo.setCurrentIndex(0)
    page.flagged_check.setChecked(True)
    flagged = app_ctx.db.execute("SELECT count(*) FROM review_session_stats WHERE flag_count > 0").fetchone()[0]
    assert page.model.total == flagged and all(r[9] > 0 for r in page.model.rows)
    page.flag_combo.setCurrentIndex(page.flag_combo.findData("speedtest_failed"))
    assert all("speedtest_failed" in r[10].split() for r in page.model.rows)
    from survey_app.qt.formatting import count

    assert page.count_label.text().startswith(count(page.model.total))
    page.clear_button.click()
    assert page.model.total == app_ctx.db.execute("SELECT count(*) FROM sessions").fetchone()[0]
    assert not page.flagged_check.isChecked() and page.flag_combo.currentIndex() == 0


def test_detail_and_decisions_through_the_dialog(page, app_ctx, qtbot):
    from survey_app.qt.views.review_decision_dialog import ReviewDecisionDialog

    page.status_combo.setCurrentIndex(page.status_combo.findData("closed"))
    page.select_row(0)
    sid = page.detail.session_id
    assert sid == page.model.rows[0][0]
    assert page.detail.approve_button.isEnabled() and not page.detail.reopen_button.isEnabled()
    assert page.detail.tests.rowCount() == app_ctx.db.execute(
        "SELECT count(*) FROM speed_tests WHERE session_id = ?", [sid]).fetchone()[0]
    assert page.detail.map.point_count() > 0

    def fill(comment):
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewDecisionDialog) and w.isVisible())
        ok = dialog.buttons.button(QDialogButtonBox.Ok)
        dialog.reviewer_edit.setText("Chị Hoa")
        assert ok.isEnabled() == (dialog.action == "approve")   # reject needs a comment first
        dialog.comment_edit.setPlainText(comment)
        ok.click()

    with qtbot.waitSignal(page.decision_made, timeout=10000):
        QTimer.singleShot(50, lambda: fill("Đã kiểm tra"))
        page.detail.reject_button.click()
    row = app_ctx.db.execute("SELECT status FROM sessions WHERE id = ?", [sid]).fetchone()
    assert row == ("rejected",)
    assert app_ctx.db.execute("SELECT reviewer, comment FROM review_decisions WHERE session_id = ? "
                              "ORDER BY rowid DESC LIMIT 1", [sid]).fetchone() == ("Chị Hoa", "Đã kiểm tra")
    assert page.model.rows[0][5] == "rejected"          # the row was refreshed in place
    assert "Chị Hoa" in page.detail.history.text()
    # refused: rejecting again is not allowed; the reason is shown in the panel, nothing is written
    before = app_ctx.db.execute("SELECT count(*) FROM review_decisions").fetchone()[0]
    assert page.decide("reject", "lần nữa", "Chị Hoa") is None
    assert page.detail.message.isVisible() and "từ chối" in page.detail.message.text()
    assert app_ctx.db.execute("SELECT count(*) FROM review_decisions").fetchone()[0] == before
    d = page.decide("reopen", "xem lại", "Chị Hoa")
    assert d.decision == "reopened"
    assert page.decide("approve", "", "Chị Hoa").decision == "approved"
    assert app_ctx.db.execute("SELECT status FROM sessions WHERE id = ?", [sid]).fetchone() == ("approved",)


def test_indicators_view(page, qtbot):
    with qtbot.waitSignal(page.indicators.computed, timeout=60000) as blocker:
        page.tabs.setCurrentWidget(page.ui.indicatorsTab)
    table = blocker.args[0]
    view = page.indicators
    assert view.table.rowCount() == 41
    names = [view.table.item(r, 0).text() for r in range(41)]
    assert names[40] == "Thành phố Huế" and names[:40] == [u.name for u in table.rows[:40]]   # names, not codes
    city = table.city
    assert city.residents > 0 and city.speed_tests > 0
    assert "Kế hoạch 455" in view.sources.text() and "usable_rsrp_dbm" not in view.sources.text()
    assert view.breakdown.rowCount() >= 3 and view.breakdown.item(0, 0).text() == "Viettel"
    assert view.breakdown_title.text().startswith("Thành phố Huế")
    view.table.setCurrentCell(0, 0)
    assert view.breakdown_title.text().startswith(table.rows[0].name)
    assert view.breakdown.item(0, 1).text() == str(table.rows[0].coverage.get("Viettel", {}).get("readings", 0))
    view.ui.views.setCurrentWidget(view.ui.chartsTab)
    ticks = view._charts.coverage.getAxis("left")._tickLevels[0]
    assert [label for _pos, label in ticks] == [u.name for u in table.rows]


def test_city_map_click_shows_record(page, qtbot):
    with qtbot.waitSignal(page.map_loaded, timeout=60000) as blocker:
        page.tabs.setCurrentIndex(2)
    assert blocker.args[0] > 0 and page.city_map.point_count() == blocker.args[0]
    with qtbot.waitSignal(page.city_map.point_clicked, timeout=5000) as clicked:
        assert page.city_map.click_at_scene(page.city_map.scene_pos_of(0))
    assert clicked.args[0] == "signal_readings"
    assert "RSRP" in page.map_record.text() and "rsrp_dbm" not in page.map_record.text()   # labelled, not raw
    with qtbot.waitSignal(page.map_loaded, timeout=60000):
        page.metric_combo.setCurrentIndex(page.metric_combo.findData("internet"))
    assert page.city_map._table == "households"


def test_map_click_says_when_a_point_lies_in_another_unit(app_ctx, qtbot, tmp_path):
    """With boundaries imported, clicking a point recorded in the wrong unit names the unit it lies in."""
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
    import review_support as rs

    from survey_app.qt.views.review_page import ReviewPage
    from survey_app.review.boundaries import import_geojson

    db = app_ctx.db
    squares = []
    for code in (rs.WARD, rs.COMMUNE):
        lon, lat = rs.unit_point(db, code)
        d = 0.01
        ring = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]
        squares.append({"type": "Feature", "properties": {"code": code},
                        "geometry": {"type": "Polygon", "coordinates": [ring]}})
    path = tmp_path / "two.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": squares}))
    import_geojson(db, path)
    sid = rs.session(db, rs.WARD)
    stray = rs.reading(db, sid, "2026-03-02T02:00:00.000Z", pos=rs.unit_point(db, rs.COMMUNE))
    page = ReviewPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.map_loaded, timeout=30000):
        page.tabs.setCurrentIndex(2)
    i = page.city_map._ids.index(stray)
    assert page.city_map.click_at_scene(page.city_map.scene_pos_of(i))
    assert "Nằm trong Xã A Lưới 5" in page.map_record.text()
    page.shutdown()
