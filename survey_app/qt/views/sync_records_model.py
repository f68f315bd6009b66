"""A lazy table model of per-record sync states: pages of 200 rows fetched as the view scrolls."""
from __future__ import annotations

from survey_app.qt.qt import QAbstractTableModel, QModelIndex, Qt

from survey_app.qt.formatting import local_datetime, number
from survey_app.qt.record_labels import labels
from survey_app.storage import record_summaries
from survey_app.storage import sync as store
from survey_app.sync.reasons import explain

PAGE = 200


class SyncRecordsModel(QAbstractTableModel):
    """Records of one table in one state (waiting / rejected / arrived / imported), read page by page (keyset on
    rowid)."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = ""
        self.state = store.STATE_WAITING
        self.rows: list = []
        self._after = 0
        self._more = False
        self.headers = [self.tr("Kind"), self.tr("Record"), self.tr("Revision"), self.tr("Accepted revision"),
                        self.tr("State"), self.tr("Reason")]
        self.summaries: dict[str, tuple] = {}
        self._labels = labels()
        self.state_names = {store.STATE_WAITING: self.tr("waiting"), store.STATE_REJECTED: self.tr("rejected"),
                            store.STATE_ARRIVED: self.tr("arrived"),
                            store.STATE_IMPORTED: self.tr("another installation's")}

    def load(self, table: str, state: str) -> None:
        """Show another table/state, starting from the first page."""
        self.beginResetModel()
        self.table, self.state, self.rows, self._after = table, state, [], 0
        self.summaries = {}
        self._more = bool(table)
        self.endResetModel()
        if self._more:
            self.fetchMore(QModelIndex())

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        page = store.record_states(self.ctx.db, self.table, self.state, after_rowid=self._after, limit=PAGE)
        self._more = len(page) == PAGE
        if not page:
            return
        self._after = page[-1][0]
        self.summaries.update(record_summaries.summaries(self.ctx.db, self.table, [st.id for _, st in page]))
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(s for _, s in page)
        self.endInsertRows()

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        s = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return self._labels.table(s.table)
        if col == 1:
            return self._describe(s)
        if col == 2:
            return str(s.revision)
        if col == 3:
            return "" if s.synced_revision is None else str(s.synced_revision)
        if col == 4:
            return self.state_names.get(s.state, s.state)
        return s.reason if role == Qt.ToolTipRole else explain(s.reason)  # the receiver's own words as the tip

    def _describe(self, s) -> str:
        """The record by when, where and what (time-ordered ids look alike, so they are never shown)."""
        when, unit, detail = self.summaries.get(s.id, (s.updated_at, None, None))
        if isinstance(detail, float):
            detail = self.tr("{mbps} Mbit/s").format(mbps=number(detail, 1))
        elif self.table == "members" and detail is not None:
            detail = self.tr("member {n}").format(n=int(detail))   # positions start at 1
        elif self.table == "tombstones" and detail:
            detail = self._labels.table(detail)   # what was deleted
        elif self.table == "review_decisions" and detail:
            detail = {"approved": self.tr("approved"), "rejected": self.tr("rejected"),
                      "reopened": self.tr("reopened")}.get(detail, detail)
        return " · ".join(str(p) for p in (local_datetime(when), unit, detail) if p not in (None, ""))

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers[section]
        return None
