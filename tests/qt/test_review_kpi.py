"""The Review page's Speed KPIs tab on demo data: computed off the GUI thread when first shown, figures only where
a group has enough valid tests, the count otherwise, and the threshold sources at hand."""
from __future__ import annotations

from PySide6.QtCore import Qt

from survey_app.demo.survey import DemoSpec, generate
from survey_app.storage.records import context_for


def test_kpi_tab_lists_groups_and_says_not_enough_tests(main_window, qtbot, app_ctx, tmp_path):
    for _ in generate(app_ctx.db, DemoSpec(households=30, readings=200, speedtests=1200, seed=3),
                      context_for(app_ctx.db, "Lan")):
        pass
    page = main_window.show_page("review")
    tab = page.tabs.indexOf(page.ui.kpisTab)
    bar = page.tabs.tabBar()
    with qtbot.waitSignal(page.kpis.computed, timeout=60000) as done:
        qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(tab).center())
    table = done.args[0]
    assert page.tabs.currentWidget() is page.ui.kpisTab and page.kpis.table.rowCount() == len(table["groups"]) > 0
    rows = {page.kpis.table.item(r, 0).text() + page.kpis.table.item(r, 1).text() + page.kpis.table.item(r, 2).text(): r
            for r in range(page.kpis.table.rowCount())}
    few = next(g for g in table["groups"] if g["valid_tests"] < table["min_tests"])
    r = rows[f"{few['unit_code']} {few['unit_name']}{few['operator']}{few['technology']}"]
    assert page.kpis.table.item(r, 4).text() == f"chưa đủ số lần đo ({few['valid_tests']})"
    assert "QCVN 81:2019" in page.kpis.table.item(r, 11).toolTip()
    assert page.kpis.table.horizontalHeaderItem(11).toolTip() == "Quy tắc lấy mẫu"   # elided header, whole on hover
    enough = [g for g in table["groups"] if g["enough_tests"]]
    if enough:
        g = enough[0]
        r = rows[f"{g['unit_code']} {g['unit_name']}{g['operator']}{g['technology']}"]
        assert page.kpis.table.item(r, 4).text() == f"{g['download_median_mbps']:.1f}".replace(".", ",")
    page.kpis.grab().save(str(tmp_path / "kpis.png"))
