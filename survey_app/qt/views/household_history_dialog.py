"""The change history of one household interview: each earlier revision with who, when and why."""
from __future__ import annotations

from survey_app.qt.qt import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                              QTableWidgetItem, QVBoxLayout, QWidget)

from survey_app.qt.context import AppContext
from survey_app.qt.formatting import local_datetime
from survey_app.storage.households import history


class HouseholdHistoryDialog(QDialog):
    """Lists record_history rows of the household and its members."""

    def __init__(self, ctx: AppContext, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of this interview"))
        self.resize(760, 360)
        rows = history(ctx.db, household_id)
        layout = QVBoxLayout(self)
        if not rows:
            layout.addWidget(QLabel(self.tr("This interview has not been changed since it was finalized.")))
        self.table = QTableWidget(len(rows), 5)
        self.table.setTabKeyNavigation(False)   # Tab leaves the table; arrows move inside it
        self.table.setHorizontalHeaderLabels([self.tr("Changed at"), self.tr("By"), self.tr("Reason"),
                                              self.tr("Record"), self.tr("Revision replaced")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        for r, h in enumerate(rows):
            what = self.tr("Household") if h["table"] == "households" else self.tr("Member {n}").format(
                n=h["data_before"].get("position", "?"))
            for c, text in enumerate([local_datetime(h["changed_at"]), h["changed_by"], h["reason"],
                                      what, str(h["revision"])]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
