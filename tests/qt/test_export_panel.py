"""The Export tab: a real export in the background with progress, a cancel that leaves nothing, clear errors."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
import exports_support as es  # noqa: E402


def _panel(qtbot, ctx):
    from survey_app.qt.views.export_panel import ExportPanel

    panel = ExportPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    return panel


@pytest.fixture
def filled(home):
    es.build(home / "survey.db").close()
    return home


@pytest.fixture
def big(home):
    es.build(home / "survey.db", readings_per_session=30000).close()   # 90,000 readings: many batches
    return home


def test_export_from_the_panel_writes_files_and_summary(filled, app_ctx, qtbot, tmp_path):
    panel = _panel(qtbot, app_ctx)
    out = tmp_path / "out"
    out.mkdir()
    panel.folder_edit.setText(str(out))
    panel.geojson_radio.setChecked(True)
    members = next(panel.layer_list.item(i) for i in range(panel.layer_list.count())
                   if panel.layer_list.item(i).data(Qt.UserRole) == "members")
    assert not members.flags() & Qt.ItemIsEnabled            # members are CSV only
    panel.team_combo.setCurrentIndex(panel.team_combo.findData("Đội Hương Giang"))
    with qtbot.waitSignal(panel.export_finished, timeout=60000) as sig:
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)
        assert panel.cancel_button.isEnabled() and not panel.export_button.isEnabled()
    result = sig.args[0]
    assert not isinstance(result, BaseException), result
    assert result.manifest["filters"]["teams"] == ["Đội Hương Giang"]
    assert result.manifest["counts"]["sessions"] == 2 and "members" not in result.manifest["counts"]
    assert (out / "manifest.json").exists() and (out / "households.geojson").exists()
    assert panel.progress.value() == 1000 and panel.open_button.isEnabled()
    assert "Phiên khảo sát (sessions.geojson): 2" in panel.status_label.text()
    assert "làm tròn" in panel.status_label.text()            # privacy choice shown in Vietnamese
    assert app_ctx.settings.extra["export"]["folder"] == str(out)


def test_cancel_halfway_leaves_no_file(big, app_ctx, qtbot, tmp_path):
    panel = _panel(qtbot, app_ctx)
    out = tmp_path / "out"
    out.mkdir()
    panel.folder_edit.setText(str(out))
    panel.csv_radio.setChecked(True)
    seen = []

    def on_progress(p):
        seen.append(p)
        if p.layer == "signal_readings" and not panel.task.cancelled:
            qtbot.mouseClick(panel.cancel_button, Qt.LeftButton)

    original = panel._on_progress
    panel._on_progress = lambda p: (original(p), on_progress(p))
    with qtbot.waitSignal(panel.export_finished, timeout=120000) as sig:
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)
    from survey_app.exports.files import ExportCancelled

    assert isinstance(sig.args[0], ExportCancelled)
    assert "Đã hủy xuất dữ liệu" in panel.status_label.text()
    assert list(out.iterdir()) == []
    assert panel.export_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert any(p.layer == "signal_readings" and p.done < p.total for p in seen)


def test_missing_folder_and_empty_filter_show_clear_errors(filled, app_ctx, qtbot, tmp_path):
    panel = _panel(qtbot, app_ctx)
    panel.folder_edit.setText(str(tmp_path / "does-not-exist"))
    with qtbot.waitSignal(panel.export_finished, timeout=60000):
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)
    assert "không tồn tại" in panel.status_label.text()
    out = tmp_path / "out"
    out.mkdir()
    panel.folder_edit.setText(str(out))
    panel.approved_check.setChecked(True)
    panel.team_combo.setCurrentIndex(panel.team_combo.findData("Đội Bạch Mã"))   # its session is not approved
    with qtbot.waitSignal(panel.export_finished, timeout=60000):
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)
    assert "Không có bản ghi nào khớp" in panel.status_label.text()
    assert list(out.iterdir()) == []


def test_personal_data_only_when_ticked(filled, app_ctx, qtbot, tmp_path):
    panel = _panel(qtbot, app_ctx)
    out = tmp_path / "out"
    out.mkdir()
    panel.folder_edit.setText(str(out))
    for i in range(panel.layer_list.count()):
        item = panel.layer_list.item(i)
        item.setCheckState(Qt.Checked if item.data(Qt.UserRole) == "members" else Qt.Unchecked)
    panel.personal_check.setChecked(True)
    with qtbot.waitSignal(panel.export_finished, timeout=60000) as sig:
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)
    assert sig.args[0].manifest["privacy"]["personal_columns"] == ["members.name"]
    with open(out / "members.csv", encoding="utf-8-sig", newline="") as fh:
        names = [r["name"] for r in csv.DictReader(fh)]
    assert names[0] == "Nguyễn Thị Hoa"
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"] == {"members": 4}


def test_unit_and_date_filters_survive_a_page_visit(filled, app_ctx, qtbot, tmp_path):
    from PySide6.QtCore import QDate

    panel = _panel(qtbot, app_ctx)
    out = tmp_path / "out"
    out.mkdir()
    panel.folder_edit.setText(str(out))
    ward = next(panel.unit_list.item(i) for i in range(panel.unit_list.count())
                if panel.unit_list.item(i).data(Qt.UserRole) == es.WARD)
    ward.setCheckState(Qt.Checked)
    panel.on_shown()                                         # the Transfer page shown again
    panel.from_check.setChecked(True)
    panel.from_date.setDate(QDate(2026, 3, 1))
    panel.to_check.setChecked(True)
    panel.to_date.setDate(QDate(2026, 3, 2))
    with qtbot.waitSignal(panel.export_finished, timeout=60000) as sig:
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)
    m = sig.args[0].manifest
    assert m["filters"]["units"] == [es.WARD] and m["filters"]["date_to"] == "2026-03-02"
    assert m["counts"]["sessions"] == 1 and m["counts"]["members"] == 2


@pytest.mark.parametrize("answer", ["no", "yes"])
def test_existing_files_are_replaced_only_after_a_yes(filled, app_ctx, qtbot, tmp_path, answer):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    panel = _panel(qtbot, app_ctx)
    out = tmp_path / "out"
    out.mkdir()
    (out / "members.csv").write_text("an earlier export", encoding="utf-8")
    panel.folder_edit.setText(str(out))
    for i in range(panel.layer_list.count()):
        item = panel.layer_list.item(i)
        item.setCheckState(Qt.Checked if item.data(Qt.UserRole) == "members" else Qt.Unchecked)
    asked = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        asked.append(box.text())
        button = box.button(QMessageBox.Yes if answer == "yes" else QMessageBox.No)
        qtbot.mouseClick(button, Qt.LeftButton)

    QTimer.singleShot(0, press)
    with qtbot.waitSignal(panel.export_finished, timeout=60000) as sig:
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)
    assert asked and "members.csv" in asked[0]
    text = (out / "members.csv").read_text(encoding="utf-8-sig")
    if answer == "no":
        assert isinstance(sig.args[0], BaseException) and text == "an earlier export"
        assert "members.csv" in panel.status_label.text()
    else:
        assert not isinstance(sig.args[0], BaseException) and text.startswith("id,")
