"""An offline map: unit boundaries (or boxes) and points coloured by a metric; zoom, pan, click a point."""
from __future__ import annotations

import math

import numpy as np
from survey_app.qt.qt import (QBrush, QColor, QGraphicsItem, QGraphicsScene, QGraphicsView, QPainter, QPainterPath,
                              QPen, QPointF, QPolygonF, QRectF, Qt, Signal)

SCALE = 4000.0                      # scene units per degree of latitude
COS_LAT = math.cos(math.radians(16.4))  # Huế: keeps shapes undistorted at this latitude

# metric -> (low value, high value); colours run red (low) to green (high)
RANGES = {"rsrp": (-120.0, -70.0), "download": (0.0, 100.0), "internet": (0.0, 1.0), "fibre": (0.0, 1.0)}


def project(lon, lat):
    """Scene coordinates of WGS84 degrees (equirectangular, north up)."""
    return lon * SCALE * COS_LAT, -lat * SCALE


def unproject(x: float, y: float) -> tuple[float, float]:
    """WGS84 degrees of a scene point (the basemap finds its tiles with it)."""
    return x / (SCALE * COS_LAT), -y / SCALE


def ramp(value: float | None, metric: str) -> QColor:
    """Red → amber → green for the metric's range (in 8 steps); grey when there is no value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return QColor(140, 140, 140)
    lo, hi = RANGES.get(metric, (0.0, 1.0))
    t = round(7 * min(1.0, max(0.0, (float(value) - lo) / (hi - lo)))) / 7
    if t < 0.5:
        return QColor(215, int(48 + 2 * t * (190 - 48)), 39)
    return QColor(int(215 - 2 * (t - 0.5) * (215 - 26)), int(190 - 2 * (t - 0.5) * (190 - 150)), int(39 + (t - 0.5) * 20))


class PointsLayer:
    """The points: one ellipse item each, made by scene.addEllipse with its pen and brush in one call;
    points are replaced by rebuilding the scene (cheaper than removing thousands of items one by one)."""

    def __init__(self) -> None:
        self.xy = np.zeros((0, 2))

    def add_to(self, scene: QGraphicsScene, xy: np.ndarray, colors: list[QColor], radius: float) -> None:
        """Add the points (scene coordinates) to a fresh scene."""
        self.xy = xy
        pens: dict[tuple, tuple[QPen, QBrush]] = {}
        d = 2 * radius
        for (x, y), c in zip(xy.tolist(), colors):
            key = c.getRgb()
            if key not in pens:
                pens[key] = (QPen(c.darker(130), 0), QBrush(c))
            pen, brush = pens[key]
            scene.addEllipse(x - radius, y - radius, d, d, pen, brush)

    def boundingRect(self) -> QRectF:  # noqa: N802 (mirrors Qt naming)
        """Rectangle around the points."""
        if not len(self.xy):
            return QRectF()
        x0, y0 = self.xy.min(axis=0)
        x1, y1 = self.xy.max(axis=0)
        return QRectF(x0 - 5, y0 - 5, x1 - x0 + 10, y1 - y0 + 10)


class ReviewMap(QGraphicsView):
    """Boundaries + coloured points. Wheel zooms at the cursor, drag pans, a click picks the nearest point."""

    point_clicked = Signal(str, str)   # table, record id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.Antialiasing)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setBackgroundBrush(QColor(236, 242, 247))
        self.points = PointsLayer()
        self._units: list[tuple] = []
        self._boundaries: dict[str, list] = {}
        self._ids: list[str] = []
        self._table = ""
        self._values: list = []
        self._colors: list[QColor] = []
        self._coords: list[tuple] = []
        self._metric = ""
        self._rows: list[tuple] = []
        self._press = None
        self.basemap = None                 # map_layers.BasemapPainter, drawn under everything
        self._hexagons: list[tuple] = []    # (polygons, QColor)
        self._targets: list[tuple] = []     # (polygons, QColor): revisit targets
        self._legend: tuple[str, list] = ("", [])
        self.scale_label = ""
        self._rebuild()

    # -- content
    def set_basemap(self, source) -> None:
        """Draw an offline tile set (coverage.basemap.TileSource) under the layers; None: no basemap."""
        from survey_app.qt.widgets.map_layers import BasemapPainter

        self.basemap = BasemapPainter(source, project, unproject) if source is not None else None
        self._rebuild()

    def set_hexagons(self, shapes: list[tuple], title: str = "", legend: list | None = None) -> None:
        """Hexagons as (polygons, QColor), drawn over the units, with a legend (title, [(QColor, text)])."""
        self._hexagons = list(shapes)
        self._legend = (title, list(legend or []))
        self._rebuild()

    def set_targets(self, shapes: list[tuple]) -> None:
        """Revisit targets as (polygons, QColor), outlined over everything else."""
        self._targets = list(shapes)
        self._rebuild()

    def hexagon_count(self) -> int:
        """How many hexagons are drawn."""
        return len(self._hexagons)

    def drawBackground(self, painter, rect) -> None:  # noqa: N802 (Qt API)
        super().drawBackground(painter, rect)
        if self.basemap is not None:
            self.basemap.paint(painter, rect, self.transform().m11() * SCALE * COS_LAT)

    def drawForeground(self, painter, rect) -> None:  # noqa: N802 (Qt API)
        from survey_app.qt.widgets.map_layers import paint_legend, paint_scale_bar

        painter.save()
        painter.resetTransform()
        self.scale_label = paint_scale_bar(painter, self.viewport().rect(), self.transform().m11() * SCALE)
        paint_legend(painter, self.viewport().rect(), *self._legend)
        painter.restore()
    def set_units(self, units: list[tuple], boundaries: dict[str, list]) -> None:
        """Draw units: `units` (code, name, min_lon, min_lat, max_lon, max_lat); `boundaries` code -> polygons."""
        self._units, self._boundaries = list(units), dict(boundaries)
        self._rebuild()

    def set_points(self, table: str, metric: str, rows: list[tuple]) -> None:
        """Points from rows (id, lon, lat, value) of `table`, coloured by `metric`."""
        self._table, self._metric, self._rows = table, metric, list(rows)
        self._ids = [r[0] for r in rows]
        self._values = [r[3] for r in rows]
        self._coords = [(r[1], r[2]) for r in rows]
        cache: dict[tuple, QColor] = {}
        self._colors = []
        for v in self._values:
            c = ramp(v, metric)
            self._colors.append(cache.setdefault(c.getRgb(), c))
        self._rebuild()

    def _rebuild(self) -> None:
        """A new scene with the units then the points (cheaper and safer than removing thousands of items)."""
        scene = QGraphicsScene(self)
        for code, name, x0, y0, x1, y1 in self._units:
            path = QPainterPath()
            path.setFillRule(Qt.OddEvenFill)
            if code in self._boundaries:
                for poly in self._boundaries[code]:
                    for ring in poly:
                        path.addPolygon(QPolygonF([QPointF(*project(lon, lat)) for lon, lat in ring]))
                pen = QPen(QColor(60, 90, 130), 0)
            else:
                ax, ay = project(x0, y1)
                bx, by = project(x1, y0)
                path.addRect(QRectF(QPointF(ax, ay), QPointF(bx, by)))
                pen = QPen(QColor(120, 120, 120), 0, Qt.DashLine)
            item = scene.addPath(path, pen, QBrush(QColor(255, 255, 255, 40 if self.basemap else 150)))
            item.setToolTip(f"{name} ({code})")
            label = scene.addSimpleText(name.replace("Phường ", "P. ").replace("Xã ", "X. "))
            label.setFlag(QGraphicsItem.ItemIgnoresTransformations)
            label.setPos(path.boundingRect().center())
        if self._hexagons:
            from survey_app.qt.widgets.map_layers import HexagonsItem

            scene.addItem(HexagonsItem(self._hexagons, project))
        if self._targets:
            from survey_app.qt.widgets.map_layers import HexagonsItem

            scene.addItem(HexagonsItem(self._targets, project, outline=3))
        if self._ids:
            arr = np.array(self._coords, dtype=float)
            xy = np.column_stack(project(arr[:, 0], arr[:, 1]))
            span = max(float(np.ptp(xy[:, 0])), float(np.ptp(xy[:, 1])), 40.0)
            self.points.add_to(scene, xy, self._colors, radius=span / 400)
        else:
            self.points.xy = np.zeros((0, 2))
        old = self.scene()
        self.setScene(scene)
        if old is not None:
            old.deleteLater()
        rect = scene.itemsBoundingRect()
        if rect.isValid():
            self.setSceneRect(rect.adjusted(-200, -200, 200, 200))

    def snapshot(self) -> tuple:
        """What the map shows (units, boundaries, points), for another map to show the same."""
        return self._units, self._boundaries, self._table, self._metric, self._rows

    def restore(self, snapshot: tuple) -> None:
        """Show what `snapshot()` of another map holds."""
        units, boundaries, table, metric, rows = snapshot
        self._units, self._boundaries = list(units), dict(boundaries)
        self.set_points(table, metric, rows)

    def fit(self) -> None:
        """Zoom to the points if any, else to the units."""
        rect = self.points.boundingRect() if len(self._ids) else self.scene().itemsBoundingRect()
        if rect.isValid():
            self.fitInView(rect.adjusted(-50, -50, 50, 50), Qt.KeepAspectRatio)

    def point_count(self) -> int:
        """How many points are drawn."""
        return len(self._ids)

    def nearest(self, scene_pos: QPointF, max_px: float = 8.0) -> int | None:
        """Index of the point nearest a scene position, within max_px screen pixels."""
        if not len(self._ids):
            return None
        d = np.hypot(self.points.xy[:, 0] - scene_pos.x(), self.points.xy[:, 1] - scene_pos.y())
        i = int(np.argmin(d))
        scale = self.transform().m11() or 1.0
        return i if d[i] * scale <= max_px else None

    def click_at_scene(self, scene_pos: QPointF) -> bool:
        """Select the point under a scene position (what a click does); True if one was found."""
        i = self.nearest(scene_pos)
        if i is None:
            return False
        self.point_clicked.emit(self._table, self._ids[i])
        return True

    def scene_pos_of(self, index: int) -> QPointF:
        """Scene position of point `index` (tests)."""
        x, y = self.points.xy[index]
        return QPointF(float(x), float(y))

    # -- interaction
    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt API)
        factor = 1.25 if event.angleDelta().y() > 0 else 0.8
        self.scale(factor, factor)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self._press is not None and (event.position() - self._press).manhattanLength() < 4:
            self.click_at_scene(self.mapToScene(event.position().toPoint()))
        self._press = None
