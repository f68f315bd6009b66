"""The state of one interview: answers, relevance, calculations, constraints, required, repeats.

FormState joins its parts: answers in and out (forms/answers.py), the incremental recomputation of derived cells
(forms/recompute.py) and roster operations (forms/repeats.py); here the set-up and the public API.
"""
from __future__ import annotations

from typing import Any

from survey_app.forms import evaluator as ev
from survey_app.forms import expr
from survey_app.forms.answers import AnswersIO
from survey_app.forms.graph import EXPRESSION_COLUMNS, build_graph
from survey_app.forms.recompute import INPUT_TYPES, Cell, Recompute, _Ctx
from survey_app.forms.repeats import RepeatOps


class FormState(AnswersIO, Recompute, RepeatOps):
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

    def set_language(self, lang: str) -> None:
        """Switch the form's language (labels and messages)."""
        if lang in self.form.get("languages", []):
            self.lang = lang
            self.evaluate_all()

    def set_meta(self, key: str, value: str) -> None:
        """Set paradata (e.g. 'end') and refresh the metadata fields."""
        self.meta[key] = value
        self._apply_meta()

