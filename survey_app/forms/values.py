"""Typed answers: what the user typed converted to the stored value, or the reason it cannot be."""
from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from survey_app.forms.evaluator import to_string
from survey_app.i18n import vietnamese_catalogue


def form_text(message: str, lang: str) -> str:
    """A built-in validation message in the form's language (not the app's)."""
    return vietnamese_catalogue().get(message, message) if lang == "vi" else message


def coerce(form: dict, f: dict, value: Any) -> tuple[Any, str | None]:
    """(stored value, None) or (None, the built-in message saying why the input is wrong)."""
    t = f["type"]
    if value is None or (isinstance(value, str) and not value.strip()) or value == []:
        return None, None
    try:
        if t == "integer":
            if isinstance(value, bool):
                raise ValueError
            if isinstance(value, float) and value.is_integer():
                return int(value), None
            return int(str(value).strip().replace(" ", "")), None
        if t == "decimal":
            v = float(str(value).strip().replace(" ", "").replace(",", "."))
            if math.isnan(v) or math.isinf(v):
                raise ValueError
            return v, None
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
        text = str(value).strip()
        for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.strptime(text, fmt).date().isoformat(), None
            except ValueError:
                pass
        return None, "Enter a date as dd/mm/yyyy."
    if t == "geopoint":
        parts = value.replace(",", " ").split() if isinstance(value, str) else list(value)
        try:
            nums = [float(p) for p in parts]
        except (TypeError, ValueError):
            nums = []
        if len(nums) < 2 or not (-90 <= nums[0] <= 90 and -180 <= nums[1] <= 180):
            return None, "Enter a position as latitude and longitude in degrees."
        nums += [0.0] * (4 - len(nums))
        return " ".join(to_string(n) for n in nums[:4]), None
    return str(value), None
