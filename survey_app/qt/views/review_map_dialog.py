"""A session's or the city's map, enlarged to most of the screen (the panel's map is small on a laptop)."""
from __future__ import annotations

from survey_app.qt.qt import QDialog, QDialogButtonBox, QGuiApplication, QLabel, QVBoxLayout, QWidget
from survey_app.qt.widgets.review_map import ReviewMap


class ReviewMapDialog(QDialog):
    """The same units and points as `source` in a map as large as the screen allows."""

    def __init__(self, ctx, source: ReviewMap, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Map: {title}").format(title=title))
        layout = QVBoxLayout(self)
        self.map = ReviewMap()
        self.map.restore(source.snapshot())
        self.map.point_clicked.connect(self._on_map_point_clicked)
        layout.addWidget(self.map, 1)
        self.info = QLabel(self.tr("Scroll to zoom, drag to pan, click a point to see its record."))
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(int(room.width() * 0.9), int(room.height() * 0.85))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Fit the map to the dialog's size once it has one."""
        super().showEvent(event)
        self.map.fit()

    def _on_map_point_clicked(self, table: str, record_id: str) -> None:
        from survey_app.qt.views.review_record_text import record_text
        from survey_app.storage.review import record_summary

        self.info.setText(record_text(record_summary(self.ctx.db, table, record_id) or {}, self.ctx))
