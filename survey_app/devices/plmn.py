"""Mobile network codes to operator names (Vietnam by name, anything else as MCC-MNC)."""
from __future__ import annotations

VIETNAM_MCC = "452"
VIETNAM_OPERATORS = {
    "01": "MobiFone",
    "02": "VinaPhone",
    "04": "Viettel",
    "05": "Vietnamobile",
    "06": "Viettel",  # formerly EVN Telecom, merged into Viettel
    "07": "Gmobile",
    "08": "I-Telecom",
    "09": "Reddi",
}


def operator_name(mcc: str | None, mnc: str | None) -> str | None:
    """The operator's name for a Vietnamese PLMN, else "MCC-MNC"; None when unknown."""
    if not mcc or not mnc:
        return None
    mnc2 = mnc[-2:] if len(mnc) == 3 and mnc.startswith("0") and mcc == VIETNAM_MCC else mnc
    if mcc == VIETNAM_MCC and mnc2 in VIETNAM_OPERATORS:
        return VIETNAM_OPERATORS[mnc2]
    return f"{mcc}-{mnc}"
