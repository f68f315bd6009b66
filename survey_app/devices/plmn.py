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


def split_plmn(plmn: str) -> tuple[str, str] | None:
    """'45204' / '452-04' / '452 04' -> ('452', '04'); None if it is not a PLMN."""
    digits = "".join(ch for ch in str(plmn) if ch.isdigit())
    if len(digits) not in (5, 6) or len(digits) != len(str(plmn).replace("-", "").replace(" ", "").strip('"')):
        return None
    return digits[:3], digits[3:]


def operator_name(mcc: str | None, mnc: str | None) -> str | None:
    """The operator's name for a Vietnamese PLMN, else "MCC-MNC"; None when unknown."""
    if not mcc or not mnc:
        return None
    mnc2 = mnc[-2:] if len(mnc) == 3 and mnc.startswith("0") and mcc == VIETNAM_MCC else mnc
    if mcc == VIETNAM_MCC and mnc2 in VIETNAM_OPERATORS:
        return VIETNAM_OPERATORS[mnc2]
    return f"{mcc}-{mnc}"


def normalise_mnc(mcc: str, mnc: str | int) -> str:
    """MNC as a string of 2 digits (3 where the number needs it), e.g. 4 -> '04'."""
    text = str(mnc).strip()
    if not text.isdigit():
        raise ValueError(mnc)
    if len(text) >= 2:
        return text
    return text.zfill(2)
