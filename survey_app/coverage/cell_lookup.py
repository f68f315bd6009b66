"""H3 cells of many points at once, with the same answer as one `h3.latlng_to_cell` call per point.

h3-py looks up one point per call (about 2 µs from Python): two million readings cost seconds. Most points lie
well inside the cell of a nearby point, so: snap the points to a grid of squares much smaller than a cell, look
up the cell of each square's centre once, and test in numpy whether each point lies inside that cell's hexagon
(the six sides are great-circle arcs: H3's gnomonic faces map them to straight lines). Points outside go on to
a finer grid; what is still undecided (within millimetres of a side, or a cell across an icosahedron edge, or
a pentagon) is looked up one by one. The answer is therefore H3's own for every point.
"""
from __future__ import annotations

import h3
import numpy as np

from survey_app.coverage.arrays import unique_inverse

_api = h3.api.numpy_int
EDGE_MARGIN = 1e-9       # radians (about 6 mm): points nearer a side than this are looked up one by one
GRID_STEPS = (4, 32)     # squares of edge/4, then edge/32, before the one-by-one look-up
_SIMPLE_MIN = 64         # fewer points than this: look each up directly


def cells_of(lats: np.ndarray, lons: np.ndarray, res: int) -> np.ndarray:
    """H3 cell (int64) of each point at `res`."""
    lats, lons = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
    out = np.zeros(len(lats), dtype=np.int64)
    todo = np.arange(len(lats))
    if len(lats) >= _SIMPLE_MIN and np.isfinite(lats).all() and np.isfinite(lons).all():
        xyz = _unit_vectors(lats, lons)
        edge_deg = h3.average_hexagon_edge_length(res, "km") / 111.0
        for step in GRID_STEPS:
            if len(todo) < _SIMPLE_MIN:
                break
            found, cell = _inside_square_cell(lats[todo], lons[todo], xyz[todo], res, edge_deg / step)
            out[todo[found]] = cell[found]
            todo = todo[~found]
    out[todo] = _one_by_one(lats[todo], lons[todo], res)
    return out


def _one_by_one(lats: np.ndarray, lons: np.ndarray, res: int) -> np.ndarray:
    """The direct look-up, once per distinct position."""
    if len(lats) == 0:
        return np.zeros(0, dtype=np.int64)
    # one complex number per position: a single flat sort (np.unique with axis=0 is many times slower)
    uniq, inv = unique_inverse(lats + 1j * lons)
    cells = np.fromiter((_api.latlng_to_cell(z.real, z.imag, res) for z in uniq.tolist()), dtype=np.uint64,
                        count=len(uniq))
    return cells.astype(np.int64)[inv.ravel()]


def _unit_vectors(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    la, lo = np.radians(lats), np.radians(lons)
    c = np.cos(la)
    return np.column_stack([c * np.cos(lo), c * np.sin(lo), np.sin(la)])


def _inside_square_cell(lats, lons, xyz, res: int, step: float) -> tuple[np.ndarray, np.ndarray]:
    """(whether each point is surely inside the cell of its grid square's centre, that cell)."""
    qi, qj = np.floor(lats / step).astype(np.int64), np.floor(lons / step).astype(np.int64)
    squares, inv = unique_inverse(qi * (1 << 32) + qj)
    if len(squares) > len(lats) // 4:      # scattered points: as many squares as points, nothing to gain
        return np.zeros(len(lats), dtype=bool), np.zeros(len(lats), dtype=np.int64)
    cj = squares & 0xFFFFFFFF
    cj = np.where(cj >= 1 << 31, cj - (1 << 32), cj)      # west of Greenwich the column is negative
    ci = (squares - cj) >> 32
    centres = _one_by_one((ci + 0.5) * step, (cj + 0.5) * step, res)
    cand, cinv = unique_inverse(centres)
    normals, usable = _side_normals(cand.tolist())
    point_cell = cinv.ravel()[inv.ravel()]
    inside = usable[point_cell]
    for k in range(6):
        inside &= np.einsum("ij,ij->i", xyz, normals[point_cell, k]) > EDGE_MARGIN
    return inside, cand[point_cell]


def _side_normals(cells: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Inward unit normals of each cell's six sides (great circles), and whether the cell can be tested so."""
    rings = [_api.cell_to_boundary(c) for c in cells]
    usable = np.array([len(r) == 6 and not _api.is_pentagon(c) and len(_api.get_icosahedron_faces(c)) == 1
                       for c, r in zip(cells, rings)], dtype=bool)
    normals = np.zeros((len(cells), 6, 3))
    if usable.any():
        ring = np.array([r for r, ok in zip(rings, usable) if ok], dtype=float)          # (m, 6, 2) lat, lng
        v = _unit_vectors(ring[..., 0].ravel(), ring[..., 1].ravel()).reshape(-1, 6, 3)
        n = np.cross(v, np.roll(v, -1, axis=1))
        n /= np.linalg.norm(n, axis=2)[..., None]
        centre = np.array([_api.cell_to_latlng(c) for c, ok in zip(cells, usable) if ok], dtype=float)
        c = _unit_vectors(centre[:, 0], centre[:, 1])
        normals[usable] = n * np.sign(np.einsum("mkj,mj->mk", n, c))[..., None]
    return normals, usable
