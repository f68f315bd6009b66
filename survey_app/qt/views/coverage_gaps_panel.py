"""The supervisor's gap finder: what counts as covered, the gaps of a unit on the map and in a list, and the
chosen gaps made into an assignment written as a bundle for a team."""
from __future__ import annotations

import os

from survey_app.qt.qt import (QColor, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                              QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget, Qt, Signal)

from survey_app.errors import UserError
from survey_app.qt.runner import run_task

GAP = QColor(230, 120, 20)


def gaps_in_worker(db_path, unit_code, criteria, filters):
    """(gaps, cells examined, shapes) of a unit, found on a worker thread."""
    from survey_app.coverage.gaps import find
    from survey_app.coverage.summaries import unit_index
    from survey_app.storage.db import connect

    db = connect(db_path)
    try:
        found = find(db, unit_code, criteria, filters)
        index = unit_index(db)
        shapes = {g.cell: index.shape(g.cell, unit_code, criteria.res) for g in found.gaps}
        return found, shapes
    finally:
        db.close()


class CoverageGapsPanel(QWidget):
    """Criteria, the list of gaps (tick the ones to assign) and the assignment buttons."""

    gaps_found = Signal(int)
    assignment_written = Signal(str)   # bundle path

    def __init__(self, ctx, map_widget, bar, parent=None) -> None:
        super().__init__(parent)
        from survey_app.coverage.gaps import DEFAULT_OPERATORS
        from survey_app.storage.units import list_units

        self.ctx, self.map, self.bar = ctx, map_widget, bar
        self.task, self.found, self.criteria = None, None, None
        v = QVBoxLayout(self)
        form = QFormLayout()
        self.unit_combo = QComboBox()
        for u in list_units(ctx.db):
            self.unit_combo.addItem(f"{u.name} ({u.code})", u.code)
        self.min_spin = QSpinBox(minimum=1, maximum=1000, value=3)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("successful speed tests"), "tests")
        self.kind_combo.addItem(self.tr("signal readings"), "readings")
        self.since_edit = QLineEdit(placeholderText=self.tr("dd/mm/yyyy (any date if empty)"))
        self.operator_combo = QComboBox()
        self.operator_combo.addItem(self.tr("Every operator"), "")
        for op in DEFAULT_OPERATORS:
            self.operator_combo.addItem(op, op)
        self.tech_combo = QComboBox()
        for text, value in ((self.tr("4G and 5G"), "LTE,NR-NSA,NR-SA"), ("4G (LTE)", "LTE"),
                            ("5G (NR)", "NR-NSA,NR-SA")):
            self.tech_combo.addItem(text, value)
        form.addRow(self.tr("Unit"), self.unit_combo)
        form.addRow(self.tr("At least"), self.min_spin)
        form.addRow(self.tr("of"), self.kind_combo)
        form.addRow(self.tr("Newer than"), self.since_edit)
        form.addRow(self.tr("Operator"), self.operator_combo)
        form.addRow(self.tr("Technology"), self.tech_combo)
        v.addLayout(form)
        self.find_button = QPushButton(self.tr("Find gaps"))
        self.find_button.clicked.connect(self.find)
        v.addWidget(self.find_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        self.list = QListWidget()
        v.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.team_edit = QLineEdit(placeholderText=self.tr("Team"))
        self.for_combo = QComboBox()     # the team's laptop: a trusted surveyor key the bundle is sealed to
        self.for_combo.setToolTip(self.tr("The team laptop the bundle is sealed to (trusted surveyor keys)"))
        self.refresh_laptops()
        row.addWidget(self.for_combo)
        self.assign_button = QPushButton(self.tr("Assign ticked gaps…"))
        self.assign_button.setEnabled(False)
        self.assign_button.clicked.connect(self._on_assign_button_clicked)
        row.addWidget(self.team_edit)
        row.addWidget(self.assign_button)
        v.addLayout(row)

    def refresh_laptops(self) -> None:
        """The trusted surveyor laptops an assignment can be sealed to."""
        from survey_app.coverage.team_keys import surveyor_keys

        self.for_combo.clear()
        keys = surveyor_keys(self.ctx.home)
        for name, key in keys:
            self.for_combo.addItem(name, key)
        if not keys:
            self.for_combo.addItem(self.tr("No trusted surveyor laptop"), "")

    def _criteria(self):
        from survey_app.commands.export import parse_date
        from survey_app.coverage.gaps import DEFAULT_OPERATORS, Criteria

        op = self.operator_combo.currentData()
        return Criteria(self.min_spin.value(), self.kind_combo.currentData(), parse_date(self.since_edit.text()),
                        (op,) if op else DEFAULT_OPERATORS, tuple(self.tech_combo.currentData().split(",")),
                        self.bar.res_combo.currentData())

    def find(self) -> None:
        """Look for the gaps of the chosen unit in the background."""
        try:
            self.criteria, filters = self._criteria(), self.bar.filters()
        except UserError as exc:
            self.status.setText(str(exc))
            return
        self.find_button.setEnabled(False)
        self.status.setText(self.tr("Looking for gaps…"))
        self.task = run_task(gaps_in_worker, self.ctx.db_path, self.unit_combo.currentData(), self.criteria, filters,
                             on_done=self._on_found, on_error=self._on_error, parent=self)

    def _on_error(self, exc) -> None:
        self.find_button.setEnabled(True)
        self.status.setText(str(exc))

    def _on_found(self, result) -> None:
        found, shapes = result
        self.find_button.setEnabled(True)
        self.found = found
        self.list.clear()
        for g in found.gaps:
            item = QListWidgetItem(self.tr("{h3} · {operator} · {technology}: {have} of {need}").format(
                h3=g.h3, operator=g.operator, technology=g.technology, have=g.have, need=g.have + g.need))
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.list.addItem(item)
        self.map.set_targets([(shapes[c], GAP) for c in dict.fromkeys(g.cell for g in found.gaps)])
        self.status.setText(self.tr("{gaps} gaps in {cells} hexagons of the unit.").format(
            gaps=len(found.gaps), cells=found.cells))
        self.assign_button.setEnabled(bool(found.gaps))
        self.gaps_found.emit(len(found.gaps))

    def ticked(self) -> list:
        """The gaps ticked in the list."""
        return [g for i, g in enumerate(self.found.gaps if self.found else [])
                if self.list.item(i).checkState() == Qt.Checked]

    def _on_assign_button_clicked(self) -> None:
        if os.environ.get("SURVEY_APP_NO_DIALOGS"):
            return
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save the assignment bundle"), "assignment.zip",
                                               self.tr("Bundles (*.zip)"))
        if path:
            self.assign(path)

    def assign(self, path: str) -> str | None:
        """Record an assignment of the ticked gaps and write its bundle; returns the assignment id."""
        from pathlib import Path

        from survey_app.coverage.assignments import create
        from survey_app.sync.bundle import export_bundle

        key = self.for_combo.currentData()
        try:
            if not key:
                raise UserError(self.tr("Trust the key of the team's laptop first (Settings, Keys: role surveyor); "
                                        "the bundle is sealed to it."))
            if Path(path).exists():
                raise UserError(self.tr("{path} already exists; nothing was changed.").format(path=path))
            a = create(self.ctx.db, self.ctx.record_context(), self.found.unit_code, self.ticked(), self.criteria,
                       team=self.team_edit.text().strip())
            for _n in export_bundle(self.ctx.db_path, path, assignment_id=a.id, recipients=[key]):
                pass
        except UserError as exc:
            self.status.setText(str(exc))
            return None
        self.ctx.records_changed.emit("assignments")
        self.status.setText(self.tr("Assignment of {n} targets written to {path}.").format(n=len(a.targets), path=path))
        self.assignment_written.emit(path)
        return a.id

    def shutdown(self) -> None:
        """Stop looking when the window closes."""
        if self.task is not None and self.task.is_running():
            self.task.cancel()
            self.task.wait(5000)
