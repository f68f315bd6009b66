"""Which records an export takes: units, Vietnam-local date range, teams, approved sessions only."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7))


@dataclass(frozen=True)
class Filters:
    """Which records to export; empty tuples and None mean no restriction."""

    units: tuple[str, ...] = ()
    date_from: date | None = None     # inclusive, Vietnam local date
    date_to: date | None = None       # inclusive, Vietnam local date
    teams: tuple[str, ...] = ()
    status: str = "all"               # 'all' | 'approved' (records of approved sessions only)

    def to_json(self) -> dict:
        """The filters as written in the manifest."""
        return {"units": list(self.units), "date_from": self.date_from.isoformat() if self.date_from else None,
                "date_to": self.date_to.isoformat() if self.date_to else None, "teams": list(self.teams),
                "status": self.status}


def utc_bound(day: date) -> str:
    """The stored-UTC text of local midnight at the start of `day` (stored times compare as text)."""
    local = datetime.combine(day, time(0), VN_TZ)
    return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
