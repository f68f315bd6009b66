"""How FormState derives what it shows: values for expressions, relevance, calculations and errors per cell.

Re-evaluation after an answer is incremental: only the cells (field, repeat instance) that read the changed
field are recomputed, in dependency order, and only what changes propagates further.
"""
from __future__ import annotations

import heapq
import logging
import math
from typing import Any, Iterable

from survey_app.forms import evaluator as ev
from survey_app.forms import expr
from survey_app.forms.graph import LABEL_REF
from survey_app.forms.values import coerce, form_text

log = logging.getLogger(__name__)

INPUT_TYPES = {"integer", "decimal", "text", "select_one", "select_multiple", "date", "geopoint"}
Cell = tuple[int, "int | None"]


def _empty(v: Any) -> bool:
    return v is None or v == "" or v == []


class _Ctx:
    """Expression environment for one cell."""

    __slots__ = ("state", "field", "inst", "choice")

    def __init__(self, state: "Recompute", field: dict, inst: int | None, choice: dict | None = None) -> None:
        self.state, self.field, self.inst, self.choice = state, field, inst, choice

    def lookup(self, name: str) -> Any:
        return self.state._lookup(name, self.field.get("repeat"), self.inst)

    def current(self) -> Any:
        return self.state._expr_value(self.state.index[self.field["name"]], self.inst)

    def position(self) -> int:
        return (self.inst or 0) + 1

    def column(self, name: str) -> Any:
        if self.choice is None:
            return ""
        if name == "name":
            return self.choice["name"]
        return self.choice["extra"].get(name, "")


class Recompute:
    """Mixed into FormState: reads cells for expressions and recomputes them (FormState holds the state)."""

    def _raw(self, i: int, inst: int | None) -> Any:
        f = self.fields[i]
        if f.get("repeat") is None:
            return self.top.get(f["name"])
        rows = self.instances[f["repeat"]]
        return rows[inst].get(f["name"]) if inst is not None and inst < len(rows) else None

    def _store(self, i: int, inst: int | None, value: Any) -> None:
        f = self.fields[i]
        target = self.top if f.get("repeat") is None else self.instances[f["repeat"]][inst]
        if _empty(value):
            target.pop(f["name"], None)
        else:
            target[f["name"]] = value

    def _expr_value(self, i: int, inst: int | None) -> Any:
        if not self.rel.get((i, inst), True):
            return ""
        v = self._raw(i, inst)
        return "" if v is None else v

    def _lookup(self, name: str, ctx_repeat: str | None, inst: int | None) -> Any:
        i = self.index.get(name)
        if i is None:
            return ""
        f = self.fields[i]
        if f["type"] == "repeat":
            return ev.Nodeset(self.instances[name]) if self.rel.get((i, None), True) else ev.Nodeset()
        if f["type"] == "group":
            return ""
        rep = f.get("repeat")
        if rep is None:
            return self._expr_value(i, None)
        if rep == ctx_repeat and inst is not None:
            return self._expr_value(i, inst)
        return ev.Nodeset(self._expr_value(i, k) for k in range(len(self.instances[rep])))

    def _coerce(self, f: dict, value: Any) -> tuple[Any, str | None]:
        return coerce(self.form, f, value)

    # --- evaluation -----------------------------------------------------------------------------------------
    def _eval(self, i: int, col: str, inst: int | None, default: Any) -> Any:
        node = self._ast[i].get(col)
        if node is None:
            return default
        try:
            return ev.evaluate(node, _Ctx(self, self.fields[i], inst))
        except expr.ExprError as exc:  # a runtime oddity must not stop the interview
            log.warning("%s of %s: %s", col, self.fields[i]["name"], exc)
            return default

    def _parent_cell(self, i: int, inst: int | None) -> Cell | None:
        parent = self.fields[i].get("parent")
        if parent is None:
            return None
        p = self.index[parent]
        return (p, None) if self.fields[p]["type"] == "repeat" else (p, inst)

    def _compute(self, i: int, inst: int | None) -> tuple[bool, bool, bool]:
        """Recompute one cell; returns (value changed, relevance changed, error changed)."""
        self.evaluations += 1
        f = self.fields[i]
        cell = (i, inst)
        pc = self._parent_cell(i, inst)
        rel = (self.rel.get(pc, True) if pc else True) and ev.to_bool(self._eval(i, "relevant", inst, True))
        old_rel = self.rel.get(cell)
        self.rel[cell] = rel
        value_changed = False
        if f["type"] == "calculate":
            v = self._eval(i, "calculation", inst, "") if rel else ""
            if isinstance(v, float):
                v = None if math.isnan(v) else (int(v) if v.is_integer() and abs(v) < 1e15 else v)
            elif isinstance(v, list):
                v = ev.to_string(v)
            old = self._raw(i, inst)
            if old != (None if _empty(v) else v):
                self._store(i, inst, v)
                value_changed = True
        error = self._error(i, inst, rel)
        err_changed = self.err.get(cell) != error
        self.err[cell] = error
        return value_changed, old_rel != rel, err_changed

    def _error(self, i: int, inst: int | None, rel: bool) -> str | None:
        f = self.fields[i]
        if not rel or f["type"] not in INPUT_TYPES:
            return None
        if (i, inst) in self.invalid:
            _v, why = self._coerce(f, self.invalid[(i, inst)])
            return form_text(why or "This answer is not valid.", self.lang)
        value = self._raw(i, inst)
        if _empty(value):
            if ev.to_bool(self._eval(i, "required", inst, False)):
                msg = (f.get("required_message") or {}).get(self.lang)
                return msg or form_text("This question needs an answer.", self.lang)
            return None
        if f["type"] == "select_one" and f.get("choice_filter"):
            if value not in {c["name"] for c in self.choices(f["name"], inst)}:
                return form_text("This answer is no longer among the choices; choose again.", self.lang)
        if "constraint" in self._ast[i] and not ev.to_bool(self._eval(i, "constraint", inst, True)):
            msgs = f.get("constraint_message") or {}
            msg = msgs.get(self.lang) or msgs.get(self.form.get("default_language", "")) or \
                form_text("This answer is not allowed.", self.lang)
            return self._interpolate(msg, f, inst)
        return None

    def _cells_of(self, i: int) -> list[Cell]:
        rep = self.fields[i].get("repeat")
        if rep is None:
            return [(i, None)]
        return [(i, k) for k in range(len(self.instances[rep]))]

    def evaluate_all(self) -> None:
        """Recompute every cell (on open and after a roster change)."""
        self.rel.clear()
        self.err.clear()
        for i in sorted(range(len(self.fields)), key=self.rank.__getitem__):
            for cell in self._cells_of(i):
                self._compute(*cell)

    def _propagate(self, seeds: Iterable[Cell]) -> set[tuple[str, int | None]]:
        heap: list[tuple[int, int, int]] = []
        queued: set[Cell] = set()

        def push(cell: Cell) -> None:
            if cell not in queued:
                queued.add(cell)
                heapq.heappush(heap, (self.rank[cell[0]], cell[0], -1 if cell[1] is None else cell[1]))

        for c in seeds:
            push(c)
        changed: set[tuple[str, int | None]] = set()
        while heap:
            _r, i, k = heapq.heappop(heap)
            inst = None if k < 0 else k
            v_ch, r_ch, e_ch = self._compute(i, inst)
            f = self.fields[i]
            if v_ch or r_ch or e_ch or (i, inst) in seeds or i in self.shows_values or "choice_filter" in self._ast[i]:
                changed.add((f["name"], inst))
            if not (v_ch or r_ch or (i, inst) in seeds):
                continue
            for d in self.dependents[i]:
                drep = self.fields[d].get("repeat")
                if drep is None:
                    push((d, None))
                elif drep == f.get("repeat") and inst is not None:
                    push((d, inst))
                else:
                    for kk in range(len(self.instances[drep])):
                        push((d, kk))
        return changed

    def _interpolate(self, text: str, f: dict, inst: int | None) -> str:
        if "${" not in text:
            return text
        return LABEL_REF.sub(lambda m: ev.to_string(self._lookup(m.group(1).strip(), f.get("repeat"), inst)),
                              text)
