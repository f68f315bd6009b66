"""The sync contract's tables and columns, as the app's own migrated schema defines them (receivers accept no
other table or column)."""
from __future__ import annotations

import functools

from survey_app.storage.sync import LOCAL_COLUMNS, RECORD_COLUMNS, columns, ordered_tables


@functools.lru_cache(maxsize=1)
def synced_columns() -> dict[str, frozenset[str]]:
    """{table: data columns} of every synced table of the current schema (computed once per process)."""
    from survey_app.storage.db import database_class
    from survey_app.storage.driver import connect_file
    from survey_app.storage.migrations import build_migrations

    db = database_class()(connect_file(":memory:"))
    try:
        build_migrations().apply(db)
        out = {}
        for table in ordered_tables(db):
            out[table] = frozenset(c for c in columns(db, table) if c not in LOCAL_COLUMNS and c not in RECORD_COLUMNS)
        return out
    finally:
        db.close()
