"""The Signal page: modems found and polled, live plots, logging into the session, GPS and manual position."""
from __future__ import annotations

import time

from survey_app.qt.qt import QColor, QLabel, QMessageBox, QTableWidgetItem, QTimer, QWidget

from survey_app.devices.grading import reading_grade
from survey_app.qt._generated.ui_signal_page import Ui_SignalPage
from survey_app.qt.bridges.signal_bridge import SignalBridge
from survey_app.qt.formatting import count, number
from survey_app.qt.record_labels import labels
from survey_app.qt.table_fill import fit_columns

GRADE_COLOURS = {"excellent": "#1b7f3b", "good": "#6aa84f", "fair": "#e69138", "poor": "#cc0000"}
PORT, MODEM, OPERATOR, TECH, BAND, CELL, SIGNAL, QUALITY, STATE = range(9)


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

        self.plot = SignalPlot(self.ui.plotBox)
        self.ui.plotLayout.addWidget(self.plot, 1)
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
        self.ui = Ui_SignalPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.port_combo, self.add_button, self.find_button = ui.portCombo, ui.addButton, ui.findButton
        self.remove_button, self.interval_spin, self.log_button = ui.removeButton, ui.intervalSpin, ui.logButton
        self.log_label, self.table, self.gps_label = ui.logLabel, ui.table, ui.gpsLabel
        self.manual_button, self.splitter = ui.manualButton, ui.splitter
        self.port_combo.lineEdit().setPlaceholderText(self.tr("serial port, e.g. /dev/ttyUSB2"))
        self.interval_spin.setValue(min(60.0, max(0.5, self.ctx.settings.signal_interval_s)))
        fit_columns(self.table, stretch=(MODEM, CELL, SIGNAL))
        # the plots get most of the page: a modem row each is all the table needs
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([110, 440])
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
        item = QTableWidgetItem(port.rsplit("/", 1)[-1])
        item.setToolTip(port)
        self.table.setItem(row, PORT, item)
        self._set(row, STATE, self.tr("Starting…"))
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
            operator = next((s.reading.operator for s in reversed(group) if s.reading.operator), None)
            label = f"{operator or '?'} · {port.rsplit('/', 1)[-1]}"
            now = time.monotonic()
            self.plot.add_points(port, label, [s.monotonic or now for s in group],
                                 [panel_values(s.reading) for s in group], operator=operator)
        self._table_dirty = True
        self._update_legend()

    def _update_legend(self) -> None:
        from survey_app.qt.colours import operator_colour

        lines = {"solid": "━━", "dash": "╍╍", "dot": "┅┅"}
        text = "&nbsp;&nbsp;&nbsp;".join(f"<span style='color:{operator_colour(op).name()}'>{lines[style]}</span>"
                                         f"&nbsp;{label}" for label, op, style in self.plot.legend_entries())
        if self.ui.plotLegend.text() != text:
            self.ui.plotLegend.setText(text)

    def _on_bridge_status(self, status) -> None:
        self.states[status.port] = status
        row = self.rows.get(status.port)
        if row is not None:
            self._set(row, STATE, self._state_text(status.state))
            if status.identity:
                ident = status.identity
                self._set(row, MODEM, " ".join(p for p in (ident.manufacturer, ident.model) if p))
                self.table.item(row, MODEM).setToolTip(self.tr("Firmware: {revision}").format(
                    revision=ident.revision or "?"))
        self.ctx.set_status("modem", status.message)

    def _state_text(self, state: str) -> str:
        return {"connecting": self.tr("Identifying…"), "connected": self.tr("Connected"),
                "unplugged": self.tr("Unplugged, waiting"), "busy": self.tr("Port in use"),
                "no_answer": self.tr("Not answering"), "no_sim": self.tr("No SIM"),
                "no_service": self.tr("No service")}.get(state, state)

    def technology_text(self, tech: str | None) -> str:
        """'LTE' -> '4G LTE', 'NR-NSA' -> '5G NSA', ..."""
        return labels().technology(tech)

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
            self._set(row, OPERATOR, r.operator or "")
            self._set(row, TECH, self.technology_text(r.technology))
            self._set(row, BAND, " + ".join(b for b in (r.band, r.nr_band) if b))
            cell = "" if r.cell_id is None else self.tr("{cell} (PCI {pci})").format(cell=r.cell_id, pci=r.pci if
                                                                                     r.pci is not None else "-")
            self._set(row, CELL, cell)
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
            self._set(row, SIGNAL, text)
            self.table.item(row, SIGNAL).setToolTip(text)
            g = reading_grade(r, th)
            self._set(row, QUALITY, self.grade_text(g), GRADE_COLOURS.get(g))

    # -- logging -------------------------------------------------------------------------------------
    def _logging_text(self, status) -> str:
        """The recorder's true state: stored, waiting for a busy database, or unable to write (and why)."""
        s = self.ctx.current_session
        where = self.tr("the session of {team} in {unit}").format(team=s.team_name, unit=s.unit_name) if s else "?"
        if status.state == "waiting":
            return self.tr("Logging into {session}: {n} readings stored, {w} waiting (the database is busy, "
                           "retrying).").format(session=where, n=count(status.written), w=count(status.waiting))
        if status.state == "failed":
            return self.tr("Logging cannot write: {reason} ({w} readings waiting in memory)").format(
                reason=status.message, w=count(status.waiting))
        return self.tr("Logging into {session}: {n} readings stored.").format(session=where,
                                                                              n=count(status.written))

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
                self.log_label.setText(self.tr("Logging stopped: {n} readings stored.").format(n=count(n)))

    def _on_ctx_session_changed(self, session) -> None:
        if self.log_button.isChecked() and (session is None or not session.is_open):
            self.log_button.setChecked(False)
        self.log_button.setEnabled(session is not None and session.is_open)

    # -- GPS and position ----------------------------------------------------------------------------
    def _on_bridge_gps(self, update) -> None:
        fix = update.fix
        if fix is not None and fix.position is not None:
            p = fix.position
            text = self.tr("GPS: {lat}° N, {lon}° E (±{acc} m, {sats} satellites)").format(
                lat=number(p.lat, 5), lon=number(p.lon, 5), acc=number(p.accuracy_m, 0) or "?",
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
            self.gps_label.setText(self.tr("Position set by hand: {lat}° N, {lon}° E").format(
                lat=number(pos.lat, 5), lon=number(pos.lon, 5)))

    def _on_manual_clicked(self) -> None:
        from survey_app.qt.views.position_dialog import PositionDialog

        PositionDialog.ask(self.ctx, self)

    # -- page life -----------------------------------------------------------------------------------
    def on_shown(self) -> None:
        """Nothing to reload (the threads keep running while other pages are shown): bring the table up to date."""
        self._table_dirty = True
        self._refresh_table()

    def busy_reason(self) -> str | None:
        """Why closing the window now would stop something (signal logging)."""
        return self.tr("signal readings are being logged") if self.bridge.recorder is not None else None

    def shutdown(self) -> None:
        """Stop the threads and store what is buffered."""
        self.table_timer.stop()
        self.bridge.shutdown()
        self.ctx.save_settings()
