"""Shared helpers of the AT response parsers; every failure becomes ParseError."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from survey_app.devices.cells import MAX_CELLS
from survey_app.devices.plmn import operator_name


class ParseError(ValueError):
    """A response that cannot be understood (malformed, truncated, or not the expected command's)."""


_PREFIX = re.compile(r"^\s*([+^!$#][A-Za-z0-9]+)\s*:\s*(.*)$")


def text_lines(text: str) -> list[str]:
    """Non-empty, stripped lines of a response (either line ending)."""
    if not isinstance(text, str):
        raise ParseError("response is not text")
    return [ln.strip() for ln in re.split(r"[\r\n]+", text) if ln.strip()]


def lines_with(text: str, prefix: str) -> list[str]:
    """The bodies (after `PREFIX:`) of the lines starting with `prefix` (case-insensitive)."""
    out = []
    for line in text_lines(text):
        m = _PREFIX.match(line)
        if m and m.group(1).upper() == prefix.upper():
            out.append(m.group(2).strip())
    return out


def says_something_else(text: str) -> bool:
    """Whether an answer lacking the expected lines holds other text (garbage), rather than nothing or OK."""
    return any(ln != "OK" and not ln.upper().startswith("AT") for ln in text_lines(text))


def collect_cells(bodies: list[str], read_line: Callable[[str], dict | None]) -> tuple[list[dict], int]:
    """Cells from the lines of a neighbour or carrier list: `read_line(body)` gives a cell, None (a line that
    names no cell) or raises ParseError (an unreadable line: skipped and counted). Returns (cells, skipped)."""
    cells, skipped = [], 0
    for body in bodies[: MAX_CELLS * 2]:
        try:
            cell = read_line(body)
        except ParseError:
            skipped += 1
            continue
        if cell is not None and len(cells) < MAX_CELLS:
            cells.append(cell)
    return cells, skipped


def bodies_of(text: str, prefix: str) -> list[str]:
    """The bodies of the `prefix` lines; ParseError when there is none."""
    bodies = lines_with(text, prefix)
    if not bodies:
        raise ParseError(f"no {prefix} line")
    return bodies


def first_body(text: str, prefix: str) -> str:
    """The body of the first `prefix` line, or ParseError."""
    return bodies_of(text, prefix)[0]


def first_fields(text: str, prefix: str, at_least: int = 1) -> list[str]:
    """The fields of the first `prefix` line; ParseError when there is none or it has fewer than `at_least`."""
    fields = split_fields(first_body(text, prefix))
    if len(fields) < at_least:
        raise ParseError(f"{prefix} has {len(fields)} fields")
    return fields


def split_fields(body: str) -> list[str]:
    """Comma-separated fields with surrounding spaces and quotes removed (commas inside quotes kept)."""
    fields, cur, quoted = [], [], False
    for ch in body:
        if ch == '"':
            quoted = not quoted
            cur.append(ch)
        elif ch == "," and not quoted:
            fields.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    fields.append("".join(cur))
    return [f.strip().strip('"').strip() for f in fields]


def is_quoted_field(body: str, index: int) -> bool:
    """Whether field `index` of a raw body was written in quotes."""
    parts = body.split(",")
    return 0 <= index < len(parts) and parts[index].strip().startswith('"')


def _known(value: str | None, unknown: Iterable[str]) -> str | None:
    # the stripped text, or None for a missing value or one of the modem's "unknown" markers
    if value is None:
        return None
    v = value.strip()
    return None if v in unknown else v


def to_int(value: str | None, *, unknown: Iterable[str] = ("", "-", "--")) -> int | None:
    """A decimal integer, or None for the unknown markers; ParseError for anything else."""
    v = _known(value, unknown)
    if v is None:
        return None
    try:
        return int(v)
    except ValueError:
        raise ParseError(f"not an integer: {v!r}") from None


def to_float(value: str | None, *, unknown: Iterable[str] = ("", "-", "--")) -> float | None:
    """A decimal number, or None for the unknown markers."""
    v = _known(value, unknown)
    if v is None:
        return None
    try:
        f = float(v)
    except ValueError:
        raise ParseError(f"not a number: {v!r}") from None
    if f != f or f in (float("inf"), float("-inf")):
        raise ParseError(f"not a finite number: {v!r}")
    return f


def to_hex(value: str | None) -> int | None:
    """A hexadecimal cell/area code (with or without 0x), None when unknown or all-F filler."""
    if value is None:
        return None
    v = value.strip().strip('"').replace(" ", "")
    if v.lower().startswith("0x"):
        v = v[2:]
    if v in ("", "-", "--") or set(v.upper()) == {"F"}:
        return None
    try:
        return int(v, 16)
    except ValueError:
        raise ParseError(f"not hexadecimal: {value!r}") from None


def in_range(value: float | None, low: float, high: float) -> float | None:
    """The value when plausible, else None (firmware fillers like -32768 become unknown)."""
    if value is None or not (low <= value <= high):
        return None
    return value


def plmn_fields(mcc: str | int | None, mnc: str | int | None) -> dict:
    """mcc, mnc and operator from numeric parts (MNC keeps its leading zero)."""
    if mcc in (None, "", "-") or mnc in (None, "", "-"):
        return {}
    mcc_s, mnc_s = str(mcc).strip(), str(mnc).strip()
    if not (mcc_s.isdigit() and mnc_s.isdigit()) or len(mcc_s) != 3 or not 1 <= len(mnc_s) <= 3:
        raise ParseError(f"bad PLMN {mcc!r}-{mnc!r}")
    if mcc_s in ("000", "fff"):
        return {}
    if len(mnc_s) == 1:
        mnc_s = mnc_s.zfill(2)
    return {"mcc": mcc_s, "mnc": mnc_s, "operator": operator_name(mcc_s, mnc_s)}


def plmn_from_text(plmn: str) -> dict:
    """mcc/mnc/operator from '45204', '452-04' or '452 04'."""
    digits = plmn.replace("-", "").replace(" ", "").strip('"')
    if not digits.isdigit() or len(digits) not in (5, 6):
        raise ParseError(f"bad PLMN {plmn!r}")
    return plmn_fields(digits[:3], digits[3:])


def lte_band(number: int | None) -> str | None:
    """LTE band number -> 'B3'."""
    return f"B{number}" if number is not None and 0 < number < 256 else None


def nr_band(number: int | None) -> str | None:
    """NR band number -> 'n78'."""
    return f"n{number}" if number is not None and 0 < number < 512 else None


def band_from_text(text: str) -> str | None:
    """'LTE BAND 3' / 'EUTRAN-BAND3' -> 'B3'; 'NR5G BAND 78' / 'NR5G_BAND78' -> 'n78'; else None."""
    t = text.upper()
    m = re.search(r"(\d+)\s*$", t)
    if not m:
        return None
    n = int(m.group(1))
    if "NR" in t:
        return nr_band(n)
    if "LTE" in t or "EUTRAN" in t or re.fullmatch(r"B\d+", t.strip()):
        return lte_band(n)
    return None
