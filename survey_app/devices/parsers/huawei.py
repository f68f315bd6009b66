"""Huawei: ^HCSQ (signal per RAT, indices converted to dBm/dB) and ^SYSINFOEX (service, SIM, mode)."""
from __future__ import annotations

from survey_app.devices.parsers.common import ParseError, bodies_of, first_fields, split_fields, to_int


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
