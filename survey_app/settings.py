"""Typed settings in a JSON file with a schema version; unknown keys are kept, bad values fall back."""
from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1


@dataclass
class SignalThresholds:
    """Grade boundaries (excellent, good, fair); below the last is poor."""

    rsrp_dbm: tuple[float, float, float] = (-80.0, -90.0, -100.0)
    rsrq_db: tuple[float, float, float] = (-10.0, -15.0, -20.0)
    sinr_db: tuple[float, float, float] = (20.0, 13.0, 0.0)
    rssi_dbm: tuple[float, float, float] = (-65.0, -75.0, -85.0)
    rscp_dbm: tuple[float, float, float] = (-75.0, -85.0, -95.0)


@dataclass
class Settings:
    """What a surveyor or supervisor sets once per laptop."""

    schema_version: int = SCHEMA_VERSION
    language: str = "vi"
    surveyor: str = ""
    team: str = ""
    speedtest_server: str = ""
    speedtest_protocol: str = "librespeed"
    speedtest_duration_s: float = 10.0
    modem_port: str = ""
    gps_port: str = ""
    signal_interval_s: float = 5.0
    signal_thresholds: SignalThresholds = field(default_factory=SignalThresholds)
    sync_url: str = ""
    sync_auto: bool = False
    sync_ca_file: str = ""
    sync_allow_insecure_http: bool = False  # plain http to a host other than this computer (a trusted LAN only)
    retention_days: int = 365   # personal fields kept on this laptop after a household's session is safe centrally
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Settings":
        """Read settings; a missing or unreadable file gives defaults (the bad file is kept aside)."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("not an object")
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            try:
                path.replace(path.with_suffix(".json.bad"))
            except OSError:
                pass
            return cls()
        return cls._from_dict(raw)

    @classmethod
    def _from_dict(cls, raw: dict[str, Any]) -> "Settings":
        s = cls()
        known = {f.name: f for f in dataclasses.fields(cls)}
        for key, value in raw.items():
            if key == "signal_thresholds" and isinstance(value, dict):
                th = SignalThresholds()
                for tk, tv in value.items():
                    if hasattr(th, tk) and isinstance(tv, list) and len(tv) == 3:
                        try:
                            setattr(th, tk, tuple(float(x) for x in tv))
                        except (TypeError, ValueError):
                            pass
                s.signal_thresholds = th
            elif key in known and key not in ("extra", "schema_version"):
                default = getattr(s, key)
                if isinstance(default, bool):
                    if isinstance(value, bool):
                        setattr(s, key, value)
                elif isinstance(default, (int, float)) and isinstance(value, (int, float)) and not isinstance(value, bool):
                    setattr(s, key, type(default)(value))
                elif isinstance(default, str) and isinstance(value, str):
                    setattr(s, key, value)
            elif key == "extra" and isinstance(value, dict):
                s.extra.update(value)
            elif key != "schema_version":
                s.extra[key] = value
        if s.language not in ("vi", "en"):
            s.language = "vi"
        return s

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dictionary."""
        d = dataclasses.asdict(self)
        d["schema_version"] = SCHEMA_VERSION
        return d

    def save(self, path: Path) -> None:
        """Write atomically (temporary file, then rename)."""
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)
