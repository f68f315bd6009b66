"""Distances on the WGS84 sphere for the passport's positions."""
from __future__ import annotations

import math

from survey_app.latlon import PositionError, parse_position

EARTH_RADIUS_M = 6_371_008.8


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def parse_lat_lon(text: str | None) -> tuple[float, float] | None:
    """'16.4637, 107.5909' or '16,4637 107,5909' -> (lat, lon); None when empty or not a position on Earth
    (survey_app.latlon.parse_position says why)."""
    if not text or not text.strip():
        return None
    try:
        lat, lon = parse_position(text)
    except PositionError:
        return None
    return lat, lon
