"""The Export tab writes a GeoPackage too: in the background, with progress, a cancel that leaves nothing, and a
question before an earlier survey.gpkg is replaced."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
import exports_support as es  # noqa: E402


def _panel(qtbot, ctx, out: Path):
    from survey_app.qt.views.export_panel import ExportPanel

    panel = ExportPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.folder_edit.setText(str(out))
    qtbot.mouseClick(panel.gpkg_radio, Qt.LeftButton)
    return panel


def _items(panel) -> dict:
    return {panel.layer_list.item(i).data(Qt.UserRole): panel.layer_list.item(i)
            for i in range(panel.layer_list.count())}


@pytest.fixture
def filled(home):
    es.build(home / "survey.db").close()
    return home


def test_geopackage_from_the_panel_has_its_layers_and_summary(filled, app_ctx, qtbot, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    panel = _panel(qtbot, app_ctx, out)
    items = _items(panel)
    assert panel.gpkg_radio.isChecked() and not panel.zip_check.isEnabled()
    assert not items["hexagons_r9"].isHidden() and items["members"].flags() & Qt.ItemIsEnabled
    items["hexagons_r8"].setCheckState(Qt.Unchecked)
    progress = []
    original = panel._on_progress
    panel._on_progress = lambda p: (progress.append(p), original(p))
    with qtbot.waitSignal(panel.export_finished, timeout=120000) as sig:
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)
        assert panel.cancel_button.isEnabled() and not panel.export_button.isEnabled()
    result = sig.args[0]
    assert not isinstance(result, BaseException), result
    path = out / "survey.gpkg"
    assert result.path == path and list(out.iterdir()) == [path]
    with sqlite3.connect(path) as gpkg:    # a GeoPackage is a plain SQLite file
        tables = {r[0] for r in gpkg.execute("SELECT table_name FROM gpkg_contents")}
        assert gpkg.execute("SELECT count(*) FROM sessions").fetchone()[0] == result.layers["sessions"] > 0
    assert {"sessions", "members", "units", "hexagons_r9", "indicators"} <= tables and "hexagons_r8" not in tables
    assert {p.layer for p in progress} >= {"sessions", "signal_readings", "units"} and panel.progress.value() == 1000
    text = panel.status_label.text()
    assert "survey.gpkg" in text and "Phiên khảo sát (sessions)" in text and "làm tròn" in text
    assert panel.zip_check.isEnabled() is False and panel.export_button.isEnabled()
    qtbot.mouseClick(panel.csv_radio, Qt.LeftButton)          # back to CSV: the GeoPackage-only layers go away
    assert items["hexagons_r9"].isHidden() and panel.zip_check.isEnabled()


def test_geopackage_cancel_and_an_earlier_file(filled, app_ctx, qtbot, tmp_path, monkeypatch):
    from survey_app.exports.files import ExportCancelled, FilesExist
    from survey_app.qt.views.export_panel import ExportPanel

    out = tmp_path / "out"
    out.mkdir()
    panel = _panel(qtbot, app_ctx, out)
    original = panel._on_progress

    def cancel_at_first(p):
        original(p)
        if not panel.task.cancelled:
            qtbot.mouseClick(panel.cancel_button, Qt.LeftButton)

    panel._on_progress = cancel_at_first
    with qtbot.waitSignal(panel.export_finished, timeout=120000) as sig:
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)
    assert isinstance(sig.args[0], ExportCancelled) and list(out.iterdir()) == []
    assert "Đã hủy xuất dữ liệu" in panel.status_label.text()
    # an earlier export of the same name: asked first; "no" leaves it as it was
    (out / "survey.gpkg").write_bytes(b"an earlier export")
    asked = []
    monkeypatch.setattr(ExportPanel, "_replace_agreed", lambda self, text: asked.append(text) or False)
    panel._on_progress = original
    with qtbot.waitSignal(panel.export_finished, timeout=120000) as sig:
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)
    assert isinstance(sig.args[0], FilesExist) and asked and "survey.gpkg" in asked[0]
    assert (out / "survey.gpkg").read_bytes() == b"an earlier export"
    monkeypatch.setattr(ExportPanel, "_replace_agreed", lambda self, text: True)
    with qtbot.waitSignal(panel.export_finished, timeout=120000) as sig:
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)
    assert not isinstance(sig.args[0], BaseException) and (out / "survey.gpkg").read_bytes()[:16] == b"SQLite format 3\0"
