"""The demo-mode starter fills an empty demo home once, stops at once when quit, finishes on the next start,
and leaves a home with data alone."""
from __future__ import annotations

import time

from survey_app.demo.review_data import PARTIAL, STOP_WAIT_S, start

TABLES = ("households", "signal_readings", "speed_tests")


def _counts(db) -> list[int]:
    return [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES]


def _wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met"
        time.sleep(0.01)


def test_quit_while_writing_stops_at_once_and_the_next_start_finishes(home, db):
    filler = start(home, None)
    _wait_for(lambda: _counts(db)[0] > 0)                # writing, the window would be open by now
    filler.stop()
    assert not filler.thread.is_alive(), f"the writer outlived stop() ({STOP_WAIT_S} s)"
    part = _counts(db)
    assert (home / PARTIAL).exists() and sum(part) < 1500 + 12_000 + 2400
    assert db.execute("SELECT count(*) FROM members WHERE household_id NOT IN "
                      "(SELECT id FROM households)").fetchone()[0] == 0   # whole blocks only
    again = start(home, None)                            # the next start writes the rest, then the checks
    again.thread.join(120)
    again.stop()
    assert _counts(db) == [1500, 12_000, 2400] and not (home / PARTIAL).exists()
    assert db.execute("SELECT count(*) FROM review_session_stats").fetchone()[0] > 0
    third = start(home, None)                            # a finished survey is left as it is
    third.thread.join(60)
    assert _counts(db) == [1500, 12_000, 2400]
