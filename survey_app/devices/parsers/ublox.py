"""u-blox AT+UCGED? in mode 2 (SARA-R5 and similar): RAT line, then the LTE serving-cell line."""
from __future__ import annotations

from survey_app.devices.parsers.common import (
    ParseError, in_range, lines_with, lte_band, plmn_fields, split_fields, text_lines, to_float, to_hex, to_int,
)


def parse_ucged(text: str) -> dict:
    """`+UCGED: 2` / `<rat>,<svc>,<MCC>,<MNC>` / `<earfcn>,<band>,<ul_bw>,<dl_bw>,<tac>,<cellId>,<PCID>,<mTmsi>,<mmeGrId>,<mmeCode>,<rsrp>,<rsrq>,<sinr>,...`."""
    heads = lines_with(text, "+UCGED")
    if not heads:
        raise ParseError("no +UCGED line")
    if split_fields(heads[0])[0] != "2":
        raise ParseError(f"+UCGED mode {heads[0]!r} (only mode 2 is read)")
    lines = text_lines(text)
    start = next(i for i, ln in enumerate(lines) if ln.upper().startswith("+UCGED"))
    body = [ln for ln in lines[start + 1:] if ln not in ("OK",)]
    if not body:
        raise ParseError("+UCGED without the RAT line")
    rat_f = split_fields(body[0])
    if len(rat_f) < 4:
        raise ParseError("+UCGED RAT line")
    rat, svc = to_int(rat_f[0]), to_int(rat_f[1])
    out: dict = {}
    if rat_f[2].isdigit() and rat_f[3].isdigit():
        out.update(plmn_fields(rat_f[2], rat_f[3]))
    if svc is not None and svc != 4:
        out["registration"] = "searching" if svc == 2 else "none"
    if rat != 6:
        if rat in (2, 3, 4, 5) or rat is None:
            out["technology"] = None
            return out
        raise ParseError(f"+UCGED rat {rat}")
    out["technology"] = "LTE"
    if len(body) < 2:
        raise ParseError("+UCGED without the LTE line")
    f = split_fields(",".join(body[1:]))
    if len(f) < 13:
        raise ParseError(f"+UCGED LTE line has {len(f)} fields")
    rsrp, rsrq = to_int(f[10]), to_int(f[11])
    out.update(arfcn=to_int(f[0]) if to_int(f[0]) != 65535 else None, band=lte_band(to_int(f[1])),
               tac=to_hex(f[4]), cell_id=to_hex(f[5]), pci=to_int(f[6]) if to_int(f[6]) != 65535 else None,
               rsrp_dbm=None if rsrp is None or not 0 <= rsrp <= 97 else float(-141 + rsrp),
               rsrq_db=None if rsrq is None or not 0 <= rsrq <= 34 else -20 + rsrq / 2,
               sinr_db=in_range(to_float(f[12]), -30, 60))
    return out
