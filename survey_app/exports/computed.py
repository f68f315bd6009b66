"""The computed export layers (one row per unit, or per unit, operator and technology): their layer objects and
rows, (feature id, geometry, properties) in a stable order."""
from __future__ import annotations

from survey_app.exports.indicators import INDICATORS, summary_rows
from survey_app.exports.kpis import KPIS, kpi_rows
from survey_app.exports.layers import INDICATORS_NAME, KPIS_NAME

COMPUTED = {INDICATORS_NAME: INDICATORS, KPIS_NAME: KPIS}
_ROWS = {INDICATORS_NAME: summary_rows, KPIS_NAME: kpi_rows}


def computed_rows(name: str, db, filters, settings=None) -> list[tuple[str, dict, dict]]:
    """The rows of one computed layer (the unit and status filters apply)."""
    return list(_ROWS[name](db, filters, settings))
