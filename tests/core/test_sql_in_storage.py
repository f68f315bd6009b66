"""SQL lives in survey_app/storage: no SQL text and no execute() call anywhere else in the package."""
from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "survey_app"

# Declared exceptions (path prefixes under survey_app/, with why).
EXCEPTIONS = {
    "storage/": "the app's storage layer: the one place for SQL",
    "central/": "the reference receiver, a separate service with its own database back ends",
    "qt/_generated/": "uic/rcc output",
}

SQL = re.compile(r"\b(SELECT\s+(\*|DISTINCT|count|[\w.\[\]]+\s*(,|FROM))|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+[\w\[\]]+\s+SET"
                 r"|DELETE\s+FROM|(CREATE|DROP)\s+(TEMP\s+)?(TABLE|INDEX|VIEW|TRIGGER)|ALTER\s+TABLE|PRAGMA\s+\w+"
                 r"|^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b)")
CALLS = {"execute", "executemany", "executescript"}


def _core_files() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py"))
            if not any(p.relative_to(PACKAGE).as_posix().startswith(e) for e in EXCEPTIONS)]


def _strings(tree: ast.AST, skip: frozenset = frozenset()):
    """(line, text) of every string literal (f-strings with their holes as 'x'), docstrings in `skip` left out."""
    parts = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    for node in ast.walk(tree):
        if id(node) in skip or id(node) in parts:
            continue
        if isinstance(node, ast.JoinedStr):
            yield node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def _findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = frozenset(id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CALLS:
            out.append(f"{node.lineno}: .{node.func.attr}(...)")
    for line, text in _strings(tree, docstrings):
        if SQL.search(text):
            out.append(f"{line}: {text.strip()[:60]!r}")
    return out


def test_the_check_sees_sql():
    sample = ast.parse('q = "SELECT id FROM t"\nf"INSERT INTO [{t}] (a) VALUES (?)"\ndb.execute(q)\n'
                       '"PRAGMA foreign_keys = OFF"\n"Select a unit"\n"BEGIN IMMEDIATE"\n')
    found = [text for _line, text in _strings(sample) if SQL.search(text)]
    assert len(found) == 4 and not any("Select a unit" in f for f in found)


def test_no_sql_outside_storage():
    files = _core_files()
    assert len(files) > 80 and any(p.name == "bundle_import.py" for p in files)
    bad = {str(p.relative_to(PACKAGE)): f for p in files if (f := _findings(p))}
    assert bad == {}, "move these into survey_app/storage: " + repr(bad)
