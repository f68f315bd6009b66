"""Dependencies between fields: what each expression reads, cycles, and the evaluation order."""
from __future__ import annotations

import heapq
import re

from survey_app.forms import expr

EXPRESSION_COLUMNS = ("relevant", "constraint", "calculation", "required", "read_only", "choice_filter")
LABEL_REF = re.compile(r"\$\{([^}]*)\}")


def field_references(field: dict) -> set[str]:
    """Names a field's expressions (and label/hint ${...}) read; unparsable ones count as none."""
    refs: set[str] = set()
    for col in EXPRESSION_COLUMNS:
        if field.get(col):
            try:
                refs |= expr.references(expr.parse(field[col]))
            except expr.ExprError:
                pass
    return refs


def find_cycle(fields: list[dict]) -> list[str] | None:
    """A dependency cycle among calculations/conditions, or None."""
    deps = {f["name"]: field_references(f) - {f["name"]} for f in fields}
    state: dict[str, int] = {}
    for start in deps:
        if state.get(start):
            continue
        stack = [(start, iter(sorted(deps[start])))]
        path = [start]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            if nxt not in deps:
                continue
            if state.get(nxt) == 1:
                return path[path.index(nxt):]
            if not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(sorted(deps[nxt]))))
    return None


def build_graph(fields: list[dict], index: dict[str, int]) -> tuple[dict[int, set[int]], dict[int, int], set[int]]:
    """(dependents of each field, topological rank, fields whose texts show ${...} values)."""
    deps: dict[int, set[int]] = {}
    dependents: dict[int, set[int]] = {i: set() for i in range(len(fields))}
    shows_values: set[int] = set()
    for i, f in enumerate(fields):
        shown = {m.strip() for col in ("label", "hint", "constraint_message")
                 for text in (f.get(col) or {}).values() for m in LABEL_REF.findall(text)}
        if shown:
            shows_values.add(i)
        d = {index[n] for n in field_references(f) | shown if n in index} - {i}
        if f.get("parent"):
            d.add(index[f["parent"]])   # relevance is inherited from the group or repeat
        deps[i] = d
        for j in d:
            dependents[j].add(i)
    # Kahn's algorithm, ties broken by form order (a cycle was refused by the checker)
    indeg = {i: len(d) for i, d in deps.items()}
    ready = [i for i, n in indeg.items() if n == 0]
    heapq.heapify(ready)
    rank: dict[int, int] = {}
    while ready:
        i = heapq.heappop(ready)
        rank[i] = len(rank)
        for j in dependents[i]:
            indeg[j] -= 1
            if indeg[j] == 0:
                heapq.heappush(ready, j)
    for i in range(len(fields)):
        rank.setdefault(i, len(rank))
    return dependents, rank, shows_values
