"""Entry point of the frozen app (both `survey-app` and `survey-app-cli` run this script).

A windowed build on Windows starts with no console: sys.stdout and sys.stderr are None there, and libraries
that write to them (or wrap them, like speedtest-cli) would crash. They get a sink that discards output, so the
window never fails for want of a console; `survey-app-cli` (a console program) prints normally.

`survey-app-cli --tool NAME ...` runs a support tool bundled with the app (for IT and the smoke test):
  speedtest-server [--port N] [--mode M]  the project's local speed-test server (prints its URL)
  self-check FILE                         import every module named in FILE (one a line), print JSON problems
  screenshot FILE [ARGS]                  open the window as usual (with the app's ARGS, e.g. --lang en), save
                                          a PNG once its first page is built, print its texts as JSON, quit
"""
from __future__ import annotations

import io
import json
import multiprocessing
import os
import sys

# Modules that exist only on some platforms; a missing one is not a packaging fault.
PLATFORM_ONLY = {"termios", "fcntl", "pty", "tty", "grp", "pwd", "resource", "msvcrt", "winreg", "_winapi"}


def _discard() -> io.TextIOWrapper:
    return io.TextIOWrapper(open(os.devnull, "wb"), encoding="utf-8", errors="replace")


def guard_streams() -> None:
    """Give sys.stdout/sys.stderr a discarding sink where the process has none (windowed, closed handles)."""
    if sys.stdout is None:
        sys.stdout = _discard()
    if sys.stderr is None:
        sys.stderr = _discard()


def self_check(listing: str) -> int:
    """Import each listed module and every page class of the main window; print problems as JSON."""
    import importlib

    problems = {}
    names = [n.strip() for n in open(listing, encoding="utf-8") if n.strip()]
    for name in names:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if (exc.name or "").split(".")[0] not in PLATFORM_ONLY:
                problems[name] = f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # report every kind of failure, keep checking the rest
            problems[name] = f"{type(exc).__name__}: {exc}"
    from survey_app.qt.main_window import PAGES

    for key, module, cls in PAGES:
        if module not in names:  # not in this source tree yet: the window shows a placeholder, frozen or not
            continue
        try:
            getattr(importlib.import_module(module), cls)
        except Exception as exc:
            problems[f"page:{key}"] = f"{type(exc).__name__}: {exc}"
    problems.update(_check_no_console_import())
    print(json.dumps({"checked": len(names) + len(PAGES), "problems": problems}, indent=2))
    return 1 if problems else 0


def _check_no_console_import() -> dict[str, str]:
    """speedtest-cli wraps sys.stdout when imported: with none (a windowed app) the import must still work."""
    sys.modules.pop("speedtest", None)
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = None
    try:
        from survey_app.speedtest.ookla_cli import import_speedtest

        import_speedtest()
        return {}
    except Exception as exc:
        return {"speedtest-cli with sys.stdout None": f"{type(exc).__name__}: {exc}"}
    finally:
        sys.stdout, sys.stderr = saved


def screenshot(out: str, args: list[str]) -> int:
    """Start the app as a user does; once the window shows its first page, save a picture and its texts."""
    from survey_app.cli import main as cli_main
    from survey_app.qt.qt import QAbstractButton, QApplication, QLabel, QTimer

    app = QApplication(sys.argv[:1])

    def grab() -> None:
        window = next((w for w in app.topLevelWidgets() if w.isVisible() and hasattr(w, "current_page_key")), None)
        if window is None:  # not shown yet
            return
        timer.stop()
        window.resize(1366, 768)
        window.page(window.current_page_key())
        app.processEvents()
        window.grab().save(out)
        texts = [window.windowTitle()] + [w.text() for kind in (QLabel, QAbstractButton)
                                          for w in window.findChildren(kind) if w.isVisible() and w.text()]
        print(json.dumps({"file": out, "texts": texts}, ensure_ascii=False), flush=True)
        window.close()

    timer = QTimer()
    timer.timeout.connect(grab)
    timer.start(50)
    return cli_main(args)


def run_tool(args: list[str]) -> int:
    """Run a bundled support tool by name."""
    if args[:1] == ["speedtest-server"]:
        from survey_app.speedtest.server import main

        return main(args[1:])
    if args[:1] == ["self-check"] and len(args) == 2:
        return self_check(args[1])
    if args[:1] == ["screenshot"] and len(args) >= 2:
        return screenshot(args[1], args[2:])
    print("tools: speedtest-server [--port N] [--mode M] | self-check FILE | screenshot FILE [ARGS]", file=sys.stderr)
    return 2


def main() -> int:
    """Start the app (window without arguments, else the CLI) or a bundled tool."""
    multiprocessing.freeze_support()  # a child process started by a library must not re-run the app
    guard_streams()
    if sys.argv[1:2] == ["--tool"]:
        return run_tool(sys.argv[2:])
    from survey_app.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
