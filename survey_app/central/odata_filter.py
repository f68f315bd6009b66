"""OData v4 `$filter` and `$orderby` to parameterised SQL over one layer's columns (nothing else reaches SQL).

Supported: eq ne gt ge lt le, and or not, parentheses, null/true/false, numbers, 'strings' ('' escapes a
quote), DateTimeOffset (2026-11-27T00:00:00+07:00) and Date (2026-11-27) literals, and the functions
contains, startswith, endswith, tolower, toupper. Times are compared in UTC: stored times are UTC ISO text.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time, timezone

from survey_app.clock import VN_TZ

MAX_FILTER = 2000
MAX_DEPTH = 40
_TOKEN = re.compile(r"""\s*(?:
    (?P<str>'(?:[^']|'')*')
  | (?P<dt>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))
  | (?P<date>\d{4}-\d{2}-\d{2})
  | (?P<num>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>[(),])
)""", re.VERBOSE)
_CMP = {"eq": "=", "ne": "<>", "gt": ">", "ge": ">=", "lt": "<", "le": "<="}
_FUNCS = {"contains", "startswith", "endswith", "tolower", "toupper"}


class ODataError(ValueError):
    """A query option the service cannot apply (answered 400 with this message)."""


def utc_text(dt: datetime) -> str:
    """A time as stored: UTC, milliseconds, Z."""
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.astimezone(timezone.utc).microsecond // 1000:03d}Z"


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ODataError(f"$filter: cannot read from position {pos}: {text[pos:pos + 20]!r}")
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str, columns: dict[str, str]) -> None:
        if len(text) > MAX_FILTER:
            raise ODataError(f"$filter longer than {MAX_FILTER} characters")
        self.toks, self.i, self.columns, self.params, self.depth = _tokens(text), 0, columns, [], 0

    def peek(self, value: str | None = None):
        if self.i >= len(self.toks):
            return None
        tok = self.toks[self.i]
        return tok if value is None or tok[1] == value else None

    def take(self, value: str | None = None):
        tok = self.peek(value)
        if tok is None:
            raise ODataError(f"$filter: expected {value or 'more'} at the end" if self.i >= len(self.toks)
                             else f"$filter: expected {value!r}, found {self.toks[self.i][1]!r}")
        self.i += 1
        return tok

    def parse(self) -> str:
        sql = self.expr()
        if self.i != len(self.toks):
            raise ODataError(f"$filter: unexpected {self.toks[self.i][1]!r}")
        return sql

    def expr(self) -> str:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ODataError("$filter nested too deeply")
        left = self.conj()
        while self.peek("or"):
            self.take()
            left = f"({left} OR {self.conj()})"
        self.depth -= 1
        return left

    def conj(self) -> str:
        left = self.neg()
        while self.peek("and"):
            self.take()
            left = f"({left} AND {self.neg()})"
        return left

    def neg(self) -> str:
        if self.peek("not"):
            self.take()
            return f"(NOT {self.neg()})"
        return self.comparison()

    def comparison(self) -> str:
        left = self.operand()
        tok = self.peek()
        if tok and tok[0] == "name" and tok[1] in _CMP:
            self.take()
            right = self.operand()
            return self._compare(left, _CMP[tok[1]], right)
        if left[0] != "bool":
            raise ODataError("$filter: a comparison (eq, ne, gt, ge, lt, le) is needed")
        return left[1]

    def _compare(self, left, op, right) -> str:
        if right[0] == "null" or left[0] == "null":
            other = left if right[0] == "null" else right
            if op not in ("=", "<>"):
                raise ODataError("$filter: null can only be compared with eq or ne")
            return f"({other[1]} IS {'NOT ' if op == '<>' else ''}NULL)"
        return f"({left[1]} {op} {right[1]})"

    def _param(self, value) -> str:
        self.params.append(value)
        return "?"

    def operand(self):
        kind, value = self.take()
        if kind == "punct" and value == "(":
            inner = self.expr()
            self.take(")")
            return ("bool", inner)
        if kind == "str":
            return ("value", self._param(value[1:-1].replace("''", "'")))
        if kind == "num":
            return ("value", self._param(float(value) if any(c in value for c in ".eE") else int(value)))
        if kind == "dt":
            try:
                dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                raise ODataError(f"$filter: not a valid time: {value}") from None
            return ("value", self._param(utc_text(dt)))
        if kind == "date":
            try:  # a date means its start, Vietnam time (as the desktop's export filters)
                day = date.fromisoformat(value)
            except ValueError:
                raise ODataError(f"$filter: not a valid date: {value}") from None
            return ("value", self._param(utc_text(datetime.combine(day, time(0), VN_TZ))))
        if kind == "name":
            return self._name(value)
        raise ODataError(f"$filter: unexpected {value!r}")

    def _name(self, value: str):
        if value in ("true", "false"):
            return ("value", self._param(value == "true"))
        if value == "null":
            return ("null", "NULL")
        if value in _FUNCS and self.peek("("):
            return self._function(value)
        if value not in self.columns:
            raise ODataError(f"$filter: no property {value!r} (see $metadata)")
        return ("column", value)

    def _function(self, name: str):
        self.take("(")
        args = [self.operand()]
        while self.peek(","):
            self.take()
            args.append(self.operand())
        self.take(")")
        if name in ("tolower", "toupper"):
            if len(args) != 1:
                raise ODataError(f"$filter: {name} takes one argument")
            return ("value", f"{'lower' if name == 'tolower' else 'upper'}({args[0][1]})")
        if len(args) != 2:
            raise ODataError(f"$filter: {name} takes two arguments")
        pattern = {"contains": "'%' || {} || '%'", "startswith": "{} || '%'", "endswith": "'%' || {}"}[name]
        return ("bool", f"({args[0][1]} LIKE {pattern.format(args[1][1])})")


def to_sql(text: str, columns: dict[str, str]) -> tuple[str, list]:
    """(SQL condition with ? placeholders, parameters) of a $filter over `columns` (name -> kind)."""
    p = _Parser(text, columns)
    return p.parse(), p.params


def order_sql(text: str, columns: dict[str, str]) -> str:
    """ORDER BY list of a $orderby (the stable order `_seq` is appended)."""
    parts = []
    for item in text.split(","):
        words = item.split()
        if not words or len(words) > 2 or words[0] not in columns or (len(words) == 2 and words[1] not in ("asc", "desc")):
            raise ODataError(f"$orderby: cannot sort by {item.strip()!r}")
        desc = len(words) == 2 and words[1] == "desc"  # OData: nulls first ascending, last descending
        parts.append(f"{words[0]} {'DESC NULLS LAST' if desc else 'ASC NULLS FIRST'}")
    return ", ".join(parts + ["_seq"])
