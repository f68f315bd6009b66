"""Positions as people type them, in Vietnamese and English: the one latitude/longitude parser.

'16,4637 107,5909' (decimal commas), '16.4637, 107.5909', '16.4637,107.5909', '16,4637;107,5909' and
'16,4637,107,5909' all read as (16.4637, 107.5909). Latitude comes first. Letters, NaN and infinity are refused.
"""
from __future__ import annotations

import math
import re
from typing import Iterable

from survey_app.i18n import _

# one coordinate: digits with at most one decimal mark (comma or point); no exponent, no nan/inf, no '_'
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")
_GAPS = re.compile(r"[\s;]+")


class PositionError(ValueError):
    """Text that is not a position; `str(err)` says why, in the language it was asked for."""


def parse_position(text: str, lang: str | None = None, most: int = 2) -> tuple[float, ...]:
    """Typed text -> (lat, lon) (and up to `most` numbers in all: altitude, accuracy); raises PositionError."""
    numbers = []
    for token in _tokens(text or ""):
        if not _NUMBER.fullmatch(token):
            raise PositionError(_("Each coordinate is a number of degrees such as 16,4637 or 16.4637 "
                                  "(no letters, no NaN or infinity).", lang))
        numbers.append(float(token.replace(",", ".")))
    return checked_position(numbers, lang, most)


def checked_position(numbers: Iterable[float], lang: str | None = None, most: int = 2) -> tuple[float, ...]:
    """Numbers already read (a GPS fix, a list) -> the same tuple when they are a position; raises PositionError."""
    numbers = tuple(numbers)
    if not 2 <= len(numbers) <= most:
        raise PositionError(_("Write the latitude, then the longitude, in decimal degrees: "
                              "16,4637 107,5909 or 16.4637, 107.5909.", lang))
    if not all(isinstance(n, (int, float)) and math.isfinite(n) for n in numbers):
        raise PositionError(_("Each coordinate is a number of degrees such as 16,4637 or 16.4637 "
                              "(no letters, no NaN or infinity).", lang))
    if not -90 <= numbers[0] <= 90:
        raise PositionError(_("The latitude (the first number) must be between -90 and 90 degrees; "
                              "the longitude comes second.", lang))
    if not -180 <= numbers[1] <= 180:
        raise PositionError(_("The longitude (the second number) must be between -180 and 180 degrees.", lang))
    return numbers


def _tokens(text: str) -> list[str]:
    """Split at spaces and semicolons, where a comma inside a number is a decimal comma; text without them
    splits at its commas when it has a decimal point, else pairs its comma-separated pieces (decimal commas)."""
    text = text.replace("\u2212", "-").replace("°", "")
    groups = [g for g in (g.strip(",") for g in _GAPS.split(text.strip())) if g]
    if len(groups) != 1:
        return groups
    pieces = groups[0].split(",")
    if len(pieces) % 2 == 0 and "." not in groups[0]:   # 16,4637 is one number, 16,4637,107,5909 two
        return [f"{a},{b}" for a, b in zip(pieces[::2], pieces[1::2])]
    return pieces
