"""Filling and sizing tables so they neither freeze the window nor run past its right edge.

A column in ResizeToContents mode is measured again after every setItem, over every row: filling n rows costs
n² text measurements (500 sessions took close to a minute). `bulk_fill` measures once, after the last item.
`fit_columns` gives the free width to the text columns that can take it and shortens them with "…" when the
window is narrow, so no column sits beyond the edge of a 1366-pixel screen.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from survey_app.qt.qt import (QAbstractItemView, QEvent, QHeaderView, QObject, Qt, QTableView, QTableWidget,
                              QTableWidgetItem, QTimer)


@contextmanager
def bulk_fill(table: QTableWidget) -> Iterator[QTableWidget]:
    """Within the block, items are set without re-measuring columns or repainting; both happen once at the end."""
    header = table.horizontalHeader()
    fitted = [i for i in range(header.count()) if header.sectionResizeMode(i) == QHeaderView.ResizeToContents]
    table.setUpdatesEnabled(False)
    for i in fitted:
        header.setSectionResizeMode(i, QHeaderView.Interactive)
    try:
        yield table
    finally:
        for i in fitted:
            header.setSectionResizeMode(i, QHeaderView.ResizeToContents)
        table.setUpdatesEnabled(True)
        refit_columns(table)


class _ColumnFitter(QObject):
    """Sizes a table's columns to their contents, then fits them into the table's width.

    Free width goes to the `stretch` columns; when the contents are wider than the table, those columns give up
    width first (down to a short, elided text) and then every column shrinks in proportion. Refitted when the
    table is resized or its rows change, so no column ever sits beyond the right edge."""

    def __init__(self, view: QTableView, stretch: tuple[int, ...]) -> None:
        super().__init__(view)
        self.view, self.stretch = view, stretch
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        self._model = None
        self.watch_model()

    def watch_model(self) -> None:
        model = self.view.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged, model.layoutChanged):
            signal.connect(self._timer.start)
        self._timer.start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Resize:
            self._timer.start()
        return False

    def fit(self) -> None:
        """Column widths for the table's current width and contents."""
        self.watch_model()
        view, header = self.view, self.view.horizontalHeader()
        n = header.count()
        if not n:
            return
        room = view.viewport().width()
        wanted = [max(header.sectionSizeFromContents(i).width(), view.sizeHintForColumn(i)) for i in range(n)]
        widths = _fit(wanted, room, [i for i in self.stretch if i < n], header.minimumSectionSize())
        for i, w in enumerate(widths):
            if header.sectionSize(i) != w:
                header.resizeSection(i, w)


def _fit(wanted: list[int], room: int, stretch: list[int], least: int) -> list[int]:
    """Widths that add up to at most `room`: extra to `stretch`, shortfall from `stretch` first, then from all."""
    widths = list(wanted)
    spare = room - sum(widths)
    if spare >= 0:
        for k, i in enumerate(stretch):
            widths[i] += spare // len(stretch) + (1 if k < spare % len(stretch) else 0)
        return widths
    short = -spare
    for i in sorted(stretch, key=lambda i: -widths[i]):   # the widest text columns give up width first
        give = min(short, max(0, widths[i] - 4 * least))
        widths[i] -= give
        short -= give
    if short > 0:
        total = sum(widths)
        widths = [max(least, w - short * w // total - 1) for w in widths]
    return widths


def fit_columns(table: QTableView, stretch: tuple[int, ...]) -> None:
    """Columns fit their contents and always the table's width: `stretch` columns take the free width first and
    give it back first (their text is then elided)."""
    header = table.horizontalHeader()
    header.setMinimumSectionSize(36)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setResizeContentsPrecision(200)   # measure the first rows, not thousands
    table.setTextElideMode(Qt.ElideRight)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
    table._column_fitter = _ColumnFitter(table, stretch)


def refit_columns(table: QTableView) -> None:
    """Fit the columns again now (after filling a QTableWidget, whose model sends no reset)."""
    fitter = getattr(table, "_column_fitter", None)
    if fitter is not None:
        fitter.fit()


def number_item(text: str, data=None) -> QTableWidgetItem:
    """A right-aligned cell for a number."""
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    if data is not None:
        item.setData(Qt.UserRole, data)
    return item
