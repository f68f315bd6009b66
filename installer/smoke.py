"""`build_installer.py smoke`: run the frozen app headless in a temporary home and check what users rely on.

Checks: the bundle imports every app module and page; `units --json` gives 40 units; errors come in Vietnamese;
the window opens (and builds each page) and quits; demo mode starts its emulators and servers; a speed test
against the bundled local test server works from the frozen CLI; an emulated modem can be read; with no console
(stdout/stderr closed: sys.stdout is None in the app) the window and the CLI still work and write nothing.
Exit status 1 with a summary if anything fails.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installer import freeze

TIMEOUT = 180


class Smoke:
    """Runs the checks, records PASS/FAIL/SKIP with a one-line reason each."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.home = root / "home"
        self.home.mkdir()
        self.runtime = root / "run"
        self.runtime.mkdir(mode=0o700)
        self.results: list[tuple[str, str, str]] = []
        self.gui = freeze.executable(freeze.GUI_NAME)
        self.cli = freeze.executable(freeze.CLI_NAME)

    def env(self, **extra: str) -> dict[str, str]:
        """A clean environment: temporary home (also as HOME, so nothing touches the builder's profile)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SURVEY_APP_", "PYTHON", "QT_"))}
        # The data folder is encrypted (SQLCipher): its passphrase as a surveyor's login session gives it, the
        # derived key cached in a private runtime folder.
        env.update(SURVEY_APP_HOME=str(self.home), HOME=str(self.root), USERPROFILE=str(self.root),
                   QT_QPA_PLATFORM="offscreen", SURVEY_APP_NO_DIALOGS="1", SURVEY_APP_LANG="vi",
                   SURVEY_APP_PASSPHRASE="smoke test passphrase", XDG_RUNTIME_DIR=str(self.runtime))
        env.update(extra)
        return env

    def run(self, exe: Path, *args: str, closed_streams: bool = False, **env: str) -> subprocess.CompletedProcess:
        """Run a frozen executable; with closed_streams its stdout/stderr are closed (no console)."""
        if closed_streams:
            return run_without_streams([str(exe), *args], self.env(**env))
        return subprocess.run([str(exe), *args], env=self.env(**env), capture_output=True, timeout=TIMEOUT,
                              stdin=subprocess.DEVNULL)

    def check(self, name: str, fn) -> None:
        """Run one check: fn() returns a detail string (pass), raises AssertionError (fail) or SkipCheck."""
        t0 = time.monotonic()
        try:
            detail = fn() or ""
            status = "PASS"
        except SkipCheck as exc:
            status, detail = "SKIP", str(exc)
        except WarnCheck as exc:
            status, detail = "WARN", str(exc)
        except AssertionError as exc:
            status, detail = "FAIL", str(exc)
        except Exception as exc:  # a crash of the check itself is a failure too, with its reason
            status, detail = "FAIL", f"{type(exc).__name__}: {exc}"
        self.results.append((status, name, f"{detail} ({time.monotonic() - t0:.1f} s)"))
        print(f"[{status}] {name}: {detail}", flush=True)


class SkipCheck(Exception):
    """The check cannot run on this platform."""


class WarnCheck(Exception):
    """Worth knowing, not a failure (e.g. the sources changed after the bundle was built)."""


def run_without_streams(cmd: list[str], env: dict) -> subprocess.CompletedProcess:
    """Start cmd with no usable stdout/stderr, as a windowed app started from a desktop icon gets."""
    if sys.platform == "win32":
        # A windowed (GUI-subsystem) program started without redirection has no standard handles at all.
        proc = subprocess.run(cmd, env=env, timeout=TIMEOUT, creationflags=subprocess.CREATE_NO_WINDOW)
    else:
        def close_streams() -> None:
            os.close(1)
            os.close(2)

        proc = subprocess.run(cmd, env=env, timeout=TIMEOUT, stdin=subprocess.DEVNULL, preexec_fn=close_streams)
    proc.stdout = proc.stderr = b""
    return proc


def text(b: bytes) -> str:
    return b.decode("utf-8", errors="replace")


def tail(proc: subprocess.CompletedProcess) -> str:
    """The end of a process's stderr, for failure messages."""
    return f"exit {proc.returncode}; stderr: {text(proc.stderr)[-600:].strip()!r}"


def run_smoke() -> int:
    """Run every check against dist/survey-app; print a summary; 0 only if nothing failed."""
    if not freeze.executable(freeze.CLI_NAME).exists() or not freeze.executable(freeze.GUI_NAME).exists():
        print(f"No frozen app in {freeze.DIST / freeze.APP_DIR_NAME}: run `python build_installer.py bundle` first.")
        return 1
    from installer import smoke_checks

    with tempfile.TemporaryDirectory(prefix="survey-smoke-") as tmp:
        smoke = Smoke(Path(tmp))
        for name, fn in smoke_checks.CHECKS:
            smoke.check(name, lambda fn=fn: fn(smoke))
    failed = [r for r in smoke.results if r[0] == "FAIL"]
    print("\nSmoke test of " + str(freeze.DIST / freeze.APP_DIR_NAME))
    for status, name, detail in smoke.results:
        print(f"  {status:4}  {name}: {detail}")
    print(f"{len(smoke.results) - len(failed)} of {len(smoke.results)} checks passed, skipped or warned; "
          f"{len(failed)} failed." if failed else f"All {len(smoke.results)} checks passed (or skipped/warned).")
    return 1 if failed else 0


def db_count(s: Smoke, table: str) -> int:
    """Rows in a table of the temporary home's (encrypted) database, opened with the smoke runs' passphrase."""
    from survey_app.storage.dbkey import key_for_db
    from survey_app.storage.driver import connect_file

    env = s.env()
    saved = {k: os.environ.get(k) for k in ("SURVEY_APP_PASSPHRASE", "XDG_RUNTIME_DIR")}
    os.environ.update({k: env[k] for k in saved})
    try:
        con = connect_file(s.home / "survey.db", key=key_for_db(s.home / "survey.db"))
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    try:
        return con.execute(f"select count(*) from {table}").fetchone()[0]
    finally:
        con.close()


def write_settings(home: Path, **extra) -> None:
    """Merge keys into settings.json's `extra` (e.g. the page the window opens on)."""
    path = home / "settings.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data.setdefault("extra", {}).update(extra)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
