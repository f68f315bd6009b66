"""Signal quality grades from the configurable thresholds (settings.signal_thresholds)."""
from __future__ import annotations

GRADES = ("excellent", "good", "fair", "poor")


def grade(value: float | None, bounds: tuple[float, float, float]) -> str | None:
    """'excellent'/'good'/'fair'/'poor' for a value against (excellent, good, fair) lower bounds; None if unknown."""
    if value is None:
        return None
    for name, bound in zip(GRADES, bounds):
        if value >= bound:
            return name
    return "poor"


def reading_grade(reading, thresholds) -> str | None:
    """The grade of a reading by its main measure: RSRP (LTE/NR), else RSCP (UMTS), else RSSI (GSM)."""
    if reading.rsrp_dbm is not None:
        return grade(reading.rsrp_dbm, thresholds.rsrp_dbm)
    if reading.nr_rsrp_dbm is not None:
        return grade(reading.nr_rsrp_dbm, thresholds.rsrp_dbm)
    if reading.rscp_dbm is not None:
        return grade(reading.rscp_dbm, thresholds.rscp_dbm)
    return grade(reading.rssi_dbm, thresholds.rssi_dbm)
