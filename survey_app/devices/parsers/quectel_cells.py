"""Quectel neighbour cells (`AT+QENG="neighbourcell"`) and carrier aggregation (`AT+QCAINFO`)."""
from __future__ import annotations

from survey_app.devices.cells import carrier, neighbour
from survey_app.devices.parsers.common import (
    ParseError, band_from_text, collect_cells, in_range, lines_with, says_something_else, split_fields, to_float,
    to_int,
)

_UNKNOWN = ("", "-", "--", "-32768", "32767", "255")
# LTE downlink bandwidth as resource blocks (QCAINFO) -> MHz; NR bandwidth index (Quectel manuals) -> MHz
_LTE_RB_MHZ = {6: 1.4, 15: 3.0, 25: 5.0, 50: 10.0, 75: 15.0, 100: 20.0}
_NR_BW_MHZ = {0: 5, 1: 10, 2: 15, 3: 20, 4: 25, 5: 30, 6: 40, 7: 50, 8: 60, 9: 80, 10: 90, 11: 100, 12: 200, 13: 400}


def _num(v: str, low: float, high: float) -> float | None:
    try:
        return in_range(to_float(v, unknown=_UNKNOWN), low, high)
    except ParseError:
        return None


def _int(v: str) -> int | None:
    try:
        return to_int(v, unknown=_UNKNOWN)
    except ParseError:
        return None


def _lte_neighbour(relation: str, f: list[str]) -> dict | None:
    # "neighbourcell intra|inter","LTE",<earfcn>,<PCID>,<RSRQ>,<RSRP>,<RSSI>,<SINR>,<srxlev>,...
    if len(f) < 6:
        raise ParseError("LTE neighbour line too short")
    pci = _int(f[3])
    if pci is None or not 0 <= pci <= 503:
        return None  # a frequency the cell lists for reselection, with no cell measured on it
    return neighbour(technology="LTE", relation=relation, arfcn=_int(f[2]), pci=pci,
                     rsrq_db=_num(f[4], -45, 5), rsrp_dbm=_num(f[5], -160, -20),
                     rssi_dbm=_num(f[6], -130, 0) if len(f) > 6 else None,
                     sinr_db=_num(f[7], -30, 60) if len(f) > 7 else None)


def _wcdma_neighbour(f: list[str]) -> dict | None:
    # "neighbourcell","WCDMA",<uarfcn>,<cell_resel_priority>,<thresh_Xhigh>,<thresh_Xlow>,<PSC>,<RSCP>,<ecno>,...
    if len(f) < 9:
        raise ParseError("WCDMA neighbour line too short")
    psc = _int(f[6])
    if psc is None:
        return None
    return neighbour(technology="UMTS", arfcn=_int(f[2]), pci=psc, rscp_dbm=_num(f[7], -130, -20),
                     ecio_db=_num(f[8], -40, 5))


def _neighbour_line(body: str) -> dict | None:
    f = split_fields(body)
    kind = f[0].lower()
    if not kind.startswith("neighbourcell") or len(f) < 2:
        raise ParseError(f"not a neighbour line: {body[:40]!r}")
    relation = kind.replace("neighbourcell", "").strip() or None
    rat = f[1].upper()
    return _lte_neighbour(relation, f) if rat == "LTE" else _wcdma_neighbour(f) if rat == "WCDMA" else None


def parse_qeng_neighbourcell(text: str) -> dict:
    """`+QENG: "neighbourcell intra|inter","LTE",...` and `"neighbourcell","WCDMA",...` lines -> neighbours.

    A line that cannot be read is skipped and counted in `neighbours_skipped`; only an answer with no
    neighbour line at all is a ParseError (an empty list is a valid answer: no neighbour measured).
    """
    bodies = lines_with(text, "+QENG")
    if not bodies and says_something_else(text):
        raise ParseError("no +QENG neighbourcell line")
    cells, skipped = collect_cells(bodies, _neighbour_line)
    return {"neighbours": cells, "neighbours_skipped": skipped}


def _bandwidth(value: str, nr: bool) -> float | None:
    n = _int(value)
    if n is None:
        return None
    return float(_NR_BW_MHZ[n]) if nr and n in _NR_BW_MHZ else _LTE_RB_MHZ.get(n) if not nr else None


def _component(f: list[str]) -> dict:
    # LTE: "PCC|SCC",<earfcn>,<bandwidth RB>,"LTE BAND n",<state>,<PCID>,<RSRP>,<RSRQ>,<RSSI>,<RSSNR>[,...]
    # NR (EN-DC leg): "SCC",<arfcn>,<bandwidth index>,"NR5G BAND n",<PCID>; NR PCC (SA): ..., <PCID>, ...
    if len(f) < 5:
        raise ParseError(f"+QCAINFO line has {len(f)} fields")
    role = f[0].lower()
    if role not in ("pcc", "scc"):
        raise ParseError(f"+QCAINFO role {f[0]!r}")
    band = band_from_text(f[3])
    if band is None:
        raise ParseError(f"+QCAINFO band {f[3]!r}")
    nr = band.startswith("n")
    out = carrier(role=role, technology="NR" if nr else "LTE", band=band, arfcn=_int(f[1]),
                  bandwidth_mhz=_bandwidth(f[2], nr))
    if nr and (len(f) == 5 or role == "pcc"):
        out["pci"] = _int(f[4])
        return out
    if len(f) >= 6:
        state = _int(f[4])
        out["state"] = {0: "inactive", 1: "active", 2: "active"}.get(state) if role == "scc" else "active"
        out["pci"] = _int(f[5])
    if not nr and len(f) >= 10:
        out.update(rsrp_dbm=_num(f[6], -160, -20), rsrq_db=_num(f[7], -45, 5), rssi_dbm=_num(f[8], -130, 0),
                   sinr_db=_num(f[9], -30, 60))
    return out


def parse_qcainfo(text: str) -> dict:
    """`+QCAINFO: "PCC"...` / `"SCC"...` lines -> carriers (the primary first); unreadable lines skipped."""
    bodies = lines_with(text, "+QCAINFO")
    if not bodies and says_something_else(text):
        raise ParseError("no +QCAINFO line")
    carriers, skipped = collect_cells(bodies, lambda body: _component(split_fields(body)))
    carriers.sort(key=lambda c: c["role"] != "pcc")
    return {"carriers": carriers, "carriers_skipped": skipped}
