"""A speed test linked to a household, opened from the household form: `SpeedTestDialog(ctx, household_id=...)`."""
from __future__ import annotations

from survey_app.qt.qt import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from survey_app.qt.context import AppContext
from survey_app.qt.screen import fit_to_screen
from survey_app.qt.views.speedtest_page import SpeedTestPage


class SpeedTestDialog(QDialog):
    """The speed-test page in a dialog; results are stored with `household_id`. `result_ids` lists what was stored."""

    def __init__(self, ctx: AppContext, household_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Speed test for this household"))
        fit_to_screen(self, 900, 660)
        self.result_ids: list[str] = []
        self.page = SpeedTestPage(ctx, self, household_id=household_id)
        self.page.result_stored.connect(self.result_ids.append)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)

    def reject(self) -> None:
        """Closing stops a running test first (it is stored as cancelled)."""
        self.page.shutdown()
        super().reject()
