"""The window's colours in one place: one colour per operator on every plot, chart and map, and the target lights."""
from __future__ import annotations

from survey_app.qt.qt import QColor

# Each network keeps its colour everywhere (close to its brand, and far apart from one another).
OPERATOR_COLOURS = {"Viettel": "#d62728", "VinaPhone": "#1f77b4", "MobiFone": "#2ca02c", "Vietnamobile": "#ff7f0e",
                    "Gmobile": "#9467bd", "I-Telecom": "#8c564b", "Reddi": "#e377c2"}
UNKNOWN_OPERATOR = "#7f7f7f"
OPERATORS = ("Viettel", "VinaPhone", "MobiFone")   # the three that cover Huế, in the order tables list them

# Indicator cells: target met, within 10 points, below, too few samples; "no data" is left white.
LIGHTS = {"green": "#aae1af", "amber": "#ffdc8c", "red": "#f5aaa5", "grey": "#e1e1e1"}
DOWNLOAD, UPLOAD = "#1f77b4", "#d62728"


def operator_colour(name: str | None) -> QColor:
    """The colour of an operator (grey for an unknown or missing one)."""
    return QColor(OPERATOR_COLOURS.get(name or "", UNKNOWN_OPERATOR))


def light_colour(light: str) -> QColor:
    """The background of an indicator cell for a light ('green', 'amber', 'red', 'grey')."""
    return QColor(LIGHTS[light])


def legend_html(operators) -> str:
    """'■ Viettel  ■ VinaPhone' with each square in its operator's colour (a legend beside a plot, not over it)."""
    return "&nbsp;&nbsp;".join(f"<span style='color:{operator_colour(op).name()}'>■</span>&nbsp;{op}"
                               for op in operators)
