"""A row of filters for computed summaries: from and to days (each optional, Huế dates) and one survey team."""
from __future__ import annotations

from survey_app.qt.qt import QCheckBox, QComboBox, QDate, QDateEdit, QHBoxLayout, QTimer, QWidget, Signal

DEBOUNCE_MS = 400      # typing a date: one change once the keys rest, not one per digit


class PeriodTeamFilter(QWidget):
    """From/to days and a team; `changed` after the user changes any of them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.from_check, self.to_check = QCheckBox(self.tr("From")), QCheckBox(self.tr("to"))
        self.from_date, self.to_date = QDateEdit(QDate.currentDate().addMonths(-1)), QDateEdit(QDate.currentDate())
        self.team_combo = QComboBox()
        self.team_combo.setToolTip(self.tr("Only the sessions of this survey team"))
        self.team_combo.addItem(self.tr("All teams"), None)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.changed)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            check.setToolTip(self.tr("Only the sessions that started on or after / on or before this day (Huế time)"))
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._on_toggled)
            edit.dateChanged.connect(self._on_date_changed)
            row.addWidget(check)
            row.addWidget(edit)
        row.addWidget(self.team_combo)
        self.team_combo.currentIndexChanged.connect(self._on_team_changed)

    def _on_toggled(self, _on: bool) -> None:
        self.changed.emit()

    def _on_date_changed(self, _date) -> None:
        if self.sender() is self.from_date and self.from_check.isChecked() or \
                self.sender() is self.to_date and self.to_check.isChecked():
            self._timer.start()

    def _on_team_changed(self, _index: int) -> None:
        self.changed.emit()

    def set_teams(self, teams: list[str]) -> None:
        """The teams to choose from (the choice is kept when its team is still there)."""
        current = self.team_combo.currentData()
        self.team_combo.blockSignals(True)
        self.team_combo.clear()
        self.team_combo.addItem(self.tr("All teams"), None)
        for team in teams:
            self.team_combo.addItem(team, team)
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(current)) if current else 0)
        self.team_combo.blockSignals(False)

    def filters(self):
        """The choice as models.export_spec.Filters (dates and team only)."""
        from survey_app.models.export_spec import Filters

        team = self.team_combo.currentData()
        return Filters(date_from=self.from_date.date().toPython() if self.from_check.isChecked() else None,
                       date_to=self.to_date.date().toPython() if self.to_check.isChecked() else None,
                       teams=(team,) if team else ())

    def problem(self) -> str | None:
        """Why the choice cannot be used (the first day after the last), else None."""
        f = self.filters()
        if f.date_from and f.date_to and f.date_from > f.date_to:
            return self.tr("The first day is after the last day.")
        return None

    def describe(self) -> str:
        """The choice in words for a status line ('' without any)."""
        f = self.filters()
        parts = []
        if f.teams:
            parts.append(self.tr("team {team}").format(team=f.teams[0]))
        if f.date_from or f.date_to:
            parts.append(self.tr("{start} to {end}").format(
                start=f.date_from.strftime("%d/%m/%Y") if f.date_from else "…",
                end=f.date_to.strftime("%d/%m/%Y") if f.date_to else "…"))
        return ", ".join(parts)
