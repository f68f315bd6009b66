"""Fast checks of the installer's build helpers (the PyInstaller build itself runs in `build_installer.py smoke`)."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # installer/ is a build-time package beside survey_app/, not installed

from installer import freeze  # noqa: E402


def test_every_module_the_app_loads_by_name_is_collected():
    from survey_app.commands import COMMAND_MODULES
    from survey_app.demo.services import DEMO_SERVICES
    from survey_app.storage.migrations import MIGRATION_MODULES

    modules = set(freeze.app_modules())
    by_name = set(COMMAND_MODULES) | {m for _n, m in MIGRATION_MODULES} | {s.split(":")[0] for s in DEMO_SERVICES}
    by_name |= {f"survey_app.i18n.{p.stem}" for p in (ROOT / "survey_app" / "i18n").glob("vi_*.py")}
    by_name |= {"survey_app.qt._generated.resources_rc", "survey_app.qt.app", "survey_app.cli"}
    assert by_name <= modules, sorted(by_name - modules)
    assert "survey_app.__main__" not in modules
    # The reference receiver travels with the app: demo mode syncs to it, IT can run `central serve`.
    assert {"survey_app.central.app", "survey_app.central.server", "survey_app.central.store"} <= modules


def test_build_extra_lists_what_the_bundle_needs():
    import tomllib

    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert sorted(req for _name, req in freeze.BUILD_REQUIREMENTS) == sorted(extra["build"])
    assert not {"fastapi", "uvicorn", "pydantic", "starlette"} & set(freeze.PY_EXCLUDES)


def test_pages_that_exist_in_the_source_are_collected():
    source = ROOT / "survey_app" / "qt" / "main_window.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    pages = next(ast.literal_eval(n.value) for n in tree.body
                 if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "PAGES")
    modules = set(freeze.app_modules())
    for _key, module, _cls in pages:
        exists = (ROOT / (module.replace(".", "/") + ".py")).exists()
        assert (module in modules) == exists, module


def _qt_modules_imported(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "PySide6":
                found |= {a.name for a in node.names}
            elif node.module.startswith("PySide6."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6.")}
    return found


def test_no_app_source_imports_an_excluded_qt_module():
    excluded = {m.split(".", 1)[1] for m in freeze.qt_excludes()}
    offenders = {}
    for path in (ROOT / "survey_app").rglob("*.py"):
        bad = _qt_modules_imported(path) & excluded
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert not offenders, f"add these to installer/freeze.py QT_KEEP or stop using them: {offenders}"


def test_unused_qt_modules_are_excluded_and_the_used_ones_kept():
    excluded = set(freeze.qt_excludes())
    for big in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia", "QtPdf", "QtCharts",
                "QtDesigner", "QtTest"):
        assert f"PySide6.{big}" in excluded
    for kept in ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtSvg"):
        assert f"PySide6.{kept}" not in excluded
    for test_only in ("pytest", "hypothesis", "pytestqt", "schemathesis", "PyInstaller"):
        assert test_only in freeze.PY_EXCLUDES


def test_package_data_is_collected():
    targets = {Path(src).relative_to(ROOT).as_posix(): dest for src, dest in freeze.app_datas()}
    assert targets["survey_app/data/units.json"] == os.path.join("survey_app", "data")
    assert "survey_app/data/forms/household.json" in targets
    assert not any(t.endswith(".py") for t in targets)


def test_archive_name_and_packing(tmp_path):
    tag = freeze.platform_tag()
    assert tag.count("-") == 1 and tag.split("-")[0] in ("linux", "windows", "macos", "freebsd")
    target = freeze.archive_path("9.8.7", tmp_path)
    assert target.name.startswith(f"survey-app-9.8.7-{tag}")
    folder = tmp_path / "survey-app"
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "x.txt").write_text("Huế", encoding="utf-8")
    packed = freeze.pack(folder, target)
    if packed.suffix == ".zip":
        import zipfile

        names = zipfile.ZipFile(packed).namelist()
    else:
        names = tarfile.open(packed).getnames()
    assert "survey-app/_internal/x.txt" in names
    assert freeze.app_version() == __import__("survey_app").__version__


@pytest.mark.skipif(sys.platform == "win32", reason="closing stdout/stderr of a child needs POSIX")
def test_entry_runs_the_cli_with_no_console(tmp_path):
    """The frozen entry point with stdout/stderr closed (sys.stdout is None, as in a windowed app)."""
    env = dict(os.environ, SURVEY_APP_HOME=str(tmp_path))
    listing = tmp_path / "modules.txt"
    listing.write_text("survey_app.cli\nsurvey_app.speedtest.ookla_cli\n", encoding="utf-8")

    def close_streams():
        os.close(1)
        os.close(2)

    entry = str(ROOT / "installer" / "entry.py")
    p = subprocess.run([sys.executable, entry, "sessions", "new", "--unit", "19753", "--team", "Tổ 1",
                        "--surveyor", "Lan", "--json"], env=env, preexec_fn=close_streams, timeout=120)
    assert p.returncode == 0
    assert (tmp_path / "survey.db").exists()
    p = subprocess.run([sys.executable, entry, "--tool", "self-check", str(listing)], env=env,
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    assert '"problems": {}' in p.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="closing stdout/stderr of a child needs POSIX")
def test_smoke_runs_a_program_with_no_stdout_at_all(tmp_path):
    """The smoke test's "no console" runs really give the program sys.stdout = None (as a windowed app has)."""
    from installer.smoke import run_without_streams

    out = tmp_path / "streams.txt"
    code = f"import sys; open({str(out)!r}, 'w').write(repr((sys.stdout, sys.stderr)))"
    assert run_without_streams([sys.executable, "-c", code], dict(os.environ)).returncode == 0
    assert out.read_text() == "(None, None)"


def test_entry_rejects_an_unknown_tool():
    p = subprocess.run([sys.executable, str(ROOT / "installer" / "entry.py"), "--tool", "nonsense"],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "speedtest-server" in p.stderr


def test_no_app_source_imports_an_excluded_package():
    """Lazy imports inside functions are not seen by the frozen self-check: check the sources for them."""
    excluded = set(freeze.PY_EXCLUDES)
    offenders = {}
    for path in (ROOT / "survey_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                parts = name.split(".")
                if any(".".join(parts[:i]) in excluded for i in range(1, len(parts) + 1)):
                    offenders.setdefault(str(path.relative_to(ROOT)), []).append(name)
    assert not offenders, f"the bundle leaves these out (installer/freeze.py PY_EXCLUDES): {offenders}"


def test_inno_setup_script_installs_what_bundle_makes():
    raw = (ROOT / "installer" / "survey-app.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads a script without a BOM as ANSI"
    iss = raw.decode("utf-8-sig")
    assert f'#define SourceDir "..\\dist\\{freeze.APP_DIR_NAME}"' in iss
    assert f'#define AppExe "{freeze.GUI_NAME}.exe"' in iss
    assert "recursesubdirs" in iss and "{app}\\_internal" in iss
    assert f'#define AppVersion "{freeze.app_version()}"' in iss, "keep the default version in step"
