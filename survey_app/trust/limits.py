"""Limits every reader of hostile files and requests enforces while it streams, and small checks of values."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$")
# The same shapes for a whole column at once (one regex call over the values joined by newlines), with the time
# of day in range, so that only the distinct dates are left for datetime to check (no 2026-02-30).
_UUIDS = re.compile(r"(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\n)*")
_TIMESTAMPS = re.compile(r"(?:\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?"
                         r"(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?\n)*")
MAX_REVISION = 2 ** 53
MAX_INT = 2 ** 63 - 1


@dataclass(frozen=True)
class Limits:
    """Sizes past which a file or body is refused (a bomb, or simply not ours)."""

    max_file: int = 8 << 30              # sealed bytes on disk
    max_expanded: int = 32 << 30         # all records files, decompressed
    max_frame_expanded: int = 16 << 20   # one compressed data frame, decompressed
    max_tables: int = 64
    max_records: int = 50_000_000
    max_json_depth: int = 16


DEFAULT_LIMITS = Limits()


def json_depth(value: Any, limit: int) -> bool:
    """Whether `value` nests no deeper than `limit` (iterative: a hostile document cannot blow the stack)."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return True


def is_uuid(value: Any) -> bool:
    """A UUID in text form."""
    return type(value) is str and UUID.match(value) is not None


def is_timestamp(value: Any) -> bool:
    """An ISO 8601 timestamp of a real date and time (not only the right shape: no 2026-02-30)."""
    if type(value) is not str or not TIMESTAMP.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def all_uuids(values: list[Any]) -> bool:
    """Whether every value is a UUID in text form (as is_uuid, for a whole column)."""
    if not values:
        return True
    try:
        text = "\n".join(values) + "\n"
    except TypeError:  # not all text
        return False
    return len(text) == 37 * len(values) and _UUIDS.fullmatch(text) is not None


def all_timestamps(values: list[Any]) -> bool:
    """Whether every value is a timestamp of a real date and time (as is_timestamp, for a whole column)."""
    if not values:
        return True
    try:
        text = "\n".join(values) + "\n"
    except TypeError:
        return False
    if _TIMESTAMPS.fullmatch(text) is None or text.count("\n") != len(values):
        return False
    return all(is_timestamp(day + "T00:00") for day in {v[:10] for v in values})


def is_revision(value: Any) -> bool:
    """An integer revision in 1..2^53."""
    return type(value) is int and 1 <= value <= MAX_REVISION


def scalar_problem(value: Any) -> str | None:
    """Why `value` cannot be a column value (None if it can: text, finite number, boolean or null)."""
    t = type(value)
    if value is None or t is str or t is bool:
        return None
    if t is int:
        return None if -MAX_INT - 1 <= value <= MAX_INT else "integer out of range"
    if t is float:
        return None if math.isfinite(value) else "number not finite"
    return "not a plain value"
