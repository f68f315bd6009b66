"""A one-line label that gives up width instead of taking it: long text ends in "…" and shows whole as a tooltip."""
from __future__ import annotations

from survey_app.qt.qt import QLabel, QPainter, QSize, QSizePolicy, Qt


class ElidedLabel(QLabel):
    """A QLabel whose width never grows with its text (status bar, session bar, log lines)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setMinimumWidth(40)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        """As wide as the text, so the layout gives it that much when there is room."""
        return QSize(self.fontMetrics().horizontalAdvance(self.text()) + 8, super().sizeHint().height())

    def setText(self, text: str) -> None:  # noqa: N802
        """Show `text` (whole in the tooltip)."""
        if text != self.text():
            super().setText(text)
            self.setToolTip(text)
            self.updateGeometry()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.TextSingleLine), text)
