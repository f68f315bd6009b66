"""The Speed test page: choose connection and server, run, watch it live, see the result and the session's history."""
from __future__ import annotations

from survey_app.qt.qt import QMessageBox, Qt, QTableWidgetItem, QWidget, Signal, is_alive

from survey_app.qt._generated.ui_speedtest_page import Ui_SpeedTestPage
from survey_app.qt.bridges.storage_bridge import affects
from survey_app.qt.context import AppContext
from survey_app.qt.formatting import local_datetime, number
from survey_app.qt.runner import run_task
from survey_app.qt.record_labels import labels
from survey_app.qt.table_fill import bulk_fill, fit_columns
from survey_app.speedtest.reasons import stored_text

HISTORY_ROWS = 200


class SpeedTestPage(QWidget):
    """Runs speed tests in the background and stores each result in the open session (and household, if given)."""

    result_stored = Signal(str)  # the new speed_tests record id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, household_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.household_id = ctx, household_id
        self.task = None
        self.finder = None
        self.last_result = None
        self.last_id: str | None = None
        self._session = None
        self._position = None
        self._stale = False
        self._build()
        self._fill_interfaces()
        self.url_edit.setText(ctx.settings.speedtest_server)
        self.protocol_combo.setCurrentIndex(max(0, self.protocol_combo.findData(ctx.settings.speedtest_protocol)))
        self.duration_spin.setValue(ctx.settings.speedtest_duration_s)
        ctx.session_changed.connect(self._on_ctx_session_changed)
        ctx.records_changed.connect(self._on_ctx_records_changed)
        self.refresh()

    # ----- layout
    def _build(self) -> None:
        self.ui = Ui_SpeedTestPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.session_label, self.interface_combo, self.url_edit = ui.sessionLabel, ui.interfaceCombo, ui.urlEdit
        self.protocol_combo, self.find_button, self.duration_spin = ui.protocolCombo, ui.findButton, ui.durationSpin
        self.start_button, self.cancel_button, self.progress = ui.startButton, ui.cancelButton, ui.progress
        self.message, self.history = ui.message, ui.history
        self.protocol_combo.addItem("LibreSpeed", "librespeed")
        self.protocol_combo.addItem(self.tr("Ookla (speedtest.net)"), "ookla")
        ui.refreshInterfacesButton.clicked.connect(self._fill_interfaces)
        self.find_button.clicked.connect(self._on_find_clicked)
        from survey_app.qt.views.speedtest_evidence import SpeedTestEvidence

        self.evidence = SpeedTestEvidence(self.ctx, self)
        ui.conditionsRow.addWidget(self.evidence.conditions)
        ui.serverPositionRow.addWidget(self.evidence.server_location)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        from survey_app.qt.colours import DOWNLOAD, UPLOAD
        from survey_app.qt.widgets.speedtest_plot import SpeedTestPlot

        self.plot = SpeedTestPlot(ui.plotBox)
        ui.plotLayout.addWidget(self.plot, 1)
        swatch = "<span style='color:{c}'>━━</span>&nbsp;{t}"
        ui.plotLegend.setText("&nbsp;&nbsp;&nbsp;".join(swatch.format(c=c, t=t) for c, t in (
            (DOWNLOAD, self.tr("Download")), (UPLOAD, self.tr("Upload")))))
        self.card = {"download": ui.downloadValue, "upload": ui.uploadValue, "ping": ui.pingValue,
                     "jitter": ui.jitterValue, "loaded": ui.loadedValue, "data": ui.dataValue}
        for value in self.card.values():
            value.setStyleSheet("font-size: 15px; font-weight: bold;")
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
        ui.cardGrid.addWidget(self.evidence.verdict_label, 7, 0, 1, 2)   # the verdict right under the figures
        ui.liveLayout.setStretch(0, 3)
        ui.liveLayout.setStretch(1, 2)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        fit_columns(self.history, stretch=(7, 8))

    # ----- state
    def on_shown(self) -> None:
        """Catch up with tests stored while another page was in front."""
        if self._stale:
            self.refresh()

    def busy_reason(self) -> str | None:
        """Why closing the window now would stop something (a test in progress)."""
        return self.tr("a speed test is running") if self.is_running() else None

    def shutdown(self) -> None:
        """Stop a running test (the window is closing); it is stored as cancelled."""
        waited = False
        for task in (self.task, self.finder):
            if task is not None and task.is_running():
                task.cancel()
                waited = task.wait(15000) or waited
        self.evidence.shutdown()
        if waited:  # deliver the queued result so a cancelled test is still stored as cancelled
            from survey_app.qt.qt import QCoreApplication

            QCoreApplication.processEvents()
        self.plot.stop()

    def _on_ctx_session_changed(self, _session) -> None:
        self.refresh()

    def _on_ctx_records_changed(self, table: str) -> None:
        if affects(table, "speed_tests", "sessions"):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def _fill_interfaces(self) -> None:
        from survey_app.speedtest.interfaces import list_interfaces

        words = labels()
        current = self.interface_combo.currentData()
        self.interface_combo.clear()
        self.interface_combo.addItem(self.tr("Automatic (the computer's default route)"), None)
        for iface in list_interfaces():
            address = iface.ipv4 or (iface.addresses[0] if iface.addresses else self.tr("no address"))
            self.interface_combo.addItem(self.tr("{name} – {kind} ({address})").format(
                name=iface.name, kind=words.connection(iface.kind), address=address), iface.name)
        self.interface_combo.setCurrentIndex(max(0, self.interface_combo.findData(current)))

    def refresh(self) -> None:
        """Show the current session, its tests and (when no test runs) the newest result on the card."""
        from survey_app.storage.speedtests import list_for_household, list_for_session

        self._stale = False
        session = self.ctx.current_session
        if session is None:
            self.session_label.setText(self.tr("No open session: open one to store speed tests."))
            rows = []
        else:
            self.session_label.setText(self.tr("Session: {unit} · team {team}").format(
                unit=session.unit_name, team=session.team_name))
            rows = list_for_session(self.ctx.db, session.id)
        if self.household_id:
            rows = list_for_household(self.ctx.db, self.household_id)
        self._fill_history(rows[:HISTORY_ROWS])
        if not self.is_running():
            self._show_card(rows[0] if rows else None)

    def _fill_history(self, rows: list[dict]) -> None:
        with bulk_fill(self.history):   # columns measured once, not after each of up to 200 × 9 items
            self._fill_history_rows(rows)

    def _fill_history_rows(self, rows: list[dict]) -> None:
        statuses = {"ok": self.tr("OK"), "failed": self.tr("Failed"), "cancelled": self.tr("Cancelled")}
        words = labels()
        self.history.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [local_datetime(row["started_at"]), statuses.get(row["status"], row["status"]),
                      number(row["download_mbps"], 2), number(row["upload_mbps"], 2), number(row["ping_ms"], 1),
                      number(row["jitter_ms"], 1),
                      row["interface_name"] or words.connection(row["interface_kind"]),
                      row["server_name"] or row["server_url"] or "", stored_text(row, self.ctx.language)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c in (7, 8) and value:
                    item.setToolTip(value)   # long names and reasons are elided in their column
                item.setData(Qt.UserRole, row["id"])
                if c in (2, 3, 4, 5):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.history.setItem(r, c, item)

    def _show_card(self, row: dict | None) -> None:
        """The result card shows the newest stored test (or dashes when there is none): never an older one."""
        if row is None:
            for value in self.card.values():
                value.setText("–")
            self.ui.cardWhen.setText("")
            return
        self._show_values(row["download_mbps"], row["upload_mbps"], row["ping_ms"], row["jitter_ms"],
                          row["loaded_ping_download_ms"], row["loaded_ping_upload_ms"],
                          (row["bytes_received"] or 0) + (row["bytes_sent"] or 0))
        self.ui.cardWhen.setText(self.tr("Test of {time}").format(time=local_datetime(row["started_at"])))

    def _show_values(self, down, up, ping, jitter, loaded_down, loaded_up, data_bytes) -> None:
        def ms(v):
            return self.tr("{v} ms").format(v=number(v, 1)) if v is not None else "–"

        def mbps(v):
            return self.tr("{mbps} Mbit/s").format(mbps=number(v, 2)) if v is not None else "–"

        self.card["download"].setText(mbps(down))
        self.card["upload"].setText(mbps(up))
        self.card["ping"].setText(ms(ping))
        self.card["jitter"].setText(ms(jitter))
        self.card["loaded"].setText(self.tr("↓ {down} · ↑ {up}").format(down=ms(loaded_down), up=ms(loaded_up)))
        self.card["data"].setText(self.tr("{mb} MB").format(mb=number(data_bytes / 1e6, 1)))

    # ----- running
    def is_running(self) -> bool:
        """Whether a test is in progress."""
        return self.task is not None and self.task.is_running()

    def _ensure_session(self):
        session = self.ctx.current_session
        if session is not None and session.is_open:
            return session
        return self._offer_session()

    def _offer_session(self):
        """Ask to open a session (a test is always stored in one); the new session or None."""
        answer = QMessageBox.question(self, self.tr("Speed test"), self.tr(
            "A speed test is stored in an open session. Open a session now?"))
        if answer != QMessageBox.Yes:
            return None
        window = self.window()
        if not hasattr(window, "open_session_dialog"):   # the household's speed-test dialog
            window = getattr(self.ctx, "main_window", None)
        if window is not None and is_alive(window):   # in the unit chosen in the top bar
            return window.open_session_dialog(self)
        from survey_app.qt.views.session_dialog import SessionDialog

        dialog = SessionDialog(self.ctx, None, self)
        if dialog.exec() and dialog.session is not None:
            self.ctx.set_session(dialog.session)
            return dialog.session
        return None

    def _on_start_clicked(self) -> None:
        if self.is_running():
            return
        url = self.url_edit.text().strip()
        if not url:
            self.message.setText(self.tr("Enter a server URL, or find the nearest speedtest.net server."))
            return
        session = self._ensure_session()
        if session is None:
            self.message.setText(self.tr("The test was not started: it needs an open session."))
            return
        from survey_app.speedtest.measurement import run_speedtest
        from survey_app.speedtest.model import Server

        protocol = self.protocol_combo.currentData()
        self.ctx.settings.speedtest_server, self.ctx.settings.speedtest_protocol = url, protocol
        self.ctx.settings.speedtest_duration_s = float(self.duration_spin.value())
        self.ctx.save_settings()
        self._session, self._position = session, self.ctx.position
        self.plot.clear()
        for label in self.card.values():
            label.setText("–")
        self.progress.setValue(0)
        self.message.setText(self.tr("Measuring…"))
        self._set_running(True)
        self.task = run_task(self.evidence.task(run_speedtest), Server(url=url, protocol=protocol),
                             interface=self.interface_combo.currentData(),
                             duration_s=float(self.duration_spin.value()), on_progress=self._on_task_progress,
                             on_done=self._on_task_done, on_error=self._on_task_error, parent=self)

    def _on_cancel_clicked(self) -> None:
        if self.is_running():
            self.task.cancel()
            self.message.setText(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for w in (self.interface_combo, self.url_edit, self.protocol_combo, self.find_button, self.duration_spin,
                  self.evidence.conditions, self.evidence.server_location):
            w.setEnabled(not running)

    def _on_task_progress(self, p) -> None:
        self.progress.setValue(int(p.fraction * 1000))
        phases = {"connect": self.tr("Connecting…"), "ping": self.tr("Measuring latency…"),
                  "download": self.tr("Download"), "upload": self.tr("Upload")}
        if p.mbps is not None:
            self.plot.add(p.phase, p.elapsed_s, p.mbps)
            self.message.setText(self.tr("{phase}: {mbps} Mbit/s").format(phase=phases[p.phase],
                                                                          mbps=number(p.mbps, 1)))
            self.card[p.phase].setText(self.tr("{mbps} Mbit/s").format(mbps=number(p.mbps, 1)))
        elif p.phase in phases:
            self.message.setText(phases[p.phase])

    def _on_task_done(self, outcome) -> None:
        from survey_app.storage.speedtests import insert_result

        self._set_running(False)
        result, capture = self.evidence.finish(outcome)
        self.last_result = result
        self.last_id = insert_result(self.ctx.db, self.ctx.record_context(), result, session=self._session,
                                     household_id=self.household_id, position=self._position,
                                     operator=capture.operator, technology=capture.technology,
                                     evidence=capture.columns(result))
        self._show_result(result)
        self.evidence.show(result, capture)
        self.result_stored.emit(self.last_id)

    def _on_task_error(self, exc) -> None:
        from survey_app.qt.app import describe_error

        self._set_running(False)
        self.evidence.shutdown()
        self.message.setText(self.tr("The test stopped because of an internal error: {error}").format(
            error=describe_error(exc)))

    def _show_result(self, r) -> None:
        self._show_values(r.download_mbps, r.upload_mbps, r.ping_ms, r.jitter_ms, r.loaded_ping_download_ms,
                          r.loaded_ping_upload_ms, r.bytes_received + r.bytes_sent)
        self.ui.cardWhen.setText(self.tr("Test of {time}").format(time=local_datetime(r.started_at))
                                 if getattr(r, "started_at", None) else "")
        if r.status == "ok":
            self.progress.setValue(1000)
            self.message.setText(self.tr("Test complete and stored in the session."))
        elif r.status == "cancelled":
            self.message.setText(self.tr("Test cancelled; stored as cancelled."))
        else:
            self.message.setText(self.tr("Test failed; stored as failed: {reason}").format(
                reason=r.error or ""))

    # ----- speedtest.net discovery
    def _on_find_clicked(self) -> None:
        from survey_app.speedtest.ookla_cli import discover

        self.find_button.setEnabled(False)
        self.message.setText(self.tr("Asking speedtest.net for the nearest servers…"))
        self.finder = run_task(discover, on_done=self._on_finder_done, on_error=self._on_finder_error, parent=self)

    def _on_finder_done(self, servers) -> None:
        self.find_button.setEnabled(not self.is_running())
        if not servers:
            self.message.setText(self.tr("speedtest.net found no server."))
            return
        best = servers[0]
        self.url_edit.setText(best.url)
        self.protocol_combo.setCurrentIndex(self.protocol_combo.findData("ookla"))
        self.message.setText(self.tr("Nearest server: {sponsor}, {name}").format(sponsor=best.sponsor, name=best.name))

    def _on_finder_error(self, exc) -> None:
        from survey_app.qt.app import describe_error

        self.find_button.setEnabled(not self.is_running())
        self.message.setText(describe_error(exc))
