"""Map layers for ReviewMap: the offline basemap under everything, hexagons, a scale bar and a legend.

The map's scene is equirectangular (review_map.project); basemap tiles are Web Mercator, so each tile is drawn
into the rectangle of its own corners: inside one tile at Huế's latitude the difference is under 0.1 pixel.
"""
from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np

from survey_app.qt.qt import (QBrush, QColor, QFont, QGraphicsItem, QGraphicsObject, QImage, QPainter, QPainterPath,
                              QPen, QPixmap, QPointF, QPolygonF, QRectF, Qt, QTimer)

METRES_PER_DEGREE = 111_320.0
CACHE_TILES = 256


class BasemapPainter:
    """Draws the tiles of a TileSource that cover the visible part of the scene."""

    def __init__(self, source, project, unproject) -> None:
        self.source = source
        self.project, self.unproject = project, unproject
        self._cache: OrderedDict[tuple, QPixmap | None] = OrderedDict()
        self.drawn = 0     # tiles drawn in the last paint (tests)

    def zoom_for(self, pixels_per_degree_lon: float) -> int:
        """The tile zoom whose 256-pixel tiles match the screen best, within the set's zooms."""
        info = self.source.info
        z = round(math.log2(max(pixels_per_degree_lon, 1e-6) * 360 / 256))
        return max(info.min_zoom, min(info.max_zoom, z))

    def _pixmap(self, z: int, x: int, y: int) -> QPixmap | None:
        key = (z, x, y)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        data = self.source.tile(z, x, y)
        pm = None
        if data:
            pm = QPixmap()
            if not pm.loadFromData(data):
                pm = None   # a damaged tile leaves a gap rather than breaking the map
        self._cache[key] = pm
        if len(self._cache) > CACHE_TILES:
            self._cache.popitem(last=False)
        return pm

    def paint(self, painter, rect: QRectF, pixels_per_degree_lon: float) -> None:
        """Draw the tiles under `rect` (scene coordinates)."""
        from survey_app.coverage.basemap import tile_bounds, tile_of

        z = self.zoom_for(pixels_per_degree_lon)
        west, north = self.unproject(rect.left(), rect.top())
        east, south = self.unproject(rect.right(), rect.bottom())
        x0, y0 = tile_of(west, north, z)
        x1, y1 = tile_of(east, south, z)
        self.drawn = 0
        if (x1 - x0 + 1) * (y1 - y0 + 1) > 400:   # far zoomed out: not worth reading hundreds of tiles
            return
        painter.setRenderHint(painter.RenderHint.SmoothPixmapTransform, True)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                pm = self._pixmap(z, x, y)
                if pm is None:
                    continue
                w, s, e, n = tile_bounds(z, x, y)
                ax, ay = self.project(w, n)
                bx, by = self.project(e, s)
                painter.drawPixmap(QRectF(ax, ay, bx - ax, by - ay), pm, QRectF(pm.rect()))
                self.drawn += 1


class HexagonsItem(QGraphicsObject):
    """Every hexagon in one item: one path per colour, built once, so 10k hexagons paint in a few draw calls.

    Painted once per zoom level into a pixmap the view then only copies (`DeviceCoordinateCache`): panning and
    every other redraw (a new point, a scale bar update) do not rasterise 10k polygons again. A zoom step first
    shows a picture of the whole layer, scaled, and rasterises the polygons at the new zoom once the wheel has
    rested for SHARPEN_MS: spinning the wheel never waits for a rasterisation."""

    SHARPEN_MS = 120
    PREVIEW_PX = 2048          # the picture's longer side

    def __init__(self, shapes: list[tuple[list, QColor]], project, outline: int = 0) -> None:
        super().__init__()
        self._outline = outline     # pixels: targets are drawn as thick outlines, summaries as fills
        paths: dict[tuple, tuple[QPainterPath, QColor]] = {}
        for polys, colour in shapes:
            key = colour.getRgb()
            if key not in paths:
                path = QPainterPath()
                path.setFillRule(Qt.OddEvenFill)
                paths[key] = (path, colour)
            path = paths[key][0]
            for poly in polys:
                for ring in poly:
                    r = np.asarray(ring, dtype=float)
                    xs, ys = project(r[:, 0], r[:, 1])
                    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in zip(xs.tolist(), ys.tolist())]))
        self._paths = list(paths.values())
        rect = QRectF()
        for path, _c in self._paths:
            rect = rect.united(path.boundingRect())
        self._rect = rect
        # about one hexagon's width in scene units: outlines are drawn only when that is 12 px or more on screen
        self._cell = math.sqrt(max(rect.width() * rect.height(), 1e-9) / max(len(shapes), 1))
        self.setZValue(2 if outline else 1)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self._preview: QImage | None = None
        self._zoom: tuple | None = None     # the transform's scale the polygons were last rasterised at
        self._sharp_due = False
        self.sharp_paints = self.preview_paints = 0     # how each paint went (tests, bench)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SHARPEN_MS)
        self._timer.timeout.connect(self.sharpen)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._rect

    def sharpen(self) -> None:
        """Rasterise the polygons at the current zoom (after a zoom step's preview)."""
        self._sharp_due = True
        self.update()

    def paint(self, painter, option, _widget=None) -> None:
        t = painter.worldTransform()
        zoom = (t.m11(), t.m12(), t.m21(), t.m22())
        if self._zoom is not None and zoom != self._zoom and not self._sharp_due and self._preview is not None:
            painter.drawImage(self._rect, self._preview)        # nearest-neighbour scaling: a few ms
            self.preview_paints += 1
            self._timer.start()
            return
        self._sharp_due, self._zoom = False, zoom
        self._draw(painter, option.levelOfDetailFromTransform(t))
        self.sharp_paints += 1
        if self._preview is None and not self._outline:
            self._preview = self._picture()

    def _draw(self, painter, lod: float) -> None:
        # Fills without antialiasing: edges of neighbouring hexagons meet exactly, and 10k of them rasterise
        # about 20 times faster (an antialiased odd-even path of 10k rings took ~1 s).
        painter.setRenderHint(QPainter.Antialiasing, bool(self._outline))
        edges = self._outline or lod * self._cell >= 12
        for path, colour in self._paths:
            fill = QColor(colour)
            fill.setAlpha(50 if self._outline else 170)
            if not edges:
                pen = QPen(Qt.NoPen)
            else:
                pen = QPen(colour, self._outline) if self._outline else QPen(QColor(60, 60, 60, 120), 0)
                pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(QBrush(fill))
            painter.drawPath(path)

    def _picture(self) -> QImage:
        """The whole layer at PREVIEW_PX on its longer side, without edges."""
        r = self._rect
        k = self.PREVIEW_PX / max(r.width(), r.height(), 1e-9)
        image = QImage(max(1, round(r.width() * k)), max(1, round(r.height() * k)),
                       QImage.Format_ARGB32_Premultiplied)
        image.fill(Qt.transparent)
        p = QPainter(image)
        p.scale(image.width() / max(r.width(), 1e-9), image.height() / max(r.height(), 1e-9))
        p.translate(-r.left(), -r.top())
        self._draw(p, 0.0)
        p.end()
        return image


def nice_length(max_metres: float) -> float:
    """The longest 1, 2 or 5 x 10^k metres not above max_metres."""
    if max_metres <= 0:
        return 0.0
    k = 10 ** math.floor(math.log10(max_metres))
    return max(m * k for m in (1, 2, 5) if m * k <= max_metres)


def paint_scale_bar(painter, viewport_rect, pixels_per_degree_lat: float) -> str:
    """A scale bar in the bottom-left corner (viewport coordinates); returns its label."""
    metres_per_pixel = METRES_PER_DEGREE / max(pixels_per_degree_lat, 1e-9)
    length = nice_length(120 * metres_per_pixel)
    if length <= 0:
        return ""
    px = length / metres_per_pixel
    label = f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"
    x, y = 12, viewport_rect.height() - 14
    painter.setPen(QPen(QColor(255, 255, 255, 220), 5))
    painter.drawLine(QPointF(x, y), QPointF(x + px, y))
    painter.setPen(QPen(QColor(30, 30, 30), 2))
    painter.drawLine(QPointF(x, y), QPointF(x + px, y))
    for end in (x, x + px):
        painter.drawLine(QPointF(end, y - 5), QPointF(end, y + 1))
    painter.setFont(QFont(painter.font().family(), 9))
    painter.drawText(QPointF(x + 2, y - 7), label)
    return label


def paint_legend(painter, viewport_rect, title: str, entries: list[tuple[QColor, str]]) -> None:
    """A legend box in the top-right corner: a title and one swatch per entry."""
    if not entries:
        return
    painter.setFont(QFont(painter.font().family(), 9))
    fm = painter.fontMetrics()
    width = max([fm.horizontalAdvance(title)] + [fm.horizontalAdvance(t) + 22 for _c, t in entries]) + 16
    height = 22 + 16 * len(entries)
    box = QRectF(viewport_rect.width() - width - 10, 10, width, height)
    painter.setPen(QPen(QColor(120, 120, 120), 1))
    painter.setBrush(QColor(255, 255, 255, 225))
    painter.drawRect(box)
    painter.setPen(QColor(20, 20, 20))
    painter.drawText(QPointF(box.left() + 8, box.top() + 15), title)
    for i, (colour, text) in enumerate(entries):
        top = box.top() + 21 + 16 * i
        painter.setBrush(colour)
        painter.setPen(QPen(QColor(60, 60, 60), 1))
        painter.drawRect(QRectF(box.left() + 8, top, 14, 12))
        painter.setPen(QColor(20, 20, 20))
        painter.drawText(QPointF(box.left() + 28, top + 11), text)

