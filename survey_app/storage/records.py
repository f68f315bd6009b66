"""Columns and stamping shared by every synced record (see docs/ARCHITECTURE.md, "Records")."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite_utils is imported lazily: it costs ~150 ms of start-up
    import sqlite_utils

from dataclasses import dataclass
from typing import Any

from survey_app import __version__
from survey_app.clock import new_id, utc_now

CODE_SET = "VN-2025-07"

# Every synced table starts with these columns; sync finds synced tables by the `sync_state` column.
COMMON_COLUMNS_SQL = """
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id TEXT NOT NULL,
    surveyor TEXT NOT NULL DEFAULT '',
    app_version TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    synced_revision INTEGER
"""

SYNC_PENDING = "pending"
SYNC_SYNCED = "synced"
SYNC_REJECTED = "rejected"
# A revision that came in a bundle signed by another installation: its own installation sends it (or the forwarded
# original carries it), never this laptop's batches or bundles; a local revision makes the record pending again.
SYNC_IMPORTED = "imported"
# This laptop's revisions not yet at the centre (waiting or rejected): what it sends and counts as unsynced.
OWN_UNSYNCED_SQL = f"sync_state != '{SYNC_SYNCED}' AND sync_state != '{SYNC_IMPORTED}'"


@dataclass(frozen=True)
class RecordContext:
    """Who and what stamps new records: this device, the surveyor at the keyboard, the app version."""

    device_id: str
    surveyor: str = ""
    app_version: str = __version__

    def stamp(self, data: dict[str, Any], *, now: str | None = None) -> dict[str, Any]:
        """`data` with the common columns of a new record filled in (an existing id is kept)."""
        now = now or utc_now()
        row = dict(data)
        row.setdefault("id", new_id())
        row.setdefault("created_at", now)
        row["updated_at"] = now
        row.setdefault("device_id", self.device_id)
        row.setdefault("surveyor", self.surveyor)
        row.setdefault("app_version", self.app_version)
        row.setdefault("revision", 1)
        row.setdefault("sync_state", SYNC_PENDING)
        return row


def device_id(db: sqlite_utils.Database) -> str:
    """This database's device UUID (made by the first migration)."""
    return db.execute("SELECT id FROM device LIMIT 1").fetchone()[0]


def context_for(db: sqlite_utils.Database, surveyor: str = "") -> RecordContext:
    """A RecordContext for this device and surveyor."""
    return RecordContext(device_id=device_id(db), surveyor=surveyor)
