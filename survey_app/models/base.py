"""Units, sessions and positions: the records every area refers to."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Unit:
    """A ward (phường) or commune (xã) of Huế, keyed by its official code."""

    code: str
    name: str
    kind: str  # 'ward' | 'commune'
    inside_lon: float
    inside_lat: float
    bbox: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat
    code_set: str = "VN-2025-07"
    area_km2: float | None = None


@dataclass(frozen=True)
class Position:
    """A WGS84 position with where it came from."""

    lat: float
    lon: float
    source: str  # 'gps' | 'modem' | 'manual'
    accuracy_m: float | None = None
    at: str | None = None  # UTC ISO 8601 time of the fix
    hdop: float | None = None
    satellites: int | None = None
    fix_quality: int | None = None

    def as_columns(self) -> dict:
        """The POSITION columns of a record."""
        return {"lat": self.lat, "lon": self.lon, "position_source": self.source,
                "position_accuracy_m": self.accuracy_m, "position_at": self.at}


NO_POSITION_COLUMNS = {"lat": None, "lon": None, "position_source": None,
                       "position_accuracy_m": None, "position_at": None}


@dataclass
class Session:
    """A team's survey visit to one unit."""

    id: str
    unit_code: str
    team_name: str
    surveyors: list[str]
    started_at: str
    closed_at: str | None
    status: str
    notes: str = ""
    unit_name: str = ""
    revision: int = 1
    device_id: str = ""
    code_set: str = "VN-2025-07"
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        """True while records may still be added."""
        return self.status == "open"

    def to_json(self) -> dict:
        """JSON-ready dictionary (CLI output)."""
        return {
            "id": self.id, "unit_code": self.unit_code, "unit_name": self.unit_name, "code_set": self.code_set,
            "team": self.team_name, "surveyors": self.surveyors, "started_at": self.started_at,
            "closed_at": self.closed_at, "status": self.status, "notes": self.notes,
            "revision": self.revision, "device_id": self.device_id,
        }
