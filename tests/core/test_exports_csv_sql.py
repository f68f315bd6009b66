"""The cheaper SQL of the CSV export decides exactly what the earlier SQL decided, on hostile values too: numbers
only (one comparison), formula-safe text (a simple CASE), the interview rule (a copy of the windows in memory)."""
from __future__ import annotations

import pytest

from survey_app.exports.layers import BY_NAME, RECORD_LAYERS
from survey_app.storage import export_queries as q
from survey_app.storage.driver import connect_file

# What the export wrote before (session 4), kept here as the reference.
OLD_NUMBERS = "CASE WHEN v + 0 = v THEN v END"
OLD_INERT = "CASE WHEN unicode(v) IN (61,43,45,64,9,13) THEN char(39) || v ELSE v END"
HOSTILE = [None, 0, -1, 9223372036854775807, -9223372036854775808, 1.5, -95.25, 1e308, "n/a", "12abc", " ",
           "", "inf", "-inf", "1e999", b"\x00\x01", b"", "=1+1", "+84 912", "-5", "@SUM(A1)", "\tx", "\rx", "'x",
           "Viettel", "Nguyễn", "ø"]


@pytest.fixture
def conn(tmp_path):
    c = connect_file(tmp_path / "t.db")
    yield c
    c.close()


@pytest.mark.parametrize("declared", ["REAL", "INTEGER"])
def test_numbers_only_keeps_what_the_old_check_kept(conn, declared):
    conn.execute(f"CREATE TABLE t (v {declared})")
    conn.executemany("INSERT INTO t VALUES (?)", [(x,) for x in HOSTILE])
    conn.execute("INSERT INTO t VALUES (9e999), (-9e999)")   # +Inf and -Inf as SQLite stores them
    new = q.numbers_only("v")
    rows = conn.execute(f"SELECT quote(v), quote({OLD_NUMBERS}), quote({new}) FROM t").fetchall()
    assert all(old == now for _v, old, now in rows), [r for r in rows if r[1] != r[2]]
    assert {v for v, _old, now in rows if now == "NULL"} >= {"'n/a'", "'12abc'", "X'0001'", "NULL"}


def test_every_exported_number_is_stored_in_a_number_column(tmp_path):
    """numbers_only's single comparison is exact only on INTEGER/REAL columns (or counts): a number column of
    an export layer stored as TEXT would need the old check."""
    from survey_app.storage.db import open_db

    db = open_db(tmp_path / "survey.db")
    tables = {"s": "sessions", "m": "members", "h": "households", "c": "consents", "u": "units"}
    checked = 0
    try:
        for layer in RECORD_LAYERS:
            for col in layer.columns:
                src = q._src(layer, col)
                if col.kind not in ("integer", "number", "boolean") or src.startswith("(SELECT count(*)"):
                    continue
                alias, name = src.split(".")
                types = {r[1]: r[2] for r in db.execute(f"PRAGMA table_info({tables.get(alias, layer.table)})")}
                assert types[name] in ("INTEGER", "REAL"), (layer.name, col.name, types[name])
                checked += 1
    finally:
        db.close()
    assert checked > 40


def test_inert_text_marks_what_the_old_check_marked(conn):
    conn.execute("CREATE TABLE t (v TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(x,) for x in HOSTILE])
    new = q.inert_text("v")
    rows = conn.execute(f"SELECT quote(v), quote({OLD_INERT}), quote({new}) FROM t").fetchall()
    assert all(old == now for _v, old, now in rows), [r for r in rows if r[1] != r[2]]
    marked = {v for v, _old, now in rows if now != v}
    assert marked == {"'=1+1'", "'+84 912'", "'-5'", "'@SUM(A1)'", "'\tx'", "'\rx'", "'-1'", "'-95.25'", "'-inf'",
                      "'-9223372036854775808'"}     # numbers in a TEXT column are text: '-1' starts with '-'


def test_interview_windows_copy_rounds_the_same_readings(conn):
    """Readings at the edges of interviews, interviews without an end (their last update counts), without a
    start or a session, text and blob times: the copied windows round exactly the readings the old rule did."""
    conn.executescript("""
        CREATE TABLE households (session_id TEXT, started_at TEXT, ended_at TEXT, updated_at TEXT);
        CREATE TABLE signal_readings (session_id TEXT, measured_at TEXT);
    """)
    conn.executemany("INSERT INTO households VALUES (?, ?, ?, ?)", [
        ("s1", "2026-04-20T01:00:00.000Z", "2026-04-20T01:30:00.000Z", "2026-04-20T02:00:00.000Z"),
        ("s1", "2026-04-20T03:00:00.000Z", None, "2026-04-20T03:10:00.000Z"),
        ("s1", None, "2026-04-20T05:00:00.000Z", "2026-04-20T05:00:00.000Z"),
        (None, "2026-04-20T01:00:00.000Z", "2026-04-20T09:00:00.000Z", "2026-04-20T09:00:00.000Z"),
        ("s2", "2026-04-20T01:00:00.000Z", None, None),
        ("s3", b"\x01", "2026-04-20T09:00:00.000Z", "2026-04-20T09:00:00.000Z"),
        ("s1", "2026-04-20T03:00:00.000Z", None, "2026-04-20T03:10:00.000Z"),   # the same window twice
    ])
    times = ["2026-04-20T00:59:59.999Z", "2026-04-20T01:00:00.000Z", "2026-04-20T01:30:00.000Z",
             "2026-04-20T01:30:00.001Z", "2026-04-20T03:05:00.000Z", "2026-04-20T03:10:00.000Z",
             "2026-04-20T04:00:00.000Z", "2026-04-20T01:00", "2026-04-20T02", "", b"\x02", None]
    conn.executemany("INSERT INTO signal_readings VALUES (?, ?)",
                     [(s, t) for s in ("s1", "s2", "s3", None, "zz") for t in times])
    q.prepare_rows(conn, BY_NAME["signal_readings"], precise=False)
    rows = conn.execute(f"SELECT session_id, measured_at, {q.DURING_INTERVIEW}, {q.DURING_INTERVIEW_COPY} "
                        "FROM signal_readings r").fetchall()
    assert all(old == now for *_k, old, now in rows), [r for r in rows if r[2] != r[3]]
    assert sum(old for *_k, old, _now in rows) == 4     # s1 at 01:00, 01:30, 03:05 and 03:10
    assert q.needs_windows(BY_NAME["signal_readings"], precise=False)
    assert not q.needs_windows(BY_NAME["signal_readings"], precise=True)


def test_the_windows_copy_stays_in_memory(conn):
    """SQLCipher is built to keep TEMP tables in memory: household times never reach a temporary file."""
    options = {r[0] for r in conn.execute("PRAGMA compile_options")}
    assert options & {"TEMP_STORE=2", "TEMP_STORE=3"}
    assert conn.execute("PRAGMA temp_store").fetchone()[0] in (0, 2)
