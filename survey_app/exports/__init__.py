"""Streaming CSV and GeoJSON exports (Qt-free): `run.run_export(db_path, run.ExportOptions(...), cancel)`."""
