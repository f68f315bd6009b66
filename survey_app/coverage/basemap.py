"""Offline basemaps: raster MBTiles files checked, imported into the home folder and read tile by tile.

An MBTiles file is SQLite with `metadata(name, value)` and `tiles(zoom_level, tile_column, tile_row,
tile_data)`; rows count from the south (TMS), so XYZ y = 2^z - 1 - tile_row. Imports are checked before
anything is copied: a file that is not SQLite, lacks those tables, holds vector tiles, or lies far from Huế is
refused with a clear message and nothing changes.
"""
from __future__ import annotations

import math
import os
import secrets
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from survey_app.errors import UserError
from survey_app.i18n import _
from survey_app.storage import basemaps as sql

MAX_BYTES = 4 * 1024 ** 3
MAX_TILE_BYTES = 2 * 1024 * 1024
RASTER = {"png", "jpg", "jpeg", "webp"}
HUE_BOX = (107.0, 15.9, 108.3, 16.85)   # around the 40 units (code set VN-2025-07), with a margin
FOLDER = "basemaps"
SELECTED = "selected.txt"


class BasemapError(UserError):
    """A tile set that cannot be used; nothing was imported."""


@dataclass(frozen=True)
class TileSetInfo:
    """What an MBTiles file holds."""

    name: str
    format: str
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float]
    tiles: int

    def to_json(self) -> dict:
        """JSON-ready dictionary (CLI)."""
        return dict(self.__dict__, bounds=list(self.bounds))


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """(west, south, east, north) degrees of XYZ tile (z, x, y) in Web Mercator."""
    n = 2 ** z

    def lat(row: float) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))

    return x / n * 360 - 180, lat(y + 1), (x + 1) / n * 360 - 180, lat(y)


def tile_of(lon: float, lat: float, z: int) -> tuple[int, int]:
    """XYZ column and row of the tile holding a point at zoom z."""
    n = 2 ** z
    lat = max(-85.05, min(85.05, lat))
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def inspect(path: Path) -> TileSetInfo:
    """Check an MBTiles file and describe it; BasemapError with the reason otherwise."""
    path = Path(path)
    if not path.is_file():
        raise BasemapError(_("File not found: {file}").format(file=path))
    if path.stat().st_size > MAX_BYTES:
        raise BasemapError(_("{file} is larger than 4 GB; make a tile set of Huế only.").format(file=path.name))
    with open(path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise BasemapError(_("{file} is not an MBTiles file (it is not an SQLite database).").format(
                file=path.name))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            return _check(describe(conn, path.stem), path.name)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BasemapError(_("{file} is damaged or not an MBTiles file: {reason}").format(
            file=path.name, reason=exc)) from None


def describe(conn: sqlite3.Connection, stem: str) -> TileSetInfo:
    """What an open MBTiles file holds (BasemapError when it lacks the MBTiles tables)."""
    if not {"metadata", "tiles"} <= sql.tables(conn):
        raise BasemapError(_("{file} is an SQLite file but not an MBTiles tile set (no metadata and tiles "
                             "tables).").format(file=stem))
    meta, zmin, zmax, count, head, span = sql.summary(conn)
    fmt = meta.get("format", "").lower() or ("png" if head[:4] == b"\x89PNG" else "jpg" if head[:2] == b"\xff\xd8"
                                              else "")
    try:
        bounds = tuple(float(x) for x in meta.get("bounds", "").split(","))
        if len(bounds) != 4:
            raise ValueError
    except ValueError:
        bounds = None
    if bounds is None and span:
        x0, x1, r0, r1 = span
        top = 2 ** zmin - 1
        w, _s, _e, n = tile_bounds(zmin, x0, top - r1)
        _w, s, e, _n = tile_bounds(zmin, x1, top - r0)
        bounds = (w, s, e, n)
    return TileSetInfo(meta.get("name") or stem, fmt, int(zmin or 0), int(zmax or 0), bounds or (0.0, 0.0, 0.0, 0.0),
                       count)


def _check(info: TileSetInfo, file: str) -> TileSetInfo:
    if info.format not in RASTER:
        raise BasemapError(_("{file} holds {format} tiles; only raster tiles (PNG, JPEG, WebP) can be drawn.").format(
            file=file, format=info.format or "?"))
    if info.tiles == 0:
        raise BasemapError(_("{file} has no tiles.").format(file=file))
    w, s, e, n = info.bounds
    if e < HUE_BOX[0] or w > HUE_BOX[2] or n < HUE_BOX[1] or s > HUE_BOX[3]:
        raise BasemapError(_("{file} covers {w:.2f}..{e:.2f} E, {s:.2f}..{n:.2f} N, far from Huế; "
                             "make a tile set of Huế.").format(file=file, w=w, e=e, s=s, n=n))
    return info


def folder(home: Path) -> Path:
    """Where imported basemaps live."""
    return Path(home) / FOLDER


def import_file(home: Path, path: Path) -> TileSetInfo:
    """Check, then copy a tile set into the home folder (complete or not at all) and select it."""
    info = inspect(path)
    dest_dir = folder(home)
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"{_safe(info.name)}.mbtiles"
    temp = dest_dir / f".{dest.name}.{secrets.token_hex(4)}.part"
    try:
        shutil.copyfile(path, temp)
        os.replace(temp, dest)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise BasemapError(_("Could not copy the tile set into {folder}: {reason}").format(
            folder=dest_dir, reason=exc.strerror or exc)) from None
    select(home, dest.stem)
    return info


def _safe(name: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_" else "-" for c in name.strip())
    return keep.strip("-")[:60] or "basemap"


def available(home: Path) -> list[str]:
    """Names of the imported basemaps."""
    d = folder(home)
    return sorted(p.stem for p in d.glob("*.mbtiles")) if d.is_dir() else []


def selected(home: Path) -> str | None:
    """The chosen basemap's name (None: no basemap)."""
    try:
        name = (folder(home) / SELECTED).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return name if name in available(home) else None


def select(home: Path, name: str | None) -> None:
    """Choose a basemap by name (None: none)."""
    d = folder(home)
    d.mkdir(parents=True, exist_ok=True)
    (d / SELECTED).write_text(name or "", encoding="utf-8")


class TileSource:
    """Reads tiles of one imported MBTiles file (read-only; on the thread that made it)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self.info = describe(self.conn, self.path.stem)

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The encoded image of XYZ tile (z, x, y), None if the set lacks it."""
        data = sql.tile(self.conn, z, x, (2 ** z - 1) - y)
        return data if data is not None and len(data) <= MAX_TILE_BYTES else None

    def close(self) -> None:
        """Close the file."""
        self.conn.close()


def open_selected(home: Path) -> TileSource | None:
    """The selected basemap, opened (None when none is chosen or it cannot be read)."""
    name = selected(home)
    if not name:
        return None
    try:
        return TileSource(folder(home) / f"{name}.mbtiles")
    except (sqlite3.DatabaseError, UserError):
        return None
