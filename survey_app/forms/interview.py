"""The state of one interview: answers, relevance, calculations, constraints, required, repeats.

Re-evaluation after an answer is incremental: only the cells (field, repeat instance) that read the changed
field are recomputed, in dependency order, and only what changes propagates further.
"""
from __future__ import annotations

import heapq
import logging
import math
import uuid
from datetime import date, datetime
from typing import Any, Iterable

from survey_app.forms import evaluator as ev
from survey_app.forms import expr
from survey_app.forms.graph import EXPRESSION_COLUMNS, LABEL_REF, build_graph
from survey_app.forms.repeats import RepeatOps
from survey_app.forms.values import coerce, form_text

log = logging.getLogger(__name__)

INPUT_TYPES = {"integer", "decimal", "text", "select_one", "select_multiple", "date", "geopoint"}
Cell = tuple[int, "int | None"]


def _empty(v: Any) -> bool:
    return v is None or v == "" or v == []


class _Ctx:
    """Expression environment for one cell."""

    __slots__ = ("state", "field", "inst", "choice")

    def __init__(self, state: "FormState", field: dict, inst: int | None, choice: dict | None = None) -> None:
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


class FormState(RepeatOps):
    """Answers to a compiled form with everything derived from them."""

    def __init__(self, form: dict, data: dict | None = None, *, lang: str | None = None,
                 meta: dict | None = None) -> None:
        self.form = form
        self.fields: list[dict] = form["fields"]
        self.index = {f["name"]: i for i, f in enumerate(self.fields)}
        self.lang = lang if lang in form.get("languages", []) else form.get("default_language", "default")
        self.meta = dict(meta or {})
        self._ast: list[dict[str, Any]] = []
        for f in self.fields:
            self._ast.append({c: expr.parse(f[c]) for c in EXPRESSION_COLUMNS if f.get(c)})
        self.repeat_fields: dict[str, list[int]] = {}
        for i, f in enumerate(self.fields):
            if f.get("repeat"):
                self.repeat_fields.setdefault(f["repeat"], []).append(i)
        self._build_graph()
        self.top: dict[str, Any] = {}
        self.instances: dict[str, list[dict]] = {f["name"]: [] for f in self.fields if f["type"] == "repeat"}
        self.invalid: dict[Cell, str] = {}
        self.rel: dict[Cell, bool] = {}
        self.err: dict[Cell, str | None] = {}
        self.evaluations = 0
        self._load(data or {})
        self.evaluate_all()

    # --- set-up ---------------------------------------------------------------------------------------------
    def _build_graph(self) -> None:
        self.dependents, self.rank, self.shows_values = build_graph(self.fields, self.index)

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

    # --- values ---------------------------------------------------------------------------------------------
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

    # --- public API -----------------------------------------------------------------------------------------
    def set(self, name: str, value: Any, inst: int | None = None) -> set[tuple[str, int | None]]:
        """Answer a question (typed text is converted); returns the (name, instance) cells that changed."""
        i = self.index[name]
        f = self.fields[i]
        if f["type"] not in INPUT_TYPES:
            raise KeyError(name)
        if (f.get("repeat") is None) != (inst is None):
            raise IndexError(name)
        coerced, bad = self._coerce(f, value)
        if bad is not None:
            self.invalid[(i, inst)] = value if isinstance(value, str) else str(value)
            self._store(i, inst, None)
        else:
            self.invalid.pop((i, inst), None)
            self._store(i, inst, coerced)
        return self._propagate([(i, inst)])

    def value(self, name: str, inst: int | None = None) -> Any:
        """The stored answer (None when unanswered)."""
        return self._raw(self.index[name], inst)

    def text(self, name: str, inst: int | None = None) -> str | None:
        """Invalid text the user typed (kept so nothing is lost), or None."""
        return self.invalid.get((self.index[name], inst))

    def relevant(self, name: str, inst: int | None = None) -> bool:
        """Whether the question is shown."""
        return self.rel.get((self.index[name], inst), True)

    def error(self, name: str, inst: int | None = None) -> str | None:
        """The message for a wrong or missing answer, in the form's language."""
        return self.err.get((self.index[name], inst))

    def required(self, name: str, inst: int | None = None) -> bool:
        """Whether the question must be answered (for the marker)."""
        i = self.index[name]
        return ev.to_bool(self._eval(i, "required", inst, False))

    def read_only(self, name: str, inst: int | None = None) -> bool:
        """Whether the answer may not be edited."""
        i = self.index[name]
        return self.fields[i]["type"] == "calculate" or ev.to_bool(self._eval(i, "read_only", inst, False))

    def errors(self) -> list[tuple[str, int | None, str]]:
        """Every current error: (name, instance, message)."""
        return [(self.fields[i]["name"], inst, msg) for (i, inst), msg in self.err.items() if msg]

    def choices(self, name: str, inst: int | None = None) -> list[dict]:
        """The choices of a select question after its choice_filter."""
        i = self.index[name]
        f = self.fields[i]
        options = self.form["choices"].get(f.get("list", ""), [])
        node = self._ast[i].get("choice_filter")
        if node is None:
            return options
        out = []
        for c in options:
            try:
                if ev.to_bool(ev.evaluate(node, _Ctx(self, f, inst, c))):
                    out.append(c)
            except expr.ExprError:
                out.append(c)
        return out

    def label(self, name: str, inst: int | None = None, column: str = "label") -> str:
        """A field's label (or hint) in the form's language with ${field} values filled in."""
        f = self.fields[self.index[name]]
        texts = f.get(column) or {}
        text = texts.get(self.lang) or texts.get(self.form.get("default_language", "")) or \
            next(iter(texts.values()), "" if column != "label" else name)
        return self._interpolate(text, f, inst)

    def choice_label(self, choice: dict) -> str:
        """A choice's label in the form's language."""
        labels = choice.get("label") or {}
        return labels.get(self.lang) or labels.get(self.form.get("default_language", "")) or \
            next(iter(labels.values()), choice["name"])

    def _interpolate(self, text: str, f: dict, inst: int | None) -> str:
        if "${" not in text:
            return text
        return LABEL_REF.sub(lambda m: ev.to_string(self._lookup(m.group(1).strip(), f.get("repeat"), inst)),
                              text)

    def set_language(self, lang: str) -> None:
        """Switch the form's language (labels and messages)."""
        if lang in self.form.get("languages", []):
            self.lang = lang
            self.evaluate_all()

    def set_meta(self, key: str, value: str) -> None:
        """Set paradata (e.g. 'end') and refresh the metadata fields."""
        self.meta[key] = value
        self._apply_meta()

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
