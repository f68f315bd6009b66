"""The database: WAL, foreign keys, migrations with backup, units, sessions, revisions, bad files."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from survey_app.storage.driver import connect_file

import pytest
from shared_data import REFERENCE

from survey_app.errors import DatabaseCorrupt, NotFound, UserError
from survey_app.paths import db_path
from survey_app.storage.db import open_db
from survey_app.storage.migrations import MIGRATION_MODULES, schema_version
from survey_app.storage.records import context_for
from survey_app.storage.sessions import close_session, get_session, list_sessions, new_session
from survey_app.storage.units import get_unit, list_units


def test_new_database_has_pragmas_units_and_device(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    units = list_units(db)
    assert len(units) == 40
    assert sum(u.kind == "ward" for u in units) == 21
    assert {u.code_set for u in units} == {"VN-2025-07"}
    assert get_unit(db, "19753").name == "Phường Phú Xuân"
    assert len(db.execute("SELECT id FROM device").fetchall()) == 1
    assert schema_version(db) == len(MIGRATION_MODULES)


def test_units_match_the_reference_list(db):
    import csv
    from pathlib import Path

    ref = REFERENCE / "hue_units_2025.csv"
    if not ref.exists():
        pytest.skip("reference list not beside the repo")
    with ref.open(encoding="utf-8") as f:
        rows = {r["code"]: r for r in csv.DictReader(f)}
    units = {u.code: u for u in list_units(db)}
    assert set(rows) == set(units)
    for code, r in rows.items():
        assert units[code].name == r["name"]
        x0, y0, x1, y1 = units[code].bbox
        assert x0 <= float(r["inside_lon"]) <= x1 and y0 <= float(r["inside_lat"]) <= y1


def test_unknown_unit_is_a_user_error(db):
    with pytest.raises(NotFound, match="99999"):
        get_unit(db, "99999")


def test_session_lifecycle_with_revision_history(db):
    ctx = context_for(db, "Lan")
    s = new_session(db, ctx, unit_code="19753", team="Tổ 1", surveyors=["Lan", "Minh"])
    assert s.status == "open" and s.revision == 1 and s.surveyors == ["Lan", "Minh"]
    row = db.execute("SELECT device_id, surveyor, app_version, sync_state, code_set FROM sessions").fetchone()
    assert row[0] == ctx.device_id and row[1] == "Lan" and row[3] == "pending" and row[4] == "VN-2025-07"
    closed = close_session(db, ctx, s.id[:8])
    assert closed.status == "closed" and closed.closed_at and closed.revision == 2
    history = db.execute("SELECT revision, reason, data_before FROM record_history WHERE record_id = ?",
                         [s.id]).fetchall()
    assert len(history) == 1 and history[0][0] == 1 and json.loads(history[0][2])["status"] == "open"
    with pytest.raises(UserError):
        close_session(db, ctx, s.id)
    assert [x.id for x in list_sessions(db)] == [s.id]


def test_a_prefix_two_sessions_share_is_refused_in_words(db, monkeypatch):
    from survey_app import clock
    from survey_app.storage.sessions import get_session
    ctx = context_for(db, "Lan")
    frozen = clock._time.time_ns()
    monkeypatch.setattr(clock._time, "time_ns", lambda: frozen)  # both made in one millisecond
    a = new_session(db, ctx, unit_code="19753", team="A", surveyors=["Lan"])
    b = new_session(db, ctx, unit_code="19753", team="B", surveyors=["Lan"])
    monkeypatch.undo()
    assert a.id[:8] == b.id[:8] and a.id != b.id
    with pytest.raises(NotFound, match="Có nhiều phiên có mã bắt đầu bằng"):
        get_session(db, a.id[:8])
    n = next(n for n in range(8, len(a.id) + 1) if a.id[:n] != b.id[:n])
    assert get_session(db, a.id[:n]).id == a.id and get_session(db, b.id[:n]).id == b.id


def test_session_needs_team_and_surveyor(db):
    ctx = context_for(db)
    with pytest.raises(UserError):
        new_session(db, ctx, unit_code="19753", team=" ", surveyors=["A"])
    with pytest.raises(UserError):
        new_session(db, ctx, unit_code="19753", team="T", surveyors=[" "])
    assert list_sessions(db) == []


def test_reopening_keeps_data_and_does_not_remigrate(home):
    path = db_path(home)
    db = open_db(path)
    new_session(db, context_for(db), unit_code="19819", team="T", surveyors=["A"])
    device = db.execute("SELECT id FROM device").fetchone()[0]
    db.close()
    db = open_db(path)
    assert db.execute("SELECT id FROM device").fetchone()[0] == device
    assert len(list_sessions(db)) == 1
    assert not (home / "backups").exists()  # nothing pending, so no backup
    db.close()


def test_corrupt_database_is_refused_and_left_untouched(home):
    path = db_path(home)
    path.write_bytes(b"this is not a database at all" * 200)
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt) as err:
        open_db(path)
    assert "hỏng" in str(err.value)
    assert path.read_bytes() == before


def test_pending_migration_backs_up_first(home, monkeypatch):
    from survey_app.storage import migrations

    path = db_path(home)
    open_db(path).close()
    import types, sys

    mod = types.ModuleType("survey_app_test_migration")
    mod.migrate = lambda db: db.execute("CREATE TABLE extra_test (x INTEGER)")
    sys.modules[mod.__name__] = mod
    monkeypatch.setattr(migrations, "MIGRATION_MODULES", migrations.MIGRATION_MODULES + [("9999_test", mod.__name__)])
    db = open_db(path)
    backups = list((home / "backups").glob("*.db"))
    assert len(backups) == 1 and "9999_test" in backups[0].name
    old = connect_file(backups[0])
    assert old.execute("SELECT count(*) FROM units").fetchone()[0] == 40
    assert not old.execute("SELECT name FROM sqlite_master WHERE name='extra_test'").fetchall()
    old.close()
    assert db.execute("SELECT name FROM sqlite_master WHERE name='extra_test'").fetchall()
    db.close()


def test_instance_lock_refuses_a_second_copy(home):
    from survey_app.errors import DatabaseLocked
    from survey_app.lock import InstanceLock

    first = InstanceLock(home).acquire()
    with pytest.raises(DatabaseLocked, match="đang mở"):
        InstanceLock(home).acquire()
    first.release()
    InstanceLock(home).acquire().release()


def test_settings_round_trip_and_bad_values(home):
    from survey_app.settings import Settings

    path = home / "settings.json"
    s = Settings(surveyor="Lan", language="en", signal_interval_s=2.0)
    s.save(path)
    again = Settings.load(path)
    assert again.surveyor == "Lan" and again.language == "en" and again.signal_interval_s == 2.0
    assert json.loads(path.read_text())["schema_version"] == 1
    path.write_text('{"language": "fr", "signal_interval_s": "fast", "surveyor": 5, "future_key": 1}')
    odd = Settings.load(path)
    assert odd.language == "vi" and odd.signal_interval_s == 5.0 and odd.surveyor == "" and odd.extra["future_key"] == 1
    path.write_text("{not json")
    assert Settings.load(path).language == "vi"
    assert (home / "settings.json.bad").exists()


OLD_DBS = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def _tables(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row of every table (sorted), with the columns it has."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'")]
    out = {}
    for t in names:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info([{t}])")]
        out[t] = (cols, sorted(conn.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr))
    return out


def test_there_is_an_old_database_for_every_released_schema():
    """tools/make_old_dbs.py builds them from the commit that released each schema (all but the newest)."""
    have = {p.name for p in OLD_DBS.glob("schema_*.db")}
    released = {f"schema_{name}.db" for name, _module in MIGRATION_MODULES[:-1]}
    assert released <= have, f"missing: {sorted(released - have)} (add it to tools/make_old_dbs.py and run it)"


@pytest.mark.parametrize("fixture", sorted(p.name for p in OLD_DBS.glob("schema_*.db")))
def test_every_released_schema_upgrades_with_its_data(tmp_path, fixture):
    """A database of each released schema opens, is backed up, migrates and keeps every row and value."""
    import shutil

    from survey_app.storage.driver import connect_file, is_plain

    path = tmp_path / fixture
    shutil.copy(OLD_DBS / fixture, path)
    if not is_plain(path):   # releases since the privacy work: encrypted with the tests' key (tests/conftest.py)
        shutil.copy(OLD_DBS / "database-key.json", tmp_path / "database-key.json")
    before_conn = sqlite3.connect(str(path)) if is_plain(path) else connect_file(path, upgrade=False)
    applied = [r[0] for r in before_conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    before = _tables(before_conn)
    before_conn.close()
    assert applied == [name for name, _m in MIGRATION_MODULES[:len(applied)]]   # exactly that release's
    assert all(rows for t, (_c, rows) in before.items() if t in ("sessions", "speed_tests", "households"))
    db = open_db(path)
    assert schema_version(db) == len(MIGRATION_MODULES)
    assert list(tmp_path.glob("backups/*.db")), "no backup before upgrading"
    after = _tables(db.conn)
    for table, (cols, rows) in before.items():
        new_cols, _rows = after[table]
        keep = [new_cols.index(c) for c in cols]
        kept = sorted((tuple(r[k] for k in keep) for r in after[table][1]), key=repr)
        assert kept == rows, f"{fixture}: rows of {table} changed"
    db.close()


def test_read_then_write_transaction_waits_for_another_writer(home):
    """A transaction that reads first must wait for a concurrent writer, not fail with 'database is locked'."""
    import threading
    import time

    from survey_app.storage.db import connect

    path = db_path(home)
    open_db(path).close()
    a = connect(path)
    started = threading.Event()

    def other_writer():
        b = connect(path)
        with b.atomic():
            b.execute("INSERT INTO teams (id, created_at, updated_at, device_id, app_version, name) "
                      "VALUES ('b', '', '', '', '', 'B')")
            started.set()
            time.sleep(0.5)
        b.close()

    t = threading.Thread(target=other_writer)
    t.start()
    started.wait(5)
    with a.atomic():
        a.execute("SELECT count(*) FROM teams").fetchone()
        a.execute("INSERT INTO teams (id, created_at, updated_at, device_id, app_version, name) "
                  "VALUES ('a', '', '', '', '', 'A')")
    t.join()
    assert {r[0] for r in a.execute("SELECT id FROM teams")} == {"a", "b"}
    a.close()
