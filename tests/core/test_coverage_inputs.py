"""The hexagon inputs (migration 0010): narrow samples made by the summaries' update for new rows, kept in step
with the rows' updates and deletions by triggers."""
from __future__ import annotations

import math
from datetime import datetime

from survey_app.coverage import summaries
from survey_app.paths import db_path
from survey_app.storage.db import open_db
from survey_app.storage.revisions import delete, revise

from coverage_support import demo

SIGNAL = ("SELECT r.rowid, r.lat, r.lon, measured_at, coalesce(rsrp_dbm, nr_rsrp_dbm), coalesce(sinr_db, nr_sinr_db), "
          "technology IS NULL OR registration IN ('none', 'searching', 'denied'), ifnull(s.id, ''), "
          "ifnull(r.unit_code, ''), ifnull(operator, ''), ifnull(technology, '') FROM signal_readings r "
          "LEFT JOIN sessions s ON s.id = r.session_id WHERE r.lat IS NOT NULL AND r.lon IS NOT NULL ORDER BY r.rowid")
TESTS = ("SELECT r.rowid, r.lat, r.lon, r.started_at, download_mbps, upload_mbps, r.status = 'ok', ifnull(s.id, ''), "
         "ifnull(r.unit_code, ''), ifnull(r.operator, ''), ifnull(r.technology, '') FROM speed_tests r "
         "LEFT JOIN sessions s ON s.id = r.session_id WHERE r.lat IS NOT NULL AND r.lon IS NOT NULL ORDER BY r.rowid")


def _scaled(x, scale):
    """x * scale rounded half away from zero (SQL's round), -2^31 for none."""
    return -2 ** 31 if x is None else int(math.copysign(math.floor(abs(x * scale) + 0.5), x))


def assert_inputs_match_the_rows(db) -> None:
    """What the summaries read equals each row with a position, computed here in Python from the row itself."""
    for source, sql, scale in (("signal_readings", SIGNAL, 10), ("speed_tests", TESTS, 100)):
        want = [(rowid, lat, lon, int(datetime.fromisoformat(when.replace("Z", "+00:00")).timestamp()),
                 _scaled(v1, scale), _scaled(v2, scale), int(flag or 0), sess, unit, op, tech)
                for rowid, lat, lon, when, v1, v2, flag, sess, unit, op, tech in db.execute(sql)]
        a = summaries._read(db, source, 0, 10 ** 9)
        if a is None:
            assert want == []
            continue
        rowids = db.execute(f"SELECT id FROM {summaries.sql.INPUTS[source]} ORDER BY id").fetchall()
        got = list(zip([r[0] for r in rowids], a["lat"].tolist(), a["lon"].tolist(), a["epoch"].tolist(),
                       a["v1"].tolist(), a["v2"].tolist(), a["flag"].tolist(),
                       [a["sessions"][k] for k in a["sess"].tolist()], [a["units"][k] for k in a["unit"].tolist()],
                       [a["ops"][k] for k in a["op"].tolist()], [a["techs"][k] for k in a["tech"].tolist()]))
        assert got == want, source


def test_inputs_follow_inserts_revisions_and_deletions(db):
    demo(db, readings=600, tests=40, households=40)
    assert db.execute("SELECT count(*) FROM hex_readings_in").fetchone()[0] == 0   # nothing at insert time
    summaries.update(db)
    assert_inputs_match_the_rows(db)
    rows = db.execute("SELECT id FROM signal_readings WHERE lat IS NOT NULL ORDER BY rowid LIMIT 3").fetchall()
    revise(db, "signal_readings", rows[0][0], {"rsrp_dbm": -77.5, "operator": "Mobifone", "lat": 16.5},
           changed_by="test", reason="a corrected reading")
    revise(db, "signal_readings", rows[1][0], {"lat": None}, changed_by="test", reason="the fix was wrong")
    delete(db, "signal_readings", rows[2][0], deleted_by="test", reason="taken by mistake")
    test = db.execute("SELECT id FROM speed_tests WHERE lat IS NOT NULL LIMIT 1").fetchone()[0]
    revise(db, "speed_tests", test, {"download_mbps": 123.456, "status": "failed"}, changed_by="test", reason="x")
    assert_inputs_match_the_rows(db)           # the triggers, without another update
    got = summaries._read(db, "signal_readings", 0, 10 ** 9)
    assert "Mobifone" in got["ops"] and -775 in got["v1"].tolist()
    demo(db, readings=100, tests=10, households=10, seed=2)
    summaries.update(db)
    assert_inputs_match_the_rows(db)


def test_an_older_database_gets_the_inputs_of_the_rows_it_has(home, monkeypatch):
    """A database made before migration 0010: its first update makes the samples of every row it has."""
    from survey_app.storage import migrations

    path = db_path(home)
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATION_MODULES", migrations.MIGRATION_MODULES[:-1])
        old = open_db(path)
        assert "hex_readings_in" not in old.table_names()
        demo(old, readings=500, tests=30, households=30)
        old.close()
    db = open_db(path)
    with_position = db.execute("SELECT count(*) FROM signal_readings WHERE lat IS NOT NULL").fetchone()[0]
    assert with_position > 400
    assert summaries.update(db).readings == with_position
    assert_inputs_match_the_rows(db)
    db.close()


def test_a_reading_stored_before_its_session_is_summarised_with_it(db):
    """Bundle import may write children before their parents: the session is looked up when the inputs are read."""
    from survey_app.storage import bulk
    from survey_app.storage.records import context_for

    demo(db, readings=50, tests=5, households=5)
    cols = [d[0] for d in db.execute("SELECT * FROM sessions LIMIT 0").description]
    session = dict(zip(cols, db.execute("SELECT * FROM sessions LIMIT 1").fetchone()))
    reading_cols = [d[0] for d in db.execute("SELECT * FROM signal_readings LIMIT 0").description]
    reading = dict(zip(reading_cols, db.execute("SELECT * FROM signal_readings WHERE lat IS NOT NULL").fetchone()))
    late = context_for(db).stamp({})["id"]
    with bulk.transaction(db, defer_foreign_keys=True):
        db.conn.execute("INSERT INTO signal_readings (id, created_at, updated_at, device_id, surveyor, app_version, "
                        "revision, sync_state, session_id, measured_at, lat, lon) VALUES "
                        "('late-1', ?, ?, ?, ?, ?, 1, 'pending', ?, ?, ?, ?)",
                        [reading["created_at"], reading["updated_at"], reading["device_id"], reading["surveyor"],
                         reading["app_version"], late, reading["measured_at"], reading["lat"], reading["lon"]])
        db.conn.execute(f"INSERT INTO sessions ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                        [late if c == "id" else session[c] for c in cols])
    summaries.update(db)
    assert_inputs_match_the_rows(db)
    assert db.execute("SELECT sum(readings) FROM hex_partitions WHERE session_id = ? AND res = 9",
                      [late]).fetchone()[0] == 1


def test_a_rowid_given_again_after_the_last_row_was_deleted_gets_its_sample(db):
    """SQLite gives the rowid of a deleted last row to the next insert: that row still gets its sample."""
    demo(db, readings=60, tests=5, households=5)
    summaries.update(db)
    last = db.execute("SELECT rowid, id FROM signal_readings WHERE lat IS NOT NULL ORDER BY rowid DESC").fetchone()
    top = db.execute("SELECT max(rowid) FROM signal_readings").fetchone()[0]
    for rowid, ident in db.execute("SELECT rowid, id FROM signal_readings WHERE rowid >= ?", [last[0]]).fetchall():
        delete(db, "signal_readings", ident, deleted_by="test", reason="taken by mistake")
    demo(db, readings=20, tests=0, households=5, seed=3)
    assert db.execute("SELECT min(rowid) FROM signal_readings WHERE rowid >= ?", [last[0]]).fetchone()[0] <= top
    summaries.update(db)
    assert_inputs_match_the_rows(db)
