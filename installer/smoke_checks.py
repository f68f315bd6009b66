"""The checks of `build_installer.py smoke`, in order; each takes the Smoke runner and returns a detail line."""
from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
from pathlib import Path

from installer import freeze
from installer.smoke import SkipCheck, WarnCheck, db_count, tail, text, write_settings

EMULATOR = (
    "import sys\n"
    "from survey_app.devices.emulator.modem_emulator import ModemEmulator\n"
    "m = ModemEmulator('quectel_lte', sys.argv[1], seed=4).start()\n"
    "print(m.link, flush=True)\n"
    "sys.stdin.read()\n"
    "m.stop()\n"
)


def first_line(proc: subprocess.Popen, timeout: float = 60) -> str:
    """The first line a background process prints (its URL or device path), or AssertionError."""
    box: list[str] = []
    reader = threading.Thread(target=lambda: box.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    assert box and box[0].strip(), f"no address printed within {timeout:.0f} s (exit {proc.poll()})"
    return box[0].strip()


@contextlib.contextmanager
def background(cmd: list[str], env: dict | None = None):
    """A helper process (server, emulator) that is stopped when the block ends; yields (proc, first line)."""
    proc = subprocess.Popen(cmd, env=env, cwd=freeze.ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        yield proc, first_line(proc)
    finally:
        with contextlib.suppress(OSError):
            proc.stdin.close()
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def speedtest_server(s):
    """The local speed-test server, run from the frozen app itself."""
    return background([str(s.cli), "--tool", "speedtest-server", "--port", "0"], s.env())


def check_version(s) -> str:
    from survey_app import __version__

    p = s.run(s.cli, "--version")
    out = text(p.stdout + p.stderr)
    assert p.returncode == 0 and __version__ in out, f"--version: {tail(p)}"
    return out.strip()


def check_build_info(s) -> str:
    path = freeze.build_info_path()
    assert path.exists(), f"{path} is missing: the folder was not made by `build_installer.py bundle`"
    info = json.loads(path.read_text(encoding="utf-8"))
    assert info["platform"] == freeze.platform_tag(), f"built for {info['platform']}, this is {freeze.platform_tag()}"
    if info["source_fingerprint"] != freeze.source_fingerprint():
        raise WarnCheck("survey_app/ changed since this bundle was built: these results are for the older code; "
                        "run `python build_installer.py bundle` again")
    return f"{info['version']} for {info['platform']}, built from the current survey_app/ sources"


def check_modules(s) -> str:
    # The modules the sources had when the bundle was built (sources may change after; check_build_info says so).
    info_path = freeze.build_info_path()
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
    modules = info.get("modules") or freeze.app_modules()
    listing = s.root / "modules.txt"
    listing.write_text("\n".join(modules) + "\n", encoding="utf-8")
    p = s.run(s.cli, "--tool", "self-check", str(listing))
    try:
        report = json.loads(p.stdout)
    except ValueError:
        raise AssertionError(f"self-check gave no report: {tail(p)}") from None
    assert p.returncode == 0, "modules missing or broken in the bundle: " + json.dumps(
        report["problems"], ensure_ascii=False)
    added = sorted(set(freeze.app_modules()) - set(modules))
    note = f"; added to the sources since the build (not checked): {', '.join(added)}" if added else ""
    return f"{report['checked']} modules and pages import" + note


def check_units(s) -> str:
    p = s.run(s.cli, "units", "--json")
    assert p.returncode == 0, f"units --json: {tail(p)}"
    units = json.loads(p.stdout)
    assert len(units) == 40, f"expected 40 units, got {len(units)}"
    return f"40 units, first {units[0]['code']} {units[0]['name']}"


def check_vietnamese_error(s) -> str:
    p = s.run(s.cli, "sessions", "new", "--unit", "00000", "--team", "T", "--surveyor", "S")
    err = text(p.stderr).strip()
    assert p.returncode == 2 and err.startswith("Lỗi"), f"bad unit should fail in Vietnamese: {tail(p)}"
    return err.splitlines()[0]


def _window(s, *args: str, page: str | None = None) -> tuple[str, str]:
    if page:
        write_settings(s.home, last_page=page)
    p = s.run(s.gui, *args, SURVEY_APP_QUIT_AFTER_SHOW="1")
    err = text(p.stderr)
    assert p.returncode == 0 and "startup: first page ready" in err, f"window: {tail(p)}"
    assert "Traceback" not in err, f"window printed a traceback: {err[-800:]}"
    assert not p.stdout, f"the window wrote to stdout: {text(p.stdout)[:200]!r}"
    marks = [float(line.rsplit(" ", 1)[1]) for line in err.splitlines() if line.startswith("startup:")]
    return f"shown and quit, nothing on stdout ({(marks[-1] - marks[0]) * 1000:.0f} ms show -> page)", err


def check_window(s) -> str:
    return _window(s)[0]


def check_x11_window(s) -> str:
    """The window on a real X server (the xcb plugin and the X libraries the bundle carries), via Xvfb."""
    import shutil

    if sys.platform == "win32" or not shutil.which("xvfb-run"):
        raise SkipCheck("needs Linux with xvfb-run")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(s.gui)]
    p = subprocess.run(cmd, env=s.env(QT_QPA_PLATFORM="xcb", SURVEY_APP_QUIT_AFTER_SHOW="1"), capture_output=True,
                       timeout=180, stdin=subprocess.DEVNULL)
    err = text(p.stderr)
    assert p.returncode == 0 and "startup: first page ready" in err, f"window on Xvfb: {tail(p)}"
    return "shown on Xvfb with the xcb platform plugin and quit"


def check_pages(s) -> str:
    from survey_app.qt.main_window import PAGES

    for key, _module, _cls in PAGES:
        try:
            _window(s, page=key)
        except AssertionError as exc:
            raise AssertionError(f"page {key}: {exc}") from None
    write_settings(s.home, last_page="session")
    modules = set(freeze.app_modules())
    missing = [k for k, m, _c in PAGES if m not in modules]
    note = f"; not in this source tree yet (placeholder shown): {', '.join(missing)}" if missing else ""
    return f"{len(PAGES)} pages built: " + ", ".join(k for k, _m, _c in PAGES) + note


# Demo services that cannot run on a platform (pseudo-terminal emulators on Windows): expected to fail there.
DEMO_POSIX_ONLY = ("survey_app.demo.devices:start",)


def check_demo(s) -> str:
    detail, err = _window(s, "--demo")
    failed = [line for line in err.splitlines() if "demo service" in line and "failed" in line]
    if sys.platform == "win32":
        failed = [line for line in failed if not any(spec in line for spec in DEMO_POSIX_ONLY)]
    assert not failed, "demo services failed: " + " | ".join(failed)
    return "demo services started; " + detail


def check_speedtest(s) -> str:
    before = db_count(s, "speed_tests")
    with speedtest_server(s) as (_proc, url):
        p = s.run(s.cli, "speedtest", "--server", url, "--duration", "2", "--json")
    assert p.returncode == 0, f"speedtest: {tail(p)}"
    result = json.loads(p.stdout)
    assert result["status"] == "ok" and result["download_mbps"] > 0 and result["upload_mbps"] > 0, result
    assert db_count(s, "speed_tests") == before + 1, "the result was not stored"
    return (f"{url}: down {result['download_mbps']:.0f} Mbit/s, up {result['upload_mbps']:.0f} Mbit/s, "
            f"ping {result['ping_ms']:.1f} ms, stored")


def check_modem(s) -> str:
    if sys.platform == "win32":
        raise SkipCheck("the modem emulator needs a pseudo-terminal (Linux, macOS)")
    link = s.root / "devices" / "ttyEMU0"
    with background([sys.executable, "-c", EMULATOR, str(link)]) as (_proc, path):
        p = s.run(s.cli, "modem", "read", "--port", path, "--json")
    assert p.returncode == 0, f"modem read: {tail(p)}"
    reading = json.loads(p.stdout)
    flat = json.dumps(reading, ensure_ascii=False)
    assert "rsrp" in flat.lower(), f"no RSRP in the reading: {flat[:300]}"
    return f"read {path}: " + flat[:160]


def check_no_console_window(s) -> str:
    settings = s.home / "settings.json"
    settings.unlink(missing_ok=True)
    p = s.run(s.gui, closed_streams=True, SURVEY_APP_QUIT_AFTER_SHOW="1")
    assert p.returncode == 0, f"window with no stdout/stderr exited {p.returncode}"
    saved = json.loads(settings.read_text(encoding="utf-8")) if settings.exists() else {}
    assert "window_geometry" in saved.get("extra", {}), "the window did not close normally (no geometry saved)"
    return "window opened and closed normally with stdout/stderr closed (sys.stdout is None)"


def check_no_console_cli(s) -> str:
    p = s.run(s.gui, "units", "--json", closed_streams=True)
    assert p.returncode == 0, f"units --json with no console exited {p.returncode}"
    before = db_count(s, "speed_tests")
    with speedtest_server(s) as (_proc, url):
        p = s.run(s.gui, "speedtest", "--server", url, "--duration", "1", closed_streams=True)
    assert p.returncode == 0, f"speedtest with no console exited {p.returncode}"
    assert db_count(s, "speed_tests") == before + 1, "the speed test with no console stored nothing"
    return "units --json and a speed test work with stdout/stderr closed (sys.stdout is None)"


VIETNAMESE = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


def check_libraries(s) -> str:
    """Every library and plugin in the bundle finds the libraries it loads (ldd), none was cut too many."""
    import shutil

    from installer.slim import is_elf

    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        raise SkipCheck("needs Linux with ldd")
    internal = s.gui.parent / "_internal"
    env = dict(s.env(), LD_LIBRARY_PATH=str(internal))
    files = [p for p in internal.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    missing = {}
    for path in files:
        out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True).stdout
        lost = [line.split()[0] for line in out.splitlines() if "not found" in line]
        if "not a dynamic executable" in out:  # the loader cannot read it (e.g. broken by strip)
            lost.append("(unreadable by the loader)")
        if lost:
            missing[str(path.relative_to(internal))] = lost
    assert not missing, "libraries not found: " + json.dumps(missing)
    return f"{len(files)} libraries and plugins load; every library they need is in the bundle or the system"


def _screenshot(s, lang: str) -> list[str]:
    out = s.root / f"window-{lang}.png"
    p = s.run(s.cli, "--tool", "screenshot", str(out), "--lang", lang)
    assert p.returncode == 0 and out.exists(), f"screenshot ({lang}): {tail(p)}"
    return json.loads(text(p.stdout).strip().splitlines()[-1])["texts"]


def check_translations(s) -> str:
    """The window speaks Vietnamese (the compiled .qm in the resources) and English when asked."""
    def vietnamese(texts: list[str]) -> list[str]:
        return [t for t in texts if VIETNAMESE & set(t.replace("Huế", "").lower())]  # the city's name is both

    vi, en = _screenshot(s, "vi"), _screenshot(s, "en")
    assert len(vietnamese(vi)) > len(vi) // 2, f"the Vietnamese window is not in Vietnamese: {vi[:8]}"
    assert not vietnamese(en), f"Vietnamese text in the English window: {vietnamese(en)[:8]}"
    return f"vi: {' | '.join(vi[:3])}; en: {' | '.join(en[:3])} (pictures in {s.root})"


def check_encrypted_db(s) -> str:
    """The database the frozen app made is SQLCipher's (no plain SQLite header), and the CLI reads it."""
    head = (s.home / "survey.db").read_bytes()[:16]
    assert head != b"SQLite format 3\x00", "survey.db is a plain SQLite file: SQLCipher is not in the bundle"
    p = s.run(s.cli, "sessions", "list", "--json")
    assert p.returncode == 0, f"sessions list: {tail(p)}"
    return f"survey.db is encrypted; sessions list --json gives {len(json.loads(p.stdout))} sessions"


def check_city_edition_message(s) -> str:
    """PostgreSQL (the city edition's receiver) is not in the laptop bundle: a clear message, no traceback."""
    p = s.run(s.cli, "central", "status", "--db", "postgresql://nobody@127.0.0.1:9/none")
    err = text(p.stderr).strip()
    assert p.returncode == 2 and err.startswith("Lỗi") and "Traceback" not in err, f"postgresql --db: {tail(p)}"
    return err.splitlines()[0]


CHECKS = [
    ("frozen CLI starts", check_version),
    ("bundle is of the current sources", check_build_info),
    ("bundle holds every module and page", check_modules),
    ("units --json gives 40 units", check_units),
    ("errors in Vietnamese", check_vietnamese_error),
    ("window opens and quits", check_window),
    ("every library finds what it loads", check_libraries),
    ("window in Vietnamese and English (screenshots)", check_translations),
    ("encrypted database, sessions list", check_encrypted_db),
    ("PostgreSQL receiver: a clear message", check_city_edition_message),
    ("window on an X display (Xvfb, xcb plugin)", check_x11_window),
    ("every page builds in the frozen window", check_pages),
    ("demo mode (emulators, local servers)", check_demo),
    ("speed test against the local test server", check_speedtest),
    ("emulated modem read", check_modem),
    ("no console: window", check_no_console_window),
    ("no console: CLI and speed test", check_no_console_cli),
]
