"""Guards against Qt binding defects that would crash a surveyor's day-long session."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qtbot):
    # PySide6 6.12.0 released one reference to None per void method call; a long session then aborts
    # with "none_dealloc". pyproject.toml excludes it; this catches a regression in another release.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("RSRP −95 dBm")
    assert abs(sys.getrefcount(None) - before) < 100
