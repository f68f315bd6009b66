"""H3 cells of points (`cells_of`: survey_app.coverage.cell_lookup), the unit each point lies in, and hexagons
clipped to the unit boundaries.

Cells are H3 indexes as int64 (their top bit is always 0). A sample's resolution-8 cell is the parent of its
resolution-9 cell (H3's hierarchy), so every res-8 summary is exactly the sum of its res-9 children. A point's
unit is the imported boundary it lies in (the same at every resolution); without an imported boundary for its unit the recorded unit code stands. Only points in cells near a boundary
line need a point-in-polygon test: the rest take the unit of their cell's centre.
"""
from __future__ import annotations

import hashlib
import json

import h3
import numpy as np

from survey_app.coverage.arrays import unique_inverse
from survey_app.coverage.cell_lookup import cells_of
from survey_app.review.geometry import Polygons, points_in_polygons

RESOLUTIONS = (8, 9)
CLIP_SCALE = 10_000_000      # pyclipper works in integers: 1e-7 degree is about 1 cm


def parents(cells: np.ndarray, res: int) -> np.ndarray:
    """The parent cells at a coarser resolution (vectorised H3 cell_to_parent: set the resolution field, mark
    the finer digits unused)."""
    c = cells.astype(np.uint64)
    c = (c & ~np.uint64(0xF << 52)) | np.uint64(res << 52)
    for digit in range(res + 1, 16):
        c |= np.uint64(7 << ((15 - digit) * 3))
    return c.astype(np.int64)


def cell_center(cell: int) -> tuple[float, float]:
    """(lon, lat) of a cell's centre."""
    lat, lon = h3.api.numpy_int.cell_to_latlng(int(cell))
    return lon, lat


def hexagon(cell: int) -> list[tuple[float, float]]:
    """The cell's outline as a closed (lon, lat) ring, counterclockwise."""
    ring = [(lon, lat) for lat, lon in h3.api.numpy_int.cell_to_boundary(int(cell))]
    return ring + ring[:1]


class UnitIndex:
    """The imported unit boundaries, ready to locate many points and to clip hexagons."""

    def __init__(self, boundaries: dict[str, Polygons]) -> None:
        self.polys = dict(sorted(boundaries.items()))
        self.codes = [""] + sorted(self.polys)
        self._near: dict[int, set[int]] = {}
        self._scaled: dict[str, list] = {}
        self._shapes: dict[tuple, list] = {}
        raw = json.dumps({c: p for c, p in self.polys.items()}, sort_keys=True).encode()
        self.fingerprint = hashlib.sha256(raw).hexdigest()[:16] if self.polys else ""

    def code_index(self, code: str) -> int:
        """Index of a unit code in self.codes (added when it has no boundary)."""
        try:
            return self.codes.index(code)
        except ValueError:
            self.codes.append(code)
            return len(self.codes) - 1

    def near_boundary(self, res: int) -> set[int]:
        """Cells a boundary line passes through, and their neighbours (points there need a full test)."""
        if res not in self._near:
            step = h3.average_hexagon_edge_length(res, "m") / 8 / 111_000   # degrees between samples
            pts = [_densify(np.asarray(ring, dtype=float), step)
                   for polys in self.polys.values() for poly in polys for ring in poly]
            near: set[int] = set()
            if pts:
                p = np.concatenate(pts)
                for c in np.unique(cells_of(p[:, 1], p[:, 0], res)).tolist():
                    near.update(h3.api.numpy_int.grid_disk(c, 1).astype(np.int64).tolist())
            self._near[res] = near
        return self._near[res]

    def locate(self, lons: np.ndarray, lats: np.ndarray, cells: np.ndarray, res: int,
               recorded: np.ndarray) -> np.ndarray:
        """Index into self.codes of each point's unit; `recorded` (codes indexes) stands where no boundary is."""
        out = np.zeros(len(lons), dtype=np.int64)
        if self.polys and len(lons):
            near = self.near_boundary(res)
            uniq, inv = unique_inverse(cells)
            is_near = np.fromiter((c in near for c in uniq.tolist()), dtype=bool, count=len(uniq))
            centre = np.zeros(len(uniq), dtype=np.int64)
            far = np.flatnonzero(~is_near)
            if len(far):
                xy = np.array([cell_center(c) for c in uniq[far].tolist()])
                centre[far] = self._locate_many(xy[:, 0], xy[:, 1])
            out = centre[inv]
            full = np.flatnonzero(is_near[inv])
            if len(full):
                out[full] = self._locate_many(lons[full], lats[full])
        bounded = set(range(1, len(self.polys) + 1))
        fallback = (out == 0) & ~np.isin(recorded, list(bounded))
        out[fallback] = recorded[fallback]
        return out

    def _locate_many(self, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
        """Index into self.codes of the boundary holding each point (0: none), vectorised per unit."""
        found = np.zeros(len(lons), dtype=np.int64)
        for i, code in enumerate(self.codes[1:len(self.polys) + 1], start=1):
            todo = np.flatnonzero(found == 0)
            if not len(todo):
                break
            found[todo[points_in_polygons(lons[todo], lats[todo], self.polys[code])]] = i
        return found

    def shape(self, cell: int, code: str, res: int) -> list:
        """The hexagon as GeoJSON-style polygons [[outer, hole...], ...], clipped to the unit's boundary."""
        ring = hexagon(cell)
        if code not in self.polys or cell not in self.near_boundary(res):
            return [[ring]]
        key = (cell, code)
        if key not in self._shapes:
            if code not in self._scaled:
                self._scaled[code] = [[_scaled(r) for r in poly] for poly in self.polys[code]]
            self._shapes[key] = clip(ring, self._scaled[code]) or [[ring]]
        return self._shapes[key]


def _densify(ring: np.ndarray, step: float) -> np.ndarray:
    """Points along a ring's edges, no more than `step` apart (vectorised)."""
    a, b = ring[:-1], ring[1:]
    n = np.maximum(1, np.ceil(np.hypot(*(b - a).T) / step).astype(int))
    seg = np.repeat(np.arange(len(a)), n)
    t = (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)) / np.repeat(n, n)
    return np.vstack([a[seg] + (b - a)[seg] * t[:, None], ring[-1:]])


def _scaled(ring) -> list[tuple[int, int]]:
    """A closed ring in pyclipper's integer coordinates (without the repeated last point)."""
    return (np.rint(np.asarray(ring[:-1], dtype=float) * CLIP_SCALE)).astype(np.int64).tolist()


def clip(ring: list[tuple[float, float]], scaled_polys: list) -> list:
    """Intersection of a convex ring with polygons (already `_scaled`, even-odd), as polygons with holes."""
    import pyclipper

    pc = pyclipper.Pyclipper()
    for poly in scaled_polys:
        pc.AddPaths(poly, pyclipper.PT_SUBJECT, True)
    pc.AddPath(_scaled(ring), pyclipper.PT_CLIP, True)
    tree = pc.Execute2(pyclipper.CT_INTERSECTION, pyclipper.PFT_EVENODD, pyclipper.PFT_EVENODD)
    out: list = []

    def closed(path, ccw: bool):
        pts = [(x / CLIP_SCALE, y / CLIP_SCALE) for x, y in path]
        if pyclipper.Orientation(path) != ccw:
            pts.reverse()
        return pts + pts[:1]

    def walk(node):
        for outer in node.Childs:
            out.append([closed(outer.Contour, True)] + [closed(h.Contour, False) for h in outer.Childs])
            for hole in outer.Childs:
                walk(hole)
    walk(tree)
    return out
