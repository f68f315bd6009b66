"""numpy helpers of the hexagon summaries."""
from __future__ import annotations

import numpy as np


def unique_inverse(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(x, return_inverse=True) of a 1-D array, with a flat inverse.

    Samples arrive in the order they were taken, so the same grid square, cell or session comes in long runs:
    only the first value of each run is sorted (one sort of millions of values becomes one of thousands).
    """
    x = np.asarray(x).ravel()
    if len(x) == 0:
        return x[:0], np.zeros(0, dtype=np.intp)
    starts = np.flatnonzero(np.concatenate([[True], x[1:] != x[:-1]]))
    if len(starts) > len(x) // 2:      # few repeats: sorting the runs saves nothing
        uniq, inv = np.unique(x, return_inverse=True)
        return uniq, inv.ravel()
    uniq, inv = np.unique(x[starts], return_inverse=True)
    return uniq, np.repeat(inv.ravel(), np.diff(np.append(starts, len(x))))
