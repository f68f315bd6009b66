"""Build tests/fixtures/db/schema_NNNN_<name>.db: one database per released schema, made by the code of the
commit that released it (a temporary `git worktree`), with a few rows in every synced table.

    .venv/bin/python tools/make_old_dbs.py            # rebuilds all of them (never needed for old ones)

Each database holds exactly the migrations up to NNNN, as an installed app of that release would have:
plain SQLite before the privacy release, SQLCipher since (keyed with the tests' fixed key; its data folder's
`database-key.json` is kept beside them).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "db"

# (schema file, commit whose code made it, how many of its migrations to apply)
RELEASES = [
    ("schema_0001_initial.db", "f713726", 1),
    ("schema_0002_review_indexes.db", "d2a9ddb", 2),    # released with 0003 (abb84b7); first in order here
    ("schema_0003_sync_state.db", "d2a9ddb", 3),
    ("schema_0004_review_partials.db", "9e653fd", 4),
    ("schema_0005_coverage.db", "9bf6df0", 5),            # encrypted (SQLCipher) since the privacy release
    ("schema_0006_revisions.db", "b027122", 6),
    ("schema_0007_privacy.db", "1cc2128", 7),
    ("schema_0008_speedtest_reason_codes.db", "1913515", 8),
    ("schema_0009_evidence.db", "fdbac2e", 9),
]
TEST_DB_KEY = "5e" * 32   # tests/conftest.py gives every test data folder this raw key

# Run inside the old checkout: apply the first N migrations, then add rows through its own session API and
# generic rows (every NOT NULL column filled) in the other synced tables.
BUILD = r'''
import sqlite3, sys
from pathlib import Path
import sqlite_utils
from sqlite_utils.migrations import Migrations
import importlib
from survey_app.storage.migrations import MIGRATION_MODULES
import survey_app
assert str(Path(survey_app.__file__)).startswith(str(Path.cwd())), survey_app.__file__

path, n = Path(sys.argv[1]), int(sys.argv[2])
try:  # releases with encryption open files through their one driver module, keyed from SURVEY_APP_DB_KEY
    from survey_app.storage.engine import connect_file
except ImportError:
    try:
        from survey_app.storage.driver import connect_file
    except ImportError:
        connect_file = sqlite3.connect
db = sqlite_utils.Database(connect_file(str(path)))
db.execute("PRAGMA foreign_keys = ON")
m = Migrations("survey_app")
for name, module in MIGRATION_MODULES[:n]:
    m(name=name)(importlib.import_module(module).migrate)
m.apply(db)
try:  # releases with the revision guards put them on every synced table after migrating
    from survey_app.storage.revisions import install_guards
    install_guards(db)
except ImportError:
    pass
from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session
ctx = context_for(db, "Lan")
unit = db.execute("SELECT code FROM units ORDER BY code LIMIT 1").fetchone()[0]
sessions = [new_session(db, ctx, unit_code=unit, team=t, surveyors=["Lan", "Minh"]).id for t in ("Tổ 1", "Tổ 2")]
synced = [t for t in db.table_names() if "sync_state" in db[t].columns_dict and t not in ("sessions", "teams")]
order = {"households": 0, "members": 1}
for table in sorted(synced, key=lambda t: order.get(t, 2)):
    cols = db.execute(f"PRAGMA table_info([{table}])").fetchall()
    fks = {r[3]: r[2] for r in db.execute(f"PRAGMA foreign_key_list([{table}])").fetchall()}
    for i in range(3):
        row = {}
        for _cid, name, typ, notnull, default, pk in cols:
            if name in fks:
                parent = db.execute(f"SELECT id FROM [{fks[name]}] LIMIT 1").fetchone()
                if parent is None and not notnull:
                    continue
                row[name] = parent[0]
            elif name == "session_id":
                row[name] = sessions[i % 2]
            elif name == "id":
                row[name] = f"{table}-{i}"
            elif notnull and default is None:
                row[name] = 1 if "INT" in (typ or "").upper() or "REAL" in (typ or "").upper() else f"{name} {i}"
        row = ctx.stamp(row)
        db.table(table).insert({k: v for k, v in row.items() if k in {c[1] for c in cols}})
db.conn.commit()
db.execute("VACUUM")
print(path.name, [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")])
'''


def build(name: str, commit: str, n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), commit], check=True)
        try:
            target = OUT / name
            target.unlink(missing_ok=True)
            subprocess.run([sys.executable, "-c", BUILD, str(target), str(n)], cwd=tree, check=True,
                           env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "SURVEY_APP_DB_KEY": TEST_DB_KEY})
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)


if __name__ == "__main__":
    for release in RELEASES:
        if len(sys.argv) == 1 or release[0] in sys.argv[1:]:
            build(*release)
