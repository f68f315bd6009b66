"""The Sync tab: server and token setup, Sync now / auto-sync with progress and cancel, per-record states, bundles."""
from __future__ import annotations

from survey_app.qt.qt import QTimer, QWidget, Signal

from survey_app.qt._generated.ui_sync_panel import Ui_SyncPanel
from survey_app.qt.context import AppContext
from survey_app.qt.formatting import count, local_datetime
from survey_app.qt.record_labels import labels
from survey_app.qt.runner import run_task
from survey_app.qt.table_fill import fit_columns
from survey_app.qt.views.sync_records_model import SyncRecordsModel
from survey_app.storage import sync as store
from survey_app.sync import forward_files

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
        self._stale = False
        self._build()
        self._load_settings()
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_INTERVAL_MS)
        self.timer.timeout.connect(self.auto_sync)
        self._apply_auto()
        ctx.records_changed.connect(self._on_ctx_records_changed)
        self.refresh()

    # ----- layout
    def _build(self) -> None:
        self.ui = Ui_SyncPanel()
        self.ui.setupUi(self)
        ui = self.ui
        self.url_edit, self.token_edit, self.ca_edit = ui.urlEdit, ui.tokenEdit, ui.caEdit
        self.auto_check, self.save_button, self.token_where = ui.autoCheck, ui.saveButton, ui.tokenWhere
        self.counts_label, self.last_label, self.result_label = ui.countsLabel, ui.lastLabel, ui.resultLabel
        self.sync_button, self.cancel_button, self.progress = ui.syncButton, ui.cancelButton, ui.progress
        self.retry_button = ui.retryButton
        self.export_button, self.import_button, self.session_only = ui.exportButton, ui.importButton, ui.sessionOnly
        self.state_combo, self.table_combo, self.view = ui.stateCombo, ui.tableCombo, ui.view
        ui.caButton.clicked.connect(self._choose_ca)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.sync_button.clicked.connect(self._on_sync_clicked)
        self.retry_button.clicked.connect(self._on_retry_clicked)
        # room for the result and a why-it-stopped message of two lines (the records table takes the rest)
        self.result_label.setMinimumHeight(self.result_label.fontMetrics().lineSpacing() * 3 + 4)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        # clicked(bool) would arrive as the path argument (False): the slots take no arguments
        self.export_button.clicked.connect(self._on_export_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.state_combo.addItem(self.tr("Waiting to be sent"), store.STATE_WAITING)
        self.state_combo.addItem(self.tr("Rejected (with the reason)"), store.STATE_REJECTED)
        self.state_combo.addItem(self.tr("Arrived"), store.STATE_ARRIVED)
        self.state_combo.addItem(self.tr("From other installations (they send their own)"), store.STATE_IMPORTED)
        self.model = SyncRecordsModel(self.ctx, self)
        self.view.setModel(self.model)
        fit_columns(self.view, stretch=(1, 5))
        self.state_combo.currentIndexChanged.connect(self._on_records_choice_changed)
        self.table_combo.currentIndexChanged.connect(self._on_records_choice_changed)

    def _on_records_choice_changed(self, _index: int) -> None:
        self.reload_records()

    def _on_save_clicked(self) -> None:
        self.save_settings()

    def _on_sync_clicked(self) -> None:
        self.sync_now()

    def _on_retry_clicked(self) -> None:
        self.retry_rejected()

    def _on_cancel_clicked(self) -> None:
        self.cancel()

    def _on_export_clicked(self) -> None:
        from survey_app.qt.file_dialogs import save_file

        path = save_file(self, self.tr("Write bundle file"), self.tr("Bundle files (*.bundle)"), "survey.bundle")
        if path:
            self.export_bundle(path)

    def _on_import_clicked(self) -> None:
        from survey_app.qt.file_dialogs import open_file

        path = open_file(self, self.tr("Import bundle file"), self.tr("Bundle files (*.bundle *.zip);;All files (*)"))
        if path:
            self.import_bundle(path)

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
        from survey_app.qt.file_dialogs import open_file

        path = open_file(self, self.tr("CA certificate file"),
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
        """Put the rejected records back in the outbox, offer the refused bundles again, and sync."""
        if self.task is not None and self.task.is_running():
            return
        store.requeue_rejected(self.ctx.db)
        forward_files.requeue_refused(self.ctx.home)
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
            sent=count(p.sent), total=count(p.total), accepted=count(p.accepted), rejected=count(p.rejected)))

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
                status=status, accepted=count(result.accepted), rejected=count(result.rejected),
                batches=count(result.batches))
            if result.forwarded:
                text += " " + self.tr("Forwarded {n} bundles of other installations ({accepted} of their records "
                                      "accepted).").format(n=count(result.forwarded),
                                                           accepted=count(result.forwarded_accepted))
            text += "".join("\n" + extra for extra in (result.error, result.notes) if extra)
            self.result_label.setText(text)
        self.refresh()
        self.sync_finished.emit(result)

    def _status_text(self, status: str) -> str:
        return {"ok": self.tr("Sync finished"), "partial": self.tr("Sync partly done"),
                "failed": self.tr("Sync failed")}.get(status, status)

    def _on_error(self, exc) -> None:
        from survey_app.qt.app import describe_error

        self._idle()
        self.result_label.setText(describe_error(exc))
        self.refresh()
        self.sync_finished.emit(None)

    def _idle(self) -> None:
        self.task = None  # done: the handle may still be joining its thread, but a new run may start
        self.sync_button.setEnabled(True)
        self.retry_button.setEnabled(self._retryable())
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)

    # ----- bundles
    def export_bundle(self, path: str) -> None:
        """Write a bundle file of all unsynced records (or of the current session) to `path`."""
        from survey_app.sync.bundle import export_bundle

        session = self.ctx.current_session.id if (self.session_only.isChecked() and self.ctx.current_session) else None
        self._bundle_task(export_bundle, self.ctx.db_path, path, session_id=session, demo=self.ctx.demo)

    def import_bundle(self, path: str) -> None:
        """Import the bundle file at `path` (all or nothing; importing twice changes nothing)."""
        from survey_app.sync.bundle_import import import_bundle

        self._bundle_task(import_bundle, self.ctx.db_path, path, demo=self.ctx.demo)

    def _bundle_task(self, fn, *args, **kwargs) -> None:
        if self.task is not None and self.task.is_running():
            return
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.result_label.setStyleSheet("")
        self.task = run_task(fn, *args, on_progress=self._on_bundle_progress, on_done=self._on_bundle_done,
                             on_error=self._on_bundle_error, parent=self, **kwargs)

    def _on_bundle_progress(self, n: int) -> None:
        self.result_label.setText(self.tr("{n} records…").format(n=count(n)))

    def _on_bundle_done(self, value: dict) -> None:
        self._bundle_idle()
        if "changed" in value:
            self.result_label.setText(self.tr("Bundle imported: {records} records, {changed} new or newer, "
                                              "{unchanged} already here.").format(
                records=count(value["records"]), changed=count(value["changed"]),
                unchanged=count(value["unchanged"])) + ("\n" + self.tr(
                    "They are {name}'s records: that installation sends them to the central system, not this one "
                    "(unless you revise them).").format(name=value["signer"]) if value.get("imported") else ""))
        else:
            self.result_label.setText(self.tr("Bundle written: {n} records.").format(n=count(value["records"])))
        self.refresh()
        self.bundle_finished.emit(value)

    def _on_bundle_error(self, exc) -> None:
        from survey_app.qt.app import describe_error

        self._bundle_idle()
        self.result_label.setStyleSheet("color: #b00020;")
        self.result_label.setText(describe_error(exc))   # in the user's words, never the library's
        self.bundle_finished.emit(exc)

    def _bundle_idle(self) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.import_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

    # ----- state
    def _on_ctx_records_changed(self, _table: str) -> None:
        if self.isVisible():
            self.refresh_counts()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Counts, last run and the record list."""
        self._stale = False
        self.refresh_counts()
        tables = store.ordered_tables(self.ctx.db)
        current = self.table_combo.currentData()
        words = labels()
        self.table_combo.blockSignals(True)
        self.table_combo.clear()
        for t in tables:
            self.table_combo.addItem(words.table(t), t)
        if current in tables:
            self.table_combo.setCurrentIndex(tables.index(current))
        elif "signal_readings" in tables:
            self.table_combo.setCurrentIndex(tables.index("signal_readings"))
        self.table_combo.blockSignals(False)
        self.reload_records()

    def refresh_counts(self) -> None:
        """Unsynced count (partial indexes make this cheap) and the last run."""
        db = self.ctx.db
        unsynced = store.unsynced_count(db)
        text = self.tr("Not yet synced: {n} (of which rejected: {r})").format(
            n=count(unsynced), r=count(store.rejected_count(db)))
        if imported := store.imported_count(db):
            text += "\n" + self.tr("From other installations: {n} (their own installation sends them)").format(
                n=count(imported))
        self.counts_label.setText(text)
        self.retry_button.setEnabled(self._retryable() and (self.task is None or not self.task.is_running()))
        last = store.last_run(db)
        if last:
            self.last_label.setText(self.tr("Last sync: {when} ({status}, {accepted} accepted)").format(
                when=local_datetime(last["finished_at"]), status=self._status_text(last["status"]),
                accepted=count(last["accepted"])))
        else:
            self.last_label.setText(self.tr("Never synced."))

    def _retryable(self) -> bool:
        """Rejected records, or bundles the central system refused, to send again."""
        return store.rejected_count(self.ctx.db) > 0 or forward_files.any_refused(self.ctx.home)

    def reload_records(self) -> None:
        """Show the chosen table and state from the first page."""
        self.model.load(self.table_combo.currentData() or "", self.state_combo.currentData())

    def on_shown(self) -> None:
        """Catch up with changes made while another page was in front."""
        if self._stale:
            self.refresh()

    def busy_reason(self) -> str | None:
        """Why closing the window now would stop something (a sync or a bundle being written or read)."""
        return self.tr("a sync or a bundle file is in progress") if self.task and self.task.is_running() else None

    def shutdown(self) -> None:
        """Stop the timer and any running task."""
        self.timer.stop()
        if self.task is not None and self.task.is_running():
            self.task.cancel()
            self.task.wait(10000)
