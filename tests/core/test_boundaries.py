"""Core never loads Qt: every core module imported alone in a fresh interpreter, and import-linter."""
from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import survey_app

ROOT = Path(__file__).resolve().parents[2]
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph", "superqt")


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(survey_app.__path__, "survey_app."):
        if info.name.startswith("survey_app.qt") or info.name == "survey_app.__main__":
            continue
        names.append(info.name)
    return names


def test_core_modules_do_not_load_qt():
    names = core_modules()
    assert "survey_app.storage.db" in names and len(names) > 10
    script = (
        "import importlib, sys, json\n"
        "bad = {}\n"
        f"for name in {names!r}:\n"
        "    before = set(sys.modules)\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ImportError as exc:\n"
        "        if 'fastapi' in str(exc) or 'uvicorn' in str(exc): continue\n"
        "        raise\n"
        f"    leaked = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        "    if leaked: bad[name] = leaked[:3]; break\n"
        "print(json.dumps(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "{}", f"core modules loaded Qt: {out.stdout}"


def test_import_linter_contract():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(lint).exists():
        pytest.skip("import-linter is not installed")
    out = subprocess.run([lint, "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Core never imports Qt KEPT" in out.stdout
