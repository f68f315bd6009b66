"""A lazy sessions table: rows come from SQL a page at a time; filters and sorting run in SQL."""
from __future__ import annotations

from survey_app.qt.qt import QAbstractTableModel, QBrush, QColor, QModelIndex, Qt

from survey_app.qt.formatting import count, local_datetime
from survey_app.qt.record_labels import labels
from survey_app.storage import review as store

PAGE = 200
COLUMNS = ("unit", "team", "started", "status", "households", "readings", "speed_tests", "flags")
STATUS_COLOURS = {"approved": QColor(210, 240, 215), "rejected": QColor(248, 215, 215), "open": QColor(255, 245, 205)}


class ReviewSessionsModel(QAbstractTableModel):
    """Sessions with unit, team, date, status, counts and flags; fetchMore() loads the next page."""

    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.filters: dict = {}
        self.sort_key, self.descending = "started", True
        self.rows: list[tuple] = []
        self.display: list[tuple] = []   # the rows' cell texts, formatted once when fetched
        self.total = 0
        self._headers = (self.tr("Unit"), self.tr("Team"), self.tr("Started"), self.tr("Status"),
                         self.tr("Households"), self.tr("Readings"), self.tr("Speed tests"), self.tr("Flags"))
        self._labels = labels()

    # -- loading
    def reload(self) -> None:
        """Count the matching sessions and load the first page."""
        self.beginResetModel()
        self.total = store.count_sessions(self.db, self.filters)
        self.rows = store.session_page(self.db, self.filters, self.sort_key, self.descending, PAGE, 0)
        self.display = [self._texts(r) for r in self.rows]
        self.endResetModel()

    def _texts(self, r: tuple) -> tuple:
        _sid, _code, name, team, started, status, hh, rd, st, nflags, _codes = r
        return (name, team, local_datetime(started), self._labels.session_status(status), count(hh), count(rd),
                count(st), count(nflags) if nflags else "")

    def set_filters(self, filters: dict) -> None:
        """Filter in SQL and start again from the first page."""
        self.filters = {k: v for k, v in filters.items() if v}
        self.reload()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt API)
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = store.session_page(self.db, self.filters, self.sort_key, self.descending, PAGE, len(self.rows))
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.display.extend(self._texts(r) for r in more)
        self.endInsertRows()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """Sort in SQL by the column."""
        self.sort_key = COLUMNS[column]
        self.descending = order == Qt.DescendingOrder
        self.reload()

    def refresh_row(self, session_id: str) -> None:
        """Re-read one session (after a decision) without reloading the table."""
        for i, r in enumerate(self.rows):
            if r[0] == session_id:
                fresh = [x for x in store.session_page(self.db, {"text": session_id}, "id", False, 5, 0)
                         if x[0] == session_id]
                if fresh:
                    self.rows[i] = fresh[0]
                    self.display[i] = self._texts(fresh[0])
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
                return

    def session_id(self, row: int) -> str | None:
        """The id of the session shown in a row."""
        return self.rows[row][0] if 0 <= row < len(self.rows) else None

    # -- Qt model API
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.DisplayRole:
            return self.display[index.row()][index.column()]
        sid, code, _name, _team, _started, status, _hh, _rd, _st, nflags, codes = self.rows[index.row()]
        col = COLUMNS[index.column()]
        if role == Qt.ToolTipRole and col == "unit":
            return self.tr("Unit code {code}").format(code=code)
        if role == Qt.ToolTipRole and col == "flags" and codes:
            from survey_app.review.checks import code_label

            return "\n".join(code_label(c) for c in codes.split())
        if role == Qt.BackgroundRole and col == "status":
            c = STATUS_COLOURS.get(status)
            return QBrush(c) if c else None
        if role == Qt.ForegroundRole and col == "flags" and nflags:
            return QBrush(QColor(180, 40, 40))
        if role == Qt.TextAlignmentRole and col in ("households", "readings", "speed_tests", "flags"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.UserRole:
            return sid
        return None
