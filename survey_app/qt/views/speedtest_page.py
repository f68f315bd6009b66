"""The Speed test page: choose connection and server, run, watch it live, see the result and the session's history."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from survey_app.qt.context import AppContext
from survey_app.qt.formatting import local_datetime, number
from survey_app.qt.runner import run_task
from survey_app.qt.table_fill import bulk_fill
from survey_app.speedtest.reasons import stored_text

HISTORY_ROWS = 200


class SpeedTestPage(QWidget):
    """Runs speed tests in the background and stores each result in the open session (and household, if given)."""

    test_finished = Signal(object)  # the stored SpeedTestResult
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
        self._build()
        self._fill_interfaces()
        self.url_edit.setText(ctx.settings.speedtest_server)
        self.protocol_combo.setCurrentIndex(max(0, self.protocol_combo.findData(ctx.settings.speedtest_protocol)))
        self.duration_spin.setValue(ctx.settings.speedtest_duration_s)
        ctx.session_changed.connect(lambda _s: self.refresh())
        ctx.records_changed.connect(self._on_ctx_records_changed)
        self.refresh()

    # ----- layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.session_label = QLabel()
        self.session_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.session_label)
        form = QFormLayout()
        row = QHBoxLayout()
        self.interface_combo = QComboBox()
        self.refresh_ifaces_button = QPushButton(self.tr("Refresh"))
        self.refresh_ifaces_button.clicked.connect(self._fill_interfaces)
        row.addWidget(self.interface_combo, 1)
        row.addWidget(self.refresh_ifaces_button)
        form.addRow(self.tr("Connection to measure:"), row)
        row = QHBoxLayout()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(self.tr("http://server/ (LibreSpeed) or http://server/speedtest/upload.php"))
        self.protocol_combo = QComboBox()
        self.protocol_combo.addItem("LibreSpeed", "librespeed")
        self.protocol_combo.addItem(self.tr("Ookla (speedtest.net)"), "ookla")
        self.find_button = QPushButton(self.tr("Find nearest speedtest.net server"))
        self.find_button.clicked.connect(self._on_find_clicked)
        row.addWidget(self.url_edit, 1)
        row.addWidget(self.protocol_combo)
        row.addWidget(self.find_button)
        form.addRow(self.tr("Server:"), row)
        self.duration_spin = QDoubleSpinBox()
        self.duration_spin.setRange(1, 120)
        self.duration_spin.setDecimals(0)
        self.duration_spin.setSuffix(self.tr(" s each way"))
        form.addRow(self.tr("Duration:"), self.duration_spin)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("&Start test"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setEnabled(False)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        row.addWidget(self.start_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        from survey_app.qt.widgets.speedtest_plot import SpeedTestPlot

        self.plot = SpeedTestPlot(self)
        self.plot.set_names(self.tr("Download"), self.tr("Upload"))
        layout.addWidget(self.plot, 2)
        layout.addWidget(self._build_card())
        self.history = QTableWidget(0, 9)
        self.history.setTabKeyNavigation(False)   # Tab leaves the table; arrows move inside it
        self.history.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Status"), self.tr("Download (Mbit/s)"), self.tr("Upload (Mbit/s)"),
            self.tr("Latency (ms)"), self.tr("Jitter (ms)"), self.tr("Connection"), self.tr("Server"),
            self.tr("Reason")])
        self.history.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.history.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.history, 1)

    def _build_card(self) -> QGroupBox:
        box = QGroupBox(self.tr("Result"))
        grid = QGridLayout(box)
        self.card: dict[str, QLabel] = {}
        names = [("download", self.tr("Download")), ("upload", self.tr("Upload")), ("ping", self.tr("Idle latency")),
                 ("jitter", self.tr("Jitter")), ("loaded", self.tr("Latency under load")),
                 ("data", self.tr("Data used"))]
        for i, (key, text) in enumerate(names):
            title = QLabel(text)
            value = QLabel("–")
            value.setStyleSheet("font-size: 16px; font-weight: bold;")
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            grid.addWidget(title, 0, i)
            grid.addWidget(value, 1, i)
            self.card[key] = value
        return box

    # ----- state
    def on_shown(self) -> None:
        """Refresh the history when the page comes to the front."""
        self.refresh()

    def shutdown(self) -> None:
        """Stop a running test (the window is closing)."""
        waited = False
        for task in (self.task, self.finder):
            if task is not None and task.is_running():
                task.cancel()
                waited = task.wait(15000) or waited
        if waited:  # deliver the queued result so a cancelled test is still stored as cancelled
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.processEvents()
        self.plot.stop()

    def _on_ctx_records_changed(self, table: str) -> None:
        if table in ("speed_tests", "sessions"):
            self.refresh()

    def _fill_interfaces(self) -> None:
        from survey_app.speedtest.interfaces import list_interfaces

        kinds = {"modem": self.tr("modem"), "wifi": self.tr("Wi-Fi"), "ethernet": self.tr("Ethernet"),
                 "loopback": self.tr("this computer"), "other": self.tr("other")}
        current = self.interface_combo.currentData()
        self.interface_combo.clear()
        self.interface_combo.addItem(self.tr("Automatic (the computer's default route)"), None)
        for iface in list_interfaces():
            address = iface.ipv4 or (iface.addresses[0] if iface.addresses else self.tr("no address"))
            self.interface_combo.addItem(self.tr("{name} – {kind} ({address})").format(
                name=iface.name, kind=kinds.get(iface.kind, iface.kind), address=address), iface.name)
        self.interface_combo.setCurrentIndex(max(0, self.interface_combo.findData(current)))

    def refresh(self) -> None:
        """Show the current session and its tests."""
        from survey_app.storage.speedtests import list_for_household, list_for_session

        session = self.ctx.current_session
        if session is None:
            self.session_label.setText(self.tr("No open session: open one to store speed tests."))
            rows = []
        else:
            self.session_label.setText(self.tr("Session: {unit} ({code}) · team {team}").format(
                unit=session.unit_name, code=session.unit_code, team=session.team_name))
            rows = list_for_session(self.ctx.db, session.id)
        if self.household_id:
            rows = list_for_household(self.ctx.db, self.household_id)
        self._fill_history(rows[:HISTORY_ROWS])

    def _fill_history(self, rows: list[dict]) -> None:
        with bulk_fill(self.history):   # columns measured once, not after each of up to 200 × 9 items
            self._fill_history_rows(rows)

    def _fill_history_rows(self, rows: list[dict]) -> None:
        statuses = {"ok": self.tr("OK"), "failed": self.tr("Failed"), "cancelled": self.tr("Cancelled")}
        self.history.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [local_datetime(row["started_at"], self.ctx.language), statuses.get(row["status"], row["status"]),
                      number(row["download_mbps"], 2), number(row["upload_mbps"], 2), number(row["ping_ms"], 1),
                      number(row["jitter_ms"], 1), row["interface_name"] or self.tr("automatic"),
                      row["server_name"] or row["server_url"] or "", stored_text(row, self.ctx.language)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 8 and value:
                    item.setToolTip(value)   # long reasons are elided in the column
                item.setData(Qt.UserRole, row["id"])
                if c in (2, 3, 4, 5):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.history.setItem(r, c, item)

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
        self.task = run_task(run_speedtest, Server(url=url, protocol=protocol),
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
        for w in (self.interface_combo, self.url_edit, self.protocol_combo, self.find_button, self.duration_spin):
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

    def _on_task_done(self, result) -> None:
        from survey_app.storage.speedtests import insert_result

        self._set_running(False)
        self.last_result = result
        self.last_id = insert_result(self.ctx.db, self.ctx.record_context(), result, session=self._session,
                                     household_id=self.household_id, position=self._position)
        self._show_result(result)
        self.ctx.records_changed.emit("speed_tests")
        self.result_stored.emit(self.last_id)
        self.test_finished.emit(result)

    def _on_task_error(self, exc) -> None:
        self._set_running(False)
        self.message.setText(self.tr("The test stopped because of an internal error: {error}").format(error=exc))

    def _show_result(self, r) -> None:
        def ms(v):
            return self.tr("{v} ms").format(v=number(v, 1)) if v is not None else "–"

        def mbps(v):
            return self.tr("{mbps} Mbit/s").format(mbps=number(v, 2)) if v is not None else "–"

        self.card["download"].setText(mbps(r.download_mbps))
        self.card["upload"].setText(mbps(r.upload_mbps))
        self.card["ping"].setText(ms(r.ping_ms))
        self.card["jitter"].setText(ms(r.jitter_ms))
        self.card["loaded"].setText(self.tr("↓ {down} · ↑ {up}").format(down=ms(r.loaded_ping_download_ms),
                                                                       up=ms(r.loaded_ping_upload_ms)))
        self.card["data"].setText(self.tr("{mb} MB").format(mb=number((r.bytes_received + r.bytes_sent) / 1e6, 1)))
        if r.status == "ok":
            self.progress.setValue(1000)
            self.message.setText(self.tr("Test complete and stored in the session."))
        elif r.status == "cancelled":
            self.message.setText(self.tr("Test cancelled; stored as cancelled."))
        else:
            self.message.setText(self.tr("Test failed; stored as failed: {reason}").format(reason=r.error))

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
        self.find_button.setEnabled(not self.is_running())
        self.message.setText(str(exc))
