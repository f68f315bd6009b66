"""The clock and record ids every layer uses: UTC timestamps as stored, Vietnam local days, new UUIDs."""
from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7))


def utc_now() -> str:
    """Current UTC time, ISO 8601 with milliseconds and a Z."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    """A new random record UUID (text)."""
    return str(uuid.uuid4())


def utc_bound(day: date) -> str:
    """The stored-UTC text of local midnight at the start of `day` (stored times compare as text)."""
    local = datetime.combine(day, time(0), VN_TZ)
    return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
