"""One revision path: every change to a synced table goes through storage/revisions.py, checked in the source
and enforced by the database (a future table gets the same guards after its migration)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from survey_app.storage import revisions
from survey_app.storage.driver import sqlite
from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session, synced_tables

ROOT = Path(__file__).resolve().parents[2] / "survey_app"
SQL = re.compile(r"\b(UPDATE|DELETE\s+FROM|REPLACE\s+INTO|INSERT\s+OR\s+REPLACE\s+INTO)\s+\[?([\w{}]+)", re.I)
# Files allowed to write synced tables outside revise()/delete(), and why.
ALLOWED = {
    "storage/revisions.py": "the revision path itself",
    "storage/sync.py": "sync bookkeeping: sync_state and synced_revision only (checked below)",
    "storage/bundle_merge.py": "bundle import: newer revisions with history, deletions after their tombstone",
    "storage/review.py": "its own cache tables (review_flags, review_session_stats), none of them synced",
    "storage/schema_coverage_0010.py": "triggers keeping the hexagon input tables (hex_*_in, not synced) in step",
}
TABLE_METHODS = {"update", "delete", "delete_where", "upsert", "upsert_all"}


def _strings(tree: ast.AST):
    """(line, text) of every string literal, f-strings with their {placeholders} kept as text."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):
            yield node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "{x}" for v in node.values)


def _table_writes(tree: ast.AST):
    """(line, method) of sqlite-utils writes: db.table(...).update(...), db[...].delete(...)."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in TABLE_METHODS
                and (isinstance(node.func.value, ast.Subscript) or (isinstance(node.func.value, ast.Call) and isinstance(
                    node.func.value.func, ast.Attribute) and node.func.value.func.attr == "table"))):
            yield node.lineno, node.func.attr


def test_no_update_or_delete_of_a_synced_table_outside_the_revision_path(db):
    synced = set(synced_tables(db))
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("central/") or rel in ALLOWED:  # central: the receiver's own database
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, text in _strings(tree):
            for verb, table in SQL.findall(text):
                if table in synced or table == "{x}":  # a name made entirely at run time
                    offenders.append(f"{rel}:{line}: {verb} {table}")
        offenders += [f"{rel}:{line}: .{m}()" for line, m in _table_writes(tree)]
    assert not offenders, "change synced records through storage.revisions:\n" + "\n".join(offenders)


def test_sync_bookkeeping_sets_only_its_own_columns():
    tree = ast.parse((ROOT / "storage" / "sync.py").read_text(encoding="utf-8"))
    sets = [m.group(1) for _line, text in _strings(tree) for m in re.finditer(r"UPDATE \[\{x\}\] SET (.*?)(?: WHERE|$)",
                                                                                 text)]
    assert len(sets) >= 3
    for assignments in sets:
        columns = set(re.findall(r"(?:^|,)\s*(\w+)\s*=", assignments))
        assert columns and columns <= {"sync_state", "synced_revision"}, assignments


def test_every_synced_table_is_guarded(db):
    ctx = context_for(db, "Lan")
    session = new_session(db, ctx, unit_code="19753", team="A", surveyors=["Lan"])
    for table in synced_tables(db):
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                          [table])}
        assert {f"{table}_revision_guard", f"{table}_delete_guard"} <= names, table
    with pytest.raises(sqlite.IntegrityError, match="storage.revisions"):
        db.execute("UPDATE sessions SET notes = 'quietly' WHERE id = ?", [session.id])
    with pytest.raises(sqlite.IntegrityError, match="tombstone"):
        db.execute("DELETE FROM sessions WHERE id = ?", [session.id])
    db.execute("UPDATE sessions SET sync_state = 'synced', synced_revision = 1 WHERE id = ?", [session.id])
    assert revisions.revise(db, "sessions", session.id, {"notes": "openly"}, changed_by="Lan", reason="typo") == 2
    row = db.execute("SELECT notes, revision, sync_state, changed_by, change_reason FROM sessions").fetchone()
    assert row == ("openly", 2, "pending", "Lan", "typo")
    assert revisions.revise(db, "sessions", session.id, {"notes": "openly"}) == 2  # no change, no revision


def test_a_future_synced_table_gets_the_guards_after_its_migration(home, monkeypatch, tmp_path):
    import sys
    import types

    from survey_app.storage import migrations
    from survey_app.storage.db import open_db
    from survey_app.storage.records import COMMON_COLUMNS_SQL

    module = types.ModuleType("survey_app_test_future_table")
    module.migrate = lambda db: db.execute(f"CREATE TABLE passports ({COMMON_COLUMNS_SQL}, note TEXT)")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(migrations, "MIGRATION_MODULES", [*migrations.MIGRATION_MODULES,
                                                           ("9999_future", module.__name__)])
    db = open_db(tmp_path / "future.db")
    try:
        row = context_for(db).stamp({"note": "first"})
        db.table("passports").insert(row)
        with pytest.raises(sqlite.IntegrityError):
            db.execute("UPDATE passports SET note = 'forgot the revision'")
        with pytest.raises(sqlite.IntegrityError):
            db.execute("DELETE FROM passports")
        revisions.delete(db, "passports", row["id"], deleted_by="Lan", reason="test")
        stone = db.execute("SELECT table_name, record_id, record_revision, reason FROM tombstones").fetchone()
        assert stone == ("passports", row["id"], 2, "test")
        assert db.execute("SELECT count(*) FROM passports").fetchone()[0] == 0
    finally:
        db.close()
