"""Answers in and out of FormState: stored data loaded (and normalised), defaults, metadata, JSON-ready data."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from survey_app.forms import evaluator as ev
from survey_app.forms.recompute import INPUT_TYPES


class AnswersIO:
    """Mixed into FormState: what goes into the state from a stored record and what comes out to be stored."""

    def _load(self, data: dict) -> None:
        answers = data.get("answers", {})
        for name, value in answers.items():
            if name in self.index and self.fields[self.index[name]].get("repeat") is None:
                self.top[name] = self._normalise(name, value)
        for key, text in (data.get("invalid") or {}).items():
            if key in self.index:
                self.invalid[(self.index[key], None)] = text
        for rep, rows in (data.get("repeats") or {}).items():
            if rep not in self.instances:
                continue
            for k, row in enumerate(rows):
                inst = {n: self._normalise(n, v) for n, v in row.items() if n == "_id" or (
                    n in self.index and self.fields[self.index[n]].get("repeat") == rep)}
                inst.setdefault("_id", str(uuid.uuid4()))
                self.instances[rep].append(inst)
                for name, text in (row.get("_invalid") or {}).items():
                    if name in self.index:
                        self.invalid[(self.index[name], k)] = text
        if not data:
            for i, f in enumerate(self.fields):
                if f.get("repeat") is None:
                    self._apply_default(i, None)
        self._apply_meta()

    def _normalise(self, name: str, value: Any) -> Any:
        # stored data from elsewhere (imports, demo data) may hold "a b" for a multiple choice or 4 for "4"
        if name == "_id" or value is None:
            return value
        t = self.fields[self.index[name]]["type"]
        if t == "select_multiple" and isinstance(value, str):
            return value.split()
        if t == "select_one" and not isinstance(value, str):
            return ev.to_string(value)
        return value

    def _apply_default(self, i: int, inst: int | None) -> None:
        f = self.fields[i]
        if "default" not in f or f["type"] not in INPUT_TYPES:
            return
        value, bad = self._coerce(f, f["default"])
        if bad is None:
            self._store(i, inst, value)

    def _apply_meta(self) -> None:
        for i, f in enumerate(self.fields):
            t = f["type"]
            if t == "today":
                self.top[f["name"]] = date.today().isoformat()
            elif t == "start":
                self.top.setdefault(f["name"], self.meta.get("start") or datetime.now().isoformat(timespec="seconds"))
            elif t == "end" and self.meta.get("end"):
                self.top[f["name"]] = self.meta["end"]
            elif t == "deviceid":
                self.top[f["name"]] = self.meta.get("deviceid", "")
            elif t == "username":
                self.top[f["name"]] = self.meta.get("username", "")

    def to_data(self, *, prune: bool = False) -> dict:
        """Answers as JSON-ready data; `prune` drops answers to questions that are not shown."""
        def keep(i: int, inst: int | None) -> bool:
            return not prune or self.rel.get((i, inst), True)

        answers = {n: v for n, v in self.top.items() if keep(self.index[n], None)}
        invalid = {self.fields[i]["name"]: t for (i, k), t in self.invalid.items() if k is None}
        repeats: dict[str, list[dict]] = {}
        for rep, rows in self.instances.items():
            out = []
            for k, row in enumerate(rows):
                inst = {n: v for n, v in row.items() if n == "_id" or keep(self.index[n], k)}
                bad = {self.fields[i]["name"]: t for (i, kk), t in self.invalid.items() if kk == k
                       and self.fields[i].get("repeat") == rep}
                if bad:
                    inst["_invalid"] = bad
                out.append(inst)
            repeats[rep] = out
        data = {"answers": answers, "repeats": repeats}
        if invalid:
            data["invalid"] = invalid
        return data
