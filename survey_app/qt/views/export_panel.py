"""The Export tab: format, layers, filters, privacy choices and folder; a background export with progress/cancel."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QProgressBar,
                               QPushButton, QRadioButton, QVBoxLayout, QWidget)

from survey_app.exports.files import FilesExist
from survey_app.models.export_spec import Filters
from survey_app.exports.layers import BY_NAME, LAYER_NAMES
from survey_app.exports.run import ExportOptions, run_export
from survey_app.qt.context import AppContext
from survey_app.qt.runner import run_task

SETTINGS_KEY = "export"


class ExportPanel(QWidget):
    """Writes CSV or GeoJSON files of the survey (privacy-safe by default) into a folder the user picks."""

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
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        layout.addLayout(top)

        what = QGroupBox(self.tr("What to export"))
        wl = QVBoxLayout(what)
        row = QHBoxLayout()
        self.csv_radio = QRadioButton(self.tr("CSV (Excel, LibreOffice)"))
        self.geojson_radio = QRadioButton(self.tr("GeoJSON (QGIS, maps)"))
        self.csv_radio.setChecked(True)
        self.csv_radio.toggled.connect(self._on_format_changed)
        row.addWidget(self.csv_radio)
        row.addWidget(self.geojson_radio)
        wl.addLayout(row)
        self.layer_list = QListWidget()
        names = {"sessions": self.tr("Survey sessions"), "speed_tests": self.tr("Speed tests"),
                 "signal_readings": self.tr("Signal readings"), "households": self.tr("Household interviews"),
                 "members": self.tr("Household members (CSV only)"),
                 "indicators": self.tr("Indicator summary per ward/commune")}
        for key in LAYER_NAMES:
            item = QListWidgetItem(names[key])
            item.setData(Qt.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.layer_list.addItem(item)
        self.layer_list.setMaximumHeight(self.layer_list.sizeHintForRow(0) * (len(LAYER_NAMES) + 1) + 8)
        wl.addWidget(self.layer_list)
        wl.addStretch(1)
        top.addWidget(what, 1)

        filters = QGroupBox(self.tr("Filters"))
        fl = QFormLayout(filters)
        self.unit_list = QListWidget()
        self.unit_list.setToolTip(self.tr("Tick units to export only them; none ticked means every unit."))
        fl.addRow(self.tr("Wards/communes:"), self.unit_list)
        self.from_check = QCheckBox(self.tr("From"))
        self.from_date = QDateEdit(QDate.currentDate().addMonths(-1))
        self.to_check = QCheckBox(self.tr("To"))
        self.to_date = QDateEdit(QDate.currentDate())
        dates = QGridLayout()
        for i, (check, edit) in enumerate(((self.from_check, self.from_date), (self.to_check, self.to_date))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy" if self.ctx.language == "vi" else "dd MMM yyyy")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            dates.addWidget(check, 0, 2 * i)
            dates.addWidget(edit, 0, 2 * i + 1)
        fl.addRow(self.tr("Dates (Huế time):"), dates)
        self.team_combo = QComboBox()
        fl.addRow(self.tr("Team:"), self.team_combo)
        self.approved_check = QCheckBox(self.tr("Only approved sessions"))
        fl.addRow("", self.approved_check)
        top.addWidget(filters, 1)

        privacy = QGroupBox(self.tr("Personal data"))
        pl = QVBoxLayout(privacy)
        self.personal_check = QCheckBox(self.tr("Include names and phone numbers"))
        pl.addWidget(self.personal_check)
        pl.addWidget(self._note(self.tr(
            "Left out by default: respondents' and members' names, phone numbers, surveyors' names and free-text "
            "notes. Include them only if the receiver is allowed to hold personal data.")))
        self.precise_check = QCheckBox(self.tr("Precise household locations"))
        pl.addWidget(self.precise_check)
        pl.addWidget(self._note(self.tr(
            "By default, positions of households (and of speed tests taken at a household) are rounded to about "
            "100 m, so a home cannot be found from the file. Signal readings keep their exact position.")))
        layout.addWidget(privacy)

        out = QHBoxLayout()
        out.addWidget(QLabel(self.tr("Output folder:")))
        self.folder_edit = QLineEdit()
        out.addWidget(self.folder_edit, 1)
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self._choose_folder)
        out.addWidget(self.browse_button)
        self.zip_check = QCheckBox(self.tr("One .zip archive"))
        out.addWidget(self.zip_check)
        layout.addLayout(out)

        run = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        run.addWidget(self.export_button)
        run.addWidget(self.cancel_button)
        run.addWidget(self.progress, 1)
        layout.addLayout(run)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.status_label)
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_folder)
        layout.addWidget(self.open_button, 0, Qt.AlignLeft)
        layout.addStretch(1)

    @staticmethod
    def _note(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("margin-left: 22px; font-style: italic;")
        return label

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
            item = QListWidgetItem(f"{u.code}  {u.name}")
            item.setData(Qt.UserRole, u.code)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.unit_list.addItem(item)

    def on_shown(self) -> None:
        """Refresh the team list (new sessions may have come in)."""
        if self.task is None:
            self._load_choices()

    def _on_format_changed(self, *_args) -> None:
        csv = self.csv_radio.isChecked()
        for i in range(self.layer_list.count()):
            item = self.layer_list.item(i)
            key = item.data(Qt.UserRole)
            if key in BY_NAME and not BY_NAME[key].geojson:
                flags = item.flags() | Qt.ItemIsEnabled if csv else item.flags() & ~Qt.ItemIsEnabled
                item.setFlags(flags)

    def _choose_folder(self) -> None:
        if os.environ.get("SURVEY_APP_NO_DIALOGS"):
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def options(self) -> ExportOptions:
        """The export the form describes."""
        fmt = "csv" if self.csv_radio.isChecked() else "geojson"
        layers = []
        for i in range(self.layer_list.count()):
            item = self.layer_list.item(i)
            key = item.data(Qt.UserRole)
            if item.checkState() == Qt.Checked and (fmt == "csv" or key not in BY_NAME or BY_NAME[key].geojson):
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
                             self.zip_check.isChecked())

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
        self.task = run_task(run_export, self.ctx.db_path, options, settings=self.ctx.settings, parent=self,
                             on_progress=self._on_progress, on_done=self._on_done, on_error=self._on_error)

    def cancel_export(self) -> None:
        """Stop the running export; its temporary files are removed."""
        if self.task is not None:
            self.task.cancel()
            self.status_label.setText(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for w in (self.csv_radio, self.geojson_radio, self.layer_list, self.unit_list, self.team_combo,
                  self.personal_check, self.precise_check, self.folder_edit, self.browse_button, self.zip_check):
            w.setEnabled(not running)

    def _on_progress(self, p) -> None:
        self.progress.setValue(int(1000 * p.fraction))
        if p.stage == "zip":
            self.status_label.setText(self.tr("Packing the archive… {percent}%").format(
                percent=int(100 * p.fraction)))
        else:
            self.status_label.setText(self.tr("{layer}: {done} of {total} rows (layer {index} of {count})").format(
                layer=p.layer, done=p.done, total=p.total, index=p.index + 1, count=p.count))

    def _on_done(self, result) -> None:
        self.task = None
        self.result = result
        self._set_running(False)
        self.progress.setValue(1000)
        counts = ", ".join(self.tr("{layer}: {rows}").format(layer=f["file"], rows=f["rows"])
                           for f in result.manifest["files"])
        privacy = result.manifest["privacy"]
        personal = self.tr("names and phones included") if privacy["include_personal"] else \
            self.tr("no names or phones")
        places = self.tr("precise locations") if privacy["precise_locations"] else \
            self.tr("household locations rounded to about 100 m")
        self.status_label.setText(self.tr("Exported into {folder}: {counts}. Privacy: {personal}; {places}.").format(
            folder=result.folder, counts=counts, personal=personal, places=places))
        self.open_button.setEnabled(True)
        self.export_finished.emit(result)

    def _on_error(self, exc: BaseException) -> None:
        self.task = None
        self._set_running(False)
        self.progress.setValue(0)
        if isinstance(exc, FilesExist) and self._replace_agreed(str(exc)):
            self._start(overwrite=True)
            return
        self._show_error(str(exc))
        self.export_finished.emit(exc)

    def _replace_agreed(self, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

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
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.folder)))

    def shutdown(self) -> None:
        """Cancel a running export and wait for it (the window is closing)."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait(10000)
