"""Parser and evaluator for the XLSForm/XPath expression subset (never eval()).

`parse(text)` gives an AST of tuples; `evaluate(node, env)` computes it against answers; `references(node)`
lists the `${field}` names it reads. Only ExprError (a UserError) escapes either function.
"""
from __future__ import annotations

import math
import re
from datetime import date, datetime, timezone
from typing import Any, Protocol

from survey_app.errors import UserError
from survey_app.i18n import _

MAX_DEPTH = 60          # nesting limit: keeps hostile input away from Python's recursion limit
MAX_LENGTH = 4000


class ExprError(UserError):
    """An expression that cannot be parsed or evaluated; `pos` is the 0-based character offset or -1."""

    def __init__(self, message: str, pos: int = -1) -> None:
        super().__init__(message)
        self.pos = pos


_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<ref>\$\{(?P<refname>[^}]*)\})
  | (?P<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)
  | (?P<str>'[^']*'|"[^"]*")
  | (?P<op><=|>=|!=|\.\.|[=<>+\-*(),.])
  | (?P<name>[A-Za-z_][A-Za-z0-9_.:\-]*)
""", re.VERBOSE)

_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")

# name -> (min args, max args or None)
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "selected": (2, 2), "count-selected": (1, 1), "count": (1, 1), "if": (3, 3), "coalesce": (2, 2),
    "string-length": (1, 1), "today": (0, 0), "now": (0, 0), "position": (0, 1), "not": (1, 1),
    "true": (0, 0), "false": (0, 0), "number": (1, 1), "int": (1, 1), "string": (1, 1),
    "concat": (1, None), "sum": (1, 1), "round": (1, 2), "contains": (2, 2), "starts-with": (2, 2),
    "boolean": (1, 1), "min": (1, None), "max": (1, None),
}

# binding powers of infix operators
_INFIX = {"or": 1, "and": 2, "=": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4,
          "+": 5, "-": 5, "*": 6, "div": 6, "mod": 6}


def tokenize(text: str) -> list[tuple[str, Any, int, str]]:
    """Tokens (kind, value, offset, source text) of an expression; kinds: num, str, ref, op, name, end."""
    if len(text) > MAX_LENGTH:
        raise ExprError(_("The expression is too long ({n} characters).").format(n=len(text)), 0)
    out: list[tuple[str, Any, int, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None and text[pos] in "‘’“”":
            raise ExprError(_("Typographic quote “{char}” at position {pos}: use straight quotes ' or \".").format(
                char=text[pos], pos=pos + 1), pos)
        if m is None:
            raise ExprError(_("Unexpected character “{char}” at position {pos}.").format(
                char=text[pos], pos=pos + 1), pos)
        kind = m.lastgroup
        if kind == "refname":
            kind = "ref"
        if kind == "ref":
            name = m.group("refname").strip()
            if not _NAME_RE.match(name):
                raise ExprError(_("“${{{name}}}” at position {pos} is not a valid field reference.").format(
                    name=name, pos=pos + 1), pos)
            out.append(("ref", name, pos, m.group()))
        elif kind == "num":
            out.append(("num", float(m.group()), pos, m.group()))
        elif kind == "str":
            out.append(("str", m.group()[1:-1], pos, m.group()))
        elif kind in ("op", "name"):
            tok = m.group()
            if kind == "name" and tok in ("and", "or", "div", "mod"):
                out.append(("op", tok, pos, tok))
            else:
                out.append((kind, tok, pos, tok))
        pos = m.end()
    out.append(("end", None, len(text), ""))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> tuple[str, Any, int, str]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, Any, int, str]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, value: str) -> None:
        kind, val, pos, _raw = self.take()
        if kind != "op" or val != value:
            raise ExprError(_("Expected “{want}” at position {pos}.").format(want=value, pos=pos + 1), pos)

    def expression(self, min_bp: int = 0):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(_("The expression is nested too deeply."), self.peek()[2])
        left = self.prefix()
        while True:
            kind, val, pos, _raw = self.peek()
            # a bare name in operator position is only an operator when it is one of the XPath words
            if kind != "op" or val not in _INFIX or _INFIX[val] <= min_bp:
                break
            self.take()
            right = self.expression(_INFIX[val])
            left = ("bin", val, left, right)
        self.depth -= 1
        return left

    def prefix(self):
        kind, val, pos, raw = self.take()
        if kind == "num":
            return ("num", val)
        if kind == "str":
            return ("str", val)
        if kind == "ref":
            return ("ref", val)
        if kind == "op" and val == "-":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExprError(_("The expression is nested too deeply."), pos)
            node = ("neg", self.prefix())
            self.depth -= 1
            return node
        if kind == "op" and val == ".":
            return ("cur",)
        if kind == "op" and val == "..":
            return ("parent",)
        if kind == "op" and val == "(":
            node = self.expression()
            self.expect(")")
            return node
        if kind == "name":
            if self.peek()[0] == "op" and self.peek()[1] == "(":
                return self.call(val, pos)
            return ("name", val)
        if kind == "end":
            raise ExprError(_("The expression ends too early."), pos)
        raise ExprError(_("Unexpected “{token}” at position {pos}.").format(token=raw, pos=pos + 1), pos)

    def call(self, fname: str, pos: int):
        if fname not in FUNCTIONS:
            raise ExprError(_("The function {name}() at position {pos} is not supported.").format(
                name=fname, pos=pos + 1), pos)
        self.expect("(")
        args = []
        if not (self.peek()[0] == "op" and self.peek()[1] == ")"):
            while True:
                args.append(self.expression())
                if self.peek()[0] == "op" and self.peek()[1] == ",":
                    self.take()
                    continue
                break
        self.expect(")")
        lo, hi = FUNCTIONS[fname]
        if len(args) < lo or (hi is not None and len(args) > hi):
            raise ExprError(_("The function {name}() at position {pos} takes {want} arguments, not {got}.").format(
                name=fname, pos=pos + 1, want=lo if hi == lo else f"{lo}–{hi if hi is not None else '…'}",
                got=len(args)), pos)
        if fname == "position" and args and args[0] != ("parent",):
            raise ExprError(_("position() only takes “..” as its argument."), pos)
        return ("call", fname, tuple(args))


def parse(text: str):
    """The AST of an expression, or ExprError saying where it is wrong."""
    if not isinstance(text, str) or not text.strip():
        raise ExprError(_("The expression is empty."), 0)
    p = _Parser(text)
    node = p.expression()
    kind, _val, pos, raw = p.peek()
    if kind != "end":
        raise ExprError(_("Unexpected “{token}” at position {pos}.").format(token=raw, pos=pos + 1), pos)
    return node


def references(node) -> set[str]:
    """The `${field}` names an AST reads."""
    out: set[str] = set()
    _walk(node, lambda n: out.add(n[1]) if n[0] == "ref" else None)
    return out


def bare_names(node) -> set[str]:
    """Bare names (choice-sheet columns in a choice_filter)."""
    out: set[str] = set()
    _walk(node, lambda n: out.add(n[1]) if n[0] == "name" else None)
    return out


def uses(node, kind: str) -> bool:
    """Whether the AST has a node of this kind ('cur', 'parent', ...) or calls this function."""
    found = []
    _walk(node, lambda n: found.append(1) if n[0] == kind or (n[0] == "call" and n[1] == kind) else None)
    return bool(found)


def _walk(node, fn) -> None:
    stack = [node]
    while stack:
        n = stack.pop()
        fn(n)
        if n[0] == "bin":
            stack.extend((n[2], n[3]))
        elif n[0] == "neg":
            stack.append(n[1])
        elif n[0] == "call":
            stack.extend(n[2])


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
    if name == "true":
        return True
    if name == "false":
        return False
    vals = [_eval(a, env) for a in args]
    if name == "selected":
        return to_string(vals[1]).strip() in _items(vals[0])
    if name == "count-selected":
        return float(len(_items(vals[0])))
    if name == "count":
        v = vals[0]
        if isinstance(v, Nodeset):
            return float(len(v))
        return 0.0 if v is None or v == "" else 1.0
    if name == "coalesce":
        return vals[0] if to_string(vals[0]) != "" else vals[1]
    if name == "string-length":
        return float(len(to_string(vals[0])))
    if name == "not":
        return not to_bool(vals[0])
    if name == "boolean":
        return to_bool(vals[0])
    if name == "number":
        return to_number(vals[0])
    if name == "int":
        n = to_number(vals[0])
        return n if math.isnan(n) or math.isinf(n) else float(math.trunc(n))
    if name == "string":
        return to_string(vals[0])
    if name == "concat":
        return "".join(to_string(v) for v in vals)
    if name == "sum":
        v = vals[0]
        return sum((to_number(x) for x in v), 0.0) if isinstance(v, Nodeset) else to_number(v)
    if name in ("min", "max"):
        nums = []
        for v in vals:
            nums.extend(to_number(x) for x in v) if isinstance(v, Nodeset) else nums.append(to_number(v))
        if not nums or any(math.isnan(n) for n in nums):
            return math.nan
        return min(nums) if name == "min" else max(nums)
    if name == "round":
        x = to_number(vals[0])
        digits = to_number(vals[1]) if len(vals) > 1 else 0.0
        if math.isnan(x) or math.isinf(x) or math.isnan(digits) or abs(digits) > 15:
            return x if not math.isnan(digits) else math.nan
        return float(round(x, int(digits)))
    if name == "contains":
        return to_string(vals[1]) in to_string(vals[0])
    if name == "starts-with":
        return to_string(vals[0]).startswith(to_string(vals[1]))
    raise ExprError(_("The function {name}() at position {pos} is not supported.").format(name=name, pos="?"))
