"""Quectel: +QENG="servingcell" (GSM, WCDMA, LTE, NR5G-SA, 3-line NR5G-NSA), +QNWINFO, +QCSQ, +QGPSLOC."""
from __future__ import annotations

from survey_app.devices.parsers.common import (
    ParseError, band_from_text, bodies_of, first_fields, in_range, lte_band, nr_band, plmn_fields, plmn_from_text,
    split_fields, to_float, to_hex, to_int,
)


def _dbm(v: str, low: float = -160, high: float = -20) -> float | None:
    return in_range(to_float(v, unknown=("", "-", "--", "-32768", "32767")), low, high)


def _db(v: str, low: float = -50, high: float = 60) -> float | None:
    return in_range(to_float(v, unknown=("", "-", "--", "-32768", "32767", "255")), low, high)


def _lte(f: list[str]) -> dict:
    # "LTE",<is_tdd>,<MCC>,<MNC>,<cellID>,<PCID>,<earfcn>,<freq_band_ind>,<UL_bw>,<DL_bw>,<TAC>,<RSRP>,<RSRQ>,
    # <RSSI>,<SINR>[,<CQI>,<tx_power>,<srxlev>]
    if len(f) < 15:
        raise ParseError(f"LTE serving cell has {len(f)} fields")
    out = plmn_fields(f[2], f[3])
    out.update(cell_id=to_hex(f[4]), pci=to_int(f[5]), arfcn=to_int(f[6]), band=lte_band(to_int(f[7])),
               tac=to_hex(f[10]), rsrp_dbm=_dbm(f[11]), rsrq_db=_db(f[12], -45, 5), rssi_dbm=_dbm(f[13]),
               sinr_db=_db(f[14], -30, 60))
    return out


def _nr_sa(f: list[str]) -> dict:
    # "NR5G-SA",<duplex>,<MCC>,<MNC>,<cellID>,<PCID>,<TAC>,<ARFCN>,<band>,<NR_DL_bw>,<RSRP>,<RSRQ>,<SINR>,...
    # Qualcomm firmware gives the bandwidth as an index (12 = 100 MHz), Unisoc in MHz; only its position matters.
    if len(f) < 13:
        raise ParseError(f"NR5G-SA serving cell has {len(f)} fields")
    out = plmn_fields(f[2], f[3])
    out.update(cell_id=to_hex(f[4]), pci=to_int(f[5]), tac=to_hex(f[6]), arfcn=to_int(f[7]),
               band=nr_band(to_int(f[8])), rsrp_dbm=_dbm(f[10]), rsrq_db=_db(f[11], -45, 5),
               sinr_db=_db(f[12], -30, 60))
    return out


def _nr_nsa(f: list[str]) -> dict:
    # "NR5G-NSA",<MCC>,<MNC>,<PCID>,<RSRP>,<SINR>,<RSRQ>[,<ARFCN>,<band>,<NR_DL_bw>,<scs>]
    if len(f) < 7:
        raise ParseError(f"NR5G-NSA line has {len(f)} fields")
    out = {"nr_pci": to_int(f[3]), "nr_rsrp_dbm": _dbm(f[4]), "nr_sinr_db": _db(f[5], -30, 60),
           "nr_rsrq_db": _db(f[6], -45, 5)}
    if len(f) >= 9:
        out.update(nr_arfcn=to_int(f[7]), nr_band=nr_band(to_int(f[8])))
    return out


def _wcdma(f: list[str]) -> dict:
    # "WCDMA",<MCC>,<MNC>,<LAC>,<cellID>,<uarfcn>,<PSC>,<RAC>,<RSCP>,<ecio>,...
    if len(f) < 10:
        raise ParseError(f"WCDMA serving cell has {len(f)} fields")
    out = plmn_fields(f[1], f[2])
    out.update(lac=to_hex(f[3]), cell_id=to_hex(f[4]), arfcn=to_int(f[5]), pci=to_int(f[6]),
               rscp_dbm=_dbm(f[8]), ecio_db=_db(f[9], -40, 5))
    return out


def _gsm(f: list[str]) -> dict:
    # "GSM",<MCC>,<MNC>,<LAC>,<cellID>,<BSIC>,<arfcn>,<band>,<rxlev>,...  (rxlev already in dBm)
    if len(f) < 9:
        raise ParseError(f"GSM serving cell has {len(f)} fields")
    out = plmn_fields(f[1], f[2])
    out.update(lac=to_hex(f[3]), cell_id=to_hex(f[4]), arfcn=to_int(f[6]), rssi_dbm=_dbm(f[8]))
    return out


_RAT = {"LTE": ("LTE", _lte), "CAT-M": ("LTE", _lte), "CAT-NB": ("LTE", _lte), "NR5G-SA": ("NR-SA", _nr_sa),
        "WCDMA": ("UMTS", _wcdma), "GSM": ("GSM", _gsm)}


def parse_qeng_servingcell(text: str) -> dict:
    """AT+QENG="servingcell": one line (GSM/WCDMA/LTE/NR5G-SA) or the EN-DC form (state, LTE, NR5G-NSA)."""
    bodies = bodies_of(text, "+QENG")
    out: dict = {}
    state = None
    seen_rat = False
    for body in bodies:
        f = split_fields(body)
        if f[0].lower() == "servingcell":
            if len(f) < 2:
                raise ParseError("servingcell without state")
            state = f[1].upper()
            if len(f) == 2:
                continue  # EN-DC: the cells follow on their own lines
            f = f[2:]
        rat = f[0].upper()
        if rat == "NR5G-NSA":
            if len(f) < 7:
                continue  # "+QENG: "NR5G-NSA"," with nothing after it: no NR leg right now
            nsa = _nr_nsa(f)
            if nsa.get("nr_rsrp_dbm") is not None or nsa.get("nr_arfcn"):
                out.update({k: v for k, v in nsa.items() if v is not None})
                out["technology"] = "NR-NSA"
            seen_rat = True
            continue
        if rat not in _RAT:
            raise ParseError(f"unknown serving cell RAT {f[0]!r}")
        tech, fn = _RAT[rat]
        out.update(fn(f))
        out.setdefault("technology", tech)
        seen_rat = True
    if state in ("SEARCH", "LIMSRV") and not seen_rat:
        return {"registration": "searching", "technology": None}
    if not seen_rat:
        raise ParseError("no serving cell")
    if state:
        out["cell_state"] = state
    return out


_QNWINFO_TECH = {"GSM": "GSM", "GPRS": "GSM", "EDGE": "GSM", "WCDMA": "UMTS", "HSDPA": "UMTS", "HSUPA": "UMTS",
                 "HSPA+": "UMTS", "HSDPA&HSUPA": "UMTS", "TDSCDMA": "UMTS", "FDD LTE": "LTE", "TDD LTE": "LTE",
                 "LTE": "LTE", "CAT-M": "LTE", "CAT-NB": "LTE", "NR5G-SA": "NR-SA", "NR5G-NSA": "NR-NSA",
                 "TDD NR5G": "NR-SA", "FDD NR5G": "NR-SA"}


def parse_qnwinfo(text: str) -> dict:
    """`+QNWINFO: <Act>,<oper>,<band>,<channel>` (first line; "No Service" gives no technology)."""
    f = first_fields(text, "+QNWINFO")
    act = f[0].upper()
    if act in ("NO SERVICE", "NOSERVICE"):
        return {"technology": None, "registration": "searching"}
    if len(f) < 4:
        raise ParseError("+QNWINFO needs four fields")
    if act not in _QNWINFO_TECH:
        raise ParseError(f"+QNWINFO act {f[0]!r}")
    out = {"technology": _QNWINFO_TECH[act], "band": band_from_text(f[2]), "arfcn": to_int(f[3])}
    if f[1]:
        out.update(plmn_from_text(f[1]))
    return out


def parse_qcsq(text: str) -> dict:
    """`+QCSQ: <sysmode>[,<v1>...]`: GSM rssi; WCDMA rssi,rscp,ecio; LTE rssi,rsrp,sinr,rsrq (sinr = n/5-20)."""
    f = first_fields(text, "+QCSQ")
    mode = f[0].upper()
    v = f[1:]
    if mode == "NOSERVICE":
        return {"technology": None}
    if mode == "GSM" and len(v) >= 1:
        return {"technology": "GSM", "rssi_dbm": _dbm(v[0])}
    if mode == "WCDMA" and len(v) >= 3:
        return {"technology": "UMTS", "rssi_dbm": _dbm(v[0]), "rscp_dbm": _dbm(v[1]),
                "ecio_db": in_range(_halves(v[2]), -40, 5)}
    if mode in ("LTE", "CAT-M", "CAT-NB") and len(v) >= 4:
        sinr = to_float(v[2])
        return {"technology": "LTE", "rssi_dbm": _dbm(v[0]), "rsrp_dbm": _dbm(v[1]),
                "sinr_db": in_range(None if sinr is None else sinr / 5 - 20, -30, 60), "rsrq_db": _db(v[3], -45, 5)}
    if mode in ("NR5G", "NR5G-SA", "NR5G-NSA") and len(v) >= 3:
        sinr = to_float(v[1])
        return {"nr_rsrp_dbm": _dbm(v[0]), "nr_sinr_db": in_range(None if sinr is None else sinr / 5 - 20, -30, 60),
                "nr_rsrq_db": _db(v[2], -45, 5)}
    raise ParseError(f"+QCSQ {f[0]!r} with {len(v)} values")


def _halves(v: str) -> float | None:
    x = to_float(v)
    return None if x is None else x / 2 if abs(x) > 40 else x


def parse_qgpsloc(text: str) -> dict:
    """`+QGPSLOC: <UTC>,<lat>,<lon>,<hdop>,<alt>,<fix>,<cog>,<spkm>,<spkn>,<date>,<nsat>` (mode 2: degrees).

    Returns lat, lon, hdop, altitude_m, fix (2/3 = 2D/3D), satellites and the UTC time as ISO 8601.
    """
    f = first_fields(text, "+QGPSLOC", 11)
    lat, lon = to_float(f[1]), to_float(f[2])
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ParseError("+QGPSLOC position out of range (mode 2 expected)")
    utc, date = f[0], f[9]
    if len(date) != 6 or not date.isdigit() or len(utc) < 6 or not utc[:6].isdigit():
        raise ParseError("+QGPSLOC time/date")
    dd, mm, yy = int(date[:2]), int(date[2:4]), int(date[4:])
    hh, mi, ss = int(utc[:2]), int(utc[2:4]), int(utc[4:6])
    if not (1 <= dd <= 31 and 1 <= mm <= 12 and hh < 24 and mi < 60 and ss < 61):
        raise ParseError("+QGPSLOC time/date out of range")
    return {"lat": lat, "lon": lon, "hdop": to_float(f[3]), "altitude_m": to_float(f[4]), "fix": to_int(f[5]),
            "satellites": to_int(f[10]),
            "at": f"20{yy:02d}-{mm:02d}-{dd:02d}T{hh:02d}:{mi:02d}:{min(ss, 59):02d}Z"}
