"""Partition rows of a batch of samples, in bulk: grouped by one sort of one int64 key per resolution.

A partition is (resolution, hexagon, unit, operator, technology, session, local day) with its counts, newest
sample and four histograms (survey_app.coverage.histograms). A sample's unit does not depend on the resolution
(it is the boundary the point lies in), and its resolution-8 cell is the parent of its resolution-9 cell.
"""
from __future__ import annotations

import numpy as np

from survey_app.coverage import histograms as hg
from survey_app.coverage.arrays import unique_inverse
from survey_app.coverage.cells import RESOLUTIONS, parents

VN_OFFSET_S = 7 * 3600
_KEY_LIMIT = 1 << 62


def group_rows(columns: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(order, starts): the rows sorted by the columns (first column first), and where each group begins in
    that order. The columns are non-negative int64 except the first, which may be anything."""
    n = len(columns[0])
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    first, inv = unique_inverse(columns[0])
    key, span = inv.astype(np.int64), len(first)
    for col in columns[1:]:
        radix = int(col.max()) + 1
        if span * radix >= _KEY_LIMIT:          # too many combinations for one int64: sort by the columns
            order = np.lexsort(columns[::-1])
            s = np.column_stack(columns)[order]
            return order, np.flatnonzero(np.concatenate([[True], (s[1:] != s[:-1]).any(axis=1)]))
        key, span = key * radix + col, span * radix
    order = np.argsort(key, kind="stable")
    ks = key[order]
    return order, np.flatnonzero(np.concatenate([[True], ks[1:] != ks[:-1]]))


def aggregate(a: dict, signal: bool, cell9: np.ndarray, unit: np.ndarray, codes: list[str],
              session_ids: list[str]) -> list[tuple]:
    """Partition rows (storage.coverage.PARTITION_COLUMNS order) of samples at both resolutions.

    `a` holds int64 columns op, tech, sess, flag, epoch, v1, v2 and the name lists ops, techs; `unit` indexes
    `codes`, `sess` indexes `session_ids` ('' beyond it)."""
    day = (a["epoch"] + VN_OFFSET_S) // 86400
    day_col = day - (int(day.min()) if len(day) else 0)
    out: list[tuple] = []
    for res in RESOLUTIONS:
        cell = cell9 if res == max(RESOLUTIONS) else parents(cell9, res)
        order, starts = group_rows([cell, unit, a["op"], a["tech"], a["sess"], day_col])
        n = len(starts)
        if n == 0:
            return out
        new = np.zeros(len(order), dtype=bool)
        new[starts] = True
        group = np.empty(len(order), dtype=np.int64)
        group[order] = np.cumsum(new) - 1
        count = np.diff(np.append(starts, len(order)))
        flag = np.add.reduceat(a["flag"][order], starts)
        newest = np.maximum.reduceat(a["epoch"][order], starts)
        head = order[starts]
        blobs = {}
        for metric, col in zip(("rsrp", "sinr") if signal else ("down", "up"), ("v1", "v2")):
            ok = a[col] != hg.MISSING
            blobs[metric] = hg.encode_many(*hg.grouped(group[ok], a[col][ok]), n)
        none = [None] * n
        sess = a["sess"][head].tolist()
        zeros = [0] * n
        counts = count.tolist()
        out += zip([res] * n, cell[head].tolist(), [codes[u] for u in unit[head].tolist()],
                   [a["ops"][o] for o in a["op"][head].tolist()], [a["techs"][t] for t in a["tech"][head].tolist()],
                   [session_ids[s] if s < len(session_ids) else "" for s in sess], day[head].tolist(),
                   counts if signal else zeros, flag.tolist() if signal else zeros, zeros if signal else counts,
                   newest.tolist(), *(blobs.get(m, none) for m in hg.METRICS))
    return out
