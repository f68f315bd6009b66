"""The storage change signal: every write path announces its tables once the write is committed."""
from __future__ import annotations

import threading

import pytest

from survey_app.storage import changes


@pytest.fixture
def heard():
    events: list[tuple[frozenset, object]] = []
    unsubscribe = changes.subscribe(lambda tables, conn: events.append((tables, conn)))
    yield events
    unsubscribe()


def _session(db):
    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import new_session

    return new_session(db, context_for(db, "Lan"), unit_code="19753", team="Tổ 1", surveyors=["Lan"])


def test_a_new_session_is_heard_after_commit_and_can_be_read_then(db, heard):
    seen_rows = []
    stop = changes.subscribe(lambda tables, conn: seen_rows.append(
        db.execute("SELECT count(*) FROM sessions").fetchone()[0]))
    try:
        _session(db)
    finally:
        stop()
    assert frozenset({"teams", "sessions"}) in [t for t, _c in heard]
    assert seen_rows[-1] == 1, "the listener ran before the session was committed"
    assert all(conn is db.conn for _t, conn in heard)


def test_a_rolled_back_write_is_never_announced(db, heard):
    with pytest.raises(RuntimeError):
        with db.atomic():
            changes.changed(db, "sessions")
            raise RuntimeError("no")
    assert heard == []
    with db.atomic():
        changes.changed(db, "households")
        assert heard == []          # not before the COMMIT
    assert heard == [(frozenset({"households"}), db.conn)]


def test_revisions_and_closing_are_announced(db, heard):
    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import close_session

    s = _session(db)
    heard.clear()
    close_session(db, context_for(db, "Lan"), s.id)
    assert {"sessions", "record_history"} <= set().union(*(t for t, _c in heard))


def test_a_failing_listener_does_not_fail_the_write(db, heard):
    def broken(tables, conn):
        raise ValueError("listener bug")

    stop = changes.subscribe(broken)
    try:
        _session(db)
    finally:
        stop()
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    assert heard


def test_writes_on_another_thread_are_heard_with_their_connection(db, heard):
    from survey_app.paths import db_path
    from survey_app.storage.db import connect
    from survey_app.storage.signal import insert_readings

    path = db_path(db_path_home(db))

    def write():
        other = connect(path)
        try:
            insert_readings(other, [])
            changes.changed(other, "signal_readings")
        finally:
            other.close()

    t = threading.Thread(target=write)
    t.start()
    t.join(10)
    assert [tables for tables, _c in heard] == [frozenset({"signal_readings"})]
    assert heard[0][1] is not db.conn


def db_path_home(db):
    from pathlib import Path

    return Path(db.execute("PRAGMA database_list").fetchone()[2]).parent
