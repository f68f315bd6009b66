"""Fast, strict parsing of a batch body (orjson when installed; each record's data kept as compact JSON text).

Checks the same rules as the pydantic models documented in the OpenAPI (app.BatchIn); a body breaking them
gets 422 with a pydantic-like list of problems.
"""
from __future__ import annotations

import json
import re
from typing import Any

from survey_app.central.models import MAX_RECORDS, TIME_PATTERN, UUID_PATTERN
from survey_app.codec import dumps_text, loads

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


def parse_batch(raw: bytes | str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(envelope, records) of a batch; records carry `data_json` (the data object as compact JSON text)."""
    try:
        body = loads(raw, strict=True)
    except UnicodeDecodeError:
        raise Invalid([_err([], "body is not UTF-8")]) from None
    except (ValueError, RecursionError) as exc:
        raise Invalid([_err([], f"not valid JSON ({exc})")]) from None
    if type(body) is not dict:
        raise Invalid([_err([], "the body must be a JSON object")])
    errors = []
    env: dict[str, Any] = {}
    for key, rule in (("batch_id", _UUID), ("device_id", _UUID), ("created_at", _TIME), ("schema_version", None)):
        if key not in body:
            errors.append(_err([key], "field required"))
            continue
        v = body[key]
        if rule is None:
            if type(v) is not int:
                errors.append(_err([key], "must be integer"))
            elif not 0 <= v <= 1_000_000:
                errors.append(_err([key], "out of range"))
            else:
                env[key] = v
        elif type(v) is not str or not rule.match(v):
            errors.append(_err([key], f"must be {'a UUID' if rule is _UUID else 'ISO 8601'}"))
        else:
            env[key] = v
    items = body.get("records")
    if type(items) is not list:
        errors.append(_err(["records"], "field required: an array of records"))
        raise Invalid(errors)
    if len(items) > MAX_RECORDS:
        errors.append(_err(["records"], f"at most {MAX_RECORDS} records per batch"))
        raise Invalid(errors)
    records = []
    table_ok, uuid_ok, time_ok = _TABLE.match, _UUID.match, _TIME.match
    for pos, rec in enumerate(items):
        if type(rec) is not dict:
            errors.append(_err(["records", pos], "must be an object"))
        else:
            table, rid, rev, upd, data = (rec.get("table"), rec.get("id"), rec.get("revision"),
                                          rec.get("updated_at"), rec.get("data"))
            if type(table) is not str or not table_ok(table):
                errors.append(_err(["records", pos, "table"], "must be a lower-case table name"))
            elif type(rid) is not str or not uuid_ok(rid):
                errors.append(_err(["records", pos, "id"], "must be a UUID"))
            elif type(rev) is not int or not 1 <= rev <= 2 ** 53:
                errors.append(_err(["records", pos, "revision"], "must be an integer >= 1"))
            elif type(upd) is not str or not time_ok(upd):
                errors.append(_err(["records", pos, "updated_at"], "must be ISO 8601"))
            elif type(data) is not dict:
                errors.append(_err(["records", pos, "data"], "must be an object"))
            else:
                dev = data.get("device_id")
                records.append({"table": table, "id": rid, "revision": rev, "updated_at": upd, "data": data,
                                "data_json": dumps_text(data), "device_id": dev if type(dev) is str else None})
        if len(errors) > 20:
            break
    if errors:
        raise Invalid(errors)
    return env, records
