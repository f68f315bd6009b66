"""Neighbour cells, carrier-aggregation components and cell changes, as plain JSON-ready dictionaries."""
from __future__ import annotations

from typing import Any

NEIGHBOUR_KEYS = ("technology", "relation", "arfcn", "pci", "rsrp_dbm", "rsrq_db", "rssi_dbm", "sinr_db",
                  "rscp_dbm", "ecio_db")
CARRIER_KEYS = ("role", "technology", "band", "arfcn", "pci", "bandwidth_mhz", "rsrp_dbm", "rsrq_db", "rssi_dbm",
                "sinr_db", "state")
MAX_CELLS = 32  # a firmware that lists more is answering garbage; keep the first ones
# What identifies the serving cell: a change of any of these during a test is a cell change.
CELL_IDENTITY = ("technology", "mcc", "mnc", "cell_id", "pci", "arfcn")


def neighbour(**values: Any) -> dict:
    """A neighbour-cell dictionary with every key present (None when the modem does not say)."""
    unknown = set(values) - set(NEIGHBOUR_KEYS)
    if unknown:
        raise KeyError(sorted(unknown))
    return {k: values.get(k) for k in NEIGHBOUR_KEYS}


def carrier(**values: Any) -> dict:
    """A component-carrier dictionary ('pcc' primary, 'scc' secondary) with every key present."""
    unknown = set(values) - set(CARRIER_KEYS)
    if unknown:
        raise KeyError(sorted(unknown))
    return {k: values.get(k) for k in CARRIER_KEYS}


def secondary_count(carriers: list[dict] | None) -> int:
    """How many secondary carriers are aggregated (0 without CA)."""
    return sum(1 for c in carriers or () if c.get("role") == "scc" and c.get("state") not in ("inactive",))


def identity(values: dict | Any) -> tuple | None:
    """The serving cell's identity from a reading (dict or SignalReading); None when no cell is known."""
    get = values.get if isinstance(values, dict) else (lambda k: getattr(values, k, None))
    key = tuple(get(k) for k in CELL_IDENTITY)
    if key[0] is None or (get("cell_id") is None and get("pci") is None):
        return None
    return key


def cell_summary(values: dict | Any) -> dict:
    """The fields that describe the serving cell in a change event."""
    get = values.get if isinstance(values, dict) else (lambda k: getattr(values, k, None))
    return {k: get(k) for k in ("operator", "technology", "band", "arfcn", "pci", "cell_id", "tac")}


def change_kind(before: tuple | None, after: tuple | None) -> str | None:
    """'handover' (same technology), 'technology' (e.g. LTE to UMTS), 'lost', 'regained', or None."""
    if before == after:
        return None
    if before is None:
        return "regained"
    if after is None:
        return "lost"
    return "technology" if before[0] != after[0] else "handover"
