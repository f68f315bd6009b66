"""Sierra Wireless AT!GSTATUS?: a free-form table of "Key: value" pairs separated by tabs or spaces."""
from __future__ import annotations

import re

from survey_app.devices.parsers.common import ParseError, in_range, lte_band, nr_band, text_lines, to_float, to_int

_SPLIT = re.compile(r"\t+| {2,}")
_MODE = {"LTE": "LTE", "WCDMA": "UMTS", "HSPA": "UMTS", "GSM": "GSM", "ENDC": "NR-NSA", "NR5G": "NR-SA",
         "NR5G SA": "NR-SA"}


def gstatus_pairs(text: str) -> dict[str, str]:
    """The "Key: value" pairs of a !GSTATUS answer; the first of a repeated key wins (the primary cell's)."""
    lines = text_lines(text)
    if not any(ln.upper().startswith("!GSTATUS") for ln in lines):
        raise ParseError("no !GSTATUS line")
    pairs: dict[str, str] = {}
    for line in lines:
        if line.upper().startswith("!GSTATUS") or line in ("OK",):
            continue
        tokens = [t.strip() for t in _SPLIT.split(line) if t.strip()]
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if ":" in tok:
                key, _, value = tok.partition(":")
                value = value.strip()
                if not value and i + 1 < len(tokens) and ":" not in tokens[i + 1]:
                    value = tokens[i + 1]
                    i += 1
                pairs.setdefault(key.strip(), value)
            i += 1
    return pairs


def _num(pairs: dict, *keys: str) -> float | None:
    for k in keys:
        if k in pairs:
            m = re.match(r"^-?\d+(\.\d+)?", pairs[k])
            return to_float(m.group(0)) if m else None
    return None


def _hex_paren(value: str | None) -> int | None:
    """'8C65 (35666)' -> 35666 (the decimal in brackets, else the hex)."""
    if not value:
        return None
    m = re.search(r"\((\d+)\)", value)
    if m:
        return int(m.group(1))
    m = re.match(r"^([0-9A-Fa-f]+)$", value.strip())
    return int(m.group(1), 16) if m else None


def parse_gstatus(text: str) -> dict:
    """System mode, band, channel, RSSI/RSRP/RSRQ/SINR, TAC and cell id of the primary (PCC) cell."""
    pairs = gstatus_pairs(text)
    mode = pairs.get("System mode", "").upper()
    out: dict = {"technology": _MODE.get(mode)}
    if mode in ("", "NO SERVICE", "NONE"):
        out["registration"] = "searching"
    band_m = re.search(r"(\d+)", pairs.get("LTE band", ""))
    out["band"] = lte_band(int(band_m.group(1))) if band_m else None
    chan = pairs.get("LTE Rx chan")
    out["arfcn"] = to_int(chan) if chan and chan.isdigit() else None
    out["rssi_dbm"] = in_range(_num(pairs, "PCC RxM RSSI", "RSSI (dBm)"), -130, 0)
    out["rsrp_dbm"] = in_range(_num(pairs, "PCC RxM RSRP", "RSRP (dBm)"), -160, -20)
    out["rsrq_db"] = in_range(_num(pairs, "RSRQ (dB)"), -45, 5)
    out["sinr_db"] = in_range(_num(pairs, "SINR (dB)"), -30, 60)
    out["tac"] = _hex_paren(pairs.get("TAC"))
    out["cell_id"] = _hex_paren(pairs.get("Cell ID"))
    nr_b = re.search(r"(\d+)", pairs.get("NR5G band", ""))
    if nr_b:
        out["nr_band"] = nr_band(int(nr_b.group(1)))
        out["nr_rsrp_dbm"] = in_range(_num(pairs, "NR5G RSRP (dBm)"), -160, -20)
        out["nr_rsrq_db"] = in_range(_num(pairs, "NR5G RSRQ (dB)"), -45, 5)
        out["nr_sinr_db"] = in_range(_num(pairs, "NR5G SINR (dB)"), -30, 60)
    if out["technology"] is None and out["rsrp_dbm"] is not None:
        out["technology"] = "LTE"
    return out
