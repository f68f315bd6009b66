"""The evidence export's layout: one stored test as an FCC BDC mobile speed-test submission (JSON) and as rows of
the tests, seconds and events CSV files. contract/evidence/fcc_bdc_mapping.csv documents every field."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from survey_app.evidence.passport import Passport

APP_ID = "survey-app"
VN = timezone(timedelta(hours=7))
PHASES = ("latency", "download", "upload")
CHANGE_EVENTS = ("technology_change", "service_lost")  # a change of connectivity: the FCC success flag is false

TEST_COLUMNS = ("test_id", "timestamp", "provider_name", "network_type", "manufacturer", "model", "app_version",
                "in_vehicle", "external_antenna", "environment", "success", "download_mbps", "upload_mbps",
                "latency_ms", "jitter_ms", "download_duration_s", "upload_duration_s", "download_bytes",
                "upload_bytes", "server_url", "server_name", "server_distance_km", "interface_name",
                "interface_kind", "address_family", "unit_code", "latitude", "longitude", "accuracy", "seconds",
                "handovers", "valid", "reasons", "rules_version")
SECOND_COLUMNS = ("test_id", "t", "timestamp", "phase", "latitude", "longitude", "accuracy", "speed", "bearing",
                  "location_source", "location_age", "provider_name", "network_type", "mcc", "mnc", "cell_id", "pci",
                  "arfcn", "band", "tac", "rsrp", "rsrq", "sinr", "rssi", "nr_mode", "nr_band", "nr_arfcn", "nr_pci",
                  "nr_rsrp", "nr_rsrq", "nr_sinr", "neighbours", "neighbour_pcis", "carriers", "carrier_bands",
                  "mbps", "modem_failures")
EVENT_COLUMNS = ("test_id", "t", "timestamp", "kind", "before_technology", "before_pci", "before_cell_id",
                 "after_technology", "after_pci", "after_cell_id", "message")
# passport record key -> FCC-style name of the seconds file and the cell objects
_CELL = (("network_type", "technology"), ("mcc", "mcc"), ("mnc", "mnc"), ("cell_id", "cell_id"), ("pci", "pci"),
         ("arfcn", "arfcn"), ("band", "band"), ("tac", "tac"), ("rsrp", "rsrp_dbm"), ("rsrq", "rsrq_db"),
         ("sinr", "sinr_db"), ("rssi", "rssi_dbm"), ("nr_mode", "nr_mode"), ("nr_band", "nr_band"),
         ("nr_arfcn", "nr_arfcn"), ("nr_pci", "nr_pci"), ("nr_rsrp", "nr_rsrp_dbm"), ("nr_rsrq", "nr_rsrq_db"),
         ("nr_sinr", "nr_sinr_db"))


def local_iso(utc_iso: str | None) -> str | None:
    """A stored UTC time as ISO 8601 with seconds and the Vietnam offset ('2026-03-02T09:15:00+07:00')."""
    if not utc_iso:
        return None
    try:
        t = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).astimezone(VN).isoformat(timespec="seconds")


def _flag(value) -> bool | None:
    return None if value is None else bool(value)


def _location(r: dict) -> dict:
    return {"timestamp": local_iso(r.get("at")), "latitude": r["lat"], "longitude": r["lon"],
            "accuracy": r.get("accuracy_m"), "speed": r.get("speed_mps"), "bearing": r.get("heading_deg"),
            "location_source": r.get("position_source"), "location_age": r.get("position_age_s")}


def _cells(r: dict) -> list[dict]:
    """The serving cell (with its carriers) and the neighbours of one second."""
    if not r.get("technology"):
        return []
    at = local_iso(r.get("at"))
    serving = {"timestamp": at, "serving": True, "provider_name": r.get("operator")}
    serving.update({name: r.get(key) for name, key in _CELL})
    serving["carriers"] = r.get("carriers") or []
    out = [serving]
    for n in r.get("neighbours") or []:
        out.append({"timestamp": at, "serving": False, "network_type": n.get("technology"),
                    "relation": n.get("relation"), "arfcn": n.get("arfcn"), "pci": n.get("pci"),
                    "rsrp": n.get("rsrp_dbm"), "rsrq": n.get("rsrq_db"), "sinr": n.get("sinr_db"),
                    "rssi": n.get("rssi_dbm"), "rscp": n.get("rscp_dbm"), "ecio": n.get("ecio_db")})
    return out


def _metric(records: list[dict], seconds: float | None, nbytes: int | None) -> dict:
    """A test metric object: start, duration in microseconds, bytes, and what was seen each second."""
    duration = None if seconds is None else int(round(seconds * 1e6))
    return {"timestamp": local_iso(records[0].get("at")) if records else None, "duration": duration,
            "bytes_transferred": nbytes, "bytes_sec": int(nbytes / seconds) if nbytes and seconds else None,
            "locations": [_location(r) for r in records if r.get("lat") is not None],
            "cells": [c for r in records for c in _cells(r)]}


def success(row: dict, passport: Passport) -> bool:
    """FCC's success flag: the test completed and its connectivity did not change."""
    return row["status"] == "ok" and not any(e.get("kind") in CHANGE_EVENTS for e in passport.events)


def submission(row: dict) -> dict:
    """One stored test (storage.evidence.evidence_tests row) as a submission object."""
    p = Passport.from_json(row["passport"])
    phases = {ph: [r for r in p.records if r.get("phase") == ph] for ph in PHASES}
    modem = p.modem or {}
    latency = _metric(phases["latency"], None, None)
    latency.pop("bytes_transferred")
    latency.pop("bytes_sec")
    latency.update(rtt_median_ms=row["ping_ms"], rtt_min_ms=row["ping_min_ms"], jitter_ms=row["jitter_ms"],
                   rtt_loaded_download_ms=row["loaded_ping_download_ms"],
                   rtt_loaded_upload_ms=row["loaded_ping_upload_ms"])
    return {
        "test_id": row["id"], "timestamp": local_iso(row["started_at"]), "device_type": "Other",
        "manufacturer": modem.get("manufacturer"), "model": modem.get("model"), "operating_system": None,
        "app_id": APP_ID, "app_version": row["app_version"], "provider_name": row["operator"],
        "network_type": row["technology"], "in_vehicle": _flag(row["in_vehicle"]),
        "external_antenna": _flag(row["external_antenna"]), "environment": row["environment"],
        "success": success(row, p), "unit_code": row["unit_code"], "code_set": row["code_set"],
        "tests": {"download": _metric(phases["download"], row["download_s"], row["bytes_received"]),
                  "upload": _metric(phases["upload"], row["upload_s"], row["bytes_sent"]), "latency": latency},
        "results": {"download_mbps": row["download_mbps"], "upload_mbps": row["upload_mbps"],
                    "status": row["status"], "error": row["error"]},
        "server": {"url": row["server_url"], "name": row["server_name"], "distance_km": row["server_distance_km"],
                   "protocol": row["protocol"], "method": row["method"]},
        "interface": {"name": row["interface_name"], "kind": row["interface_kind"],
                      "local_address": row["local_address"], "address_family": row["address_family"]},
        "events": [dict(e, timestamp=local_iso(e.get("at"))) for e in p.events],
        "validity": {"valid": row["verdict"] == "valid", "rules_version": row["rules_version"],
                     "reasons": row["verdict_reasons"] or []},
    }


def test_row(row: dict) -> list:
    """The tests CSV row."""
    p = Passport.from_json(row["passport"])
    start = next((r for r in p.records if r.get("lat") is not None), {})
    modem = p.modem or {}
    reasons = ";".join(r.get("code", "") for r in row["verdict_reasons"] or [])
    return [row["id"], local_iso(row["started_at"]), row["operator"], row["technology"], modem.get("manufacturer"),
            modem.get("model"), row["app_version"], _flag(row["in_vehicle"]), _flag(row["external_antenna"]),
            row["environment"], success(row, p), row["download_mbps"], row["upload_mbps"], row["ping_ms"],
            row["jitter_ms"], row["download_s"], row["upload_s"], row["bytes_received"], row["bytes_sent"],
            row["server_url"], row["server_name"], row["server_distance_km"], row["interface_name"],
            row["interface_kind"], row["address_family"], row["unit_code"], start.get("lat"), start.get("lon"),
            start.get("accuracy_m"), len(p.records), sum(1 for e in p.events if e.get("kind") == "handover"),
            row["verdict"] == "valid", reasons, row["rules_version"]]


def second_rows(row: dict) -> list[list]:
    """The seconds CSV rows of one test (one per passport record)."""
    out = []
    for r in Passport.from_json(row["passport"]).records:
        neigh, carr = r.get("neighbours") or [], r.get("carriers") or []
        out.append([row["id"], r.get("t"), local_iso(r.get("at")), r.get("phase"), r.get("lat"), r.get("lon"),
                    r.get("accuracy_m"), r.get("speed_mps"), r.get("heading_deg"), r.get("position_source"),
                    r.get("position_age_s"), r.get("operator")] + [r.get(key) for _name, key in _CELL] +
                   [len(neigh), ";".join(str(n.get("pci")) for n in neigh), len(carr),
                    ";".join(str(c.get("band")) for c in carr), r.get("mbps"),
                    "; ".join(r.get("modem_failures") or [])])
    return out


def event_rows(row: dict) -> list[list]:
    """The events CSV rows of one test."""
    out = []
    for e in Passport.from_json(row["passport"]).events:
        before, after = e.get("before") or {}, e.get("after") or {}
        out.append([row["id"], e.get("t"), local_iso(e.get("at")), e.get("kind"), before.get("technology"),
                    before.get("pci"), before.get("cell_id"), after.get("technology"), after.get("pci"),
                    after.get("cell_id"), e.get("message")])
    return out
