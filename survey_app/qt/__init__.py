"""The window: the only subpackage that imports PySide6, pyqtgraph or superqt."""
