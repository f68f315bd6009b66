"""u-blox AT+UCGED?: mode 2 (SARA-R5 and similar: RAT line, then the LTE serving-cell line) and mode 5
(SARA-R4: RSRP and RSRQ of the serving cell and its neighbours)."""
from __future__ import annotations

from survey_app.devices.cells import MAX_CELLS, neighbour
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


def _triplets(body: str) -> list[tuple[int | None, int | None, float | None]]:
    """`<cell>,<EARFCN>,"<value>",[<cell>,<EARFCN>,"<value>",...]` -> (PCI, EARFCN, value) per cell."""
    f = [x for x in split_fields(body)]
    while f and f[-1] == "":
        f.pop()  # the list ends with a comma
    out = []
    for i in range(0, len(f) - len(f) % 3, 3):
        try:
            out.append((to_int(f[i]), to_int(f[i + 1]), to_float(f[i + 2])))
        except ParseError:
            continue  # one unreadable cell does not spoil the others
    return out[:MAX_CELLS]


def parse_ucged5(text: str) -> dict:
    """AT+UCGED? in mode 5 (SARA-R4): `+RSRP: <PCI>,<EARFCN>,"<dBm>",...` and `+RSRQ: ...` lines; the first cell
    is the serving one, the others are neighbours (SARA-R4 AT manual; captures list one or more cells)."""
    rsrp_bodies, rsrq_bodies = lines_with(text, "+RSRP"), lines_with(text, "+RSRQ")
    if not rsrp_bodies:
        if lines_with(text, "+UCGED"):
            raise ParseError("+UCGED answer is not in mode 5")
        raise ParseError("no +RSRP line")
    rsrp = [t for b in rsrp_bodies for t in _triplets(b)]
    rsrq = {(p, e): v for b in rsrq_bodies for p, e, v in _triplets(b)}
    if not rsrp:
        raise ParseError("+RSRP without a readable cell")
    pci, earfcn, value = rsrp[0]
    out: dict = {"technology": "LTE", "pci": pci if pci is not None and 0 <= pci <= 503 else None, "arfcn": earfcn,
                 "rsrp_dbm": in_range(value, -160, -20), "rsrq_db": in_range(rsrq.get((pci, earfcn)), -45, 5)}
    out["neighbours"] = [neighbour(technology="LTE", relation="intra" if e == earfcn else "inter", arfcn=e, pci=p,
                                   rsrp_dbm=in_range(v, -160, -20), rsrq_db=in_range(rsrq.get((p, e)), -45, 5))
                         for p, e, v in rsrp[1:] if p is not None and 0 <= p <= 503]
    return out
