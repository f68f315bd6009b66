"""The demo-mode starter fills an empty demo home once, and leaves a home with data alone."""
from __future__ import annotations

from survey_app.demo.review_data import start


def test_fills_empty_home_once(home, db):
    filler = start(home, None)
    filler.thread.join(120)
    filler.stop()
    n = db.execute("SELECT count(*) FROM households").fetchone()[0]
    assert n == 1500
    assert db.execute("SELECT count(*) FROM review_session_stats").fetchone()[0] > 0
    again = start(home, None)
    again.thread.join(60)
    assert db.execute("SELECT count(*) FROM households").fetchone()[0] == n
