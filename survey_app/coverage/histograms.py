"""Sparse fixed-bin histograms: how hexagon medians and 10th percentiles stay incremental and mergeable.

Why histograms and not exact per-cell sorted stores: a summary is kept per partition (hexagon, unit, operator,
technology, session, day) so that the date, team and status filters are answered by adding partitions. Counts
add (and subtract) exactly, in any order; sorted stores would hold every value again (as big as the readings)
and need a merge sort per query. The bins are the resolution values are shown at (0.1 dB, 0.01 Mbit/s), so a
median read from the histogram is the exact nearest-rank median of the values rounded to that resolution.

A histogram is (bins, counts): sorted unique int64 bin numbers (value x scale, rounded) and their counts.
Percentiles use the nearest-rank rule: the smallest value with at least p % of the values at or below it
(numpy's method="inverted_cdf").
"""
from __future__ import annotations

import numpy as np

# metric -> bins per unit of the value (0.1 dB for signal, 0.01 Mbit/s for rates)
SCALE = {"rsrp": 10, "sinr": 10, "down": 100, "up": 100}
METRICS = tuple(SCALE)
MISSING = -(2 ** 31)   # SQL gives this for a NULL value (it never falls in a histogram)
EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


def encode(bins: np.ndarray, counts: np.ndarray) -> bytes | None:
    """Blob of a histogram (None when empty): little-endian int64 bins then counts."""
    if len(bins) == 0:
        return None
    return np.concatenate([bins, counts]).astype("<i8").tobytes()


def decode(blob: bytes | None) -> tuple[np.ndarray, np.ndarray]:
    """(bins, counts) of a blob; a damaged blob reads as empty rather than failing a map."""
    if not blob or len(blob) % 16:
        return EMPTY
    arr = np.frombuffer(blob, dtype="<i8")
    n = len(arr) // 2
    return arr[:n].astype(np.int64), arr[n:].astype(np.int64)


def merge(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """One histogram adding several (counts of equal bins summed)."""
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    bins = np.concatenate([p[0] for p in parts])
    counts = np.concatenate([p[1] for p in parts])
    uniq, inv = np.unique(bins, return_inverse=True)
    return uniq, np.bincount(inv, weights=counts, minlength=len(uniq)).astype(np.int64)


def grouped(groups: np.ndarray, bins: np.ndarray, counts: np.ndarray | None = None):
    """Histograms of many groups at once: (group, bin, count) rows sorted by group then bin, counts added."""
    if len(bins) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
    low = int(bins.min())
    span = int(bins.max()) - low + 1
    if counts is None and (int(groups.max()) + 1) * span < 1 << 62:
        # one int64 key: a plain sort, then each run is a (group, bin) with its count
        key = np.sort(groups * span + (bins - low))
        idx = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]]))
        return key[idx] // span, key[idx] % span + low, np.diff(np.append(idx, len(key)))
    if counts is None:
        counts = np.ones(len(bins), dtype=np.int64)
    order = np.lexsort((bins, groups))
    g, b, c = groups[order], bins[order], counts[order]
    new = np.ones(len(g), dtype=bool)
    new[1:] = (g[1:] != g[:-1]) | (b[1:] != b[:-1])
    idx = np.flatnonzero(new)
    return g[idx], b[idx], np.add.reduceat(c, idx)


def encode_many(groups: np.ndarray, bins: np.ndarray, counts: np.ndarray, n: int) -> list[bytes | None]:
    """`encode` of each group's histogram from `grouped` rows (None where a group has no value), in bulk."""
    out: list[bytes | None] = [None] * n
    if len(groups) == 0:
        return out
    starts = np.flatnonzero(np.concatenate([[True], groups[1:] != groups[:-1]]))
    ends = np.append(starts[1:], len(groups))
    # blob of rows [s, e) = bins then counts, at buf[2s:2e]: bin i goes to s + i, its count to e + i
    i = np.arange(len(groups))
    buf = np.empty(2 * len(groups), dtype="<i8")
    buf[np.repeat(starts, ends - starts) + i] = bins
    buf[np.repeat(ends, ends - starts) + i] = counts
    raw = buf.tobytes()
    for g, s, e in zip(groups[starts].tolist(), (starts * 16).tolist(), (ends * 16).tolist()):
        out[g] = raw[s:e]
    return out


def percentiles(groups: np.ndarray, bins: np.ndarray, counts: np.ndarray, n_groups: int,
                pcts=(50, 10)) -> list[np.ndarray]:
    """Nearest-rank percentiles (in bin numbers, as float; NaN for a group without values) of grouped rows.

    The rows must be sorted by group then bin (as `grouped` returns them).
    """
    out = [np.full(n_groups, np.nan) for _p in pcts]
    if len(bins) == 0:
        return out
    totals = np.bincount(groups, weights=counts, minlength=n_groups).astype(np.int64)
    cum = np.cumsum(counts)
    before = np.concatenate([[0], np.cumsum(totals)[:-1]])
    have = totals > 0
    for k, p in enumerate(pcts):
        rank = np.maximum(1, (p * totals + 99) // 100)          # ceil(p/100 x n) in integers
        pos = np.searchsorted(cum, before + rank, side="left")
        pos = np.minimum(pos, len(bins) - 1)
        out[k][have] = bins[pos[have]]
    return out


def nearest_rank(values, p: int) -> float:
    """The direct calculation (sorting the values) that the histograms must agree with."""
    v = np.sort(np.asarray(values, dtype=float))
    if len(v) == 0:
        return float("nan")
    return float(v[max(1, (p * len(v) + 99) // 100) - 1])
