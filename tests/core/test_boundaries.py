"""Core never loads Qt: every core module imported alone in a fresh interpreter, and import-linter."""
from __future__ import annotations

import os
import pkgutil
import re
import shutil
import subprocess
import sys
import tomllib
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


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(lint).exists():
        pytest.skip("import-linter is not installed")
    env = dict(os.environ, PYTHONPATH=str(cwd))
    return subprocess.run([lint, "--no-cache"], capture_output=True, text=True, cwd=cwd, timeout=300, env=env)


def test_import_linter_contracts():
    out = _lint(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Layers (top to bottom) KEPT" in out.stdout
    assert "Core never imports Qt KEPT" in out.stdout


def _layer_names() -> set[str]:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c for c in contracts["contracts"] if c["type"] == "layers")
    assert layers["containers"] == ["survey_app"] and layers["exhaustive"] is True
    return {name.strip() for line in layers["layers"] for name in re.split(r"[|:]", line)}


def test_every_module_and_package_is_in_a_layer():
    children = {info.name for info in pkgutil.iter_modules(survey_app.__path__)}
    assert {"qt", "storage", "clock", "lock"} <= children
    assert sorted(children - _layer_names()) == [], "place these in a layer of pyproject.toml"
    assert sorted(_layer_names() - children) == [], "layers that name no module"


@pytest.mark.parametrize("path, line", [
    ("survey_app/lock.py", "import PySide6"),                                      # a core module loads Qt
    ("survey_app/fresh/__init__.py", "import pyqtgraph"),                          # a new package, in no layer
    ("survey_app/storage/units.py", "from survey_app.review import checks"),      # storage -> review: upward
    ("survey_app/devices/gps.py", "from survey_app.speedtest import httpio"),     # siblings import each other
])
def test_lint_imports_fails_on_a_break(tmp_path, path, line):
    shutil.copytree(ROOT / "survey_app", tmp_path / "survey_app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / path
    target.parent.mkdir(exist_ok=True)
    with target.open("a", encoding="utf-8") as f:
        f.write("\n" + line + "\n")
    out = _lint(tmp_path)
    assert out.returncode != 0, out.stdout
    assert "BROKEN" in out.stdout
