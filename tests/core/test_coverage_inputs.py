"""The hexagon inputs (migration 0010): narrow samples made by the summaries' update for new rows, kept in step
with the rows' updates and deletions by triggers."""
from __future__ import annotations

import math
from datetime import datetime

import numpy as np

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


def _decoded_samples(db) -> dict:
    """Every stored sample with its key texts instead of its hex_keys id (ids are only names)."""
    out = {}
    for source, table in summaries.sql.INPUTS.items():
        keys = {k: t for k, *t in db.execute("SELECT id, session_id, unit_code, operator, technology FROM hex_keys")}
        rows = []
        for rowid, sample in db.execute(f"SELECT id, sample FROM {table} ORDER BY id"):
            v = np.frombuffer(sample, dtype=">i8").tolist()
            rows.append((rowid, v[0], *keys[v[1] // 2], v[1] % 2, *v[2:]))
        out[source] = rows
    return out


def _clear_inputs(db) -> None:
    with db.atomic():
        for table in ("hex_readings_in", "hex_tests_in", "hex_keys", "hex_inputs_state", "hex_partitions", "hex_state"):
            db.execute(f"DELETE FROM {table}")


def _odd_texts(db) -> None:
    """Rows whose key texts hold the one-pass separators (a hostile bundle could bring them)."""
    cols = [d[0] for d in db.execute("SELECT * FROM signal_readings LIMIT 0").description]
    base = dict(zip(cols, db.execute("SELECT * FROM signal_readings WHERE lat IS NOT NULL LIMIT 1").fetchone()))
    db.table("signal_readings").insert_all([dict(base, id="odd-row", operator="Viettel\x1eX"),
                                            dict(base, id="odd-field", technology="LTE\x1fX")])


def test_one_pass_makes_the_samples_sql_makes(db, monkeypatch):
    """coverage.inputs (two reader threads, Python key ids, bulk write) stores what the SQL statements store, hands
    the summary exactly those samples, and falls back to SQL for a block whose texts hold a separator."""
    from survey_app.coverage import inputs

    demo(db, readings=900, tests=60, households=60)
    _odd_texts(db)
    demo(db, readings=300, tests=20, households=20, seed=4)
    monkeypatch.setattr(inputs, "BLOCK", 97)             # many blocks, both threads, one of them with the odd rows
    made, fresh, _version = inputs.fill(db, bulk_min=1)
    assert set(fresh) == {"signal_readings", "speed_tests"}
    one_pass = _decoded_samples(db)
    assert_inputs_match_the_rows(db)
    for source, (after, rows) in fresh.items():
        assert after == 0 and made[source] == summaries.sql.last_rowid(db, source)
        stored = summaries._read(db, source, 0, made[source])
        handed = summaries._read(db, source, 0, made[source], (after, rows))
        assert all(np.array_equal(stored[k], handed[k]) if isinstance(stored[k], np.ndarray) else stored[k] == handed[k]
                   for k in stored), source
    summaries.rebuild(db)
    partitions = db.execute("SELECT * FROM hex_partitions ORDER BY res, cell, unit_code, operator, technology, "
                            "session_id, day").fetchall()
    _clear_inputs(db)
    assert inputs.fill(db, bulk_min=10 ** 9)[1] == {}   # the SQL statements
    assert _decoded_samples(db) == one_pass
    assert one_pass['signal_readings'] and one_pass['speed_tests']
    summaries.rebuild(db)
    assert db.execute("SELECT * FROM hex_partitions ORDER BY res, cell, unit_code, operator, technology, "
                      "session_id, day").fetchall() == partitions
    assert db.execute("SELECT count(*) FROM hex_partitions WHERE operator = 'Viettel\x1eX'").fetchone()[0] == 2


def test_a_cold_update_in_one_pass_then_1000_readings_equals_a_full_recount(db, monkeypatch):
    from survey_app.coverage import inputs

    monkeypatch.setattr(summaries, "PARALLEL_MIN", 1)    # every update makes its samples in one pass
    monkeypatch.setattr(inputs, "BLOCK", 500)
    demo(db, readings=3000, tests=100, households=100)
    first = summaries.update(db)
    assert first.readings > 2500
    assert_inputs_match_the_rows(db)
    demo(db, readings=1000, tests=40, households=30, seed=2)
    added = summaries.update(db)
    assert 950 <= added.readings <= 1000 and not added.rebuilt
    incremental = db.execute("SELECT * FROM hex_partitions ORDER BY 1, 2, 3, 4, 5, 6, 7").fetchall()
    monkeypatch.setattr(summaries, "PARALLEL_MIN", 10 ** 9)
    _clear_inputs(db)
    summaries.update(db)                                  # the SQL statements, from scratch
    assert db.execute("SELECT * FROM hex_partitions ORDER BY 1, 2, 3, 4, 5, 6, 7").fetchall() == incremental


def test_a_write_between_the_samples_and_the_summary_is_not_lost(db, monkeypatch):
    """Another connection changes a row after the one pass made its sample: the summary reads the samples as the
    triggers left them instead of the ones in hand."""
    from survey_app.coverage import inputs
    from survey_app.storage.db import connect

    demo(db, readings=400, tests=10, households=20)
    rowid, ident = db.execute("SELECT rowid, id FROM signal_readings WHERE lat IS NOT NULL AND rsrp_dbm IS NOT NULL "
                              "ORDER BY rowid LIMIT 1").fetchone()
    other = connect(summaries.sql.database_file(db))
    fill = inputs.fill

    def fill_then_another_writer(d, bulk_min=None):
        out = fill(d, bulk_min)
        revise(other, "signal_readings", ident, {"rsrp_dbm": -140.0, "nr_rsrp_dbm": None}, changed_by="test",
               reason="a corrected reading")
        return out

    monkeypatch.setattr(inputs, "fill", fill_then_another_writer)
    monkeypatch.setattr(summaries, "PARALLEL_MIN", 1)
    summaries.update(db)
    other.close()
    monkeypatch.setattr(inputs, "fill", fill)
    got = db.execute("SELECT rsrp FROM hex_partitions WHERE res = 9 AND rsrp IS NOT NULL").fetchall()
    from survey_app.coverage import histograms as hg

    assert any(-1400 in hg.decode(blob)[0].tolist() for (blob,) in got)
    incremental = db.execute("SELECT * FROM hex_partitions ORDER BY 1, 2, 3, 4, 5, 6, 7").fetchall()
    summaries.rebuild(db)
    assert db.execute("SELECT * FROM hex_partitions ORDER BY 1, 2, 3, 4, 5, 6, 7").fetchall() == incremental
