"""The speed-test history (up to 200 rows) fills without freezing the window."""
from __future__ import annotations

import time

from survey_app.speedtest.model import Server, SpeedTestResult
from survey_app.speedtest.reasons import Reason
from survey_app.storage.sessions import new_session
from survey_app.storage.speedtests import insert_result


def test_two_hundred_results_fill_quickly(main_window, qtbot):
    page = main_window.show_page("speedtest")
    ctx = page.ctx
    session = new_session(ctx.db, ctx.record_context(), unit_code="19753", team="T1", surveyors=["An"])
    ctx.set_session(session)
    rc = ctx.record_context()
    for i in range(200):
        result = SpeedTestResult(status="failed", server=Server(url="http://127.0.0.1:9/", protocol="librespeed"),
                                 started_at=f"2026-11-27T10:{i // 60:02d}:{i % 60:02d}.000Z",
                                 reason=Reason("cancelled"))
        insert_result(ctx.db, rc, result, session=session)
    from PySide6.QtWidgets import QApplication

    page.refresh()
    QApplication.processEvents()        # laid out and shown: the slow case is refilling a table on screen
    start = time.perf_counter()
    page.refresh()
    assert time.perf_counter() - start < 5.0
    assert page.history.rowCount() == 200 and page.history.item(0, 8).text() == "Người dùng đã hủy."
