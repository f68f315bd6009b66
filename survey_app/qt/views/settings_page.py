"""The Settings page: who surveys, language, default devices and servers, signal grading."""
from __future__ import annotations

import importlib
from urllib.parse import urlsplit

from survey_app.qt.qt import QDoubleSpinBox, QHBoxLayout, QMessageBox, QWidget

from survey_app.qt._generated.ui_settings_page import Ui_SettingsPage
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


# Panels other areas add to the page (module, class): `Class(ctx)`, shown under the settings groups.
PANELS: list[tuple[str, str]] = [
    ("survey_app.qt.views.keys_panel", "KeysPanel"),   # this laptop's key and the keys it trusts (issue 15)
]


class SettingsPage(QWidget):
    """Edits survey_app.settings.Settings; Save writes them, a language change rebuilds the window."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.settings
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.surveyor, self.team, self.language = ui.surveyorEdit, ui.teamEdit, ui.languageCombo
        self.speed_server, self.speed_protocol = ui.speedServerEdit, ui.speedProtocolCombo
        self.modem_port, self.gps_port, self.interval = ui.modemPortEdit, ui.gpsPortEdit, ui.intervalSpin
        self.sync_url, self.save_button, self.saved_label = ui.syncUrlEdit, ui.saveButton, ui.savedLabel
        self.retention = ui.retentionSpin
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.language)))
        self._shown_language = ctx.language   # a `--lang` run shows its language; only a change here is saved
        self.speed_protocol.addItem("LibreSpeed", "librespeed")
        self.speed_protocol.addItem(self.tr("Ookla (speedtest.net)"), "ookla")
        for name in ("surveyor", "team", "speedtest_server", "speedtest_protocol", "modem_port", "gps_port",
                     "signal_interval_s", "retention_days", "sync_url"):
            self._set_form_value(name, getattr(s, name))
        th = s.signal_thresholds
        self.grades = {}
        for key, label, lo, hi in (("rsrp_dbm", self.tr("RSRP (dBm):"), -140, -40),
                                   ("rsrq_db", self.tr("RSRQ (dB):"), -30, 0),
                                   ("sinr_db", self.tr("SINR (dB):"), -20, 40),
                                   ("rssi_dbm", self.tr("RSSI (dBm):"), -120, -30),
                                   ("rscp_dbm", self.tr("RSCP (dBm):"), -125, -30)):
            box, spins = _triple(getattr(th, key), lo, hi)
            self.grades[key] = spins
            ui.gradingForm.addRow(label, box)
        self.panels: list[QWidget] = []
        for module, cls in PANELS:
            panel = getattr(importlib.import_module(module), cls)(ctx)
            ui.panelsLayout.addWidget(panel)
            self.panels.append(panel)
        self.save_button.clicked.connect(self._on_save_clicked)
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

    @property
    def keys_panel(self) -> QWidget:
        """This laptop's key and trust list (the KeysPanel of PANELS)."""
        return next(p for p in self.panels if type(p).__name__ == "KeysPanel")

    def shutdown(self) -> None:
        """Pass window close on to the panels other areas added."""
        for panel in self.panels:
            if hasattr(panel, "shutdown"):
                panel.shutdown()

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
        if new_language != self._shown_language:
            self._shown_language = new_language
            window = self.window()
            if hasattr(window, "language_change_requested"):
                window.language_change_requested.emit(new_language)
