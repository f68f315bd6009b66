"""The window: the only subpackage that imports Qt (PySide6, pyqtgraph), and only through survey_app.qt.qt."""
