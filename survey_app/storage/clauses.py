"""WHERE and LIMIT clauses of the storage modules' list queries, values always passed as parameters."""
from __future__ import annotations

from typing import Any


def equal_to(columns: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """`column = ?` conditions with their parameters, for the columns given a value (None or empty: no condition)."""
    given = {c: v for c, v in columns.items() if v}
    return [f"{c} = ?" for c in given], list(given.values())


def where(conditions: list[str]) -> str:
    """` WHERE a AND b`, or nothing without conditions."""
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def limit(n: int | None) -> str:
    """` LIMIT n`, or nothing without a limit."""
    return f" LIMIT {int(n)}" if n else ""
