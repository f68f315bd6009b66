"""Evaluate parsed XLSForm/XPath expressions against answers (XPath 1.0 conversions and comparisons)."""
from __future__ import annotations

import math
from datetime import date, datetime, timezone
from typing import Any, Protocol

from survey_app.forms.expr import ExprError
from survey_app.i18n import _


class Env(Protocol):
    """What an expression reads: field values, the current value, the repeat position, choice columns."""

    def lookup(self, name: str) -> Any: ...
    def current(self) -> Any: ...
    def position(self) -> int: ...
    def column(self, name: str) -> Any: ...


class Nodeset(list):
    """Values of a field across repeat instances (what ${x} gives outside x's repeat)."""


def evaluate(node, env: Env) -> Any:
    """Evaluate an AST; values are str, float, bool, list (select_multiple) or Nodeset."""
    try:
        return _eval(node, env)
    except ExprError:
        raise
    except (ArithmeticError, ValueError, TypeError, RecursionError) as exc:  # defensive: keep one error type
        raise ExprError(_("The expression could not be computed ({detail}).").format(detail=exc)) from exc


def to_number(v: Any) -> float:
    """XPath number(): NaN when not a number."""
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, Nodeset):
        return to_number(v[0]) if v else math.nan
    if isinstance(v, list):
        return to_number(" ".join(map(to_string, v)))
    if v is None:
        return math.nan
    try:
        return float(str(v).strip())
    except ValueError:
        return math.nan


def to_string(v: Any) -> str:
    """XPath string(): integral numbers without '.0'; lists space-separated."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        f = float(v)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "Infinity" if f > 0 else "-Infinity"
        if f.is_integer() and abs(f) < 1e16:
            return str(int(f))
        return repr(f)
    if isinstance(v, Nodeset):
        return to_string(v[0]) if v else ""
    if isinstance(v, list):
        return " ".join(to_string(x) for x in v)
    return str(v)


def to_bool(v: Any) -> bool:
    """XPath boolean()."""
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return not (v == 0 or math.isnan(v))
    if isinstance(v, list):
        return len(v) > 0
    return v is not None and str(v) != ""


def _compare(op: str, a: Any, b: Any) -> bool:
    if isinstance(a, Nodeset) or isinstance(b, Nodeset):
        left = a if isinstance(a, Nodeset) else [a]
        right = b if isinstance(b, Nodeset) else [b]
        return any(_compare(op, x, y) for x in left for y in right)
    if op in ("=", "!="):
        if isinstance(a, bool) or isinstance(b, bool):
            eq = to_bool(a) == to_bool(b)
        elif isinstance(a, (int, float)) or isinstance(b, (int, float)):
            eq = to_number(a) == to_number(b)
        else:
            eq = to_string(a) == to_string(b)
        return eq if op == "=" else not eq
    x, y = to_number(a), to_number(b)
    return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]


def _arith(op: str, a: Any, b: Any) -> float:
    x, y = to_number(a), to_number(b)
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if op == "div":
        if y == 0:
            return math.nan if x == 0 or math.isnan(x) else math.copysign(math.inf, x) * math.copysign(1, y)
        return x / y
    if y == 0 or math.isinf(x) or math.isnan(y):
        return math.nan
    return math.fmod(x, y)


def _eval(node, env: Env) -> Any:
    kind = node[0]
    if kind in ("num", "str"):
        return node[1]
    if kind == "ref":
        return env.lookup(node[1])
    if kind == "cur":
        return env.current()
    if kind == "name":
        return env.column(node[1])
    if kind == "parent":
        raise ExprError(_("“..” can only be used inside position()."))
    if kind == "neg":
        return -to_number(_eval(node[1], env))
    if kind == "bin":
        op = node[1]
        if op == "and":
            return to_bool(_eval(node[2], env)) and to_bool(_eval(node[3], env))
        if op == "or":
            return to_bool(_eval(node[2], env)) or to_bool(_eval(node[3], env))
        a, b = _eval(node[2], env), _eval(node[3], env)
        if op in ("=", "!=", "<", "<=", ">", ">="):
            return _compare(op, a, b)
        return _arith(op, a, b)
    if kind == "call":
        return _call(node[1], node[2], env)
    raise ExprError(_("The expression could not be computed ({detail}).").format(detail=kind))


def _items(v: Any) -> list[str]:
    if isinstance(v, list):
        return [to_string(x) for x in v]
    return [x for x in to_string(v).split() if x]


def _call(name: str, args: tuple, env: Env) -> Any:
    if name == "if":
        return _eval(args[1], env) if to_bool(_eval(args[0], env)) else _eval(args[2], env)
    if name == "position":
        return float(env.position())
    if name == "today":
        return date.today().isoformat()
    if name == "now":
        return datetime.now(timezone.utc).isoformat(timespec="seconds")
    if name in ("true", "false"):
        return name == "true"
    fn = _FUNCTIONS.get(name)
    if fn is None:
        raise ExprError(_("The function {name}() at position {pos} is not supported.").format(name=name, pos="?"))
    return fn([_eval(a, env) for a in args])


def _count(v: Any) -> float:
    if isinstance(v, Nodeset):
        return float(len(v))
    return 0.0 if v is None or v == "" else 1.0


def _int(v: Any) -> float:
    n = to_number(v)
    return n if math.isnan(n) or math.isinf(n) else float(math.trunc(n))


def _sum(v: Any) -> float:
    return sum((to_number(x) for x in v), 0.0) if isinstance(v, Nodeset) else to_number(v)


def _extreme(pick, vals: list) -> float:
    nums: list[float] = []
    for v in vals:
        nums.extend(to_number(x) for x in v) if isinstance(v, Nodeset) else nums.append(to_number(v))
    if not nums or any(math.isnan(n) for n in nums):
        return math.nan
    return pick(nums)


def _round(vals: list) -> float:
    x = to_number(vals[0])
    digits = to_number(vals[1]) if len(vals) > 1 else 0.0
    if math.isnan(x) or math.isinf(x) or math.isnan(digits) or abs(digits) > 15:
        return x if not math.isnan(digits) else math.nan
    return float(round(x, int(digits)))


# Functions of their evaluated arguments.
_FUNCTIONS = {
    "selected": lambda vals: to_string(vals[1]).strip() in _items(vals[0]),
    "count-selected": lambda vals: float(len(_items(vals[0]))),
    "count": lambda vals: _count(vals[0]),
    "coalesce": lambda vals: vals[0] if to_string(vals[0]) != "" else vals[1],
    "string-length": lambda vals: float(len(to_string(vals[0]))),
    "not": lambda vals: not to_bool(vals[0]),
    "boolean": lambda vals: to_bool(vals[0]),
    "number": lambda vals: to_number(vals[0]),
    "int": lambda vals: _int(vals[0]),
    "string": lambda vals: to_string(vals[0]),
    "concat": lambda vals: "".join(to_string(v) for v in vals),
    "sum": lambda vals: _sum(vals[0]),
    "min": lambda vals: _extreme(min, vals),
    "max": lambda vals: _extreme(max, vals),
    "round": _round,
    "contains": lambda vals: to_string(vals[1]) in to_string(vals[0]),
    "starts-with": lambda vals: to_string(vals[0]).startswith(to_string(vals[1])),
}
