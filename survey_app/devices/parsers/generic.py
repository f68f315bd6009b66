"""3GPP TS 27.007 responses every modem speaks: +CSQ, +CESQ, +COPS, +CREG/+CGREG/+CEREG/+C5GREG."""
from __future__ import annotations

from survey_app.devices.parsers.common import (
    ParseError, first_body, is_quoted_field, plmn_from_text, split_fields, to_hex, to_int,
)

# +COPS / +CxREG access technology -> our technology names (README "Reading signal from USB modems").
ACT_TECHNOLOGY = {0: "GSM", 1: "GSM", 3: "GSM", 2: "UMTS", 4: "UMTS", 5: "UMTS", 6: "UMTS",
                  7: "LTE", 8: "LTE", 9: "LTE", 10: "LTE", 11: "NR-SA", 12: "NR-SA", 13: "NR-NSA"}
REGISTRATION = {0: "none", 1: "home", 2: "searching", 3: "denied", 5: "roaming", 6: "home", 7: "roaming",
                8: "none", 9: "home", 10: "roaming"}
REG_PREFIXES = ("+CREG", "+CGREG", "+CEREG", "+C5GREG")


def parse_csq(text: str) -> dict:
    """`+CSQ: <rssi>,<ber>` -> rssi_dbm (-113 + 2n for 0..31; 99 unknown)."""
    fields = split_fields(first_body(text, "+CSQ"))
    if len(fields) < 2:
        raise ParseError("+CSQ needs two fields")
    n = to_int(fields[0])
    to_int(fields[1])
    if n is None or n == 99:
        return {"rssi_dbm": None}
    if not 0 <= n <= 31:
        raise ParseError(f"+CSQ rssi out of range: {n}")
    return {"rssi_dbm": float(-113 + 2 * n)}


def _scaled(value: int | None, top: int, base: float, step: float) -> float | None:
    if value is None or not 0 <= value <= top:
        return None
    return base + step * value


def parse_cesq(text: str) -> dict:
    """`+CESQ: rxlev,ber,rscp,ecno,rsrq,rsrp[,ss_rsrq,ss_rsrp,ss_sinr]` in dBm/dB (NR values as nr_*)."""
    fields = split_fields(first_body(text, "+CESQ"))
    if len(fields) not in (6, 9):
        raise ParseError(f"+CESQ has {len(fields)} fields")
    v = [to_int(f) for f in fields]
    out = {
        "rssi_dbm": _scaled(v[0], 63, -111.0, 1.0),
        "rscp_dbm": _scaled(v[2], 96, -121.0, 1.0),
        "ecio_db": _scaled(v[3], 49, -24.5, 0.5),
        "rsrq_db": _scaled(v[4], 34, -20.0, 0.5),
        "rsrp_dbm": _scaled(v[5], 97, -141.0, 1.0),
    }
    if len(v) == 9:
        out.update(nr_rsrq_db=_scaled(v[6], 127, -43.5, 0.5), nr_rsrp_dbm=_scaled(v[7], 127, -157.0, 1.0),
                   nr_sinr_db=_scaled(v[8], 127, -23.5, 0.5))
    return out


def parse_cops(text: str) -> dict:
    """`+COPS: <mode>[,<format>,<oper>[,<AcT>]]` -> technology, and mcc/mnc/operator when numeric."""
    body = first_body(text, "+COPS")
    fields = split_fields(body)
    mode = to_int(fields[0])
    if mode is None or not 0 <= mode <= 4:
        raise ParseError(f"+COPS mode {fields[0]!r}")
    out: dict = {}
    if len(fields) == 1:
        return {"registration": "none"}
    if len(fields) < 3:
        raise ParseError("+COPS without an operator")
    fmt = to_int(fields[1])
    if fmt == 2:
        out.update(plmn_from_text(fields[2]))
    elif fmt not in (0, 1):
        raise ParseError(f"+COPS format {fields[1]!r}")
    else:
        out["operator_text"] = fields[2]
    if len(fields) >= 4:
        act = to_int(fields[3])
        if act is not None:
            if act not in ACT_TECHNOLOGY:
                raise ParseError(f"+COPS AcT {act}")
            out["technology"] = ACT_TECHNOLOGY[act]
    return out


def parse_registration(text: str, prefix: str | None = None) -> dict:
    """+CREG/+CGREG/+CEREG/+C5GREG, answer (`<n>,<stat>,...`) or unsolicited (`<stat>,...`) form.

    Returns registration ('home', 'roaming', ...), lac (CS/PS) or tac (EPS/5GS), cell_id and technology.
    """
    prefixes = (prefix,) if prefix else REG_PREFIXES
    found = None
    for p in prefixes:
        try:
            found = (p, first_body(text, p))
            break
        except ParseError:
            continue
    if found is None:
        raise ParseError("no registration line")
    p, body = found
    fields = split_fields(body)
    if not fields or not fields[0]:
        raise ParseError(f"empty {p}")
    # The answer form starts with <n>; the unsolicited one with <stat>. Tell them apart by the second field:
    # in the answer form it is the one-digit <stat>, in the unsolicited form it is the (hex, often quoted) area.
    if len(fields) == 1:
        stat_i = 0
    elif len(fields) == 2:
        stat_i = 1
    elif not is_quoted_field(body, 1) and fields[1].isdigit() and len(fields[1]) <= 2:
        stat_i = 1
    else:
        stat_i = 0
    stat = to_int(fields[stat_i])
    if stat is None or stat not in range(0, 11):
        raise ParseError(f"{p} stat {fields[stat_i]!r}")
    out: dict = {"registration": REGISTRATION.get(stat)}
    rest = fields[stat_i + 1:]
    area_key = "tac" if p in ("+CEREG", "+C5GREG") else "lac"
    if len(rest) >= 2:
        try:
            out[area_key] = to_hex(rest[0])
        except ParseError:
            out[area_key] = None  # some firmware puts spaces inside the area code: keep it unknown
        out["cell_id"] = to_hex(rest[1])
    if len(rest) >= 3:
        try:
            act = to_int(rest[2])
        except ParseError:
            act = None  # e.g. Samsung's " B"
        if act in ACT_TECHNOLOGY:
            out["technology"] = ACT_TECHNOLOGY[act]
    return out
