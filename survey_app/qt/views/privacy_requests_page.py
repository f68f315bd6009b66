"""The Privacy page: households' requests with their Decree 356/2025 deadlines, and the retention reminder."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from pathlib import Path

from survey_app.qt.qt import (QComboBox, QCompleter, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMessageBox,
                              QPushButton, Qt, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from survey_app.clock import VN_TZ, utc_bound
from survey_app.households.requests import with_deadlines
from survey_app.qt.bridges.storage_bridge import affects
from survey_app.qt.context import AppContext
from survey_app.qt.file_dialogs import choose_folder
from survey_app.qt.formatting import local_datetime
from survey_app.qt.runner import run_task


def retention_bound(days: int) -> str:
    """UTC bound before which households are past a retention of `days` days."""
    return utc_bound(datetime.now(VN_TZ).date() - timedelta(days=max(days, 0)))


def purge_past(db_path, before_utc: str, cancel=None) -> int:
    """Purge the households past the bound (in a worker thread, on its own connection)."""
    from survey_app.storage.db import connect
    from survey_app.storage.retention import purge, purgeable

    db = connect(db_path)
    try:
        return purge(db, purgeable(db, before_utc))
    finally:
        db.close()


def export_person_task(db_path, household_id: str, out: Path, handled_by: str, overwrite: bool,
                       cancel=None) -> list[Path]:
    """Write a household's data (in a worker thread, on its own connection)."""
    from survey_app.exports.person import export_person
    from survey_app.storage.db import connect

    db = connect(db_path)
    try:
        return export_person(db, household_id, out, handled_by=handled_by, overwrite=overwrite)
    finally:
        db.close()


def erase_task(db_path, household_id: str, by: str, reason: str, cancel=None) -> dict:
    """Erase a household (in a worker thread, on its own connection)."""
    from survey_app.households.erasure import erase
    from survey_app.storage.db import connect
    from survey_app.storage.records import context_for

    db = connect(db_path)
    try:
        return erase(db, context_for(db, by), household_id, reason)
    finally:
        db.close()


def _day(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y")


class PrivacyRequestsPage(QWidget):
    """What households asked for (see, erase, withdraw consent), when, and by when it must be done."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A household may ask to see what was recorded about it, to have it erased, or to "
                               "withdraw its consent. Decree 356/2025/NĐ-CP: acknowledge a request within 2 working "
                               "days and complete it within 15 days (see docs/privacy.md). On the command line: "
                               "survey-app households export-person / erase, survey-app consent withdraw."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.retention_label = QLabel()
        self.retention_label.setWordWrap(True)
        self.purge_button = QPushButton(self.tr("Remove their personal data from this laptop"))
        self.purge_button.clicked.connect(self._on_purge_clicked)
        row.addWidget(self.retention_label, 1)
        row.addWidget(self.purge_button)
        layout.addLayout(row)
        ask = QHBoxLayout()
        # Households are picked by what people know (name, hamlet, unit, day), never by their id.
        self.household_combo = QComboBox()
        self.household_combo.setEditable(True)
        self.household_combo.setInsertPolicy(QComboBox.NoInsert)
        self.household_combo.completer().setFilterMode(Qt.MatchContains)
        self.household_combo.completer().setCompletionMode(QCompleter.PopupCompletion)
        self.household_combo.lineEdit().setPlaceholderText(self.tr("Household: type its name, hamlet or day"))
        self.export_button = QPushButton(self.tr("Give the household its data…"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.erase_button = QPushButton(self.tr("Erase the household…"))
        self.erase_button.clicked.connect(self._on_erase_clicked)
        ask.addWidget(self.household_combo, 1)
        ask.addWidget(self.export_button)
        ask.addWidget(self.erase_button)
        layout.addLayout(ask)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Received"), self.tr("Request"), self.tr("Household"),
                                              self.tr("Acknowledge by"), self.tr("Complete by"), self.tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self._labels: dict[str, str] = {}
        ctx.records_changed.connect(self._on_records_changed)
        self.refresh()

    def _on_records_changed(self, table: str) -> None:
        if affects(table, "households", "sessions") and self.isVisible():
            self.refresh()

    def on_shown(self) -> None:
        """Reload when the page is visited."""
        self.refresh()

    def refresh(self) -> None:
        """Requests and the retention reminder from the database."""
        from survey_app.storage.consents import list_requests
        from survey_app.storage.retention import overdue_count

        kinds = {"access": self.tr("See the data"), "erasure": self.tr("Erase"),
                 "withdrawal": self.tr("Withdraw consent")}
        self._fill_households()
        rows = [with_deadlines(r) for r in list_requests(self.ctx.db)]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            state = (self.tr("done") if r["completed_at"] else self.tr("open")) + (self.tr(", late") if r["late"]
                                                                                  else "")
            received = datetime.fromisoformat(r["received_at"].replace("Z", "+00:00")).astimezone(VN_TZ)
            values = [received.strftime("%d/%m/%Y %H:%M"), kinds.get(r["kind"], r["kind"]),
                      self._labels.get(r["household_id"], self.tr("an erased household")),
                      _day(r["acknowledge_by"]), _day(r["complete_by"]), state]
            for j, v in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(v))
        days = self.ctx.settings.retention_days
        n = overdue_count(self.ctx.conn, retention_bound(days)) if days > 0 else 0
        self.retention_label.setText(
            self.tr("{n} households of approved sessions that reached the central system are older than the "
                    "retention period ({days} days) and still hold names, phones or positions here.").format(
                n=n, days=days) if n else self.tr("No household is past the retention period ({days} days).")
            .format(days=days))
        self.retention_label.setStyleSheet("color: #b00020;" if n else "")
        self.purge_button.setEnabled(bool(n) and self.task is None)

    def _fill_households(self) -> None:
        from survey_app.storage.record_summaries import household_choices

        chosen, typed = self._chosen_household(), self.household_combo.currentText()
        self._labels = {}
        self.household_combo.blockSignals(True)
        self.household_combo.clear()
        for hid, started, unit, hamlet, name in household_choices(self.ctx.db):
            label = " · ".join(p for p in (name, hamlet, unit, local_datetime(started)) if p)
            self._labels[hid] = label or self.tr("household without a name")
            self.household_combo.addItem(self._labels[hid], hid)
        index = self.household_combo.findData(chosen) if chosen else -1
        self.household_combo.setCurrentIndex(index)
        if index < 0:
            self.household_combo.setEditText(typed if chosen is None else "")
        self.household_combo.blockSignals(False)

    def _chosen_household(self) -> str | None:
        """The id of the household picked in the list, or named by part of its label (else None)."""
        combo, typed = self.household_combo, self.household_combo.currentText().strip()
        index = combo.findText(typed, Qt.MatchFixedString)
        if index < 0 and typed:   # part of one household's label is enough; part of several is not
            matches = [i for i in range(combo.count()) if typed.casefold() in combo.itemText(i).casefold()]
            index = matches[0] if len(matches) == 1 else -1
        return combo.itemData(index) if index >= 0 else None

    def _household_or_say(self) -> str | None:
        household_id = self._chosen_household()
        if household_id is None:
            self._say(self.tr("Choose the household that asked from the list (type part of its name, hamlet "
                              "or day)."), error=True)
        return household_id

    def _on_purge_clicked(self) -> None:
        answer = QMessageBox.question(self, self.tr("Remove personal data?"), self.tr(
            "Names, phones and precise positions of these households are removed. The change is sent to the "
            "central system like any other; it keeps the earlier version in its history. Continue?"))
        if answer != QMessageBox.Yes:
            return
        self.purge_button.setEnabled(False)
        self.task = run_task(purge_past, self.ctx.db_path, retention_bound(self.ctx.settings.retention_days),
                             parent=self, on_done=self._on_purge_done, on_error=self._on_purge_failed)

    def _on_purge_done(self, n: int) -> None:
        self.task = None
        self.refresh()
        self.retention_label.setText(self.tr("Personal data removed from {n} households.").format(n=n))

    def _on_purge_failed(self, exc: BaseException) -> None:
        self.task = None
        self.refresh()
        self.retention_label.setText(str(exc))

    def _on_export_clicked(self) -> None:
        household_id = self._household_or_say()
        if household_id is None:
            return
        folder = choose_folder(self, self.tr("Folder for the household's data"))
        if folder:
            # Named by when it was handed over, not by the household's id (which the message shows).
            name = self.tr("household-data-{when}.json").format(when=datetime.now(VN_TZ).strftime("%Y-%m-%d-%H%M"))
            self._export(household_id, Path(folder) / name, overwrite=False)

    def _export(self, household_id: str, out: Path, overwrite: bool) -> None:
        self.export_button.setEnabled(False)
        self.task = run_task(export_person_task, self.ctx.db_path, household_id, out, self.ctx.settings.surveyor,
                             overwrite, parent=self, on_done=self._on_export_done,
                             on_error=lambda exc: self._on_export_failed(exc, household_id, out))

    def _on_export_done(self, paths: list) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.refresh()
        self._say(self.tr("Written: {files}. Give these files to the household.").format(
            files=", ".join(str(p) for p in paths)))

    def _on_export_failed(self, exc: BaseException, household_id: str, out: Path) -> None:
        from survey_app.exports.files import FilesExist

        self.task = None
        self.export_button.setEnabled(True)
        if isinstance(exc, FilesExist) and QMessageBox.question(
                self, self.tr("Replace the files?"), str(exc)) == QMessageBox.Yes:
            self._export(household_id, out, overwrite=True)
            return
        self._say(str(exc), error=True)

    def _on_erase_clicked(self) -> None:
        household_id = self._household_or_say()
        if household_id is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Erase the household"), self.tr(
            "Its answers, members, consent, positions and the speed tests taken there are erased here, at the "
            "central system and on other laptops. This cannot be undone. Why (who asked, when)?"))
        if not ok:
            return
        if not reason.strip():
            self._say(self.tr("Say why the household is erased; nothing was erased."), error=True)
            return
        self.erase_button.setEnabled(False)
        self.task = run_task(erase_task, self.ctx.db_path, household_id, self.ctx.settings.surveyor, reason,
                             parent=self, on_done=self._on_erase_done, on_error=self._on_erase_failed)

    def _on_erase_done(self, counts: dict) -> None:
        self.task = None
        self.erase_button.setEnabled(True)
        self.household_combo.setEditText("")
        self.refresh()
        self.ctx.records_changed.emit("households")
        self._say(self.tr("Erased: {n} records. The erasure reaches the central system at the next sync.").format(
            n=sum(counts.values())))

    def _on_erase_failed(self, exc: BaseException) -> None:
        self.task = None
        self.erase_button.setEnabled(True)
        self._say(str(exc), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def shutdown(self) -> None:
        """Wait for a running purge (the window is closing)."""
        if self.task is not None:
            self.task.wait(10000)
