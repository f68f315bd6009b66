"""The coverage controls above a map: hexagons (resolution, operator/technology, statistic), the date, team
and status filters, and the basemap picker. It loads the hexagons off the GUI thread and draws them."""
from __future__ import annotations

import os

from survey_app.qt.qt import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                              QVBoxLayout, QWidget, Signal)

from survey_app.errors import UserError
from survey_app.qt.runner import run_task
from survey_app.qt.widgets.review_map import RANGES, ramp

# statistic -> (Hexagon attribute, colour ramp metric, low, high)
STATS = {
    "rsrp_median": ("rsrp_median", "rsrp", -120.0, -70.0), "rsrp_p10": ("rsrp_p10", "rsrp", -120.0, -70.0),
    "sinr_median": ("sinr_median", "sinr", -5.0, 25.0), "down_median": ("down_median", "download", 0.0, 100.0),
    "up_median": ("up_median", "upload", 0.0, 50.0), "no_service": ("no_service_share", "service", 0.0, 1.0),
    "tests": ("tests", "tests", 0.0, 10.0),
}
RANGES.setdefault("sinr", (-5.0, 25.0))
RANGES.setdefault("upload", (0.0, 50.0))
RANGES.setdefault("service", (0.0, 1.0))
RANGES.setdefault("tests", (0.0, 10.0))


def hexagon_shapes_in_worker(db_path, res: int, operator, technology, filters):
    """(polygons, Hexagon) of the hexagons a choice selects, clipped to the units (worker thread)."""
    from survey_app.coverage.hexagons import hexagons
    from survey_app.coverage.summaries import unit_index, update
    from survey_app.storage.db import connect

    db = connect(db_path)
    try:
        index = unit_index(db)
        update(db, index=index)
        return [(index.shape(h.cell, h.unit_code, res), h)
                for h in hexagons(db, res, operator, technology, filters, refresh=False)]
    finally:
        db.close()


class CoverageMapBar(QWidget):
    """Controls for one ReviewMap; call `load()` to (re)draw its hexagons."""

    hexagons_loaded = Signal(int)     # hexagons drawn
    filters_changed = Signal()        # the date, team or status filter changed (other layers reload)

    def __init__(self, ctx, map_widget, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.map = ctx, map_widget
        self.task = None
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        self.hex_check = QCheckBox(self.tr("Hexagons"))
        self.res_combo = QComboBox()
        self.res_combo.addItem(self.tr("Small (H3 res 9)"), 9)
        self.res_combo.addItem(self.tr("Large (H3 res 8)"), 8)
        self.choice_combo = QComboBox()
        self.stat_combo = QComboBox()
        for text, key in ((self.tr("RSRP median"), "rsrp_median"), (self.tr("RSRP 10th percentile"), "rsrp_p10"),
                          (self.tr("SINR median"), "sinr_median"), (self.tr("Download median"), "down_median"),
                          (self.tr("Upload median"), "up_median"), (self.tr("Share without service"), "no_service"),
                          (self.tr("Speed tests"), "tests")):
            self.stat_combo.addItem(text, key)
        for w in (self.hex_check, self.res_combo, self.choice_combo, self.stat_combo):
            row1.addWidget(w)
        self.basemap_combo = QComboBox()
        self.import_button = QPushButton(self.tr("Import basemap…"))
        row1.addWidget(QLabel(self.tr("Basemap:")))
        row1.addWidget(self.basemap_combo)
        row1.addWidget(self.import_button)
        row1.addStretch(1)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All sessions"), "all")
        self.status_combo.addItem(self.tr("Approved sessions only"), "approved")
        self.team_combo = QComboBox()
        self.from_edit, self.to_edit = QLineEdit(), QLineEdit()
        for edit, text in ((self.from_edit, self.tr("from dd/mm/yyyy")), (self.to_edit, self.tr("to dd/mm/yyyy"))):
            edit.setPlaceholderText(text)
            edit.setMaximumWidth(120)
        self.message = QLabel()
        for w in (self.status_combo, self.team_combo, self.from_edit, self.to_edit, self.message):
            row2.addWidget(w)
        row2.addStretch(1)
        v.addLayout(row1)
        v.addLayout(row2)
        self.refresh_choices()
        self.hex_check.toggled.connect(lambda _on: self.load())
        for combo in (self.res_combo, self.choice_combo, self.stat_combo):
            combo.currentIndexChanged.connect(lambda _i: self.load())
        for combo in (self.status_combo, self.team_combo):
            combo.currentIndexChanged.connect(lambda _i: self._on_filters_changed())
        for edit in (self.from_edit, self.to_edit):
            edit.editingFinished.connect(self._on_filters_changed)
        self.basemap_combo.currentIndexChanged.connect(self._on_basemap_combo_changed)
        self.import_button.clicked.connect(self._on_import_button_clicked)

    # -- choices
    def refresh_choices(self) -> None:
        """Fill the operator/technology, team and basemap pickers from the database and home folder."""
        from survey_app.coverage import basemap
        from survey_app.storage.coverage import names
        from survey_app.storage.export_queries import list_teams

        widgets = (self.choice_combo, self.team_combo, self.basemap_combo)
        for w in widgets:
            w.blockSignals(True)
            w.clear()
        db = self.ctx.db
        self.choice_combo.addItem(self.tr("All operators, all technologies"), (None, None))
        techs = names(db, "signal_readings", "technology")
        for op in names(db, "signal_readings", "operator"):
            self.choice_combo.addItem(self.tr("{operator}, all technologies").format(operator=op), (op, None))
            for tech in techs:
                self.choice_combo.addItem(f"{op} · {tech}", (op, tech))
        self.team_combo.addItem(self.tr("All teams"), "")
        for team in list_teams(db):
            self.team_combo.addItem(team, team)
        self.basemap_combo.addItem(self.tr("No basemap"), "")
        for name in basemap.available(self.ctx.home):
            self.basemap_combo.addItem(name, name)
        chosen = basemap.selected(self.ctx.home)
        self.basemap_combo.setCurrentIndex(max(0, self.basemap_combo.findData(chosen or "")))
        for w in widgets:
            w.blockSignals(False)
        self._apply_basemap()

    def filters(self):
        """The date, team and status filters as chosen (UserError for a date that cannot be read)."""
        from survey_app.commands.export import parse_date
        from survey_app.models.export_spec import Filters

        start, end = parse_date(self.from_edit.text()), parse_date(self.to_edit.text())
        team = self.team_combo.currentData()
        return Filters(date_from=start, date_to=end, teams=(team,) if team else (),
                       status=self.status_combo.currentData() or "all")

    def _on_filters_changed(self) -> None:
        self.load()
        self.filters_changed.emit()

    # -- basemap
    def _apply_basemap(self) -> None:
        from survey_app.coverage.basemap import open_selected

        self.map.set_basemap(open_selected(self.ctx.home))

    def _on_basemap_combo_changed(self, _index: int) -> None:
        from survey_app.coverage.basemap import select

        select(self.ctx.home, self.basemap_combo.currentData() or None)
        self._apply_basemap()

    def _on_import_button_clicked(self) -> None:
        if os.environ.get("SURVEY_APP_NO_DIALOGS"):
            return
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Import basemap"), "",
                                               self.tr("MBTiles tile sets (*.mbtiles);;All files (*)"))
        if path:
            self.import_basemap(path)

    def import_basemap(self, path: str) -> bool:
        """Import a tile set and use it; a refused file is explained and changes nothing."""
        from survey_app.coverage.basemap import import_file

        try:
            info = import_file(self.ctx.home, path)
        except UserError as exc:
            self.show_message(str(exc), error=True)
            return False
        self.refresh_choices()
        self.show_message(self.tr("Basemap {name} imported: {tiles} tiles.").format(name=info.name, tiles=info.tiles))
        return True

    def show_message(self, text: str, error: bool = False) -> None:
        """A line beside the filters."""
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    # -- hexagons
    def load(self) -> None:
        """Load and draw the hexagons the controls select (or clear them when the box is unticked)."""
        if not self.hex_check.isChecked():
            self.map.set_hexagons([])
            return
        try:
            filters = self.filters()
        except UserError as exc:
            self.show_message(str(exc), error=True)
            return
        if self.task is not None and self.task.is_running():
            self.task.cancel()
        op, tech = self.choice_combo.currentData() or (None, None)
        self.show_message(self.tr("Loading hexagons…"))
        self.task = run_task(hexagon_shapes_in_worker, self.ctx.db_path, self.res_combo.currentData(), op, tech,
                             filters, on_done=self._on_hexagons, parent=self,
                             on_error=lambda exc: self.show_message(str(exc), error=True))

    def _on_hexagons(self, items) -> None:
        attr, metric, lo, hi = STATS[self.stat_combo.currentData()]
        shapes = []
        for polys, h in items:
            value = getattr(h, attr)
            if metric == "service" and value is not None:
                value = 1 - value      # the ramp runs red (bad) to green (good)
            shapes.append((polys, ramp(value, metric)))
        steps = [lo + (hi - lo) * k / 4 for k in range(5)]
        legend = [(ramp(1 - s if metric == "service" else s, metric), f"{s:g}") for s in steps]
        legend.append((ramp(None, metric), self.tr("no value")))
        self.map.set_hexagons(shapes, self.stat_combo.currentText(), legend)
        self.show_message(self.tr("{n} hexagons").format(n=len(shapes)))
        self.hexagons_loaded.emit(len(shapes))

    def shutdown(self) -> None:
        """Stop loading when the window closes."""
        if self.task is not None and self.task.is_running():
            self.task.cancel()
            self.task.wait(5000)
