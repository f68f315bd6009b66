"""The surveyor's revisit targets: imported assignments for the session's unit, each target with its distance and
direction from the current position, checked off as new samples arrive."""
from __future__ import annotations

import os

from survey_app.qt.qt import (QColor, QFileDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, QTimer,
                              QVBoxLayout, QWidget, Signal)

from survey_app.errors import UserError
from survey_app.qt.formatting import number
from survey_app.qt.runner import run_task

OPEN, DONE = QColor(215, 48, 39), QColor(26, 150, 65)


def import_bundle_in_worker(db_path, path):
    """Import a bundle file (an assignment from the supervisor) on a worker thread."""
    from survey_app.sync.bundle_import import import_bundle

    result = None
    gen = import_bundle(db_path, path)
    try:
        while True:
            next(gen)
    except StopIteration as stop:
        result = stop.value
    return result


class CoverageTargetsPanel(QWidget):
    """Targets of the open assignments, nearest first."""

    targets_changed = Signal(int)     # open targets listed

    def __init__(self, ctx, map_widget, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.map = ctx, map_widget
        self.task = None
        v = QVBoxLayout(self)
        self.import_button = QPushButton(self.tr("Import assignment…"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        v.addWidget(self.import_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        self.list = QListWidget()
        v.addWidget(self.list, 1)
        self._check_timer = QTimer(self, singleShot=True, interval=1500)
        self._check_timer.timeout.connect(self.check)
        ctx.records_changed.connect(self._on_ctx_records_changed)
        ctx.position_changed.connect(lambda _p: self.refresh())
        ctx.session_changed.connect(lambda _s: self.refresh())

    def _on_ctx_records_changed(self, table: str) -> None:
        if table in ("speed_tests", "signal_readings"):
            self._check_timer.start()
        elif table in ("assignments", "assignment_progress", "bundle"):
            self.refresh()

    def check(self) -> None:
        """Check off targets reached by new samples (through the revision path), then redraw."""
        from survey_app.coverage.assignments import check_off

        if check_off(self.ctx.db, self.ctx.record_context()):
            self.ctx.records_changed.emit("assignments")
        self.refresh()

    def refresh(self) -> None:
        """List and draw the targets of open assignments (of the session's unit when a session is open)."""
        from survey_app.coverage.assignments import distance_direction, listed
        from survey_app.coverage.cells import hexagon

        session = self.ctx.current_session
        items = listed(self.ctx.db, session.unit_code if session else None)
        pos = self.ctx.position
        rows, shapes = [], []
        for a in items:
            for t in a.targets:
                dist = distance_direction(pos.lon, pos.lat, t["lon"], t["lat"]) if pos else None
                rows.append((dist[0] if dist else 0.0, a, t, dist))
                shapes.append(([[hexagon(int(t["h3"], 16))]], DONE if t.get("done_at") else OPEN))
        rows.sort(key=lambda r: (bool(r[2].get("done_at")), r[0]))
        self.list.clear()
        for _d, a, t, dist in rows:
            where = self.tr("{metres} m {direction}").format(metres=number(dist[0], 0), direction=dist[2]) \
                if dist else self.tr("no position yet")
            text = self.tr("{operator} · {technology} · {where} · {seen} of {need}").format(
                operator=t["operator"], technology=t["technology"], where=where, seen=t.get("seen", 0),
                need=t["need"])
            item = QListWidgetItem(("✓ " if t.get("done_at") else "") + text)
            item.setForeground(DONE if t.get("done_at") else QColor(30, 30, 30))
            item.setToolTip(f"{a.name} · {t['h3']}")
            self.list.addItem(item)
        self.map.set_targets(shapes)
        open_n = sum(1 for r in rows if not r[2].get("done_at"))
        self.summary.setText(self.tr("{open} targets to visit, {done} done, in {n} assignments").format(
            open=open_n, done=len(rows) - open_n, n=len(items)) if items else self.tr(
            "No assignment yet: import the bundle your supervisor gave you."))
        self.targets_changed.emit(open_n)

    def _on_import_button_clicked(self) -> None:
        if os.environ.get("SURVEY_APP_NO_DIALOGS"):
            return
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Import assignment"), "",
                                               self.tr("Bundles (*.zip *.bundle);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Import an assignment bundle in the background; a refused file is explained and changes nothing."""
        self.summary.setText(self.tr("Importing…"))
        self.import_button.setEnabled(False)
        self.task = run_task(import_bundle_in_worker, self.ctx.db_path, path, on_done=self._on_imported,
                             on_error=self._on_import_error, parent=self)

    def _on_imported(self, _result) -> None:
        self.import_button.setEnabled(True)
        self.ctx.records_changed.emit("assignments")
        self.check()

    def _on_import_error(self, exc) -> None:
        self.import_button.setEnabled(True)
        text = str(exc) if isinstance(exc, UserError) else self.tr("The file could not be imported: {error}").format(
            error=exc)
        self.summary.setText(text)
