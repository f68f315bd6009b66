"""A one-line label that gives up width instead of taking it: long text ends in "…" and shows whole as a tooltip."""
from __future__ import annotations

from survey_app.qt.qt import QLabel, QSize, QSizePolicy

ELLIPSIS = "…"


def elide_right(metrics, text: str, width: int) -> str:
    """`text` on one line, cut to fit `width` pixels and ending in "…" when it does not.

    QFontMetrics.elidedText would do it, but its mode argument is an enum of `Qt`, and making that namespace
    (93 enums, ~30 ms) is not work for the window's first frame, which shows these labels."""
    text = " ".join(text.splitlines())
    if metrics.horizontalAdvance(text) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:   # the longest start of the text that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if metrics.horizontalAdvance(text[:mid] + ELLIPSIS) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


class ElidedLabel(QLabel):
    """A QLabel whose width never grows with its text (status bar, session bar, log lines).

    `text()` is the whole text; the label shows as much of it as fits (QLabel paints it, as plain text)."""

    _text = ""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._text = super().text()
        self.setProperty("textFormat", "PlainText")   # by name: see elide_right
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setMinimumWidth(40)

    def text(self) -> str:
        """The whole text (what is shown may end in "…")."""
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        """Show `text` (whole in the tooltip)."""
        if text != self._text:
            self._text = text
            self.setToolTip(text)
            self._fit()
            self.updateGeometry()

    def clear(self) -> None:
        """Show nothing: QLabel.clear() is C++ and would leave `text()` holding the old text."""
        self.setText("")

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        """As wide as the text, so the layout gives it that much when there is room."""
        return QSize(self.fontMetrics().horizontalAdvance(self._text) + 8, super().sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = elide_right(self.fontMetrics(), self._text, self.contentsRect().width())
        if shown != super().text():
            super().setText(shown)
