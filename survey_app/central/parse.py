"""Fast, strict parsing of a batch body (orjson when installed) into the ingest rule's records.

Checks the same rules as the pydantic models documented in the OpenAPI (app.BatchIn); a body breaking them
gets 422 with a pydantic-like list of problems.
"""
from __future__ import annotations

import json
import re
from typing import Any, Callable

from survey_app.central.models import MAX_RECORDS, TIME_PATTERN, UUID_PATTERN
from survey_app.central.revisions import Rec
from survey_app.codec import dumps_text, loads_checked

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


def parse_batch(raw: bytes | str, key_order: Callable[[dict], dict] | None = None
                ) -> tuple[dict[str, Any], list[Rec]]:
    """(envelope, records) of a batch; each record as the ingest rule takes it (central.revisions.Rec), its data
    also as compact JSON text (keys in the order `key_order` gives, if any: the back end's own) and marked
    `plain` when no value can be anything but text, a finite number within 64 bits, a boolean or null (the rule
    then skips the per-value check)."""
    try:
        body, numbers_ok = loads_checked(raw)
    except UnicodeDecodeError:
        raise Invalid([_err([], "body is not UTF-8")]) from None
    except (ValueError, RecursionError) as exc:
        raise Invalid([_err([], f"not valid JSON ({exc})")]) from None
    if type(body) is not dict:
        raise Invalid([_err([], "the body must be a JSON object")])
    errors: list[dict[str, Any]] = []
    env = _envelope(body, errors)
    items = body.get("records")
    if type(items) is not list:
        errors.append(_err(["records"], "field required: an array of records"))
        raise Invalid(errors)
    if len(items) > MAX_RECORDS:
        errors.append(_err(["records"], f"at most {MAX_RECORDS} records per batch"))
        raise Invalid(errors)
    records = _records(items, numbers_ok, errors, key_order)
    if errors:
        raise Invalid(errors)
    return env, records


def _envelope(body: dict[str, Any], errors: list) -> dict[str, Any]:
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
    return env


def _records(items: list, numbers_ok: bool, errors: list, key_order) -> list[Rec]:
    """The records, or problems appended to `errors` (at most ~20)."""
    records: list[Rec] = []
    table_ok, uuid_ok, time_ok = _TABLE.match, _UUID.match, _TIME.match
    append = records.append
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
                text = dumps_text(key_order(data) if key_order else data)
                dev = data.get("device_id")
                # no nested object or array can hide in a text with one "{" and no "[" (strings included)
                plain = numbers_ok and "[" not in text and text.count("{") == 1
                append(Rec(table, rid, rev, upd, data, text, dev if type(dev) is str else None, plain))
        if len(errors) > 20:
            break
    return records
