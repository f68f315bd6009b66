"""Synthetic passports, conditions and verdicts for the demo speed tests: per-second records along a plausible
path with a serving cell, neighbours and carriers, the events a real test may have (handover, technology
change, a modem falling silent), and the verdict from the app's own rules, so that the review page, the KPIs
and the evidence export have valid and invalid tests to show."""
from __future__ import annotations

import json
import math

import numpy as np

from survey_app.evidence.conditions import Conditions
from survey_app.evidence.geo import distance_m
from survey_app.evidence.metrics import test_metrics
from survey_app.evidence.passport import CELL_FIELDS, POSITION_FIELDS, Passport, nr_mode
from survey_app.evidence.rules import evaluate, load_rules

COLUMNS = ("passport", "environment", "in_vehicle", "external_antenna", "verdict", "verdict_reasons",
           "rules_version", "download_s", "upload_s", "address_family", "local_address", "server_distance_km")
SERVERS = {"librespeed": (16.4674, 107.5905), "ookla": (16.4559, 107.5911)}  # Huế IOC, VNPT Huế
MCC_MNC = {"Viettel": "04", "VinaPhone": "02", "MobiFone": "01"}
LTE_ARFCN = {"Viettel": 1650, "VinaPhone": 1275, "MobiFone": 1444}
NR = {"Viettel": ("n41", 504990), "VinaPhone": ("n78", 650016), "MobiFone": ("n77", 656000)}
_EMPTY_CELL = dict.fromkeys(CELL_FIELDS + ("nr_mode", "cell_age_s", "neighbours", "carriers", "modem_failures"))


def _conditions(rng) -> Conditions:
    env = rng.choice(["indoor", "outdoor_fixed", "outdoor_moving", None], p=[0.38, 0.38, 0.2, 0.04])
    if env == "outdoor_moving":
        placement = rng.choice(["handheld", "vehicle", "vehicle_external_antenna"], p=[0.3, 0.5, 0.2])
    else:
        placement = "handheld"
    return Conditions.from_choice(env, placement)


def _cell(rng, op: str, tech: str, pci: int, rsrp: float) -> dict:
    lte = {k: None for k in CELL_FIELDS}
    lte.update(operator=op, mcc="452", mnc=MCC_MNC[op], technology=tech, band="B3", arfcn=LTE_ARFCN[op], pci=pci,
               cell_id=int(0x1A20000 + pci * 7), tac=0x2F4B, rsrp_dbm=round(rsrp, 1),
               rsrq_db=round(-10.5 + (rsrp + 90) * 0.08, 1), sinr_db=round(12 + (rsrp + 90) * 0.35, 1),
               rssi_dbm=round(rsrp + 24, 1))
    if tech in ("NR-NSA", "NR-SA"):
        band, arfcn = NR[op]
        lte.update(nr_band=band, nr_arfcn=arfcn, nr_pci=(pci * 3) % 1008, nr_rsrp_dbm=round(rsrp - 4, 1),
                   nr_sinr_db=round(14 + (rsrp + 90) * 0.3, 1))
        if tech == "NR-SA":
            lte.update(band=band, arfcn=arfcn)
    neighbours = [{"technology": "LTE", "relation": "intra", "arfcn": LTE_ARFCN[op], "pci": (pci + k * 37) % 504,
                   "rsrp_dbm": round(rsrp - 5 - 4 * k, 1), "rsrq_db": round(-13.0 - k, 1), "rssi_dbm": None,
                   "sinr_db": None, "rscp_dbm": None, "ecio_db": None} for k in (1, 2)]
    carriers = [{"role": "pcc", "technology": "LTE", "band": lte["band"], "arfcn": lte["arfcn"], "pci": pci,
                 "bandwidth_mhz": 20.0, "rsrp_dbm": lte["rsrp_dbm"], "rsrq_db": lte["rsrq_db"], "rssi_dbm": None,
                 "sinr_db": lte["sinr_db"], "state": "active"}]
    if tech == "NR-NSA":
        carriers.append(dict(carriers[0], role="scc", technology="NR", band=lte["nr_band"], arfcn=lte["nr_arfcn"],
                             pci=lte["nr_pci"], bandwidth_mhz=100.0, rsrp_dbm=lte["nr_rsrp_dbm"]))
    lte.update(nr_mode=nr_mode(tech), cell_age_s=round(float(rng.uniform(0.1, 0.9)), 2), neighbours=neighbours,
               carriers=carriers, modem_failures=None)
    return lte


def _passport(rng, test: dict, cond: Conditions) -> tuple[Passport, float, float]:
    """Records and events of one test; returns (passport, download_s, upload_s)."""
    down_s, up_s = (round(float(x) * 4) / 4 for x in rng.uniform(5.0, 8.5, 2))
    if test["status"] != "ok":
        down_s, up_s = round(float(rng.uniform(0.5, 3.0)), 2), 0.0
    phases = ["connect", "latency"] + ["download"] * math.ceil(down_s) + ["upload"] * math.ceil(up_s)
    moving = cond.environment == "outdoor_moving" or rng.random() < 0.04  # some walk off a "fixed" test
    speed = (rng.uniform(6, 14) if cond.in_vehicle else rng.uniform(1.0, 1.6)) if moving else 0.0
    heading = float(rng.uniform(0, 360))
    modem = test["interface_kind"] == "modem"
    pci = int(rng.integers(0, 504))
    rsrp = float(rng.normal(-92, 8))
    handover_at = (int(rng.integers(3, len(phases))) if modem and len(phases) > 4
                   and rng.random() < (0.5 if moving else 0.04) else None)
    silent_at = int(len(phases) * 0.6) if modem and rng.random() < 0.015 else None
    tech_change = modem and rng.random() < 0.01
    p = Passport(modem={"manufacturer": "Quectel", "model": "EC25", "port": "/dev/ttyUSB2", "dialect": "quectel"}
                 if modem else None)
    at0 = np.datetime64(test["started_at"].rstrip("Z"), "ms")
    for k, phase in enumerate(phases):
        rec = {"t": float(k), "at": str(at0 + np.timedelta64(k * 1000, "ms")) + "Z", "phase": phase,
               "mbps": None if phase in ("connect", "latency") else round(
                   test["down" if phase == "download" else "up"] * float(rng.uniform(0.9, 1.1)), 3)}
        if test["lat"] is None or k == 0:
            rec.update(dict.fromkeys(POSITION_FIELDS))
        else:
            d = speed * k
            rec.update(lat=round(test["lat"] + d * math.cos(math.radians(heading)) / 111_195, 7),
                       lon=round(test["lon"] + d * math.sin(math.radians(heading)) /
                                 (111_195 * math.cos(math.radians(test["lat"]))), 7),
                       accuracy_m=test["acc"], speed_mps=round(speed, 2), heading_deg=round(heading, 1),
                       position_source=test["src"], position_age_s=round(float(rng.uniform(0.05, 0.95)), 2))
        if k == handover_at:
            new = (pci + 101) % 504
            p.events.append({"t": k - 0.4, "at": rec["at"], "kind": "handover", "before": {"pci": pci},
                             "after": {"pci": new}})
            pci = new
        if modem and tech_change and k == 4:
            p.events.append({"t": k - 0.5, "at": rec["at"], "kind": "technology_change",
                             "before": {"technology": test["tech"]}, "after": {"technology": "UMTS"}})
        silent = silent_at is not None and k >= silent_at
        if silent and k == silent_at:
            p.events.append({"t": float(k), "at": rec["at"], "kind": "modem_silent"})
        rsrp += float(rng.normal(0, 1.2))
        rec.update(_cell(rng, test["op"], test["tech"], pci, rsrp) if modem and k and not silent else _EMPTY_CELL)
        p.records.append(rec)
    return p, down_s, up_s


def evidence_columns(rng, tests: list[dict]) -> list[tuple]:
    """Per test (dicts with status, started_at, interface_kind, protocol, op, tech, down, up, lat, lon, acc, src):
    the values of COLUMNS."""
    rules = load_rules()
    out = []
    for test in tests:
        cond = _conditions(rng)
        passport, down_s, up_s = _passport(rng, test, cond)
        server = SERVERS[test["protocol"]]
        dist = (None if test["lat"] is None else
                round(distance_m(test["lat"], test["lon"], *server) / 1000, 1))
        metrics = test_metrics({"status": test["status"], "started_at": test["started_at"], "download_s": down_s,
                                "upload_s": up_s, "server_distance_km": dist,
                                "interface_kind": test["interface_kind"]}, passport, cond)
        verdict = evaluate(metrics, rules)
        c = cond.as_columns()
        out.append((json.dumps(passport.to_json(), separators=(",", ":")), c["environment"], c["in_vehicle"],
                    c["external_antenna"], "valid" if verdict["valid"] else "invalid",
                    json.dumps(verdict["reasons"], separators=(",", ":")), verdict["rules_version"], down_s, up_s,
                    "IPv4", f"10.{rng.integers(0, 256)}.{rng.integers(0, 256)}.{rng.integers(1, 255)}", dist))
    return out
