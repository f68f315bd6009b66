"""`build_installer.py bundle` (PyInstaller one-folder build, packed as .tar.xz or .zip) and `smoke`.

One folder `dist/survey-app/` holds two executables built from the same entry script (installer/entry.py):
`survey-app` (windowed on Windows: no console window behind the app) and `survey-app-cli` (a console program for
the headless commands and for IT). On Linux and macOS the two behave the same.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "survey_app"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "installer" / "survey-app.spec"
APP_DIR_NAME = "survey-app"
GUI_NAME = "survey-app"
CLI_NAME = "survey-app-cli"

# Qt modules the app (and pyqtgraph/superqt, for what the app uses of them) needs; every other PySide6 module is
# excluded so that its Qt libraries, plugins and QML files stay out of the archive. QtNetwork: QNetworkInformation
# (main_window.py); QtOpenGL and QtOpenGLWidgets: pyqtgraph imports them whether or not a plot uses OpenGL. QtSvg
# goes: pyqtgraph imports it only if present (SVG export, the legend's eye icon, unused here) and the app has no
# SVG files (tests/core/test_installer_freeze.py imports the plots with the excluded modules blocked).
QT_KEEP = {"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtOpenGL", "QtOpenGLWidgets"}
# All PySide6 modules (Essentials and Addons), so the list holds even if a bigger PySide6 is installed.
QT_ALL = {
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport",
    "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml", "QtCanvasPainter",
} | QT_KEEP

# The receiver's PostgreSQL back end is the city edition's, run from a source install (`central` extra); the
# laptop's bundled receiver (demo sync, `central serve`) uses SQLite, and a postgresql:// --db gets the clear
# "needs the optional part" message (commands/central.py). Only these modules import them (inside functions).
CITY_EDITION = ["psycopg", "psycopg_binary", "psycopg_c", "psycopg_pool"]
CITY_EDITION_MODULES = {"survey_app/central/store_pg.py", "survey_app/central/ingest_pg.py",
                        "survey_app/central/ops.py"}

# Test, build and server-only packages, other Qt bindings, and optional extras of our dependencies.
PY_EXCLUDES = [
    "tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "pytest_timeout", "hypothesis", "_hypothesis_pytestplugin",
    "_hypothesis_globals", "_hypothesis_ftz_detector", "schemathesis", "hypothesis_graphql", "importlinter",
    "grimp", "jsonschema", "jsonschema_rs", "jsonschema_specifications", "referencing",
    "werkzeug", "graphql", "harfile",
    "PyInstaller", "setuptools", "pkg_resources", "pip", "IPython", "matplotlib", "scipy", "pandas", "OpenGL",
    "PyQt5", "PyQt6", "PySide2", "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter", "cupy", "numba",
    "h5py", "colorcet", "PIL",
    *CITY_EDITION,
    # Optional imports of our dependencies that the app never reaches: uvicorn's YAML log configs.
    "yaml", "_yaml",
    # Pretty printers and async back ends nothing in the app reaches: httpx's command line and pydantic's schema
    # printer (rich, pygments, markdown_it), anyio/httpcore's trio back end, uvicorn's websockets and reloader,
    # cffi's build-time distutils shim.
    "rich", "pygments", "markdown_it", "mdurl", "trio", "outcome", "wsproto", "websockets", "watchfiles",
    "distutils",
]
# survey_app modules left out (`python -m survey_app` only; the frozen entry is installer/entry.py).
APP_EXCLUDES = ["survey_app.__main__"]
# What the build needs besides the app: PyInstaller, and the reference receiver's web stack (the `central` extra),
# which the bundle carries so that demo mode can sync offline and IT can run `survey-app-cli central serve`.
# (import name, pip requirement); the `build` extra in pyproject.toml lists the same.
BUILD_REQUIREMENTS = [("PyInstaller", "pyinstaller>=6.10"), ("fastapi", "fastapi>=0.110"),
                      ("uvicorn", "uvicorn>=0.29")]


def qt_excludes() -> list[str]:
    """PySide6 modules to leave out of the bundle."""
    installed = set()
    try:
        import PySide6

        folder = Path(PySide6.__file__).parent
        installed = {p.name.split(".")[0] for p in folder.iterdir() if p.name.startswith("Qt") and
                     p.suffix in (".so", ".pyd")}
    except ImportError:
        pass
    return sorted(f"PySide6.{m}" for m in (QT_ALL | installed) - QT_KEEP)


def app_modules(package: Path = PACKAGE) -> list[str]:
    """Every module of the survey_app source tree (the app loads many by name: commands, pages, migrations,
    translations, demo services), minus APP_EXCLUDES."""
    names = []
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        rel = path.relative_to(package.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        name = ".".join(parts)
        if not any(name == ex or name.startswith(ex + ".") for ex in APP_EXCLUDES):
            names.append(name)
    return names


def app_datas(package: Path = PACKAGE) -> list[tuple[str, str]]:
    """Non-Python files inside the package (survey_app/data/**, generated resources): (source, target dir)."""
    out = []
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
            out.append((str(path), str(path.parent.relative_to(package.parent))))
    return out


def source_fingerprint(package: Path = PACKAGE) -> str:
    """SHA-256 over the app's source and data files, to tell whether a bundle is older than the code."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_info_path(dist: Path = DIST) -> Path:
    """build-info.json beside the executables: version, platform and the source fingerprint of the build."""
    return dist / APP_DIR_NAME / "build-info.json"


def platform_tag() -> str:
    """linux-x86_64, windows-x86_64, macos-arm64, ..."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def archive_path(version: str, dist: Path = DIST) -> Path:
    """dist/survey-app-<version>-<platform>.zip on Windows, .tar.xz elsewhere (`tar -xf` unpacks it)."""
    ext = ".zip" if sys.platform == "win32" else ".tar.xz"
    return dist / f"survey-app-{version}-{platform_tag()}{ext}"


def app_version() -> str:
    """The version in survey_app/__init__.py (read as text: the build need not import the app)."""
    for line in (PACKAGE / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("no __version__ in survey_app/__init__.py")


def executable(name: str, dist: Path = DIST) -> Path:
    """Path of a frozen executable in the one-folder build."""
    return dist / APP_DIR_NAME / (name + (".exe" if sys.platform == "win32" else ""))


def pack(folder: Path, target: Path) -> Path:
    """Pack the one-folder build into a .zip or a .tar.xz with `survey-app/` at its top (xz preset 9: its 64 MiB
    window also finds the libraries' repeats; GNU tar and every Linux desktop's archive tool unpack it)."""
    target.unlink(missing_ok=True)
    if target.suffix == ".zip":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(folder.rglob("*")):
                zf.write(path, Path(folder.name) / path.relative_to(folder))
    else:
        with tarfile.open(target, "w:xz", preset=9) as tf:
            tf.add(folder, arcname=folder.name)  # a hard link (survey-app-cli) is stored once
    return target


def share_cli(folder: Path) -> bool:
    """Outside Windows the two executables are the same program (the console flag means nothing there): make
    survey-app-cli a hard link of survey-app, so that the archive and the disk hold the 16 MB once."""
    gui, cli = executable(GUI_NAME, folder.parent), executable(CLI_NAME, folder.parent)
    if sys.platform == "win32" or gui.read_bytes() != cli.read_bytes():
        return False
    cli.unlink()
    os.link(gui, cli)
    return True


def folder_size(folder: Path) -> int:
    """Bytes on disk of the one-folder build (symlinks and hard links counted once)."""
    seen, total = set(), 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            st = path.stat()
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total


def biggest(folder: Path, count: int = 12) -> list[tuple[str, int]]:
    """The largest files of the build (relative path, bytes), for the build log and BENCHMARKS.md."""
    files = [(p.relative_to(folder).as_posix(), p.stat().st_size) for p in folder.rglob("*")
             if p.is_file() and not p.is_symlink()]
    return sorted(files, key=lambda f: -f[1])[:count]


def bundle() -> int:
    """Run PyInstaller on installer/survey-app.spec and pack the result."""
    missing = [req for name, req in BUILD_REQUIREMENTS if importlib.util.find_spec(name) is None]
    if missing:
        # A fresh machine: install what the `build` extra lists into this environment.
        print(f"Installing {', '.join(missing)} (the `build` extra: pip install -e '.[build]')", flush=True)
        if subprocess.run([sys.executable, "-m", "pip", "install", *missing]).returncode != 0:
            print("Could not install " + ", ".join(missing), file=sys.stderr)
            return 2
        importlib.invalidate_caches()
    shutil.rmtree(DIST / APP_DIR_NAME, ignore_errors=True)
    fingerprint, modules = source_fingerprint(), app_modules()  # before PyInstaller reads the sources
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    print("$ " + " ".join(cmd), flush=True)
    if subprocess.run(cmd, cwd=ROOT).returncode != 0:
        print("PyInstaller failed (see above).", file=sys.stderr)
        return 1
    folder = DIST / APP_DIR_NAME
    missing = [str(executable(n)) for n in (GUI_NAME, CLI_NAME) if not executable(n).exists()]
    if missing:
        print("PyInstaller made no " + ", ".join(missing), file=sys.stderr)
        return 1
    _slim_folder(folder)
    info = {"version": app_version(), "platform": platform_tag(), "python": platform.python_version(),
            "source_fingerprint": fingerprint, "modules": modules}
    build_info_path().write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    target = pack(folder, archive_path(app_version()))
    print(f"folder  {folder}  {folder_size(folder) / 1e6:.1f} MB unpacked; biggest files:")
    for name, size in biggest(folder):
        print(f"  {size / 1e6:6.1f} MB  {name}")
    print(f"archive {target}  {target.stat().st_size / 1e6:.1f} MB (goal < 80 MB)")
    return 0


def _slim_folder(folder: Path) -> None:
    """Strip the libraries and share the executables (installer/slim.py says what the collection left out)."""
    from installer.slim import strip_tree

    before, after, restored = strip_tree(folder / "_internal")
    print(f"strip --strip-unneeded: libraries {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB"
          + (f"; left unstripped (would not load stripped): {', '.join(restored)}" if restored else ""))
    if share_cli(folder):
        print(f"{CLI_NAME} is a hard link of {GUI_NAME}")


def main(step: str) -> int:
    """Run a build step by name ('bundle' or 'smoke')."""
    os.chdir(ROOT)
    if step == "bundle":
        return bundle()
    if step == "smoke":
        from installer.smoke import run_smoke

        return run_smoke()
    raise SystemExit(f"unknown step {step}")
