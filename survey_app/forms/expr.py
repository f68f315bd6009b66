"""Tokenizer and parser for the XLSForm/XPath expression subset (never eval()).

`parse(text)` gives an AST of tuples; `references(node)` lists the `${field}` names it reads;
`survey_app.forms.evaluator.evaluate(node, env)` computes it. Only ExprError (a UserError) escapes either.
"""
from __future__ import annotations

import re
from typing import Any

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
