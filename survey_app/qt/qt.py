"""The window's one import of Qt (Anki's `aqt.qt` habit): `from survey_app.qt.qt import QWidget, Signal, pg`.

Every module under survey_app/qt takes Qt classes from here (tests/qt/test_qt_imports.py checks it), so the
binding is chosen in one place: pyqtgraph is told to use PySide6 before it can load (it would otherwise pick
whichever Qt binding it finds first, PyQt5 included). Names are looked up on first use (PEP 562) instead of a
star import, which would create every Qt class at start-up (about 0.3 s).
"""
from __future__ import annotations

import importlib
import os

os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402  (after the binding is chosen)


def _drop_feature_import_hook() -> None:
    """Give back the import statement PySide6 wrapped for `from __feature__ import snake_case` (unused here).

    Its wrapper also reads the source of every module imported after PySide6 to look for the word "PySide6"
    (shibokensupport.feature._mod_uses_pyside): 20-40 ms of the window's start for our ~150 modules. What it
    wrapped (builtins.__orig_import__) stays: PySide6's own lazy class loading."""
    import builtins

    wrapped = getattr(builtins, "__orig_import__", None)
    if wrapped is not None and getattr(builtins.__import__, "__name__", "") == "__feature_import__":
        builtins.__import__ = wrapped


_drop_feature_import_hook()

# Searched in this order; modules after the first three are imported only when a name is not found before them.
_EAGER = (QtCore, QtGui, QtWidgets)
_LAZY = ("PySide6.QtNetwork",)


def _pyqtgraph():
    import pyqtgraph

    # White plots with dark text everywhere; no right-click menus (English only) set per plot by the views.
    pyqtgraph.setConfigOptions(background="w", foreground="#333")
    return pyqtgraph


def is_alive(obj) -> bool:
    """Whether the C++ side of a Qt object still exists (a deleted window, a page replaced by a language switch)."""
    import shiboken6

    return shiboken6.isValid(obj)


def __getattr__(name: str):
    if name.startswith("__"):
        # Not a Qt name: `from survey_app.qt.qt import X` asks for __path__, PySide's import hook for __wrapped__;
        # searching the lazy modules for them would load QtNetwork at every start.
        raise AttributeError(name)
    if name == "pg":
        value = _pyqtgraph()
    else:
        value = next((getattr(m, name) for m in _EAGER if hasattr(m, name)), None)
        for module in _LAZY if value is None else ():
            value = getattr(importlib.import_module(module), name, None)
            if value is not None:
                break
        if value is None:
            raise AttributeError(f"Qt has no {name!r} (survey_app.qt.qt)")
    globals()[name] = value
    return value
