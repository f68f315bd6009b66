"""Strict JSON for hostile input: no NaN/Infinity, no numbers that overflow to infinity, bounded nesting."""
from __future__ import annotations

import json
import math
from typing import Any

try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number not finite")
    return value


def _refuse(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def strict_loads(data: bytes) -> Any:
    """Parse UTF-8 JSON strictly (orjson refuses non-finite numbers and nesting past 1024 itself); raises
    ValueError (or RecursionError from the stdlib) for anything else."""
    if _orjson is not None:
        try:
            return _orjson.loads(data)
        except _orjson.JSONDecodeError:
            pass  # the stdlib decides (lone surrogate escapes), with the same strictness
    return json.loads(bytes(data).decode("utf-8"), parse_constant=_refuse, parse_float=_finite)


def strict_loads_lines(data: bytes) -> list[Any] | None:
    """The values of whole JSON lines (one parse per chunk); None if any line is not strict JSON."""
    body = data.rstrip(b"\n")
    if not body:
        return []
    try:
        value = strict_loads(b"[" + body.replace(b"\n", b",") + b"]")
    except (ValueError, RecursionError, UnicodeDecodeError):
        return None
    # A line holding "1,2" would parse as two values: the count must match the lines.
    if type(value) is not list or len(value) != body.count(b"\n") + 1:
        return None
    return value
