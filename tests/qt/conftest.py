"""Fixtures of the window tests: a main window on a home with a small survey in it."""
from __future__ import annotations

import pytest


@pytest.fixture
def surveyed(main_window):
    """The main window on a home with a small synthetic survey and an open session with long names."""
    from survey_app.demo.survey import DemoSpec, generate
    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import new_session

    ctx = main_window.ctx
    for _ in generate(ctx.db, DemoSpec(households=60, readings=800, speedtests=30, seed=17),
                      context_for(ctx.db, "Nguyễn Thị Lan")):
        pass
    session = new_session(ctx.db, ctx.record_context(), unit_code="20137", team="Tổ khảo sát số 12 xã Chân Mây",
                          surveyors=["Nguyễn Thị Lan", "Trần Văn Minh", "Lê Hoàng Phương Anh"])
    ctx.set_session(session)
    return main_window
