"""WHERE and LIMIT clauses of the storage modules' list queries, values always passed as parameters."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from survey_app.clock import utc_bound


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


def in_list(column: str, values) -> str:
    """`column IN (?, ?, …)` for as many values (pass them as parameters)."""
    return f"{column} IN ({','.join('?' * len(values))})"


def day_range(column: str, filters) -> tuple[list[str], list[Any]]:
    """Conditions on a UTC time column for the filters' date_from/date_to, whole Vietnam days."""
    conditions, params = [], []
    if filters.date_from:
        conditions.append(f"{column} >= ?")
        params.append(utc_bound(filters.date_from))
    if filters.date_to:
        conditions.append(f"{column} < ?")
        params.append(utc_bound(filters.date_to + timedelta(days=1)))
    return conditions, params


def session_rules(filters, alias: str = "") -> tuple[list[str], list[Any]]:
    """Conditions on the sessions table (columns prefixed with `alias`, e.g. "s.") for the filters' teams and
    status."""
    rules, params = [], []
    if filters.teams:
        rules.append(in_list(f"{alias}team_name", filters.teams))
        params += list(filters.teams)
    if filters.status == "approved":
        rules.append(f"{alias}status = 'approved'")
    return rules, params
