"""GeoPackageBinary geometries (OGC 12-128r18, clause 2.1.3): a small header, then little-endian WKB.

Header: magic "GP", version 0, flags (bit 0: little endian; bits 1-3: envelope kind, 1 = [minx, maxx, miny,
maxy]), the SRS id (int32), then the envelope. Points carry no envelope (readers take the point itself).
"""
from __future__ import annotations

import struct

SRS_ID = 4326
_POINT = struct.Struct("<2sBBiBIdd")
_HEAD_ENV = struct.Struct("<2sBBi4d")
WKB_POINT, WKB_MULTIPOLYGON, WKB_POLYGON = 1, 6, 3


def point(lon, lat) -> bytes | None:
    """A Point (None when either coordinate is missing: a feature without geometry)."""
    if lon is None or lat is None:
        return None
    return _POINT.pack(b"GP", 0, 0x01, SRS_ID, 1, WKB_POINT, float(lon), float(lat))


def multipolygon(polys: list) -> bytes | None:
    """A MultiPolygon of polygons [[ring, ...], ...], rings as (lon, lat) sequences, with its envelope."""
    if not polys:
        return None
    xs = [p[0] for poly in polys for p in poly[0]]
    ys = [p[1] for poly in polys for p in poly[0]]
    parts = [struct.pack("<BII", 1, WKB_MULTIPOLYGON, len(polys))]
    for poly in polys:
        parts.append(struct.pack("<BII", 1, WKB_POLYGON, len(poly)))
        for ring in poly:
            flat = [float(c) for p in ring for c in p[:2]]
            parts.append(struct.pack(f"<I{len(flat)}d", len(ring), *flat))
    head = _HEAD_ENV.pack(b"GP", 0, 0x03, SRS_ID, min(xs), max(xs), min(ys), max(ys))
    return head + b"".join(parts)


def envelope(blob: bytes) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) of a blob this module wrote (tests and the spatial index)."""
    if not blob:
        return None
    if blob[3] == 0x01:
        x, y = struct.unpack_from("<dd", blob, 8 + 5)
        return x, x, y, y
    return struct.unpack_from("<4d", blob, 8)
