"""Typed answers: what the user typed converted to the stored value, or the reason it cannot be."""
from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from survey_app.forms.evaluator import to_string
from survey_app.i18n import vietnamese_catalogue
from survey_app.latlon import PositionError, checked_position, parse_position

_GROUPED = re.compile(r"-?\d{1,3}([.,\s]\d{3})+")


def form_text(message: str, lang: str) -> str:
    """A built-in validation message in the form's language (not the app's)."""
    return vietnamese_catalogue().get(message, message) if lang == "vi" else message


def coerce(form: dict, f: dict, value: Any) -> tuple[Any, str | None]:
    """(stored value, None) or (None, the built-in message saying why the input is wrong)."""
    t = f["type"]
    if value is None or (isinstance(value, str) and not value.strip()) or value == []:
        return None, None
    if t in ("integer", "decimal"):
        try:
            return (_integer(value) if t == "integer" else _decimal(value)), None
        except (ValueError, OverflowError):
            return None, "Enter a whole number." if t == "integer" else "Enter a number."
    if t == "select_one":
        v = str(value).strip()
        if v not in {c["name"] for c in form["choices"].get(f.get("list", ""), [])}:
            return None, "Choose one of the listed answers."
        return v, None
    if t == "select_multiple":
        items = value.split() if isinstance(value, str) else [str(x) for x in value]
        names = [c["name"] for c in form["choices"].get(f.get("list", ""), [])]
        if any(x not in names for x in items):
            return None, "Choose among the listed answers."
        return [n for n in names if n in items] or None, None
    if t == "date":
        return _date(value)
    if t == "geopoint":
        return _geopoint(value)
    return str(value), None


def _integer(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if _GROUPED.fullmatch(text):      # 195.000 / 195,000 / 195 000: grouped thousands (đồng)
        text = re.sub(r"[.,\s]", "", text)
    return int(text.replace(" ", ""))


def _decimal(value: Any) -> float:
    text = str(value).strip().replace(" ", "")
    if "," in text and "." in text:   # 1.234,5 or 1,234.5: the last mark is the decimal one
        grouping = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(grouping, "")
    v = float(text.replace(",", "."))
    if math.isnan(v) or math.isinf(v):
        raise ValueError
    return v


def _date(value: Any) -> tuple[str | None, str | None]:
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat(), None
        except ValueError:
            pass
    return None, "Enter a date as dd/mm/yyyy."


def _geopoint(value: Any) -> tuple[str | None, str | None]:
    """Typed text or a fix's numbers -> 'lat lon altitude accuracy'; the message in English (form_text words it)."""
    try:
        if isinstance(value, str):
            nums = list(parse_position(value, "en", most=4))
        else:
            nums = list(checked_position([float(v) for v in value], "en", most=4))
    except (TypeError, ValueError) as err:     # PositionError is a ValueError
        return None, str(err) if isinstance(err, PositionError) else "This answer is not valid."
    nums += [0.0] * (4 - len(nums))
    return " ".join(to_string(n) for n in nums), None
