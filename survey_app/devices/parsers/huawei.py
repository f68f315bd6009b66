"""Huawei: ^HCSQ (signal per RAT, indices converted to dBm/dB), ^SYSINFOEX (service, SIM, mode), ^MONSC (serving
cell), ^MONNC (neighbour cells) and ^HFREQINFO (the carriers in use: carrier aggregation)."""
from __future__ import annotations

from survey_app.devices.cells import MAX_CELLS, carrier, neighbour
from survey_app.devices.parsers.common import (
    ParseError, bodies_of, collect_cells, first_body, first_fields, in_range, lines_with, lte_band, nr_band,
    plmn_fields, says_something_else, split_fields, to_float, to_hex, to_int,
)


def _idx(v: str, top: int, base: float, step: float) -> float | None:
    n = to_int(v)
    if n is None or n == 255 or not 0 <= n <= top:
        return None
    return round(base + step * n, 2)


def parse_hcsq(text: str) -> dict:
    """`^HCSQ: <sysmode>,<values...>`; LTE: rssi,rsrp,sinr,rsrq; WCDMA: rssi,rscp,ecio; GSM: rssi; NR: rsrp,sinr,rsrq."""
    bodies = bodies_of(text, "^HCSQ")
    out: dict = {}
    modes = []
    nr: dict = {}
    for body in bodies:
        f = split_fields(body)
        mode = f[0].upper()
        v = f[1:]
        modes.append(mode)
        if mode == "NOSERVICE":
            continue
        if mode == "GSM" and len(v) >= 1:
            out.update(technology="GSM", rssi_dbm=_idx(v[0], 96, -121.0, 1.0))
        elif mode == "WCDMA" and len(v) >= 3:
            out.update(technology="UMTS", rssi_dbm=_idx(v[0], 96, -121.0, 1.0), rscp_dbm=_idx(v[1], 96, -121.0, 1.0),
                       ecio_db=_idx(v[2], 65, -32.5, 0.5))
        elif mode == "LTE" and len(v) >= 4:
            out.update(technology="LTE", rssi_dbm=_idx(v[0], 96, -121.0, 1.0), rsrp_dbm=_idx(v[1], 97, -141.0, 1.0),
                       sinr_db=_idx(v[2], 251, -20.2, 0.2), rsrq_db=_idx(v[3], 34, -20.0, 0.5))
        elif mode == "NR" and len(v) >= 3:
            nr = {"rsrp_dbm": _idx(v[0], 126, -157.0, 1.0) if to_int(v[0]) and to_int(v[0]) > 97 else
                  _idx(v[0], 97, -141.0, 1.0),
                  "sinr_db": _idx(v[1], 251, -20.2, 0.2), "rsrq_db": _idx(v[2], 127, -20.0, 0.5)}
        else:
            raise ParseError(f"^HCSQ {f[0]!r} with {len(v)} values")
    if nr:
        if "LTE" in modes:  # EN-DC: the NR leg beside the LTE anchor
            out.update({f"nr_{k}": val for k, val in nr.items()}, technology="NR-NSA")
        else:
            out.update(nr, technology="NR-SA")
    if not out:
        return {"technology": None, "registration": "searching"}
    return out


_SYSMODE = {1: "GSM", 2: None, 3: "UMTS", 4: "UMTS", 5: None, 6: "LTE", 7: "NR-SA"}


def parse_sysinfoex(text: str) -> dict:
    """`^SYSINFOEX: <srv_status>,<srv_domain>,<roam>,<sim_state>,<lock>,<sysmode>,<name>,<submode>,<name>`."""
    f = first_fields(text, "^SYSINFOEX", 6)
    srv, roam, sim = to_int(f[0]), to_int(f[2]), to_int(f[3])
    sysmode = to_int(f[5])
    if srv is None or srv not in range(0, 5):
        raise ParseError(f"^SYSINFOEX service status {f[0]!r}")
    out: dict = {"sim": "absent" if sim == 255 else "invalid" if sim == 0 else "ready"}
    if srv == 2:
        out["registration"] = "roaming" if roam == 1 else "home"
    else:
        out["registration"] = "none" if srv in (0, 4) else "denied"
    if sysmode is not None:
        if sysmode not in _SYSMODE and sysmode != 0:
            raise ParseError(f"^SYSINFOEX sysmode {sysmode}")
        out["technology"] = _SYSMODE.get(sysmode)
        submode_name = f[8].upper() if len(f) > 8 else ""
        if out["technology"] == "LTE" and ("NR" in submode_name or "ENDC" in submode_name):
            out["technology"] = "NR-NSA"
    return out


def _hexnum(v: str | None) -> int | None:
    try:
        return to_hex(v)
    except ParseError:
        return None


def _dbm(v: str | None, low: float, high: float, *, tenths: bool = False) -> float | None:
    try:
        x = to_float(v)
    except ParseError:
        return None
    return in_range(None if x is None else x / 10 if tenths else x, low, high)


def parse_monsc(text: str) -> dict:
    """`^MONSC: LTE,<MCC>,<MNC>,<ARFCN>,<Cell_ID>,<PCI>,<TAC>,<RSRP>,<RSRQ>,<RXLEV>` (ids in hex) or the NR form
    `^MONSC: NR,<MCC>,<MNC>,<ARFCN>,<SCS>,<Cell_ID>,<PCI>,<TAC>,<RSRP>,<RSRQ>[,<SINR>]`; `^MONSC: NONE`."""
    f = split_fields(first_body(text, "^MONSC"))
    rat = f[0].upper()
    if rat == "NONE":
        return {}
    if rat == "LTE" and len(f) >= 9:
        out = plmn_fields(f[1], f[2])
        out.update(arfcn=to_int(f[3]), cell_id=to_hex(f[4]), pci=to_hex(f[5]), tac=to_hex(f[6]),
                   rsrp_dbm=_dbm(f[7], -160, -20), rsrq_db=_dbm(f[8], -45, 5))
        return out
    if rat == "NR" and len(f) >= 10:
        out = plmn_fields(f[1], f[2])
        out.update(arfcn=to_int(f[3]), cell_id=to_hex(f[5]), pci=to_hex(f[6]), tac=to_hex(f[7]),
                   rsrp_dbm=_dbm(f[8], -160, -20), rsrq_db=_dbm(f[9], -45, 5))
        return out
    if rat in ("WCDMA", "GSM"):
        return {}  # the signal comes from ^HCSQ; the 2G/3G layouts carry no LTE/NR cell
    raise ParseError(f"^MONSC {f[0]!r} with {len(f)} fields")


def _monnc_line(body: str) -> dict | None:
    f = split_fields(body)
    rat = f[0].upper()
    if rat in ("NONE", "GSM"):
        return None
    arfcn = to_int(f[1]) if len(f) > 1 and f[1].isdigit() else None
    if rat in ("LTE", "NR") and len(f) >= 5:
        pci = _hexnum(f[2])
        if pci is None or pci > 1007:
            raise ParseError(f"^MONNC PCI {f[2]!r}")
        # some 5G firmware gives tenths of dB (-656 = -65.6 dBm): tell by the RSRP's size
        tenths = (_dbm(f[3], -2000, 0) or 0) < -200
        cell = neighbour(technology=rat, arfcn=arfcn, pci=pci, rsrp_dbm=_dbm(f[3], -160, -20, tenths=tenths),
                         rsrq_db=_dbm(f[4], -45, 5, tenths=tenths))
        if len(f) > 5:
            cell["rssi_dbm" if rat == "LTE" else "sinr_db"] = (
                _dbm(f[5], -130, 0, tenths=tenths) if rat == "LTE" else _dbm(f[5], -30, 60, tenths=tenths))
        return cell
    if rat == "WCDMA" and len(f) >= 5 and f[2].isdigit():
        return neighbour(technology="UMTS", arfcn=arfcn, pci=int(f[2]), rscp_dbm=_dbm(f[3], -130, -20),
                         ecio_db=_dbm(f[4], -40, 5))
    raise ParseError(f"^MONNC {f[0]!r} with {len(f)} fields")


def parse_monnc(text: str) -> dict:
    """`^MONNC: LTE,<ARFCN>,<PCI hex>,<RSRP>,<RSRQ>,<RSSI>`, `NR,<ARFCN>,<PCI hex>,<RSRP>,<RSRQ>,<SINR>`,
    `WCDMA,<ARFCN>,<PSC>,<RSCP>,<EC/N0>`, `GSM,...`, `NONE` -> neighbours (unreadable lines skipped, counted)."""
    bodies = lines_with(text, "^MONNC")
    if not bodies and says_something_else(text):
        raise ParseError("no ^MONNC line")
    cells, skipped = collect_cells(bodies, _monnc_line)
    return {"neighbours": cells, "neighbours_skipped": skipped}


def parse_hfreqinfo(text: str) -> dict:
    """`^HFREQINFO: <n>,<sysmode>,<band>,<dl_fcn>,<dl_freq>,<dl_bw kHz>,<ul_fcn>,<ul_freq>,<ul_bw>[,<band2>,...]`:
    one group of 7 per carrier (the first line's first group is the primary) -> carriers."""
    bodies = lines_with(text, "^HFREQINFO")
    if not bodies:
        raise ParseError("no ^HFREQINFO line")
    carriers: list[dict] = []
    for body in bodies:
        f = split_fields(body)
        if len(f) < 9:
            raise ParseError(f"^HFREQINFO has {len(f)} fields")
        tech = {6: "LTE", 7: "NR"}.get(to_int(f[1]))
        if tech is None:
            continue  # 2G/3G: the command reports no carriers there
        for i in range(2, len(f) - 6, 7):
            band, fcn, bw = to_int(f[i]), to_int(f[i + 1]), to_int(f[i + 3])
            if not band:
                continue
            carriers.append(carrier(role="pcc" if not carriers else "scc", technology=tech,
                                    band=lte_band(band) if tech == "LTE" else nr_band(band), arfcn=fcn,
                                    bandwidth_mhz=None if not bw else bw / 1000, state="active"))
            if len(carriers) >= MAX_CELLS:
                return {"carriers": carriers}
    return {"carriers": carriers}
