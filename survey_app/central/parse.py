"""Fast, strict parsing of a batch body with SQLite's JSON functions (C speed, data kept as JSON text).

Checks the same rules as the pydantic models documented in the OpenAPI (app.BatchIn); a body breaking them
gets 422 with a pydantic-like list of problems.
"""
from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from survey_app.central.models import MAX_RECORDS, TIME_PATTERN, UUID_PATTERN

_UUID = re.compile(UUID_PATTERN)
_TIME = re.compile(TIME_PATTERN)
_TABLE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class Invalid(Exception):
    """The body breaks the contract; `errors` says where."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(json.dumps(errors))
        self.errors = errors


def _err(loc: list, msg: str) -> dict[str, Any]:
    return {"loc": ["body", *loc], "msg": msg, "type": "value_error"}


_DECODER = json.JSONDecoder()


def _unpack(packed: str) -> tuple[list[Any], str]:
    """'[t,i,r,u,d,DATA]' -> ([t, i, r, u, d], 'DATA' as text): decode the five values, keep the rest verbatim."""
    values, idx = [], 1
    for _ in range(5):
        value, idx = _DECODER.raw_decode(packed, idx)
        values.append(value)
        idx += 1  # the comma (SQLite renders compact JSON)
    return values, packed[idx:-1]


def parse_batch(text: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(envelope, records) of a batch; records carry `data_json` (the data object as JSON text)."""
    conn = sqlite3.connect(":memory:")
    try:
        try:
            # The records array's value is not asked for here, so SQLite does not render it.
            rows = conn.execute("SELECT key, type, CASE WHEN type = 'array' THEN NULL ELSE value END "
                                "FROM json_each(?)", [text]).fetchall()
        except sqlite3.Error as exc:
            raise Invalid([_err([], f"not valid JSON ({exc})")]) from None
        if not rows or not all(isinstance(k, str) for k, _t, _v in rows):
            raise Invalid([_err([], "the body must be a JSON object")])
        top = {k: (t, v) for k, t, v in rows}
        errors = []
        env: dict[str, Any] = {}
        for key, kind, rule in (("batch_id", "text", _UUID), ("device_id", "text", _UUID),
                                ("created_at", "text", _TIME), ("schema_version", "integer", None)):
            t, v = top.get(key, (None, None))
            if t is None:
                errors.append(_err([key], "field required"))
            elif t != kind or (rule is not None and not rule.match(v)):
                errors.append(_err([key], f"must be {'a UUID' if rule is _UUID else 'ISO 8601' if rule else kind}"))
            elif kind == "integer" and not 0 <= v <= 1_000_000:
                errors.append(_err([key], "out of range"))
            else:
                env[key] = v
        t, _ = top.get("records", (None, None))
        if t != "array":
            errors.append(_err(["records"], "field required: an array of records"))
            raise Invalid(errors)
        try:
            # One parse of each record: its four keys and its data come back as one small JSON array whose
            # data part is sliced out as text (no second parse, no re-serialization in Python).
            rows = conn.execute(
                "SELECT key, type, CASE WHEN type = 'object' THEN json_extract(value, '$.table', '$.id', "
                "'$.revision', '$.updated_at', '$.data.device_id', '$.data') END FROM json_each(?, '$.records')", [text]).fetchall()
        except sqlite3.Error as exc:  # e.g. text that is not valid Unicode once unescaped
            raise Invalid(errors + [_err(["records"], f"not valid ({exc})")]) from None
        if len(rows) > MAX_RECORDS:
            errors.append(_err(["records"], f"at most {MAX_RECORDS} records per batch"))
            raise Invalid(errors)
        records = []
        for pos, kind, packed in rows:
            if kind != "object":
                errors.append(_err(["records", pos], "must be an object"))
                continue
            try:
                (table, rid, rev, upd, dev), data = _unpack(packed)
            except ValueError:
                errors.append(_err(["records", pos], "not a valid record"))
                continue
            if type(table) is not str or not _TABLE.match(table):
                errors.append(_err(["records", pos, "table"], "must be a lower-case table name"))
            elif type(rid) is not str or not _UUID.match(rid):
                errors.append(_err(["records", pos, "id"], "must be a UUID"))
            elif type(rev) is not int or not 1 <= rev <= 2 ** 53:
                errors.append(_err(["records", pos, "revision"], "must be an integer >= 1"))
            elif type(upd) is not str or not _TIME.match(upd):
                errors.append(_err(["records", pos, "updated_at"], "must be ISO 8601"))
            elif not data.startswith("{"):
                errors.append(_err(["records", pos, "data"], "must be an object"))
            else:
                records.append({"table": table, "id": rid, "revision": rev, "updated_at": upd, "data_json": data,
                                "device_id": dev if type(dev) is str else None})
            if len(errors) > 20:
                break
        if errors:
            raise Invalid(errors)
        return env, records
    finally:
        conn.close()
