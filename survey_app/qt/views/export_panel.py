"""The Export tab: format, layers, filters, privacy choices and folder; a background export with progress/cancel."""
from __future__ import annotations

import os
from pathlib import Path

from survey_app.qt.qt import QDate, QDesktopServices, QListWidgetItem, Qt, QUrl, QWidget, Signal

from survey_app.exports.files import FilesExist
from survey_app.models.export_spec import Filters
from survey_app.exports.layers import BY_NAME, LAYER_NAMES
from survey_app.exports.run import ExportOptions, run_export
from survey_app.exports.gpkg import GPKG_LAYERS, GpkgResult, run_gpkg_into_folder
from survey_app.qt._generated.ui_export_panel import Ui_ExportPanel
from survey_app.qt.context import AppContext
from survey_app.qt.formatting import count
from survey_app.qt.runner import run_task

SETTINGS_KEY = "export"


class ExportPanel(QWidget):
    """Writes CSV, GeoJSON or GeoPackage files of the survey (privacy-safe by default) into a folder the user
    picks."""

    export_finished = Signal(object)   # ExportResult, or the exception that stopped it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.result = None
        self._build()
        self._load_choices()
        self._on_format_changed()

    # ----- layout
    def _build(self) -> None:
        self.ui = Ui_ExportPanel()
        self.ui.setupUi(self)
        ui = self.ui
        self.csv_radio, self.geojson_radio, self.layer_list = ui.csvRadio, ui.geojsonRadio, ui.layerList
        self.gpkg_radio = ui.gpkgRadio
        self.unit_list, self.team_combo, self.approved_check = ui.unitList, ui.teamCombo, ui.approvedCheck
        self.from_check, self.from_date, self.to_check, self.to_date = ui.fromCheck, ui.fromDate, ui.toCheck, ui.toDate
        self.personal_check, self.precise_check = ui.personalCheck, ui.preciseCheck
        self.folder_edit, self.browse_button, self.zip_check = ui.folderEdit, ui.browseButton, ui.zipCheck
        self.export_button, self.cancel_button, self.progress = ui.exportButton, ui.cancelButton, ui.progress
        self.status_label, self.open_button = ui.statusLabel, ui.openButton
        self.csv_radio.toggled.connect(self._on_format_changed)
        self.gpkg_radio.toggled.connect(self._on_format_changed)
        names = {"sessions": self.tr("Survey sessions"), "speed_tests": self.tr("Speed tests"),
                 "signal_readings": self.tr("Signal readings"), "households": self.tr("Household interviews"),
                 "members": self.tr("Household members (CSV, GeoPackage)"),
                 "indicators": self.tr("Indicator summary per ward/commune"),
                 "kpis": self.tr("Speed KPIs per ward/commune, operator and technology"),
                 "units": self.tr("Wards and communes with their boundaries (GeoPackage)"),
                 "hexagons_r8": self.tr("Coverage hexagons, H3 resolution 8 (GeoPackage)"),
                 "hexagons_r9": self.tr("Coverage hexagons, H3 resolution 9 (GeoPackage)")}
        self.layer_names = names
        for key in LAYER_NAMES + tuple(k for k in GPKG_LAYERS if k not in LAYER_NAMES):
            item = QListWidgetItem(names[key])
            item.setData(Qt.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.layer_list.addItem(item)
        self.from_date.setDate(QDate.currentDate().addMonths(-1))
        self.to_date.setDate(QDate.currentDate())
        self.from_check.toggled.connect(self.from_date.setEnabled)
        self.to_check.toggled.connect(self.to_date.setEnabled)
        self.browse_button.clicked.connect(self._choose_folder)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.open_button.clicked.connect(self.open_folder)

    # ----- choices
    def _load_choices(self) -> None:
        from survey_app.storage.export_queries import list_teams
        from survey_app.storage.units import list_units

        if self.unit_list.count() == 0:     # the 40 units never change; keep the user's ticks
            self._load_units(list_units(self.ctx.db))
        current = self.team_combo.currentData()
        self.team_combo.clear()
        self.team_combo.addItem(self.tr("All teams"), None)
        for team in list_teams(self.ctx.db):
            self.team_combo.addItem(team, team)
        if current is not None and self.team_combo.findData(current) >= 0:
            self.team_combo.setCurrentIndex(self.team_combo.findData(current))
        saved = self.ctx.settings.extra.get(SETTINGS_KEY, {})
        if not self.folder_edit.text():
            self.folder_edit.setText(saved.get("folder") or str(Path.home()))

    def _load_units(self, units) -> None:
        for u in units:
            item = QListWidgetItem(u.name)
            item.setData(Qt.UserRole, u.code)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.unit_list.addItem(item)

    def on_shown(self) -> None:
        """Refresh the team list (new sessions may have come in)."""
        if self.task is None:
            self._load_choices()

    def _format(self) -> str:
        return "csv" if self.csv_radio.isChecked() else "gpkg" if self.gpkg_radio.isChecked() else "geojson"

    @staticmethod
    def _layer_fits(key: str, fmt: str) -> bool:
        """Whether a layer can be written in a format (members have no position; GeoPackage-only layers)."""
        if fmt == "gpkg":
            return key in GPKG_LAYERS
        return key in LAYER_NAMES and (fmt == "csv" or key not in BY_NAME or BY_NAME[key].geojson)

    def _on_format_changed(self, *_args) -> None:
        fmt = self._format()
        for i in range(self.layer_list.count()):
            item = self.layer_list.item(i)
            key = item.data(Qt.UserRole)
            item.setHidden(key not in LAYER_NAMES and fmt != "gpkg")
            fits = self._layer_fits(key, fmt)
            item.setFlags(item.flags() | Qt.ItemIsEnabled if fits else item.flags() & ~Qt.ItemIsEnabled)
        self.zip_check.setEnabled(fmt != "gpkg" and self.task is None)   # a GeoPackage is one file already

    def _choose_folder(self) -> None:
        from survey_app.qt.file_dialogs import choose_folder

        folder = choose_folder(self, self.tr("Export into folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def options(self) -> ExportOptions:
        """The export the form describes."""
        fmt = self._format()
        layers = []
        for i in range(self.layer_list.count()):
            item = self.layer_list.item(i)
            key = item.data(Qt.UserRole)
            if item.checkState() == Qt.Checked and self._layer_fits(key, fmt):
                layers.append(key)
        units = tuple(self.unit_list.item(i).data(Qt.UserRole) for i in range(self.unit_list.count())
                      if self.unit_list.item(i).checkState() == Qt.Checked)
        team = self.team_combo.currentData()
        filters = Filters(units=units,
                          date_from=self.from_date.date().toPython() if self.from_check.isChecked() else None,
                          date_to=self.to_date.date().toPython() if self.to_check.isChecked() else None,
                          teams=(team,) if team else (),
                          status="approved" if self.approved_check.isChecked() else "all")
        return ExportOptions(fmt, Path(self.folder_edit.text().strip()), tuple(layers), filters,
                             self.personal_check.isChecked(), self.precise_check.isChecked(),
                             self.zip_check.isChecked() and fmt != "gpkg")

    # ----- running
    def start_export(self) -> None:
        """Start the export in the background (files already in the folder are kept unless the user agrees)."""
        self._start(overwrite=False)

    def _start(self, overwrite: bool) -> None:
        if self.task is not None:
            return
        import dataclasses

        options = dataclasses.replace(self.options(), overwrite=overwrite)
        if not options.layers:
            self._show_error(self.tr("Tick at least one layer to export."))
            return
        f = options.filters
        if f.date_from and f.date_to and f.date_from > f.date_to:
            self._show_error(self.tr("The first day is after the last day."))
            return
        self.ctx.settings.extra[SETTINGS_KEY] = {"folder": str(options.out_dir)}
        self.ctx.save_settings()
        self.result = None
        self.open_button.setEnabled(False)
        self.progress.setValue(0)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Counting records…"))
        self._set_running(True)
        export = run_gpkg_into_folder if options.fmt == "gpkg" else run_export
        self.task = run_task(export, self.ctx.db_path, options, settings=self.ctx.settings, parent=self,
                             on_progress=self._on_progress, on_done=self._on_done, on_error=self._on_error)

    def cancel_export(self) -> None:
        """Stop the running export; its temporary files are removed."""
        if self.task is not None:
            self.task.cancel()
            self.status_label.setText(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for w in (self.csv_radio, self.geojson_radio, self.gpkg_radio, self.layer_list, self.unit_list,
                  self.team_combo, self.personal_check, self.precise_check, self.folder_edit, self.browse_button,
                  self.zip_check):
            w.setEnabled(not running)
        if not running:
            self._on_format_changed()

    def _layer_name(self, layer: str) -> str:
        key = layer.rsplit(".", 1)[0]
        return self.layer_names.get(key, layer)

    def _on_progress(self, p) -> None:
        self.progress.setValue(int(1000 * p.fraction))
        if p.stage == "zip":
            self.status_label.setText(self.tr("Packing the archive… {percent}%").format(
                percent=int(100 * p.fraction)))
        else:
            self.status_label.setText(self.tr("{layer}: {done} of {total} rows (layer {index} of {count})").format(
                layer=self._layer_name(p.layer), done=count(p.done), total=count(p.total), index=p.index + 1,
                count=p.count))

    def _on_done(self, result) -> None:
        self.task = None
        self.result = result
        self._set_running(False)
        self.progress.setValue(1000)
        if isinstance(result, GpkgResult):     # one file: its layers and their feature counts
            files = [{"file": name, "rows": rows} for name, rows in result.layers.items()]
            privacy = {"include_personal": result.options.include_personal,
                       "precise_locations": result.options.precise_locations}
            where = result.path
        else:
            files, privacy, where = result.manifest["files"], result.manifest["privacy"], result.folder
        counts = ", ".join(self.tr("{layer} ({file}): {rows}").format(
            layer=self._layer_name(f["file"]), file=f["file"], rows=count(f["rows"])) for f in files)
        personal = self.tr("names and phones included") if privacy["include_personal"] else \
            self.tr("no names or phones")
        places = self.tr("precise locations") if privacy["precise_locations"] else \
            self.tr("household locations rounded to about 100 m")
        self.status_label.setText(self.tr("Exported into {folder}: {counts}. Privacy: {personal}; {places}.").format(
            folder=where, counts=counts, personal=personal, places=places))
        self.open_button.setEnabled(True)
        self.export_finished.emit(result)

    def _on_error(self, exc: BaseException) -> None:
        from survey_app.qt.app import describe_error

        self.task = None
        self._set_running(False)
        self.progress.setValue(0)
        if isinstance(exc, FilesExist) and self._replace_agreed(str(exc)):
            self._start(overwrite=True)
            return
        self._show_error(describe_error(exc))
        self.export_finished.emit(exc)

    def _replace_agreed(self, text: str) -> bool:
        from survey_app.qt.qt import QMessageBox

        box = QMessageBox(QMessageBox.Question, self.tr("Replace the files?"),
                          text + "\n\n" + self.tr("Replace them with this export?"),
                          QMessageBox.Yes | QMessageBox.No, self)
        box.setDefaultButton(QMessageBox.No)
        return box.exec() == QMessageBox.Yes

    def _show_error(self, text: str) -> None:
        self.status_label.setStyleSheet("color: #b00020;")
        self.status_label.setText(text)

    def open_folder(self) -> None:
        """Show the export folder in the file manager."""
        if self.result is not None and not os.environ.get("SURVEY_APP_NO_DIALOGS"):
            folder = self.result.path.parent if isinstance(self.result, GpkgResult) else self.result.folder
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def busy_reason(self) -> str | None:
        """Why closing the window now would stop something (an export being written)."""
        return self.tr("an export is being written") if self.task is not None else None

    def shutdown(self) -> None:
        """Cancel a running export and wait for it (the window is closing)."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait(10000)
