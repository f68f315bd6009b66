"""Forward-only numbered migrations (sqlite-utils Migrations), with a backup before applying any."""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from survey_app.storage.driver import sqlite

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.migrations import Migrations

# Numbered, applied in this order, never edited once released. An area adds its own module
# `survey_app/storage/schema_<area>_NNNN.py` defining `migrate(db)` and appends one line here.
MIGRATION_MODULES: list[tuple[str, str]] = [
    ("0001_initial", "survey_app.storage.schema_v1"),
    ("0002_review_indexes", "survey_app.storage.schema_review_0002"),
    ("0003_sync_state", "survey_app.storage.schema_sync_0003"),
    ("0004_review_partials", "survey_app.storage.schema_review_0004"),
    ("0005_coverage", "survey_app.storage.schema_coverage_0005"),
    ("0006_revisions", "survey_app.storage.schema_revisions_0006"),
    ("0007_privacy", "survey_app.storage.schema_privacy_0007"),
    ("0008_speedtest_reason_codes", "survey_app.storage.schema_speedtest_0008"),
    ("0009_evidence", "survey_app.storage.schema_evidence_0009"),
    ("0010_hex_inputs", "survey_app.storage.schema_coverage_0010"),
]


def build_migrations() -> "Migrations":
    """The app's migration set."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations("survey_app")
    for name, module in MIGRATION_MODULES:
        migrations(name=name)(importlib.import_module(module).migrate)
    return migrations


def pending_names_raw(conn: sqlite.Connection) -> list[str]:
    """Migrations not yet applied, read on the bare connection (no sqlite-utils import)."""
    try:
        done = {r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'survey_app'")}
    except sqlite.OperationalError as exc:
        if "no such table" not in str(exc):
            raise
        done = set()
    return [name for name, _module in MIGRATION_MODULES if name not in done]


def apply_migrations(db: sqlite_utils.Database, existing_path: Path | None) -> list[str]:
    """Apply pending migrations; an existing database is backed up first. Returns the names applied."""
    migrations = build_migrations()
    pending = [m.name for m in migrations.pending(db)]
    if not pending:
        return []
    if existing_path is not None:
        from survey_app.storage.db import backup

        backup(db, existing_path, f"before-{pending[0]}")
    migrations.apply(db)
    from survey_app.storage.revisions import install_guards

    install_guards(db)  # every synced table, including one a migration just added
    return pending


def schema_version(db: sqlite_utils.Database) -> int:
    """How many of the app's migrations this database has."""
    return len(build_migrations().applied(db))
