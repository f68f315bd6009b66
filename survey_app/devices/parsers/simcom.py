"""SIMCom +CPSI? (SIM7600/SIM8200): LTE/NR values in tenths of dB on most firmware, 3GPP indices on some;
+CCINFO (the serving and neighbour cells, where the firmware has it)."""
from __future__ import annotations

import re

from survey_app.devices.cells import neighbour
from survey_app.devices.parsers.common import (
    ParseError, band_from_text, bodies_of, collect_cells, in_range, lines_with, plmn_from_text, says_something_else,
    split_fields, to_float, to_hex, to_int,
)


def _scale(rsrq: float | None, rsrp: float | None, rssi: float | None) -> tuple:
    """Decide the unit by the RSRP's sign and size: < -200 tenths, negative dBm, positive 3GPP indices."""
    if rsrp is None:
        return rsrq, rsrp, rssi, "dbm"
    if rsrp < -200:
        return (None if rsrq is None else rsrq / 10, rsrp / 10, None if rssi is None else rssi / 10, "tenths")
    if rsrp < 0:
        return rsrq, rsrp, rssi, "dbm"
    q = None if rsrq is None or rsrq == 255 or not 0 <= rsrq <= 34 else -20 + rsrq / 2
    p = None if rsrp == 255 or not 0 <= rsrp <= 97 else -141 + rsrp
    s = None if rssi is None or rssi == 255 or not 0 <= rssi <= 63 else -111 + rssi
    return q, p, s, "index"


def _lte(f: list[str]) -> dict:
    # LTE,<op>,<MCC-MNC>,<TAC>,<SCellID>,<PCellID>,<band>,<earfcn>,<dlbw>,<ulbw>,<RSRQ>,<RSRP>,<RSSI>,<RSSNR>
    if len(f) < 14:
        raise ParseError(f"+CPSI LTE has {len(f)} fields")
    out = plmn_from_text(f[2])
    rsrq, rsrp, rssi, _unit = _scale(to_float(f[10]), to_float(f[11]), to_float(f[12]))
    out.update(technology="LTE", tac=to_hex(f[3]), cell_id=to_int(f[4]), pci=to_int(f[5]), band=band_from_text(f[6]),
               arfcn=to_int(f[7]), rsrq_db=in_range(rsrq, -45, 5), rsrp_dbm=in_range(rsrp, -160, -20),
               rssi_dbm=in_range(rssi, -130, 0), sinr_db=in_range(to_float(f[13]), -30, 60))
    return out


def _nr_values(rsrp_s: str, rsrq_s: str, snr_s: str) -> tuple:
    rsrq, rsrp, _r, unit = _scale(to_float(rsrq_s), to_float(rsrp_s), None)
    snr = to_float(snr_s)
    if snr is not None and unit == "tenths":
        snr = snr / 10
    return in_range(rsrp, -160, -20), in_range(rsrq, -45, 5), in_range(snr, -30, 60)


def _nr_sa(f: list[str]) -> dict:
    # NR5G_SA,<op>,<MCC-MNC>,<TAC>,<SCellID>,<PCellID>,<band>,<ARFCN>,<RSRP>,<RSRQ>,<SNR>
    if len(f) < 11:
        raise ParseError(f"+CPSI NR5G_SA has {len(f)} fields")
    out = plmn_from_text(f[2])
    rsrp, rsrq, snr = _nr_values(f[8], f[9], f[10])
    out.update(technology="NR-SA", tac=to_hex(f[3]), cell_id=to_int(f[4]), pci=to_int(f[5]),
               band=band_from_text(f[6]), arfcn=to_int(f[7]), rsrp_dbm=rsrp, rsrq_db=rsrq, sinr_db=snr)
    return out


def _nr_nsa(f: list[str]) -> dict:
    # NR5G_NSA,<PCellID>,<band>,<ARFCN>,<RSRP>,<RSRQ>,<SNR>[,<scs>,<bw>]
    if len(f) < 7:
        raise ParseError(f"+CPSI NR5G_NSA has {len(f)} fields")
    band = band_from_text(f[2])
    if band is None:
        raise ParseError(f"+CPSI NR5G_NSA band {f[2]!r}")
    rsrp, rsrq, snr = _nr_values(f[4], f[5], f[6])
    return {"nr_pci": to_int(f[1]), "nr_band": band, "nr_arfcn": to_int(f[3]), "nr_rsrp_dbm": rsrp,
            "nr_rsrq_db": rsrq, "nr_sinr_db": snr}


def _wcdma(f: list[str]) -> dict:
    # WCDMA,<op>,<MCC-MNC>,<LAC>,<CellID>,<band>,<PSC>,<Freq>,<SSC>,<EC/IO>,<RSCP>,<Qual>,<RxLev>,<TXPWR>
    if len(f) < 11:
        raise ParseError(f"+CPSI WCDMA has {len(f)} fields")
    out = plmn_from_text(f[2])
    rscp = to_float(f[10])
    if rscp is not None and rscp >= 0:
        rscp = -121 + rscp if rscp <= 96 else None
    out.update(technology="UMTS", lac=to_hex(f[3]), cell_id=to_int(f[4]), pci=to_int(f[6]), arfcn=to_int(f[7]),
               ecio_db=in_range(to_float(f[9]), -40, 5) if to_float(f[9]) is not None and to_float(f[9]) <= 0 else None,
               rscp_dbm=in_range(rscp, -130, -20))
    return out


def _gsm(f: list[str]) -> dict:
    # GSM,<op>,<MCC-MNC>,<LAC>,<CellID>,<ARFCN + band>,<RxLev dBm>,...
    if len(f) < 7:
        raise ParseError(f"+CPSI GSM has {len(f)} fields")
    out = plmn_from_text(f[2])
    arfcn = f[5].split()[0] if f[5].split() else ""
    out.update(technology="GSM", lac=to_hex(f[3]), cell_id=to_int(f[4]), arfcn=to_int(arfcn) if arfcn.isdigit() else None,
               rssi_dbm=in_range(to_float(f[6]), -130, 0))
    return out


def parse_cpsi(text: str) -> dict:
    """+CPSI? lines: NO SERVICE, GSM, WCDMA, LTE (incl. CAT-M1), NR5G_SA, or LTE + NR5G_NSA (EN-DC)."""
    bodies = bodies_of(text, "+CPSI")
    out: dict = {}
    for body in bodies:
        f = split_fields(body)
        mode = f[0].upper()
        if mode in ("NO SERVICE", "NOSERVICE"):
            return {"technology": None, "registration": "searching"}
        if mode.startswith("LTE"):
            out.update(_lte(f))
        elif mode == "NR5G_SA":
            out.update(_nr_sa(f))
        elif mode in ("NR5G_NSA", "NR5G"):
            out.update(_nr_nsa(f))
            out["technology"] = "NR-NSA"
        elif mode == "WCDMA":
            out.update(_wcdma(f))
        elif mode == "GSM":
            out.update(_gsm(f))
        else:
            raise ParseError(f"+CPSI mode {f[0]!r}")
    if "technology" in out and out.get("nr_band") and "mcc" in out:
        out["technology"] = "NR-NSA"
    return out


def _ccinfo_pairs(body: str) -> tuple[str, dict[str, str]]:
    """'[SCELL],UARFCN:4436,MCC:505,...' -> ('SCELL', {'UARFCN': '4436', ...})."""
    f = split_fields(body)
    tag = f[0].strip("[]").upper() if f else ""
    pairs = {}
    for item in f[1:]:
        key, sep, value = item.partition(":")
        if sep:
            pairs[key.strip().upper()] = value.strip()
    return tag, pairs


def _magnitude_dbm(value: str | None, low: float, high: float) -> float | None:
    """'88' or '-88dbm' -> -88.0 (+CCINFO prints RSCP/EC/IO as magnitudes, RXLev with its sign and unit)."""
    if not value:
        return None
    m = re.match(r"^\s*(-?\d+(?:\.\d+)?)", value)
    if not m:
        return None
    return in_range(-abs(float(m.group(1))), low, high)


def _ccinfo_line(body: str) -> dict | None:
    tag, p = _ccinfo_pairs(body)
    if not tag.startswith("NCELL"):
        return None  # the serving cell: +CPSI? already reports it with more detail
    arfcn = p.get("EARFCN") or p.get("UARFCN") or p.get("ARFCN")
    pci = p.get("PCI") or p.get("PSC")
    if not (arfcn and arfcn.isdigit() and pci and pci.isdigit()):
        raise ParseError(f"+CCINFO neighbour without channel or code: {body[:40]!r}")
    lte = "EARFCN" in p or "PCI" in p
    return neighbour(technology="LTE" if lte else "UMTS", arfcn=int(arfcn), pci=int(pci),
                     rsrp_dbm=_magnitude_dbm(p.get("RSRP"), -160, -20) if lte else None,
                     rsrq_db=_magnitude_dbm(p.get("RSRQ"), -45, 0) if lte else None,
                     rscp_dbm=None if lte else _magnitude_dbm(p.get("RSCP"), -130, -20),
                     ecio_db=None if lte else _magnitude_dbm(p.get("ECIO"), -40, 0),
                     rssi_dbm=_magnitude_dbm(p.get("RXLEV"), -130, 0))


def parse_ccinfo(text: str) -> dict:
    """+CCINFO: `[SCELL],...` (serving) and `[NCellN],...` (neighbours) lines of key:value pairs (SIM5320 and
    similar; WCDMA gives UARFCN/PSC/RSCP/ECIO, LTE firmware EARFCN/PCI/RSRP/RSRQ) -> neighbours."""
    bodies = lines_with(text, "+CCINFO")
    if not bodies and says_something_else(text):
        raise ParseError("no +CCINFO line")
    cells, skipped = collect_cells(bodies, _ccinfo_line)
    return {"neighbours": cells, "neighbours_skipped": skipped}
