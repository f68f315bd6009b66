"""The Sync & export page: tabs for the sync panel and the export panel (other areas may add theirs to PANELS)."""
from __future__ import annotations

import importlib

from survey_app.qt.context import AppContext
from survey_app.qt.qt import QTabWidget, QVBoxLayout, QWidget

# module, class, tab title (translated below): a panel is `Class(ctx)`; it may offer on_shown, shutdown, busy_reason
PANELS = [
    ("survey_app.qt.views.sync_panel", "SyncPanel"),
    ("survey_app.qt.views.export_panel", "ExportPanel"),
]


class TransferPage(QWidget):
    """Everything that makes data leave the laptop."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        titles = {"SyncPanel": self.tr("Sync"), "ExportPanel": self.tr("Export")}
        self.panels: dict[str, QWidget] = {}
        for module, cls in PANELS:
            panel = getattr(importlib.import_module(module), cls)(ctx)
            self.panels[cls] = panel
            self.tabs.addTab(panel, titles.get(cls, panel.windowTitle()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def _on_tabs_current_changed(self, _index: int) -> None:
        panel = self.tabs.currentWidget()
        if hasattr(panel, "on_shown"):
            panel.on_shown()

    def on_shown(self) -> None:
        """Pass the visit on to the panel in front."""
        self._on_tabs_current_changed(self.tabs.currentIndex())

    def busy_reason(self) -> str | None:
        """The first panel's reason not to close now, if any."""
        reasons = [p.busy_reason() for p in self.panels.values() if hasattr(p, "busy_reason")]
        return next((r for r in reasons if r), None)

    def shutdown(self) -> None:
        """Pass window close on to the panels."""
        for panel in self.panels.values():
            if hasattr(panel, "shutdown"):
                panel.shutdown()
