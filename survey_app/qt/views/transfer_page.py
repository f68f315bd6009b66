"""The Sync & export page: tabs for the sync panel and the export panel."""
from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from survey_app.qt.context import AppContext

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
            if importlib.util.find_spec(module) is None:
                panel = QLabel(self.tr("Not available in this version of the app."))
            else:
                panel = getattr(importlib.import_module(module), cls)(ctx)
            self.panels[cls] = panel
            self.tabs.addTab(panel, titles[cls])
        QVBoxLayout(self).addWidget(self.tabs)

    def on_shown(self) -> None:
        """Pass the visit on to the panels."""
        for panel in self.panels.values():
            if hasattr(panel, "on_shown"):
                panel.on_shown()

    def shutdown(self) -> None:
        """Pass window close on to the panels."""
        for panel in self.panels.values():
            if hasattr(panel, "shutdown"):
                panel.shutdown()
