"""Polygons in WGS84 lon/lat: validation, bounding boxes and point-in-polygon (ray casting, bbox prefilter).

A geometry is kept as a list of polygons; a polygon is a list of rings (the outer ring first, then holes);
a ring is a list of (lon, lat) pairs, closed (first == last). Even-odd rule: a point is inside a polygon when it
is inside the outer ring and in no hole. Points exactly on an edge may fall either way (as with any ray casting).
"""
from __future__ import annotations

import math

import numpy as np

from survey_app.i18n import _

Ring = list[tuple[float, float]]
Polygons = list[list[Ring]]


class GeometryError(ValueError):
    """A geometry that cannot be used; the message says why (translated)."""


def parse_geometry(geom) -> Polygons:
    """Polygons from a GeoJSON Polygon or MultiPolygon geometry, validated; raises GeometryError."""
    if not isinstance(geom, dict):
        raise GeometryError(_("the feature has no geometry"))
    kind = geom.get("type")
    coords = geom.get("coordinates")
    if kind == "Polygon":
        polys = [coords]
    elif kind == "MultiPolygon":
        polys = coords
    else:
        raise GeometryError(_("geometry type {kind} is not a Polygon or MultiPolygon").format(kind=kind))
    if not isinstance(polys, list) or not polys:
        raise GeometryError(_("the geometry has no coordinates"))
    out: Polygons = []
    for poly in polys:
        if not isinstance(poly, list) or not poly:
            raise GeometryError(_("a polygon has no rings"))
        out.append([_ring(r) for r in poly])
    return out


def _ring(raw) -> Ring:
    if not isinstance(raw, list):
        raise GeometryError(_("a ring is not a list of positions"))
    pts: Ring = []
    for p in raw:
        if not isinstance(p, (list, tuple)) or len(p) < 2:
            raise GeometryError(_("a position is not a [lon, lat] pair"))
        try:
            lon, lat = float(p[0]), float(p[1])
        except (TypeError, ValueError):
            raise GeometryError(_("a position is not a [lon, lat] pair")) from None
        if not (math.isfinite(lon) and math.isfinite(lat)) or not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise GeometryError(_("position {lon}, {lat} is outside the range of WGS84 degrees").format(
                lon=p[0], lat=p[1]))
        pts.append((lon, lat))
    if len(pts) >= 2 and pts[0] != pts[-1]:
        raise GeometryError(_("a ring is not closed (its first and last positions differ)"))
    if len(pts) < 4:
        raise GeometryError(_("a ring has fewer than 4 positions"))
    if abs(ring_area(pts)) == 0:
        raise GeometryError(_("a ring has no area"))
    return pts


def ring_area(ring: Ring) -> float:
    """Signed planar area in square degrees (shoelace formula)."""
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        s += x1 * y2 - x2 * y1
    return s / 2


def bbox(polys: Polygons) -> tuple[float, float, float, float]:
    """min_lon, min_lat, max_lon, max_lat of the outer rings."""
    xs = [x for poly in polys for x, _y in poly[0]]
    ys = [y for poly in polys for _x, y in poly[0]]
    return min(xs), min(ys), max(xs), max(ys)


def to_geojson(polys: Polygons) -> dict:
    """The geometry as a GeoJSON MultiPolygon."""
    return {"type": "MultiPolygon", "coordinates": [[[list(p) for p in ring] for ring in poly] for poly in polys]}


def _in_ring(lon: float, lat: float, ring: Ring) -> bool:
    inside = False
    x1, y1 = ring[0]
    for x2, y2 in ring[1:]:
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
        x1, y1 = x2, y2
    return inside


def point_in_polygons(lon: float, lat: float, polys: Polygons, box=None) -> bool:
    """Whether (lon, lat) lies inside any of the polygons (holes excluded)."""
    box = box or bbox(polys)
    if not (box[0] <= lon <= box[2] and box[1] <= lat <= box[3]):
        return False
    for poly in polys:
        if _in_ring(lon, lat, poly[0]) and not any(_in_ring(lon, lat, hole) for hole in poly[1:]):
            return True
    return False


def _ring_parity(px: np.ndarray, py: np.ndarray, ring: Ring, bands: int = 64) -> np.ndarray:
    """Vectorised ray casting for many points against one ring.

    Only edges whose latitude span meets the point's latitude can cross its ray, so edges are bucketed into
    horizontal bands and each band's points are tested against that band's edges only.
    """
    r = np.asarray(ring, dtype=float)
    x1, y1, x2, y2 = r[:-1, 0], r[:-1, 1], r[1:, 0], r[1:, 1]
    lo, hi = np.minimum(y1, y2), np.maximum(y1, y2)
    ymin, ymax = float(lo.min()), float(hi.max())
    out = np.zeros(len(px), dtype=bool)
    cand = np.flatnonzero((py >= ymin) & (py <= ymax))
    if len(cand) == 0:
        return out
    h = (ymax - ymin) / bands or 1.0
    band_pt = np.clip(((py[cand] - ymin) / h).astype(int), 0, bands - 1)
    order = np.argsort(band_pt, kind="stable")
    cand, band_pt = cand[order], band_pt[order]
    starts = np.searchsorted(band_pt, np.arange(bands + 1))
    dy = np.where(y2 == y1, 1.0, y2 - y1)
    for b in range(bands):
        a, z = starts[b], starts[b + 1]
        if a == z:
            continue
        bottom, top = ymin + b * h, ymin + (b + 1) * h
        e = np.flatnonzero((hi >= bottom) & (lo <= top))
        if len(e) == 0:
            continue
        idx = cand[a:z]
        qx, qy = px[idx][:, None], py[idx][:, None]
        cross = ((y1[e] > qy) != (y2[e] > qy)) & (qx < (x2[e] - x1[e]) * (qy - y1[e]) / dy[e] + x1[e])
        out[idx] = (cross.sum(axis=1) % 2) == 1
    return out


def points_in_polygons(lons, lats, polys: Polygons) -> np.ndarray:
    """Boolean array: which points lie inside the polygons (vectorised, for checks at census scale)."""
    px, py = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
    result = np.zeros(len(px), dtype=bool)
    if len(px) == 0:
        return result
    x0, y0, x1, y1 = bbox(polys)
    inbox = np.flatnonzero((px >= x0) & (px <= x1) & (py >= y0) & (py <= y1))
    if len(inbox) == 0:
        return result
    qx, qy = px[inbox], py[inbox]
    hit = np.zeros(len(inbox), dtype=bool)
    for poly in polys:
        inside = _ring_parity(qx, qy, poly[0])
        for hole in poly[1:]:
            inside &= ~_ring_parity(qx, qy, hole)
        hit |= inside
    result[inbox] = hit
    return result
