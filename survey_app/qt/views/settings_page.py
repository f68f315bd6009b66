"""The Settings page: who surveys, language, default devices and servers, signal grading."""
from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from survey_app.qt.context import AppContext


def _triple(values: tuple[float, float, float], lo: float, hi: float) -> tuple[QWidget, list[QDoubleSpinBox]]:
    box, spins = QWidget(), []
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for v in values:
        spin = QDoubleSpinBox()
        spin.setRange(lo, hi)
        spin.setDecimals(1)
        spin.setValue(v)
        spins.append(spin)
        row.addWidget(spin)
    return box, spins


class SettingsPage(QWidget):
    """Edits survey_app.settings.Settings; Save writes them, a language change rebuilds the window."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.settings
        inner = QWidget()
        layout = QVBoxLayout(inner)

        people = QGroupBox(self.tr("Surveyor"))
        form = QFormLayout(people)
        self.surveyor = QLineEdit(s.surveyor)
        self.team = QLineEdit(s.team)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        form.addRow(self.tr("&Name:"), self.surveyor)
        form.addRow(self.tr("&Team:"), self.team)
        form.addRow(self.tr("&Language:"), self.language)
        layout.addWidget(people)

        devices = QGroupBox(self.tr("Devices and servers"))
        form = QFormLayout(devices)
        self.speed_server = QLineEdit(s.speedtest_server)
        self.speed_server.setPlaceholderText(self.tr("empty: nearest speedtest.net server"))
        self.speed_protocol = QComboBox()
        self.speed_protocol.addItem("LibreSpeed", "librespeed")
        self.speed_protocol.addItem("Ookla (speedtest.net)", "ookla")
        self.speed_protocol.setCurrentIndex(max(0, self.speed_protocol.findData(s.speedtest_protocol)))
        self.modem_port = QLineEdit(s.modem_port)
        self.modem_port.setPlaceholderText(self.tr("empty: find modems automatically"))
        self.gps_port = QLineEdit(s.gps_port)
        self.interval = QDoubleSpinBox()
        self.interval.setRange(0.5, 60.0)
        self.interval.setSuffix(" s")
        self.interval.setValue(s.signal_interval_s)
        self.retention = QSpinBox()
        self.retention.setRange(0, 3650)
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setSpecialValueText(self.tr("no reminder"))
        self.retention.setValue(s.retention_days)
        self.sync_url = QLineEdit(s.sync_url)
        form.addRow(self.tr("Speed-test &server:"), self.speed_server)
        form.addRow(self.tr("Speed-test &protocol:"), self.speed_protocol)
        form.addRow(self.tr("&Modem port:"), self.modem_port)
        form.addRow(self.tr("&GPS port:"), self.gps_port)
        form.addRow(self.tr("Signal logging &interval:"), self.interval)
        form.addRow(self.tr("Keep personal data for:"), self.retention)
        form.addRow(self.tr("Central system &URL:"), self.sync_url)
        layout.addWidget(devices)

        grading = QGroupBox(self.tr("Signal grading (excellent / good / fair; below is poor)"))
        form = QFormLayout(grading)
        th = s.signal_thresholds
        self.grades = {}
        for key, label, lo, hi in (("rsrp_dbm", self.tr("RSRP (dBm):"), -140, -40),
                                   ("rsrq_db", self.tr("RSRQ (dB):"), -30, 0),
                                   ("sinr_db", self.tr("SINR (dB):"), -20, 40),
                                   ("rssi_dbm", self.tr("RSSI (dBm):"), -120, -30),
                                   ("rscp_dbm", self.tr("RSCP (dBm):"), -125, -30)):
            box, spins = _triple(getattr(th, key), lo, hi)
            self.grades[key] = spins
            form.addRow(label, box)
        layout.addWidget(grading)
        from survey_app.qt.views.keys_panel import KeysPanel

        self.keys_panel = KeysPanel(ctx)
        layout.addWidget(self.keys_panel)

        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.saved_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)
        self._shown = self._form_values()
        # "Saved." must not stay beside values edited after saving
        for edit in (self.surveyor, self.team, self.speed_server, self.modem_port, self.gps_port, self.sync_url):
            edit.textEdited.connect(self.saved_label.clear)
        for combo in (self.language, self.speed_protocol):
            combo.activated.connect(self.saved_label.clear)
        for spin in [self.interval, self.retention, *(sp for spins in self.grades.values() for sp in spins)]:
            spin.valueChanged.connect(self.saved_label.clear)

    # Other pages change some settings too (the session dialog the team, the speed-test page its server):
    # the form remembers what it showed, so Save writes only what was edited here and never puts back
    # an old value, and coming back to the page shows the current values of the fields left untouched.
    def _form_values(self) -> dict:
        return {"surveyor": self.surveyor.text().strip(), "team": self.team.text().strip(),
                "speedtest_server": self.speed_server.text().strip(),
                "speedtest_protocol": self.speed_protocol.currentData(),
                "modem_port": self.modem_port.text().strip(), "gps_port": self.gps_port.text().strip(),
                "signal_interval_s": self.interval.value(), "sync_url": self.sync_url.text().strip(),
                "retention_days": self.retention.value()}

    def _set_form_value(self, name: str, value) -> None:
        edits = {"surveyor": self.surveyor, "team": self.team, "speedtest_server": self.speed_server,
                 "modem_port": self.modem_port, "gps_port": self.gps_port, "sync_url": self.sync_url}
        if name in edits:
            edits[name].setText(value or "")
        elif name == "speedtest_protocol":
            self.speed_protocol.setCurrentIndex(max(0, self.speed_protocol.findData(value)))
        elif name == "signal_interval_s":
            self.interval.setValue(value)
        elif name == "retention_days":
            self.retention.setValue(value)

    def on_shown(self) -> None:
        """Show the current settings in every field not edited since it was last shown."""
        now = self._form_values()
        for name, shown in self._shown.items():
            if now[name] == shown:
                self._set_form_value(name, getattr(self.ctx.settings, name))
        self._shown = self._form_values()

    def _on_save_clicked(self) -> None:
        s = self.ctx.settings
        grades = {key: tuple(sp.value() for sp in spins) for key, spins in self.grades.items()}
        if any(not (v[0] >= v[1] >= v[2]) for v in grades.values()):
            # Checked before anything is applied: a refused form leaves the settings as they were.
            QMessageBox.warning(self, self.tr("Settings"), self.tr(
                "Grade limits must go down from excellent to fair."))
            return
        now = self._form_values()
        for label, url in ((self.tr("Speed-test server"), now["speedtest_server"]),
                           (self.tr("Central system URL"), now["sync_url"])):
            parts = urlsplit(url)
            if url and (parts.scheme not in ("http", "https") or not parts.hostname or " " in url):
                QMessageBox.warning(self, self.tr("Settings"), self.tr(
                    "{field}: “{url}” is not a web address. Write it like http://192.168.1.10:8080/ "
                    "or leave it empty.").format(field=label, url=url))
                return
        for name, value in now.items():
            if value != self._shown.get(name):
                setattr(s, name, value)
        self._shown = now
        for key, values in grades.items():
            setattr(s.signal_thresholds, key, values)
        new_language = self.language.currentData()
        try:
            self.ctx.save_settings()
        except OSError as exc:
            QMessageBox.critical(self, self.tr("Settings"), self.tr("Settings could not be saved: {error}").format(
                error=exc.strerror or exc))
            return
        self.saved_label.setText(self.tr("Saved."))
        if new_language != s.language:
            window = self.window()
            if hasattr(window, "language_change_requested"):
                window.language_change_requested.emit(new_language)
