"""The Sync tab: server and token setup, Sync now / auto-sync with progress and cancel, per-record states, bundles."""
from __future__ import annotations

import os

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from survey_app.qt.context import AppContext
from survey_app.qt.formatting import local_datetime
from survey_app.qt.runner import run_task
from survey_app.qt.views.sync_records_model import SyncRecordsModel
from survey_app.storage import sync as store

AUTO_INTERVAL_MS = 5 * 60 * 1000


def _auto_sync(db_path, config, cancel):
    """Auto-sync: probe the receiver first, and sync only when it answers (no network, no attempt)."""
    from survey_app.sync.upload import check_health, run_sync

    if not check_health(config):
        return None
    return (yield from run_sync(db_path, config, cancel))


class SyncPanel(QWidget):
    """Sends records to the central system and shows where each one stands."""

    sync_finished = Signal(object)  # SyncResult or None (auto-sync found no network)
    bundle_finished = Signal(object)  # manifest (export) or summary (import)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from survey_app.sync.token import TokenStore

        self.ctx = ctx
        self.tokens = TokenStore(ctx.home)
        self.task = None
        self._build()
        self._load_settings()
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_INTERVAL_MS)
        self.timer.timeout.connect(self.auto_sync)
        self._apply_auto()
        ctx.records_changed.connect(lambda _t: self.refresh_counts())
        self.refresh()

    # ----- layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        setup = QGroupBox(self.tr("Central system"))
        form = QFormLayout(setup)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://sync.example.gov.vn")
        form.addRow(self.tr("Server address:"), self.url_edit)
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.Password)
        form.addRow(self.tr("Device token:"), self.token_edit)
        row = QHBoxLayout()
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(self.tr("only for the city's own certificate authority"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_ca)
        row.addWidget(self.ca_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("CA certificate file:"), row)
        self.auto_check = QCheckBox(self.tr("Sync automatically when the server can be reached"))
        form.addRow("", self.auto_check)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.clicked.connect(self.save_settings)
        self.token_where = QLabel()
        row.addWidget(self.save_button)
        row.addWidget(self.token_where, 1)
        form.addRow("", row)
        layout.addWidget(setup)

        run = QGroupBox(self.tr("Sync"))
        v = QVBoxLayout(run)
        self.counts_label = QLabel()
        self.counts_label.setStyleSheet("font-weight: bold;")
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        v.addWidget(self.counts_label)
        v.addWidget(self.last_label)
        row = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sync_now)
        self.retry_button = QPushButton(self.tr("Send rejected again"))
        self.retry_button.setToolTip(self.tr("Once the cause is fixed, send the records the central system "
                                             "rejected once more"))
        self.retry_button.clicked.connect(self.retry_rejected)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setFormat("%v / %m")
        self.progress.setTextVisible(False)
        row.addWidget(self.sync_button)
        row.addWidget(self.retry_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        v.addLayout(row)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        # room for the result and a why-it-stopped message of two lines (the records table takes the rest)
        self.result_label.setMinimumHeight(self.result_label.fontMetrics().lineSpacing() * 3 + 4)
        v.addWidget(self.result_label)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Write bundle file…"))
        self.export_button.clicked.connect(self.export_bundle)
        self.session_only = QCheckBox(self.tr("only the current session"))
        self.import_button = QPushButton(self.tr("Import bundle file…"))
        self.import_button.clicked.connect(self.import_bundle)
        row.addWidget(self.export_button)
        row.addWidget(self.session_only)
        row.addStretch(1)
        row.addWidget(self.import_button)
        v.addLayout(row)
        layout.addWidget(run)

        states = QGroupBox(self.tr("Records"))
        v = QVBoxLayout(states)
        row = QHBoxLayout()
        self.state_combo = QComboBox()
        self.state_combo.addItem(self.tr("Waiting to be sent"), store.STATE_WAITING)
        self.state_combo.addItem(self.tr("Rejected (with the reason)"), store.STATE_REJECTED)
        self.state_combo.addItem(self.tr("Arrived"), store.STATE_ARRIVED)
        self.table_combo = QComboBox()
        row.addWidget(QLabel(self.tr("Show:")))
        row.addWidget(self.state_combo)
        row.addWidget(self.table_combo)
        row.addStretch(1)
        v.addLayout(row)
        self.model = SyncRecordsModel(self.ctx, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.Stretch)
        self.view.verticalHeader().setVisible(False)
        v.addWidget(self.view)
        layout.addWidget(states, 1)
        self.state_combo.currentIndexChanged.connect(self.reload_records)
        self.table_combo.currentIndexChanged.connect(self.reload_records)

    # ----- settings
    def _load_settings(self) -> None:
        s = self.ctx.settings
        self.url_edit.setText(s.sync_url)
        self.ca_edit.setText(s.sync_ca_file)
        self.auto_check.setChecked(bool(s.sync_auto))
        self._show_token_state()

    def _show_token_state(self) -> None:
        has = bool(self.tokens.load())
        self.token_edit.setPlaceholderText(self.tr("stored (type a new one to replace it)") if has
                                           else self.tr("paste the token from your supervisor"))
        if not has:
            self.token_where.setText(self.tr("No token stored."))
        elif self.tokens.where == "keyring":
            self.token_where.setText(self.tr("The token is kept in the system keyring."))
        else:
            self.token_where.setText(self.tr("The token is kept in a file only you can read."))

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CA certificate file"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_edit.setText(path)

    def save_settings(self) -> None:
        """Keep the server address, CA file, auto-sync choice and (if typed) a new token."""
        s = self.ctx.settings
        s.sync_url = self.url_edit.text().strip()
        s.sync_ca_file = self.ca_edit.text().strip()
        s.sync_auto = self.auto_check.isChecked()
        self.ctx.save_settings()
        if self.token_edit.text().strip():
            self.tokens.save(self.token_edit.text())
            self.token_edit.clear()
        self._show_token_state()
        self._apply_auto()

    def _apply_auto(self) -> None:
        if self.ctx.settings.sync_auto:
            self.timer.start()
        else:
            self.timer.stop()

    def _config(self):
        from survey_app.sync.service import config_from

        config, _tokens = config_from(self.ctx.home, self.ctx.settings,
                                      token=self.token_edit.text().strip() or None)
        return config

    # ----- sync
    def sync_now(self) -> None:
        """Start a sync in the background (asks for what is missing)."""
        if self.task is not None and self.task.is_running():
            return
        if self.token_edit.text().strip() or self.url_edit.text().strip() != self.ctx.settings.sync_url:
            self.save_settings()
        config = self._config()
        if not config.url or not config.token:
            self.result_label.setText(self.tr("Enter the server address and the device token first."))
            return
        from survey_app.sync.upload import run_sync

        self._start(run_sync, config)

    def retry_rejected(self) -> None:
        """Put the rejected records back in the outbox and sync."""
        if self.task is not None and self.task.is_running():
            return
        store.requeue_rejected(self.ctx.db)
        self.refresh_counts()
        self.sync_now()

    def auto_sync(self) -> None:
        """Timer tick: sync if enabled, set up, idle, and the receiver answers."""
        if not self.ctx.settings.sync_auto or (self.task is not None and self.task.is_running()):
            return
        config = self._config()
        if config.url and config.token:
            self._start(_auto_sync, config)

    def _start(self, fn, config) -> None:
        self.sync_button.setEnabled(False)
        self.retry_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.result_label.setText(self.tr("Connecting…"))
        self.task = run_task(fn, self.ctx.db_path, config, on_progress=self._on_progress,
                             on_done=self._on_done, on_error=self._on_error, parent=self)

    def cancel(self) -> None:
        """Stop after the batch in flight (nothing is lost: unsent records stay waiting)."""
        if self.task is not None:
            self.task.cancel()
            self.result_label.setText(self.tr("Stopping after the current batch…"))

    def _on_progress(self, p) -> None:
        self.progress.setTextVisible(True)
        self.progress.setRange(0, max(p.total, 1))
        self.progress.setValue(min(p.sent, max(p.total, 1)))
        self.result_label.setText(self.tr("Sent {sent} of {total}: {accepted} accepted, {rejected} rejected").format(
            sent=p.sent, total=p.total, accepted=p.accepted, rejected=p.rejected))

    def _on_done(self, result) -> None:
        self._idle()
        if result is None:
            self.result_label.setText(self.tr("The central system cannot be reached now; will try again later."))
        else:
            if result.auth_failed:
                self.tokens.clear()
                self._show_token_state()
            status = self._status_text(result.status)
            text = self.tr("{status}: {accepted} accepted, {rejected} rejected, in {batches} batches.").format(
                status=status, accepted=result.accepted, rejected=result.rejected, batches=result.batches)
            if result.error:
                text += "\n" + result.error
            self.result_label.setText(text)
        self.refresh()
        self.sync_finished.emit(result)

    def _status_text(self, status: str) -> str:
        return {"ok": self.tr("Sync finished"), "partial": self.tr("Sync partly done"),
                "failed": self.tr("Sync failed")}.get(status, status)

    def _on_error(self, exc) -> None:
        self._idle()
        self.result_label.setText(str(exc))
        self.refresh()
        self.sync_finished.emit(None)

    def _idle(self) -> None:
        self.task = None  # done: the handle may still be joining its thread, but a new run may start
        self.sync_button.setEnabled(True)
        self.retry_button.setEnabled(store.rejected_count(self.ctx.db) > 0)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)

    # ----- bundles
    def export_bundle(self, path: str | None = None) -> None:
        """Write a bundle file of all unsynced records (or of the current session)."""
        from survey_app.sync.bundle import export_bundle

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Write bundle file"), "survey-bundle.zip",
                                                  self.tr("Bundle files (*.zip)"))
        if not path:
            return
        session = self.ctx.current_session.id if (self.session_only.isChecked() and self.ctx.current_session) else None
        self._bundle_task(export_bundle, self.ctx.db_path, path, session_id=session)

    def import_bundle(self, path: str | None = None) -> None:
        """Import a bundle file (all or nothing; importing twice changes nothing)."""
        from survey_app.sync.bundle_import import import_bundle

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import bundle file"), "",
                                                  self.tr("Bundle files (*.zip)"))
        if not path:
            return
        self._bundle_task(import_bundle, self.ctx.db_path, path)

    def _bundle_task(self, fn, *args, **kwargs) -> None:
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)

        def progress(n):
            self.result_label.setText(self.tr("{n} records…").format(n=n))

        def done(value):
            self._bundle_idle()
            if "changed" in value:
                self.result_label.setText(self.tr("Bundle imported: {records} records, {changed} new or newer, "
                                                  "{unchanged} already here.").format(**value))
                self.ctx.records_changed.emit("")
            else:
                self.result_label.setText(self.tr("Bundle written: {n} records.").format(n=value["records"]))
            self.refresh()
            self.bundle_finished.emit(value)

        def failed(exc):
            self._bundle_idle()
            self.result_label.setText(str(exc))
            if not os.environ.get("SURVEY_APP_NO_DIALOGS"):
                QMessageBox.warning(self, self.tr("Bundle"), str(exc))
            self.bundle_finished.emit(exc)

        self.task = run_task(fn, *args, on_progress=progress, on_done=done, on_error=failed, parent=self, **kwargs)

    def _bundle_idle(self) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.import_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

    # ----- state
    def refresh(self) -> None:
        """Counts, last run and the record list."""
        self.refresh_counts()
        tables = store.ordered_tables(self.ctx.db)
        current = self.table_combo.currentData()
        self.table_combo.blockSignals(True)
        self.table_combo.clear()
        for t in tables:
            self.table_combo.addItem(t, t)
        if current in tables:
            self.table_combo.setCurrentIndex(tables.index(current))
        elif "signal_readings" in tables:
            self.table_combo.setCurrentIndex(tables.index("signal_readings"))
        self.table_combo.blockSignals(False)
        self.reload_records()

    def refresh_counts(self) -> None:
        """Unsynced count (partial indexes make this cheap) and last run; also the status bar."""
        db = self.ctx.db
        unsynced = store.unsynced_count(db)
        rejected = store.rejected_count(db)
        self.counts_label.setText(self.tr("Not yet synced: {n} (of which rejected: {r})").format(
            n=unsynced, r=rejected))
        self.retry_button.setEnabled(rejected > 0 and (self.task is None or not self.task.is_running()))
        last = store.last_run(db)
        if last:
            self.last_label.setText(self.tr("Last sync: {when} ({status}, {accepted} accepted)").format(
                when=local_datetime(last["finished_at"], self.ctx.language), status=self._status_text(last["status"]),
                accepted=last["accepted"]))
        else:
            self.last_label.setText(self.tr("Never synced."))
        self.ctx.set_status("sync", self.tr("Unsynced: {n}").format(n=unsynced))

    def reload_records(self) -> None:
        """Show the chosen table and state from the first page."""
        self.model.load(self.table_combo.currentData() or "", self.state_combo.currentData())

    def on_shown(self) -> None:
        """Refresh when the tab is visited."""
        self.refresh()

    def shutdown(self) -> None:
        """Stop the timer and any running task."""
        self.timer.stop()
        if self.task is not None and self.task.is_running():
            self.task.cancel()
            self.task.wait(10000)
