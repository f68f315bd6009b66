"""The Coverage page: the field map (basemap, hexagons, assignment targets) with the surveyor's targets and the
supervisor's gap finder beside it."""
from __future__ import annotations

from survey_app.qt.qt import QSplitter, QTabWidget, QVBoxLayout, QWidget, Qt

from survey_app.qt.views.coverage_gaps_panel import CoverageGapsPanel
from survey_app.qt.views.coverage_map_bar import CoverageMapBar
from survey_app.qt.views.coverage_targets_panel import CoverageTargetsPanel
from survey_app.qt.widgets.review_map import ReviewMap


class CoveragePage(QWidget):
    """Field map and revisit work."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.map = ReviewMap()
        self.bar = CoverageMapBar(ctx, self.map)
        layout.addWidget(self.bar)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.map)
        self.side = QTabWidget()
        self.targets = CoverageTargetsPanel(ctx, self.map)
        self.gaps = CoverageGapsPanel(ctx, self.map, self.bar)
        self.side.addTab(self.targets, self.tr("My targets"))
        self.side.addTab(self.gaps, self.tr("Find gaps"))
        split.addWidget(self.side)
        split.setSizes([860, 420])
        layout.addWidget(split, 1)
        self._drawn = False

    def on_shown(self) -> None:
        """Draw the units the first time the page is shown, and bring the targets up to date."""
        if not self._drawn:
            from survey_app.review.geometry import parse_geometry
            from survey_app.storage.review import load_boundaries
            from survey_app.storage.units import list_units

            units = [(u.code, u.name, *u.bbox) for u in list_units(self.ctx.db)]
            self.map.set_units(units, {c: parse_geometry(g) for c, g in load_boundaries(self.ctx.db).items()})
            self.map.fit()
            self._drawn = True
        self.targets.refresh()

    def shutdown(self) -> None:
        """Stop background work when the window closes."""
        self.bar.shutdown()
        self.gaps.shutdown()
