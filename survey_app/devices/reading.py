"""The signal reading of one modem at one moment, as the CLI's JSON and the signal_readings table see it."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass
class SignalReading:
    """Identity, network and radio values of one reading; None means unknown. `raw` keeps the device text."""

    manufacturer: str | None = None
    model: str | None = None
    revision: str | None = None
    technology: str | None = None
    mcc: str | None = None
    mnc: str | None = None
    operator: str | None = None
    rssi_dbm: float | None = None
    rsrp_dbm: float | None = None
    rsrq_db: float | None = None
    sinr_db: float | None = None
    rscp_dbm: float | None = None
    ecio_db: float | None = None
    band: str | None = None
    arfcn: int | None = None
    pci: int | None = None
    cell_id: int | None = None
    tac: int | None = None
    lac: int | None = None
    nr_rsrp_dbm: float | None = None
    nr_rsrq_db: float | None = None
    nr_sinr_db: float | None = None
    nr_band: str | None = None
    nr_arfcn: int | None = None
    nr_pci: int | None = None
    # neighbour cells and carrier-aggregation components, where the dialect reads them (devices/cells.py)
    neighbours: list[dict] = field(default_factory=list)
    carriers: list[dict] = field(default_factory=list)
    raw: str = ""

    def update(self, values: dict[str, Any], *, overwrite: bool = False) -> None:
        """Fill fields from a parser's result; known values are kept unless `overwrite`."""
        for key, value in values.items():
            if key not in FIELD_NAMES or key == "raw" or value is None:
                continue
            if overwrite or getattr(self, key) is None:
                setattr(self, key, value)

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dictionary (the CLI's `--json`)."""
        return dataclasses.asdict(self)

    def has_signal(self) -> bool:
        """True when at least one radio measurement is known."""
        return any(getattr(self, k) is not None for k in SIGNAL_FIELDS)


FIELD_NAMES = tuple(f.name for f in dataclasses.fields(SignalReading))
SIGNAL_FIELDS = ("rssi_dbm", "rsrp_dbm", "rsrq_db", "sinr_db", "rscp_dbm", "ecio_db", "nr_rsrp_dbm",
                 "nr_rsrq_db", "nr_sinr_db")


@dataclass(frozen=True)
class ModemIdentity:
    """What a modem says it is (never its IMEI, IMSI, ICCID or number)."""

    manufacturer: str | None
    model: str | None
    revision: str | None
    dialect: str

    def label(self) -> str:
        """Short human name, e.g. "Quectel EC25"."""
        return " ".join(p for p in (self.manufacturer, self.model) if p) or "?"
