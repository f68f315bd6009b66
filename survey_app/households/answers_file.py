"""Answers typed in a file (paper-form keying, scripts, tests) checked by the form engine the window uses.

The file is a JSON object of answers by the form's field names; a repeat group (the roster, `members`) is a
list of objects, each optionally with the `id` of a member already stored. Every problem is named at once:
unknown fields, values of the wrong type, answers the form refuses, and (unless the interview stays a draft)
required answers missing.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from survey_app.errors import UserError
from survey_app.forms.interview import FormState
from survey_app.forms.recompute import INPUT_TYPES
from survey_app.i18n import _

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_INSTANCES = 200
_SCALARS = (str, int, float, bool, type(None))


def read_answers(path: Path | str) -> dict[str, Any]:
    """The JSON object in `path` (size-limited, UTF-8); UserError naming the file otherwise."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UserError(_("The answers file {path} cannot be read ({reason}).").format(path=path, reason=exc)) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise UserError(_("The answers file {path} is larger than {n} MB.").format(path=path, n=MAX_FILE_BYTES >> 20))
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise UserError(_("The answers file {path} is not valid JSON ({reason}).").format(path=path, reason=exc)) from exc
    if not isinstance(doc, dict):
        raise UserError(_("The answers file {path} must hold one JSON object of answers by field name.").format(
            path=path))
    return doc


class AnswerProblems(UserError):
    """Answers that cannot be stored; `problems` lists each as text (already translated)."""

    def __init__(self, problems: list[str]) -> None:
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(_("The answers cannot be stored ({n} problems); nothing was stored:").format(
            n=len(problems)) + "\n" + lines)
        self.problems = problems


def _where(state: FormState, name: str, inst: int | None, repeat: str | None = None) -> str:
    if inst is None:
        return name
    return f"{repeat or state.fields[state.index[name]].get('repeat') or ''}[{inst + 1}].{name}"


def apply_answers(state: FormState, answers: dict[str, Any]) -> list[str]:
    """Set every answer in `state`; returns the problems of the file itself (unknown fields, wrong types)."""
    problems: list[str] = []
    repeats = {f["name"] for f in state.fields if f["type"] == "repeat"}
    for name, value in answers.items():
        if name in repeats:
            problems += _apply_repeat(state, name, value)
        else:
            problems += _apply_one(state, name, value, None, None)
    return problems


def _apply_one(state: FormState, name: str, value: Any, inst: int | None, repeat: str | None) -> list[str]:
    where = f"{repeat}[{inst + 1}].{name}" if inst is not None else name
    i = state.index.get(name)
    if i is None:
        return [_("{field}: no such field in this form").format(field=where)]
    f = state.fields[i]
    if f["type"] not in INPUT_TYPES:
        return [_("{field}: this field is not answered (it is worked out or only shown)").format(field=where)]
    if (f.get("repeat") or None) != repeat:
        return [_("{field}: this field belongs to {group}").format(field=where, group=f.get("repeat") or "—")]
    ok = isinstance(value, _SCALARS) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    if not ok:
        return [_("{field}: a value of the wrong type ({kind})").format(field=where, kind=type(value).__name__)]
    state.set(name, value, inst)
    return []


def _apply_repeat(state: FormState, repeat: str, items: Any) -> list[str]:
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        return [_("{field}: must be a list of objects, one per entry").format(field=repeat)]
    if len(items) > MAX_INSTANCES:
        return [_("{field}: more than {n} entries").format(field=repeat, n=MAX_INSTANCES)]
    current = {row["_id"]: k for k, row in enumerate(state.instances[repeat])}
    problems, keep = [], []
    for item in items:
        rid = item.get("id")
        if rid is not None and rid not in current:
            problems.append(_("{field}: no entry with id {id} here").format(field=repeat, id=rid))
            continue
        keep.append(current[rid] if rid is not None else None)
    if problems:
        return problems
    for k in sorted((k for rid, k in current.items() if k not in keep), reverse=True):
        state.remove_instance(repeat, k)
        keep = [x if x is None or x < k else x - 1 for x in keep]
    for item, k in zip(items, keep):
        inst = k if k is not None else state.add_instance(repeat)
        for name, value in item.items():
            if name != "id":
                problems += _apply_one(state, name, value, inst, repeat)
    return problems


def form_problems(state: FormState, *, draft: bool) -> list[str]:
    """What the form engine refuses, each named; a draft may leave required answers out."""
    out = []
    for name, inst, message in state.errors():
        missing = state.value(name, inst) is None and state.text(name, inst) is None
        if draft and missing:
            continue
        out.append(f"{_where(state, name, inst)}: {message}")
    return out


def check(state: FormState, answers: dict[str, Any], *, draft: bool) -> None:
    """Apply the answers and raise AnswerProblems naming every problem (nothing is stored then)."""
    problems = apply_answers(state, answers)
    problems += form_problems(state, draft=draft)
    if problems:
        raise AnswerProblems(problems)
