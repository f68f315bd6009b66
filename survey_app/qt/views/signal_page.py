"""The Signal page: modems found and polled, live plots, logging into the session, GPS and manual position."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from survey_app.devices.grading import reading_grade
from survey_app.qt.bridges.signal_bridge import SignalBridge
from survey_app.qt.formatting import number

GRADE_COLOURS = {"excellent": "#1b7f3b", "good": "#6aa84f", "fair": "#e69138", "poor": "#cc0000"}
COLUMNS = 11


class SignalPage(QWidget):
    """One row per modem port, three live plots, logging controls and the GPS state."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: dict[str, int] = {}
        self._table_dirty = False
        self.latest: dict[str, object] = {}
        self.states: dict[str, object] = {}
        self.bridge = SignalBridge(self)
        self._build()
        from survey_app.qt.widgets.signal_plot import SignalPlot

        self.plot = SignalPlot(self)
        self.splitter.addWidget(self.plot)
        self.splitter.setStretchFactor(1, 3)
        self.bridge.samples_received.connect(self._on_bridge_samples)
        self.bridge.status_changed.connect(self._on_bridge_status)
        self.bridge.gps_updated.connect(self._on_bridge_gps)
        ctx.session_changed.connect(self._on_ctx_session_changed)
        ctx.position_changed.connect(self._on_ctx_position_changed)
        self.table_timer = QTimer(self)  # the table is refreshed twice a second, not on every sample
        self.table_timer.timeout.connect(self._refresh_table)
        self.table_timer.start(500)
        self._on_ctx_session_changed(ctx.current_session)
        self._on_ctx_position_changed(ctx.position)
        self._start_configured()

    # -- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Modems and GPS"))
        heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(heading)
        bar = QHBoxLayout()
        self.port_combo = QComboBox()
        self.port_combo.setEditable(True)
        self.port_combo.setMinimumWidth(220)
        self.port_combo.lineEdit().setPlaceholderText(self.tr("serial port, e.g. /dev/ttyUSB2"))
        self.add_button = QPushButton(self.tr("&Add modem"))
        self.find_button = QPushButton(self.tr("&Find devices"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.interval_spin = QDoubleSpinBox()
        self.interval_spin.setRange(0.5, 60.0)
        self.interval_spin.setSingleStep(0.5)
        self.interval_spin.setDecimals(1)
        self.interval_spin.setSuffix(self.tr(" s"))
        self.interval_spin.setValue(min(60.0, max(0.5, self.ctx.settings.signal_interval_s)))
        self.log_button = QPushButton(self.tr("Start &logging"))
        self.log_button.setCheckable(True)
        for w in (self.port_combo, self.add_button, self.find_button, self.remove_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Every")))
        bar.addWidget(self.interval_spin)
        bar.addWidget(self.log_button)
        layout.addLayout(bar)
        self.log_label = QLabel()
        layout.addWidget(self.log_label)
        self.splitter = QSplitter(Qt.Vertical)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Port"), self.tr("Maker"), self.tr("Model"), self.tr("Firmware"), self.tr("Operator"),
            self.tr("Technology"), self.tr("Band"), self.tr("Cell"), self.tr("Signal"), self.tr("Quality"),
            self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.splitter.addWidget(self.table)
        layout.addWidget(self.splitter, 1)
        gps = QHBoxLayout()
        self.gps_label = QLabel(self.tr("GPS: none"))
        self.manual_button = QPushButton(self.tr("Set position by &hand…"))
        gps.addWidget(self.gps_label, 1)
        gps.addWidget(self.manual_button)
        layout.addLayout(gps)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.find_button.clicked.connect(self._on_find_clicked)
        self.interval_spin.valueChanged.connect(self._on_interval_changed)
        self.log_button.toggled.connect(self._on_log_toggled)
        self.manual_button.clicked.connect(self._on_manual_clicked)

    # -- devices -----------------------------------------------------------------------------------
    def _start_configured(self) -> None:
        s = self.ctx.settings
        gps_port = s.gps_port
        for port in [s.modem_port, *s.extra.get("modem_ports", [])]:
            if port:
                self.add_port(port, read_gnss=not gps_port)
        if gps_port:
            self.bridge.start_gps(gps_port)
            self.gps_label.setText(self.tr("GPS: connecting to {port}…").format(port=gps_port))

    def add_port(self, port: str, *, read_gnss: bool = False) -> None:
        """Start polling a modem port and give it a row."""
        port = port.strip()
        if not port or port in self.rows:
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.rows[port] = row
        self.table.setItem(row, 0, QTableWidgetItem(port))
        self._set(row, 10, self.tr("Starting…"))
        self.bridge.start_modem(port, self.interval_spin.value(), read_gnss=read_gnss)

    def _on_add_clicked(self) -> None:
        self.add_port(self.port_combo.currentText())

    def _on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        port = next((p for p, r in self.rows.items() if r == row), None)
        if port is None:
            return
        self.bridge.stop_modem(port)
        self.table.removeRow(row)
        del self.rows[port]
        self.rows = {p: (r - 1 if r > row else r) for p, r in self.rows.items()}
        self.latest.pop(port, None)

    def _on_find_clicked(self) -> None:
        from survey_app.devices.discovery import list_serial_ports
        from survey_app.qt.runner import run_task

        self.find_button.setEnabled(False)
        polled = set(self.rows) | ({self.bridge.gps.port} if self.bridge.gps else set())

        def find(cancel=None):
            # ports already owned by a thread here are not opened again
            return [p for p in list_serial_ports(probe_unknown=True) if p.device not in polled]

        run_task(find, on_done=self._on_find_done, on_error=self._on_find_error, parent=self)

    def _on_find_done(self, ports) -> None:
        self.find_button.setEnabled(True)
        self.port_combo.clear()
        modems = [p for p in ports if p.role == "modem"]
        for p in ports:
            self.port_combo.addItem(f"{p.device}", p.device)
        self.log_label.setText(self.tr("{n} serial ports found, {m} of them modems.").format(n=len(ports),
                                                                                            m=len(modems)))

    def _on_find_error(self, exc) -> None:
        self.find_button.setEnabled(True)
        self.log_label.setText(str(exc))

    def _on_interval_changed(self, value: float) -> None:
        self.bridge.set_interval(value)
        self.ctx.settings.signal_interval_s = float(value)

    # -- samples and states ------------------------------------------------------------------------
    def _on_bridge_samples(self, samples: list) -> None:
        # one call per drain tick: the plot gets one batch per modem, the table reads `latest` on its own timer
        from survey_app.qt.widgets.signal_plot import panel_values

        by_port: dict[str, list] = {}
        for sample in samples:
            by_port.setdefault(sample.port, []).append(sample)
        for port, group in by_port.items():
            last = group[-1]
            self.latest[port] = last
            label = f"{last.reading.operator or '?'} · {port.rsplit('/', 1)[-1]}"
            now = time.monotonic()
            self.plot.add_points(port, label, [s.monotonic or now for s in group],
                                 [panel_values(s.reading) for s in group])
        self._table_dirty = True

    def _on_bridge_status(self, status) -> None:
        self.states[status.port] = status
        row = self.rows.get(status.port)
        if row is not None:
            self._set(row, 10, self._state_text(status.state))
            if status.identity:
                self._set(row, 1, status.identity.manufacturer or "")
                self._set(row, 2, status.identity.model or "")
                self._set(row, 3, status.identity.revision or "")
        self.ctx.set_status("modem", status.message)

    def _state_text(self, state: str) -> str:
        return {"connecting": self.tr("Identifying…"), "connected": self.tr("Connected"),
                "unplugged": self.tr("Unplugged, waiting"), "busy": self.tr("Port in use"),
                "no_answer": self.tr("Not answering"), "no_sim": self.tr("No SIM"),
                "no_service": self.tr("No service")}.get(state, state)

    def technology_text(self, tech: str | None) -> str:
        """'LTE' -> '4G LTE', 'NR-NSA' -> '5G NSA', ..."""
        return {"GSM": self.tr("2G GSM"), "UMTS": self.tr("3G UMTS"), "LTE": self.tr("4G LTE"),
                "NR-NSA": self.tr("5G NSA"), "NR-SA": self.tr("5G SA")}.get(tech or "", self.tr("none"))

    def grade_text(self, grade: str | None) -> str:
        """A grade in the user's language."""
        return {"excellent": self.tr("Excellent"), "good": self.tr("Good"), "fair": self.tr("Fair"),
                "poor": self.tr("Poor")}.get(grade or "", "")

    def _set(self, row: int, col: int, text: str, colour: str | None = None) -> None:
        item = self.table.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, col, item)
        if item.text() != text:
            item.setText(text)
        if colour and item.foreground().color() != QColor(colour):
            item.setForeground(QColor(colour))

    def _set_label(self, label: QLabel, text: str) -> None:
        if label.text() != text:  # an unchanged text must not cost a relayout
            label.setText(text)

    def _set_status(self, key: str, text: str) -> None:
        if self.ctx.status.get(key) != text:
            self.ctx.set_status(key, text)

    def _refresh_table(self) -> None:
        status = self.bridge.recorder_status()
        if status is not None:
            self._set_label(self.log_label, self._logging_text(status))
        if not self._table_dirty or not self.isVisible():
            return  # nothing new, or nobody looking: refreshed when shown again
        self._table_dirty = False
        th = self.ctx.settings.signal_thresholds
        for port, sample in self.latest.items():
            row = self.rows.get(port)
            if row is None:
                continue
            r = sample.reading
            self._set(row, 4, r.operator or "")
            self._set(row, 5, self.technology_text(r.technology))
            self._set(row, 6, " + ".join(b for b in (r.band, r.nr_band) if b))
            cell = "" if r.cell_id is None else self.tr("{cell} (PCI {pci})").format(cell=r.cell_id, pci=r.pci if
                                                                                     r.pci is not None else "-")
            self._set(row, 7, cell)
            if r.rsrp_dbm is not None:
                text = self.tr("RSRP {rsrp} dBm · RSRQ {rsrq} dB · SINR {sinr} dB").format(
                    rsrp=number(r.rsrp_dbm), rsrq=number(r.rsrq_db), sinr=number(r.sinr_db))
            elif r.rscp_dbm is not None:
                text = self.tr("RSCP {rscp} dBm · Ec/Io {ecio} dB").format(rscp=number(r.rscp_dbm),
                                                                          ecio=number(r.ecio_db))
            elif r.rssi_dbm is not None:
                text = self.tr("RSSI {rssi} dBm").format(rssi=number(r.rssi_dbm))
            else:
                text = self.tr("no signal")
            if r.nr_rsrp_dbm is not None:
                text += self.tr(" · NR {rsrp} dBm").format(rsrp=number(r.nr_rsrp_dbm))
            self._set(row, 8, text)
            g = reading_grade(r, th)
            self._set(row, 9, self.grade_text(g), GRADE_COLOURS.get(g))

    # -- logging -------------------------------------------------------------------------------------
    def _logging_text(self, status) -> str:
        """The recorder's true state: stored, waiting for a busy database, or unable to write (and why)."""
        sid = self.ctx.current_session.id[:8] if self.ctx.current_session else "?"
        if status.state == "waiting":
            return self.tr("Logging into session {id}: {n} readings stored, {w} waiting (the database is busy, "
                           "retrying).").format(id=sid, n=status.written, w=status.waiting)
        if status.state == "failed":
            return self.tr("Logging cannot write: {reason} ({w} readings waiting in memory)").format(
                reason=status.message, w=status.waiting)
        return self.tr("Logging into session {id}: {n} readings stored.").format(id=sid, n=status.written)

    def _on_log_toggled(self, on: bool) -> None:
        if on:
            session = self.ctx.current_session
            if session is None or not session.is_open:
                self.log_button.setChecked(False)
                QMessageBox.information(self, self.tr("Logging"), self.tr(
                    "Open or continue a survey session first (Session page); readings are stored in it."))
                return
            self.bridge.start_logging(self.ctx.db_path, self.ctx.record_context(), session_id=session.id,
                                      unit_code=session.unit_code)
            self.log_button.setText(self.tr("Stop &logging"))
        else:
            n = self.bridge.stop_logging()
            self.log_button.setText(self.tr("Start &logging"))
            if n:
                self.log_label.setText(self.tr("Logging stopped: {n} readings stored.").format(n=n))
                self.ctx.records_changed.emit("signal_readings")

    def _on_ctx_session_changed(self, session) -> None:
        if self.log_button.isChecked() and (session is None or not session.is_open):
            self.log_button.setChecked(False)
        self.log_button.setEnabled(session is not None and session.is_open)

    # -- GPS and position ----------------------------------------------------------------------------
    def _on_bridge_gps(self, update) -> None:
        fix = update.fix
        if fix is not None and fix.position is not None:
            p = fix.position
            text = self.tr("GPS: {lat}, {lon} (±{acc} m, {sats} satellites)").format(
                lat=f"{p.lat:.5f}", lon=f"{p.lon:.5f}", acc=number(p.accuracy_m, 0) or "?",
                sats=fix.satellites if fix.satellites is not None else "?")
            self.ctx.set_position(p)
        elif update.state == "unplugged":
            text = self.tr("GPS: unplugged, waiting for it to return")
        elif update.state in ("no_fix", "connected"):
            text = self.tr("GPS: connected, no fix yet")
        else:
            text = self.tr("GPS: none")
        if fix is not None and fix.bad_checksums:
            text += self.tr(" · {n} bad sentences skipped").format(n=fix.bad_checksums)
        self._set_label(self.gps_label, text)
        self._set_status("gps", text)

    def _on_ctx_position_changed(self, pos) -> None:
        if pos is not None:
            self.bridge.position.set(pos)
        if pos is not None and pos.source == "manual":
            self.gps_label.setText(self.tr("Position set by hand: {lat}, {lon}").format(
                lat=f"{pos.lat:.5f}", lon=f"{pos.lon:.5f}"))

    def _on_manual_clicked(self) -> None:
        from survey_app.qt.views.position_dialog import PositionDialog

        PositionDialog.ask(self.ctx, self)

    # -- page life -----------------------------------------------------------------------------------
    def on_shown(self) -> None:
        """Nothing to reload (the threads keep running while other pages are shown): bring the table up to date."""
        self._table_dirty = True
        self._refresh_table()

    def shutdown(self) -> None:
        """Stop the threads and store what is buffered."""
        n = self.bridge.recorder is not None
        self.bridge.shutdown()
        if n:
            self.ctx.records_changed.emit("signal_readings")
        self.ctx.save_settings()
