"""The shapes of an export: its layers and columns (the data is in survey_app/exports/layers.py), and which records it takes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Column:
    """One exported column."""

    name: str
    # string, integer, number, boolean, datetime, lon or lat. 'lon'/'lat' become the GeoJSON geometry (and CSV
    # columns); 'datetime' is ISO 8601 with the +07:00 offset (stored UTC converted to Vietnam time); 'boolean'
    # is 1/0 in CSV and true/false in GeoJSON.
    kind: str
    en: str
    vi: str
    unit: str = ""
    personal: bool = False        # left out unless the user asks for personal data
    source: str | None = None     # the stored column it comes from (default: `name`); "count:<table>"
                                  # counts a session's records of that table

    @property
    def src(self) -> str:
        """The source column (qualified by the layer's table alias in storage.export_queries)."""
        return self.source or self.name


@dataclass(frozen=True)
class Layer:
    """One exported table: one CSV file or one GeoJSON FeatureCollection."""

    name: str
    table: str
    en: str
    vi: str
    columns: tuple[Column, ...]
    time_column: str | None = None     # what the date filter applies to
    geojson: bool = True
    rounded_positions: bool = False    # household-linked positions, rounded unless precise is asked

    def selected(self, include_personal: bool) -> list[Column]:
        """The columns written, in order, for the chosen privacy option."""
        return [c for c in self.columns if include_personal or not c.personal]

    def personal_columns(self) -> list[str]:
        """Names of the columns that hold personal data."""
        return [c.name for c in self.columns if c.personal]


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


# How household-linked positions are coarsened unless precise locations are asked for (documented in
# the manifest): 3 decimals of a degree is about 111 m north-south and 107 m east-west at Huế's latitude.
ROUNDED_DECIMALS = 3
PRECISE_DECIMALS = 6
