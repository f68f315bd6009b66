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
    for kept in ("QtCore", "QtGui", "QtWidgets", "QtNetwork"):
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
                city = path.relative_to(ROOT).as_posix() in freeze.CITY_EDITION_MODULES
                if city and parts[0] in freeze.CITY_EDITION:
                    continue
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


def test_qt_plugins_and_translations_kept_are_the_ones_the_app_uses():
    from installer import slim

    keep = ["PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
            "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
            "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/imageformats/libqwebp.so",
            "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", "PySide6/Qt/translations/qtbase_en.qm",
            "PySide6/Qt/lib/libQt6Core.so.6", "survey_app/data/units.json", "PySide6/plugins/platforms/qwindows.dll"]
    drop = ["PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platforms/libqeglfs.so",
            "PySide6/Qt/plugins/imageformats/libqtiff.so", "PySide6/Qt/plugins/tls/libqopensslbackend.so",
            "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", "PySide6/Qt/translations/qt_de.qm",
            "PySide6/Qt/translations/qtbase_fr.qm", "PySide6/Qt/plugins/iconengines/libqsvgicon.so"]
    assert [p for p in keep if not slim.kept(p)] == []
    assert [p for p in drop if slim.kept(p)] == []


def test_prune_drops_the_libraries_only_dropped_plugins_load():
    from installer import slim

    imports = {"gtk.so": {"libgtk-3.so.0", "libglib-2.0.so.0"}, "libgtk-3.so.0": {"libcairo.so.2", "libglib-2.0.so.0"},
               "glib.so": {"libglib-2.0.so.0"}, "qxcb.so": {"libQt6XcbQpa.so.6"}}
    binaries = [("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "gtk.so", "BINARY"),
                ("PySide6/Qt/plugins/platforms/libqxcb.so", "qxcb.so", "BINARY"),
                ("PySide6/Qt/plugins/networkinformation/libqglib.so", "glib.so", "BINARY"),
                ("libgtk-3.so.0", "libgtk-3.so.0", "BINARY"), ("libcairo.so.2", "libcairo.so.2", "BINARY"),
                ("libglib-2.0.so.0", "libglib-2.0.so.0", "BINARY"),
                ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "libQt6XcbQpa.so.6", "BINARY"),
                ("libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "SYMLINK"),
                ("libcairo.so", "libcairo.so.2", "SYMLINK")]
    datas = [("PySide6/Qt/translations/qt_de.qm", "de.qm", "DATA"), ("survey_app/data/units.json", "u", "DATA")]
    kept, kept_datas, dropped = slim.prune(binaries, datas, imports=lambda src: imports.get(src, set()))
    assert sorted(e[0] for e in kept) == ["PySide6/Qt/lib/libQt6XcbQpa.so.6",
                                           "PySide6/Qt/plugins/networkinformation/libqglib.so",
                                           "PySide6/Qt/plugins/platforms/libqxcb.so", "libQt6XcbQpa.so.6",
                                           "libglib-2.0.so.0"]
    assert kept_datas == [("survey_app/data/units.json", "u", "DATA")]
    assert "libcairo.so" in dropped and "libgtk-3.so.0" in dropped


def _ldd(src: str) -> set[str]:
    out = subprocess.run(["ldd", src], capture_output=True, text=True).stdout
    lines = [line.split() for line in out.splitlines()]
    return {words[0].rsplit("/", 1)[-1] for words in lines if words and ("=>" in words or words[0].startswith("/"))}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the Linux PySide6 wheel with ldd")
def test_prune_on_the_installed_pyside6_keeps_everything_the_kept_plugins_load():
    """The rules against the real Qt of this environment: what xcb/offscreen/IBus/JPEG/WebP load stays."""
    from installer import slim

    qt = Path(__import__("PySide6").__file__).parent / "Qt"
    binaries = [(f"PySide6/Qt/{p.relative_to(qt).as_posix()}", str(p), "BINARY")
                for p in sorted((qt / "plugins").rglob("*.so")) + sorted((qt / "lib").glob("libQt6*.so.6"))]
    system = {}
    for _dest, src, _t in binaries:
        out = subprocess.run(["ldd", src], capture_output=True, text=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[1] == "=>" and parts[2].startswith("/") and "/PySide6/" not in parts[2]:
                system[parts[0]] = parts[2]
    binaries += [(name, path, "BINARY") for name, path in sorted(system.items())]
    kept, _datas, dropped = slim.prune(binaries, [], imports=_ldd)
    kept_names = {Path(d).name for d, _s, _t in kept}
    collected = {Path(d).name for d, _s, _t in binaries}
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "imageformats/libqjpeg.so",
                   "platforminputcontexts/libibusplatforminputcontextplugin.so"):
        src = qt / "plugins" / plugin
        assert src.name in kept_names
        assert (_ldd(str(src)) & collected) - kept_names == set(), plugin
    assert "PySide6/Qt/plugins/platformthemes/libqgtk3.so" in dropped
    if "libgtk-3.so.0" in system:
        assert "libgtk-3.so.0" in dropped


def test_the_qt_the_app_reaches_lazily_is_kept_and_it_has_no_svg():
    tree = ast.parse((ROOT / "survey_app" / "qt" / "qt.py").read_text(encoding="utf-8"))
    lazy = next(ast.literal_eval(n.value) for n in tree.body
                if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "_LAZY")
    assert {m.split(".")[1] for m in lazy} <= freeze.QT_KEEP
    # QtSvg and Qt's SVG plugins are left out: an SVG icon or image would show as nothing in the installer.
    svgs = [p for folder in ("survey_app", "resources", "ui") for p in (ROOT / folder).rglob("*.svg")]
    assert svgs == [] or "QtSvg" in freeze.QT_KEEP, svgs


def test_every_basemap_tile_format_has_its_image_plugin():
    from installer import slim
    from survey_app.coverage.basemap import RASTER

    plugin = {"png": None, "jpg": "qjpeg", "jpeg": "qjpeg", "webp": "qwebp"}  # PNG is built into QtGui
    assert set(RASTER) <= set(plugin), sorted(set(RASTER) - set(plugin))
    assert {plugin[f] for f in RASTER} - {None} <= slim.QT_PLUGINS["imageformats"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries")
def test_strip_tree_leaves_an_extension_module_that_still_loads(tmp_path):
    import importlib.util
    import shutil

    from installer import slim

    if not shutil.which("strip"):
        pytest.skip("no strip (binutils)")
    src = Path(importlib.util.find_spec("_json").origin)
    if not src.name.endswith(".so"):
        pytest.skip("_json is built into this Python")
    (tmp_path / "lib").mkdir()
    copy = tmp_path / "lib" / src.name
    shutil.copy(src, copy)
    (tmp_path / "lib" / "link.so").symlink_to(copy.name)
    before, after, restored = slim.strip_tree(tmp_path)
    assert before == src.stat().st_size and 0 < after <= before and restored == []
    code = ("import importlib.util, sys; s = importlib.util.spec_from_file_location('_json', sys.argv[1]); "
            "m = importlib.util.module_from_spec(s); s.loader.exec_module(m); print(m.scanstring('\"x\"', 1)[0])")
    out = subprocess.run([sys.executable, "-c", code, str(copy)], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "x", out.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="one program for both names outside Windows")
def test_the_cli_is_a_hard_link_and_the_archive_holds_it_once(tmp_path):
    folder = tmp_path / freeze.APP_DIR_NAME
    (folder / "_internal").mkdir(parents=True)
    program = os.urandom(200_000)
    for name in (freeze.GUI_NAME, freeze.CLI_NAME):
        freeze.executable(name, tmp_path).write_bytes(program)
    assert freeze.share_cli(folder)
    assert freeze.folder_size(folder) == len(program)
    packed = freeze.pack(folder, freeze.archive_path("1.0", tmp_path))
    assert packed.name.endswith(".tar.xz") and packed.stat().st_size < 1.2 * len(program)
    with tarfile.open(packed) as tf:
        cli = tf.getmember(f"{freeze.APP_DIR_NAME}/{freeze.CLI_NAME}")
        assert cli.islnk() and cli.linkname == f"{freeze.APP_DIR_NAME}/{freeze.GUI_NAME}"
        tf.extractall(tmp_path / "out", filter="tar")
    assert (tmp_path / "out" / freeze.APP_DIR_NAME / freeze.CLI_NAME).read_bytes() == program


BLOCKED_IMPORT = """
import importlib.abc, sys
blocked = set(sys.argv[1].split(","))


class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in blocked:
            raise ModuleNotFoundError(f"No module named {name!r} (left out of the installer)", name=name)


sys.meta_path.insert(0, Blocked())
from survey_app.qt.qt import QApplication, pg
import survey_app.qt.widgets.plot_axes, survey_app.qt.widgets.speedtest_plot, survey_app.qt.widgets.signal_plot
import survey_app.qt.widgets.review_indicator_charts, survey_app.qt.widgets.review_map
app = QApplication([])
plot = pg.PlotWidget()
plot.plot([1, 2, 3], [3, 1, 2])
plot.grab()
print("plots work")
"""


def test_the_plots_work_without_the_qt_modules_the_installer_leaves_out():
    """pyqtgraph imports some Qt modules at once (QtOpenGL), others only if present (QtSvg): block the excluded."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    p = subprocess.run([sys.executable, "-c", BLOCKED_IMPORT, ",".join(freeze.qt_excludes())], env=env,
                       capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert p.returncode == 0 and "plots work" in p.stdout, p.stderr[-2000:]


def test_a_postgresql_receiver_without_its_driver_gets_the_clear_message(tmp_path):
    """The installer leaves psycopg out: `central serve|status --db postgresql://...` must say so, not crash."""
    code = ("import sys\nfor name in sys.argv[1].split(','):\n    sys.modules[name] = None  # as if not installed\n"
            "from survey_app.cli import main\nsys.exit(main(sys.argv[2:]))\n")
    env = dict(os.environ, SURVEY_APP_HOME=str(tmp_path), SURVEY_APP_LANG="en")
    for action in ("serve", "status"):
        p = subprocess.run([sys.executable, "-c", code, ",".join(freeze.CITY_EDITION), "central", action, "--db",
                            "postgresql://nobody@127.0.0.1:9/none"], env=env, capture_output=True, text=True,
                           timeout=120, cwd=tmp_path)
        assert p.returncode == 2 and "PostgreSQL needs the optional part" in p.stderr, (action, p.stderr[-800:])
        assert "Traceback" not in p.stderr
