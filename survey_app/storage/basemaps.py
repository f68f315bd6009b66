"""SQL of MBTiles files (basemaps): their metadata, extent and tiles."""
from __future__ import annotations

import sqlite3


def tables(conn: sqlite3.Connection) -> set[str]:
    """Names of the tables and views of a file."""
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def summary(conn: sqlite3.Connection) -> tuple[dict, int | None, int | None, int, bytes, tuple | None]:
    """(metadata, min zoom, max zoom, tile count, first bytes of a tile, (min col, max col, min row, max row) at
    the min zoom) of an MBTiles file."""
    meta = {str(k): str(v) for k, v in conn.execute("SELECT name, value FROM metadata LIMIT 1000")}
    zmin, zmax, count = conn.execute("SELECT min(zoom_level), max(zoom_level), count(*) FROM tiles").fetchone()
    head, span = b"", None
    if count:
        head = conn.execute("SELECT substr(tile_data, 1, 4) FROM tiles LIMIT 1").fetchone()[0] or b""
        span = conn.execute("SELECT min(tile_column), max(tile_column), min(tile_row), max(tile_row) FROM tiles "
                            "WHERE zoom_level = ?", [zmin]).fetchone()
    return meta, zmin, zmax, int(count), bytes(head) if isinstance(head, (bytes, memoryview)) else b"", span


def tile(conn: sqlite3.Connection, z: int, x: int, tms_row: int) -> bytes | None:
    """One tile's data (TMS row numbering), None when missing."""
    row = conn.execute("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                       [z, x, tms_row]).fetchone()
    return bytes(row[0]) if row and isinstance(row[0], (bytes, memoryview)) else None


def write_tileset(path, name: str, bounds, zooms: tuple[int, int], tiles) -> int:
    """A new MBTiles file from (z, x, y XYZ, png bytes); returns the tiles written."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
        conn.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
        conn.executemany("INSERT INTO metadata VALUES (?, ?)", [
            ("name", name), ("format", "png"), ("type", "baselayer"), ("version", "1"),
            ("minzoom", str(zooms[0])), ("maxzoom", str(zooms[1])), ("bounds", ",".join(f"{b:.5f}" for b in bounds)),
            ("attribution", "survey-app (unit boxes of code set VN-2025-07)")])
        n = 0
        for z, x, y, data in tiles:
            conn.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", [z, x, 2 ** z - 1 - y, data])
            n += 1
        conn.commit()
        return n
    finally:
        conn.close()
