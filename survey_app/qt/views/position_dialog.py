"""The manual position dialog for every page: `PositionDialog.ask(ctx, parent) -> Position | None`.

Defined in signal_position_dialog.py (so its strings live in the signal area's translations).
"""
from survey_app.qt.views.signal_position_dialog import HUE_LAT, HUE_LON, PositionDialog, parse_coordinate

__all__ = ["HUE_LAT", "HUE_LON", "PositionDialog", "parse_coordinate"]
