"""Streaming CSV and GeoJSON exports (Qt-free): `run_export(db_path, ExportOptions(...), cancel)`."""
from survey_app.exports.run import ExportOptions, ExportResult, Progress, layers_for, run_export
from survey_app.storage.exports import Filters

__all__ = ["ExportOptions", "ExportResult", "Filters", "Progress", "layers_for", "run_export"]
