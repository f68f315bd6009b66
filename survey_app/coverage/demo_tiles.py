"""A small test basemap made from the app's own unit list: pale unit boxes, their inside points and a graticule.

It is for trying the basemap picker and for tests (no network, no outside data); a real basemap comes from the
city's GIS team (docs/coverage.md says how).
"""
from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

import numpy as np

from survey_app.coverage.basemap import tile_bounds, tile_of

SIZE = 256
PALETTE = [(246, 239, 221), (233, 242, 224), (228, 236, 246), (244, 230, 234), (238, 236, 226)]


def png(rgb: np.ndarray) -> bytes:
    """PNG bytes of an (h, w, 3) uint8 image (no filter, deflate)."""
    h, w, _c = rgb.shape
    raw = b"".join(b"\x00" + rgb[i].tobytes() for i in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def _pixel(lon, lat, z, x, y):
    """Pixel column/row of a point inside tile (z, x, y) (Web Mercator)."""
    n = 2 ** z
    px = ((lon + 180) / 360 * n - x) * SIZE
    py = ((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n - y) * SIZE
    return px, py


def render(z: int, x: int, y: int, units: list[dict]) -> bytes:
    """One tile: unit boxes filled and outlined, inside points, a 0.05° graticule."""
    img = np.full((SIZE, SIZE, 3), (250, 248, 242), dtype=np.uint8)
    for k, u in enumerate(units):
        x0, y0, x1, y1 = u["bbox"]
        a, b = _pixel(x0, y1, z, x, y)
        c, d = _pixel(x1, y0, z, x, y)
        ia, ib, ic, id_ = (int(max(0, min(SIZE, v))) for v in (a, b, c, d))
        if ic > ia and id_ > ib:
            img[ib:id_, ia:ic] = (img[ib:id_, ia:ic] * 0.5 + np.array(PALETTE[k % len(PALETTE)]) * 0.5)
        for col in (a, c):
            if 0 <= col < SIZE:
                img[ib:id_, int(col)] = (150, 140, 120)
        for row in (b, d):
            if 0 <= row < SIZE:
                img[int(row), ia:ic] = (150, 140, 120)
        px, py = _pixel(*u["inside"], z, x, y)
        if 2 <= px < SIZE - 2 and 2 <= py < SIZE - 2:
            img[int(py) - 2:int(py) + 3, int(px) - 2:int(px) + 3] = (90, 90, 90)
    w, s, e, n = tile_bounds(z, x, y)
    for g in np.arange(math.ceil(w / 0.05) * 0.05, e, 0.05):
        col = int(_pixel(g, s, z, x, y)[0])
        if 0 <= col < SIZE:
            img[:, col] = (205, 215, 225)
    for g in np.arange(math.ceil(s / 0.05) * 0.05, n, 0.05):
        row = int(_pixel(w, g, z, x, y)[1])
        if 0 <= row < SIZE:
            img[row, :] = (205, 215, 225)
    return png(img)


def make(path: Path, zooms: tuple[int, int] = (9, 12), box=(107.45, 16.35, 107.75, 16.6)) -> int:
    """Write the test tile set covering `box` (west, south, east, north); returns the tiles written."""
    from survey_app.storage.basemaps import write_tileset
    from survey_app.storage.schema_v1 import load_units

    units = load_units()["units"]
    w, s, e, n = box

    def tiles():
        for z in range(zooms[0], zooms[1] + 1):
            x0, y0 = tile_of(w, n, z)
            x1, y1 = tile_of(e, s, z)
            for tx in range(x0, x1 + 1):
                for ty in range(y0, y1 + 1):
                    yield z, tx, ty, render(z, tx, ty, units)

    return write_tileset(path, "hue-test", box, zooms, tiles())
