"""Migration 0008_speedtest_reason_codes: a failed test's reason as a code and parameters (JSON), worded when
shown (survey_app/speedtest/reasons.py); `error` keeps the English wording for exports and older readers."""
from __future__ import annotations

import sqlite_utils


def migrate(db: sqlite_utils.Database) -> None:
    """Add speed_tests.error_code and speed_tests.error_params."""
    db.execute("ALTER TABLE speed_tests ADD COLUMN error_code TEXT")
    db.execute("ALTER TABLE speed_tests ADD COLUMN error_params TEXT")
