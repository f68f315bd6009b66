"""The window takes Qt from one module (survey_app/qt/qt.py), so the binding and pyqtgraph's choice of it are set
in one place."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

QT_DIR = Path(__file__).resolve().parents[2] / "survey_app" / "qt"
BINDINGS = ("PySide6", "PyQt5", "PyQt6", "PySide2", "pyqtgraph", "shiboken6", "superqt")


def _imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


def test_only_the_qt_module_imports_the_binding():
    offenders = []
    for path in sorted(QT_DIR.rglob("*.py")):
        if path.name == "qt.py" and path.parent == QT_DIR or "_generated" in path.parts:
            continue
        for name in _imported_modules(path):
            if name.split(".")[0] in BINDINGS:
                offenders.append(f"{path.relative_to(QT_DIR.parent.parent)} imports {name}")
    assert not offenders, "import Qt through survey_app.qt.qt:\n" + "\n".join(offenders)


def test_pyqtgraph_is_bound_to_pyside6_before_it_loads():
    code = ("import os; os.environ['PYQTGRAPH_QT_LIB'] = 'PyQt5'\n"
            "from survey_app.qt.qt import pg\n"
            "import pyqtgraph.Qt as q; print(q.QT_LIB, os.environ['PYQTGRAPH_QT_LIB'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["PySide6", "PySide6"]


def test_unknown_names_fail_clearly():
    import pytest

    from survey_app.qt import qt

    assert qt.QWidget.__name__ == "QWidget" and qt.QNetworkInformation.__name__ == "QNetworkInformation"
    with pytest.raises(AttributeError, match="QNoSuchThing"):
        qt.QNoSuchThing  # noqa: B018
