"""The evidence side of the Speed test page: conditions in two taps, the passport recorded during the test from
the window's modem and GPS, and the verdict on the result card right after the test."""
from __future__ import annotations

from survey_app.qt.qt import QHBoxLayout, QLabel, QLineEdit, QObject, QWidget, Qt

from survey_app.evidence.conditions import Conditions
from survey_app.evidence.passport import PassportRecorder
from survey_app.evidence.recording import PASSPORT_POLL_S, DeviceFeed, run_with_passport
from survey_app.qt.context import AppContext
from survey_app.qt.formatting import number
from survey_app.qt.widgets.speedtest_conditions import ConditionsPanel

VALID_STYLE = "color: #1b7f3b; font-weight: bold;"
INVALID_STYLE = "color: #b3261e; font-weight: bold;"


class SpeedTestEvidence(QObject):
    """Owns the conditions panel and the verdict label; records a passport around each test."""

    def __init__(self, ctx: AppContext, page: QWidget) -> None:
        super().__init__(page)
        self.ctx, self.page = ctx, page
        self.conditions = ConditionsPanel(page)
        self.conditions.set_conditions(Conditions.from_settings(ctx.settings.extra))
        self.server_location = QWidget(page)
        row = QHBoxLayout(self.server_location)
        row.setContentsMargins(0, 0, 0, 0)
        self.server_location_edit = QLineEdit(ctx.settings.extra.get("speedtest_server_location", ""))
        self.server_location_edit.setPlaceholderText(self.tr("latitude, longitude (e.g. 16.4674, 107.5905)"))
        self.server_location_edit.editingFinished.connect(self._on_server_location_edit_editing_finished)
        self.server_location_note = QLabel(self.tr("where the server is, for the distance rule"))
        row.addWidget(self.server_location_edit, 1)
        row.addWidget(self.server_location_note, 2)
        self.verdict_label = QLabel(page)
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.recorder: PassportRecorder | None = None
        self._feed: DeviceFeed | None = None
        self._bridge = None
        self._bridge_interval: float | None = None

    # ----- before the test
    def _on_server_location_edit_editing_finished(self) -> None:
        from survey_app.evidence.geo import parse_lat_lon

        text = self.server_location_edit.text().strip()
        if text and parse_lat_lon(text) is None:
            self.server_location_note.setText(self.tr("Not a position: write latitude, longitude in decimal degrees."))
            return
        self.server_location_note.setText(self.tr("where the server is, for the distance rule"))
        self.ctx.settings.extra["speedtest_server_location"] = text
        self.ctx.save_settings()

    def task(self, run_speedtest):
        """The function run_task runs: the speed test with a passport recorded around it; returns
        (result, passport)."""
        recorder = self.recorder = PassportRecorder()
        self._start_feeding(recorder)
        self.verdict_label.clear()
        self.verdict_label.setMinimumHeight(0)

        feed = self._feed

        def measure(server, *, interface=None, duration_s=10.0, cancel=None):
            try:
                if feed is not None:  # devices opened just now: let the first reading and position arrive
                    feed.wait_ready(cancel=cancel)
                return (yield from run_with_passport(run_speedtest(server, interface=interface,
                                                                   duration_s=duration_s, cancel=cancel), recorder))
            finally:
                if feed is not None:
                    feed.stop()  # joins the device threads: here on the worker, never on the GUI thread
        return measure

    def _start_feeding(self, recorder: PassportRecorder) -> None:
        """Feed from the Signal page's devices when it reads them (a port has one reader), else read them here."""
        from survey_app.qt.bridges.signal_bridge import SignalBridge

        window = self.page.window()
        bridges = [b for b in window.findChildren(SignalBridge) if b.modems or b.gps] if window else []
        if bridges:
            self._bridge = bridges[0]
            self._bridge.samples_received.connect(self._on_bridge_samples_received)
            self._bridge.gps_updated.connect(self._on_bridge_gps_updated)
            self._bridge_interval = next(iter(self._bridge.modems.values())).interval_s if self._bridge.modems else None
            self._bridge.set_interval(PASSPORT_POLL_S)  # one reading a second while the test runs
            return
        settings = self.ctx.settings
        self._feed = DeviceFeed(recorder, modem_port=settings.modem_port or None,
                                gps_port=settings.gps_port or None).start()

    def _on_bridge_samples_received(self, samples: list) -> None:
        port = self.ctx.settings.modem_port
        for sample in samples if self.recorder is not None else ():
            if not port or sample.port == port or port not in self._bridge.modems:
                self.recorder.feed_modem(sample)

    def _on_bridge_gps_updated(self, update) -> None:
        if self.recorder is not None and update is not None:
            self.recorder.feed_gps(update.fix)

    def _stop_feeding(self) -> None:
        self._feed = None  # the worker stops it when the test ends
        if self._bridge is not None:
            self._bridge.samples_received.disconnect(self._on_bridge_samples_received)
            self._bridge.gps_updated.disconnect(self._on_bridge_gps_updated)
            if self._bridge_interval is not None:
                self._bridge.set_interval(self._bridge_interval)
            self._bridge = None

    # ----- after the test
    def finish(self, outcome):
        """Judge the finished test: (result, Capture); the conditions are remembered for the next test."""
        from survey_app.evidence.capture import assess
        from survey_app.evidence.geo import parse_lat_lon

        self._stop_feeding()
        result, passport = outcome
        conditions = self.conditions.conditions()
        self.ctx.settings.extra.update(conditions.to_settings())
        self.ctx.save_settings()
        location = parse_lat_lon(self.ctx.settings.extra.get("speedtest_server_location") or "")
        return result, assess(result, passport, conditions, server_location=location)

    def show(self, result, capture) -> None:
        """The verdict in plain words, and how long each phase ran."""
        from survey_app.evidence.reasons import reason_text

        runs = result.phase_runs
        ran = self.tr("Ran: download {d}, upload {u}.").format(d=self._ran(runs.get("download")),
                                                              u=self._ran(runs.get("upload")))
        if capture.valid:
            self.verdict_label.setStyleSheet(VALID_STYLE)
            text = self.tr("Valid evidence: every rule holds.")
        else:
            self.verdict_label.setStyleSheet(INVALID_STYLE)
            text = self.tr("Not valid as evidence:") + "\n• " + "\n• ".join(
                reason_text(r) for r in capture.verdict["reasons"])
        label = self.verdict_label
        label.setText(text + "\n" + ran)
        # every failed rule keeps its line on a small screen: the plot and the history give way instead
        label.setMinimumHeight(label.heightForWidth(label.width() if label.isVisible() else 900))

    def _ran(self, run: dict | None) -> str:
        if not run:
            return "–"
        why = self.tr("stable") if run.get("stopped") == "stable" else self.tr("longest run")
        return self.tr("{s} s ({why})").format(s=number(run["ran_s"], 1), why=why)

    def shutdown(self) -> None:
        """Stop reading devices (the page or the window is closing)."""
        self._stop_feeding()
