"""JSON for bulk sync data: orjson when installed (several times faster), the stdlib otherwise.

Both accept the same documents; one difference in values: orjson reads an integer beyond 64 bits as a float
(no app column holds one; SQLite could not store it as an integer either).
"""
from __future__ import annotations

import json
from typing import Any

try:  # a declared dependency, but the app must still work from a checkout without it
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def loads(data: bytes | str, *, strict: bool = False) -> Any:
    """Parse JSON. What orjson refuses but the stdlib takes (lone surrogate escapes, and unless `strict`
    NaN/Infinity) goes to the stdlib, so both paths accept the same documents.
    `strict` also requires UTF-8 (the stdlib would guess UTF-16/32 from bytes)."""
    if _orjson is not None:
        try:
            return _orjson.loads(data)
        except _orjson.JSONDecodeError:
            pass
    if strict:
        if isinstance(data, (bytes, bytearray, memoryview)):
            data = bytes(data).decode("utf-8")
        return json.loads(data, parse_constant=_no_constant)
    return json.loads(data)


_DIGITS = bytes(57 if 48 <= c <= 57 else 32 for c in range(256))  # digits -> "9", the rest -> " "


def loads_checked(data: bytes | str) -> tuple[Any, bool]:
    """`loads(data, strict=True)`, and whether every number in it is sure to be a finite float or an integer
    within 64 bits signed (orjson refuses non-finite numbers; an integer past 2**63 - 1 needs 19 digits)."""
    if _orjson is not None:
        try:
            value = _orjson.loads(data)
        except _orjson.JSONDecodeError:
            pass
        else:
            raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
            return value, b"9" * 19 not in raw.translate(_DIGITS)
    return loads(data, strict=True), False


def dumps_bytes(obj: Any) -> bytes:
    """Compact UTF-8 JSON (keys in insertion order, non-ASCII kept)."""
    if _orjson is not None:
        try:
            return _orjson.dumps(obj)
        except TypeError:  # e.g. an integer beyond 64 bits or a lone surrogate: the stdlib writes it
            pass
    try:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate can only be written escaped
        return json.dumps(obj, ensure_ascii=True, separators=(",", ":")).encode("utf-8")


def dumps_text(obj: Any) -> str:
    """Compact JSON as text (for SQLite TEXT columns)."""
    return dumps_bytes(obj).decode("utf-8")
