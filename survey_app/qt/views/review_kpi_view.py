"""The Speed KPIs view of the Review page: per unit, operator and technology, from valid tests only, with the share
of tests reaching each threshold (source in the tooltip) and the sampling rules met or not."""
from __future__ import annotations

from survey_app.qt.qt import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableWidget,
                              QTableWidgetItem, QVBoxLayout, QWidget, Qt, Signal)

from survey_app.qt.formatting import number
from survey_app.qt.runner import run_task
from survey_app.qt.table_fill import bulk_fill, fit_columns

FIGURES = ("download_median_mbps", "download_p10_mbps", "upload_median_mbps", "upload_p10_mbps",
           "latency_median_ms", "latency_p90_ms")


def compute_in_worker(db_path):
    """The KPI table on a worker thread's own connection."""
    from survey_app.evidence.kpi import compute_kpis
    from survey_app.storage.db import connect

    db = connect(db_path)
    try:
        return compute_kpis(db)
    finally:
        db.close()


class ReviewKpiView(QWidget):
    """Computes the KPI table in the background when first shown (and on Refresh) and lists it."""

    computed = Signal(object)  # the KPI table (dict)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.result: dict | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.note = QLabel(self.tr("From valid speed tests only. A share says how many valid tests reached a "
                                   "threshold; it describes the samples and does not say whether an operator "
                                   "complies with a regulation."))
        self.note.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.note, 1)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        self.table = QTableWidget(0, 12)
        self.table.setHorizontalHeaderLabels([
            self.tr("Unit"), self.tr("Operator"), self.tr("Technology"), self.tr("Valid tests (invalid)"),
            self.tr("Download median"), self.tr("Download 10th pct."), self.tr("Upload median"),
            self.tr("Upload 10th pct."), self.tr("Latency median"), self.tr("Latency 90th pct."),
            self.tr("Thresholds reached"), self.tr("Sampling rules")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        for c in range(self.table.columnCount()):   # headers may be elided to fit the page: whole on hover
            header = self.table.horizontalHeaderItem(c)
            header.setToolTip(header.text())
        fit_columns(self.table, stretch=(0, 10, 11))   # unit, thresholds, sampling rules give way (tooltips)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        layout.addWidget(self.status)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self.result is None and self.task is None:
            self.refresh()

    def refresh(self) -> None:
        """Recompute in the background."""
        if self.task is not None and self.task.is_running():
            return
        self.status.setText(self.tr("Computing…"))
        self.refresh_button.setEnabled(False)
        self.task = run_task(compute_in_worker, self.ctx.db_path, on_done=self._on_task_done,
                             on_error=self._on_task_error, parent=self)

    def _on_task_error(self, exc) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("The KPIs could not be computed: {error}").format(error=exc))

    def _on_task_done(self, table: dict) -> None:
        self.refresh_button.setEnabled(True)
        self.result = table
        groups = table["groups"]
        with bulk_fill(self.table):
            self.table.setRowCount(len(groups))
            for r, g in enumerate(groups):
                self._fill_row(r, g, table)
        self.status.setText(self.tr("{n} groups; a figure needs at least {min} valid tests.").format(
            n=len(groups), min=table["min_tests"]))
        self.computed.emit(table)

    def _fill_row(self, r: int, g: dict, table: dict) -> None:
        sources = {t["id"]: t["source"] for t in table["thresholds"] + table["sampling_rules"]}
        if g["enough_tests"]:
            figures = [number(g[k], 1) for k in FIGURES]
            reached = "; ".join(self._threshold_text(t) for t in g["thresholds"])
        else:
            figures = [self.tr("not enough tests ({n})").format(n=g["valid_tests"])] + [""] * (len(FIGURES) - 1)
            reached = ""
        sampling = ", ".join(("✓ " if s["met"] else "✗ ") + s["id"] for s in g["sampling"])
        values = [f"{g['unit_code'] or ''} {g['unit_name'] or ''}".strip(), g["operator"] or "–",
                  g["technology"] or "–", f"{g['valid_tests']} ({g['invalid_tests']})", *figures, reached, sampling]
        tips = "\n".join(f"{k}: {sources[k]}" for k in [t["id"] for t in g["thresholds"]] +
                         [s["id"] for s in g["sampling"]] if k in sources)
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c in (0, 10, 11):   # these columns may be elided to fit: the whole text (and sources) on hover
                item.setToolTip("\n".join(t for t in (value, tips if c >= 10 else "") if t))
            if 3 <= c <= 9 and (g["enough_tests"] or c == 3):
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)  # (the spanned "not enough" stays in view)
            self.table.setItem(r, c, item)
        if not g["enough_tests"]:
            self.table.setSpan(r, 4, 1, len(FIGURES))

    def _threshold_text(self, t: dict) -> str:
        if t.get("on") == "mean":
            return self.tr("{id}: mean {value}").format(id=t["id"], value=number(t["value"], 1))
        return self.tr("{id}: {share}%").format(id=t["id"], share=number(100 * (t["share"] or 0), 0))
