"""The review map with an offline basemap and hexagons: picker, legend, scale bar, pan and zoom with the mouse."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from coverage_support import BOUNDARIES, demo  # noqa: E402


@pytest.fixture
def page(app_ctx, qtbot, tmp_path):
    from survey_app.coverage.demo_tiles import make
    from survey_app.qt.views.review_page import ReviewPage
    from survey_app.review.boundaries import import_geojson

    if BOUNDARIES.exists():
        import_geojson(app_ctx.db, BOUNDARIES)
    demo(app_ctx.db, readings=3000, tests=100, households=120)
    make(tmp_path / "hue.mbtiles", zooms=(10, 13), box=(107.53, 16.42, 107.65, 16.51))
    p = ReviewPage(app_ctx)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    p.tabs.setCurrentIndex(2)
    yield p
    p.shutdown()


def wheel(widget, steps: int) -> None:
    """Turn the mouse wheel over the middle of a widget."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, 120 * steps), Qt.NoButton,
                        Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_basemap_hexagons_legend_pan_and_zoom(page, qtbot, tmp_path):
    bar, view = page.coverage_bar, page.city_map
    assert view.basemap is None and bar.basemap_combo.count() == 1   # works as before without a basemap
    assert bar.import_basemap(str(tmp_path / "hue.mbtiles"))
    assert view.basemap is not None and bar.basemap_combo.currentData() == "hue-test"
    with qtbot.waitSignal(bar.hexagons_loaded, timeout=60_000) as loaded:
        qtbot.mouseClick(bar.hex_check, Qt.LeftButton)
    assert loaded.args[0] == view.hexagon_count() > 20
    # zoom to Huế's centre with the wheel: the basemap draws tiles, the scale bar shrinks
    from survey_app.qt.widgets.review_map import project

    view.centerOn(*project(107.59, 16.46))
    QApplication.processEvents()
    before_scale, before_label = view.transform().m11(), None
    view.viewport().grab()
    before_label = view.scale_label
    from survey_app.qt.widgets.map_layers import HexagonsItem

    layer = next(i for i in view.scene().items() if isinstance(i, HexagonsItem))
    sharp = layer.sharp_paints
    for _ in range(8):
        wheel(view.viewport(), 1)
    assert view.transform().m11() > before_scale * 5
    view.viewport().grab()
    # the zoom showed the layer's picture first; the polygons are rasterised at the new zoom once the wheel rests
    assert layer.preview_paints > 0 and layer.sharp_paints == sharp
    qtbot.waitUntil(lambda: view.viewport().grab() is not None and layer.sharp_paints > sharp, timeout=5000)
    assert view.basemap.drawn > 0 and view.scale_label and view.scale_label != before_label
    # drag to pan
    h, vbar = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    centre = view.viewport().rect().center()
    qtbot.mousePress(view.viewport(), Qt.LeftButton, pos=centre)
    qtbot.mouseMove(view.viewport(), centre + QPoint(120, 80))
    qtbot.mouseRelease(view.viewport(), Qt.LeftButton, pos=centre + QPoint(120, 80))
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) != (h, vbar)
    # another statistic recolours; the approved-only filter draws fewer or equal hexagons
    n_all = view.hexagon_count()
    with qtbot.waitSignal(bar.hexagons_loaded, timeout=60_000) as approved:
        bar.status_combo.setCurrentIndex(bar.status_combo.findData("approved"))
    assert approved.args[0] <= n_all


def test_bad_basemaps_are_refused_and_nothing_changes(page, tmp_path, app_ctx):
    import sqlite3

    bar = page.coverage_bar
    not_tiles = tmp_path / "notes.mbtiles"
    not_tiles.write_text("hello")
    far = tmp_path / "paris.mbtiles"
    conn = sqlite3.connect(far)
    conn.executescript("CREATE TABLE metadata (name, value); CREATE TABLE tiles (zoom_level, tile_column, tile_row, "
                       "tile_data); INSERT INTO metadata VALUES ('format', 'png'), ('bounds', '2.2,48.8,2.4,48.9');"
                       "INSERT INTO tiles VALUES (10, 518, 671, x'89504e47');")
    conn.commit()
    conn.close()
    for path, words in ((not_tiles, "MBTiles"), (far, "Huế")):
        assert not bar.import_basemap(str(path))
        assert words in bar.message.text() and page.city_map.basemap is None
    assert not (app_ctx.home / "basemaps").exists() or not list((app_ctx.home / "basemaps").glob("*.mbtiles"))
