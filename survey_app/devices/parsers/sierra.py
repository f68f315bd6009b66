"""Sierra Wireless: AT!GSTATUS? (a free-form table of "Key: value" pairs, with the CA carriers) and AT!LTEINFO?
(the serving LTE cell and its intra/inter-frequency neighbours, as column tables)."""
from __future__ import annotations

import re

from survey_app.devices.cells import MAX_CELLS, carrier, neighbour
from survey_app.devices.parsers.common import (
    ParseError, in_range, lte_band, nr_band, plmn_fields, text_lines, to_float, to_hex, to_int,
)

_SPLIT = re.compile(r"\t+| {2,}")
_MODE = {"LTE": "LTE", "WCDMA": "UMTS", "HSPA": "UMTS", "GSM": "GSM", "ENDC": "NR-NSA", "NR5G": "NR-SA",
         "NR5G SA": "NR-SA"}


def _line_pairs_of(line: str, pairs: dict[str, str]) -> None:
    """Add one line's "Key: value" pairs (a value may sit in the next token) to `pairs`; first key wins."""
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


def gstatus_pairs(text: str) -> dict[str, str]:
    """The "Key: value" pairs of a !GSTATUS answer; the first of a repeated key wins (the primary cell's)."""
    lines = text_lines(text)
    if not any(ln.upper().startswith("!GSTATUS") for ln in lines):
        raise ParseError("no !GSTATUS line")
    pairs: dict[str, str] = {}
    for line in lines:
        if not line.upper().startswith("!GSTATUS") and line != "OK":
            _line_pairs_of(line, pairs)
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
    out["carriers"] = gstatus_carriers(text, pairs)
    return out


def gstatus_carriers(text: str, pairs: dict[str, str]) -> list[dict]:
    """The primary and, with "LTE CA state: ACTIVE", the secondary carrier of a !GSTATUS answer."""
    band_m = re.search(r"(\d+)", pairs.get("LTE band", ""))
    if not band_m:
        return []
    pcc = carrier(role="pcc", technology="LTE", band=lte_band(int(band_m.group(1))),
                  arfcn=_digits(pairs.get("LTE Rx chan")), bandwidth_mhz=_mhz(pairs.get("LTE bw")),
                  rssi_dbm=in_range(_num(pairs, "PCC RxM RSSI"), -130, 0), state="active")
    out = [pcc]
    scell = re.search(r"(\d+)", pairs.get("LTE Scell band", ""))
    if pairs.get("LTE CA state", "").upper().startswith("ACTIVE") and scell:
        scc_line = _line_pairs(text, "SCC RxM RSSI")
        out.append(carrier(role="scc", technology="LTE", band=lte_band(int(scell.group(1))),
                           arfcn=_digits(pairs.get("LTE Scell chan")), bandwidth_mhz=_mhz(pairs.get("LTE Scell bw")),
                           rssi_dbm=in_range(_num(scc_line, "SCC RxM RSSI"), -130, 0),
                           rsrp_dbm=in_range(_num(scc_line, "RSRP (dBm)"), -160, -20), state="active"))
    return out


def _digits(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _mhz(value: str | None) -> float | None:
    m = re.match(r"^\s*(\d+(?:\.\d+)?)\s*MHz", value or "")
    return float(m.group(1)) if m else None


def _line_pairs(text: str, key: str) -> dict[str, str]:
    """The "Key: value" pairs of the one line that starts with `key` (keys repeat across lines)."""
    pairs: dict[str, str] = {}
    for line in text_lines(text):
        if line.startswith(key):
            _line_pairs_of(line, pairs)
            break
    return pairs


_LTEINFO_SECTIONS = ("Serving", "IntraFreq", "InterFreq", "WCDMA", "GSM", "CDMA 1x", "CDMA HRPD", "LTE")
_HEADER_TOKEN = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")


def _lteinfo_sections(text: str) -> dict[str, tuple[list[str], list[str]]]:
    """Section name -> (column names, value tokens), from either the multi-line or a reflowed layout."""
    lines = text_lines(text)
    if not any(ln.upper().startswith("!LTEINFO") for ln in lines):
        raise ParseError("no !LTEINFO line")
    body = " ".join(re.sub(r"^!LTEINFO:", "", ln, flags=re.IGNORECASE) for ln in lines if ln != "OK")
    marker = re.compile(r"\b(" + "|".join(re.escape(s) for s in _LTEINFO_SECTIONS) + r"):")
    out: dict[str, tuple[list[str], list[str]]] = {}
    parts = marker.split(body)
    for name, chunk in zip(parts[1::2], parts[2::2]):
        tokens = chunk.split()
        n = 0
        while n < len(tokens) and _HEADER_TOKEN.match(tokens[n]) and not re.fullmatch(r"[0-9A-Fa-f]{8}", tokens[n]):
            n += 1
        out.setdefault(name, (tokens[:n], tokens[n:]))
    return out


def _rows(columns: list[str], values: list[str]) -> list[dict[str, str]]:
    if not columns:
        return []
    usable = len(values) - len(values) % len(columns)
    return [dict(zip(columns, values[i:i + len(columns)])) for i in range(0, usable, len(columns))][:MAX_CELLS]


def _val(row: dict, key: str, low: float, high: float) -> float | None:
    v = row.get(key)
    try:
        return in_range(to_float(v, unknown=("", "-", "--")), low, high)
    except ParseError:
        return None


def parse_lteinfo(text: str) -> dict:
    """AT!LTEINFO?: the serving LTE cell (EARFCN, PLMN, TAC, cell id, band, PCI, RSRQ/RSRP/RSSI, SNR) and the
    intra- and inter-frequency neighbours (the serving cell's own intra-frequency entry left out)."""
    sections = _lteinfo_sections(text)
    out: dict = {}
    serving = _rows(*sections.get("Serving", ([], [])))
    if serving:
        s = serving[0]
        out.update(plmn_fields(s.get("MCC"), s.get("MNC")) if s.get("MCC", "").isdigit() else {})
        out.update(technology="LTE", arfcn=_digits(s.get("EARFCN")), tac=_digits(s.get("TAC")),
                   cell_id=to_hex(s.get("CID")), band=lte_band(_digits(s.get("Bd"))), pci=_digits(s.get("PCI")),
                   rsrq_db=_val(s, "RSRQ", -45, 5), rsrp_dbm=_val(s, "RSRP", -160, -20),
                   rssi_dbm=_val(s, "RSSI", -130, 0), sinr_db=_val(s, "SNR", -30, 60))
    cells = []
    for relation in ("intra", "inter"):
        for row in _rows(*sections.get(relation.capitalize() + "Freq", ([], []))):
            pci = _digits(row.get("PCI"))
            arfcn = _digits(row.get("EARFCN")) if relation == "inter" else out.get("arfcn")
            if pci is None or (relation == "intra" and pci == out.get("pci")):
                continue
            cells.append(neighbour(technology="LTE", relation=relation, arfcn=arfcn, pci=pci,
                                   rsrq_db=_val(row, "RSRQ", -45, 5), rsrp_dbm=_val(row, "RSRP", -160, -20),
                                   rssi_dbm=_val(row, "RSSI", -130, 0)))
    out["neighbours"] = cells
    return out
