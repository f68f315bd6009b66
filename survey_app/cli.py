"""Entry point: `survey-app` opens the window; subcommands do headless work (JSON with --json)."""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from survey_app import __version__
from survey_app.commands import COMMAND_MODULES, CliContext
from survey_app.errors import UserError
from survey_app.i18n import _, set_language


def _options_parser(add_help: bool = True) -> argparse.ArgumentParser:
    """The options every start understands, without the subcommands."""
    parser = argparse.ArgumentParser(prog="survey-app", add_help=add_help, description=_(
        "Huế connectivity survey. Without a command, opens the window."))
    parser.add_argument("--version", action="version", version=f"survey-app {__version__}")
    parser.add_argument("--home", help=_("data folder (default: SURVEY_APP_HOME, else the user data folder)"))
    parser.add_argument("--lang", choices=["vi", "en"], help=_("language (default: from settings, else vi)"))
    parser.add_argument("--demo", action="store_true", help=_("use a separate demo data folder with emulated devices"))
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (each area registers its subcommands)."""
    parser = _options_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(sub)
    return parser


def _pre_language(argv: list[str]) -> None:
    """Set the language before building help texts: --lang, else the settings of the chosen home."""
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv):
            set_language(argv[i + 1])
            return
    for a in argv:
        if a.startswith("--lang="):
            set_language(a.split("=", 1)[1])
            return
    if os.environ.get("SURVEY_APP_LANG"):
        set_language(os.environ["SURVEY_APP_LANG"])
        return
    try:
        from survey_app.paths import resolve_home, settings_path
        from survey_app.settings import Settings

        home = None
        if "--home" in argv and argv.index("--home") + 1 < len(argv):
            home = argv[argv.index("--home") + 1]
        s = Settings.load(settings_path(resolve_home(home, demo="--demo" in argv)))
        set_language(s.language)
    except Exception:  # a bad home is reported later, with its own message
        pass


def _window_options(argv: list[str]) -> argparse.Namespace | None:
    """The options of a window start spelled out in full (`--demo`, `--lang vi|en`, `--home DIR`, each at most
    once), else None. The launcher's start needs no parser: argparse and its gettext look-ups cost ~10 ms."""
    found: dict[str, object] = {}
    i = 0
    while i < len(argv):
        name, eq, value = argv[i].partition("=")
        if name == "--demo" and not eq and "demo" not in found:
            found["demo"] = True
            i += 1
            continue
        if name not in ("--lang", "--home") or name[2:] in found:
            return None
        if not eq:
            i += 1
            if i == len(argv):
                return None
            value = argv[i]
        if (name == "--lang" and value not in ("vi", "en")) or not value or value.startswith("-"):
            return None   # argparse words the mistake (or takes a path that starts with '-')
        found[name[2:]] = value
        i += 1
    return argparse.Namespace(home=found.get("home"), lang=found.get("lang"), demo=bool(found.get("demo")),
                              command=None)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The parsed command line. Opening the window needs only the options: the subcommands' parsers (every
    command module imported, ~90 parsers built) are made only for a command, help or a mistake."""
    fast = _window_options(argv)
    if fast is not None:
        return fast
    if not {"-h", "--help"} & set(argv):
        args, rest = _options_parser(add_help=False).parse_known_args(argv)
        if not rest:
            args.command = None
            return args
    return build_parser().parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _pre_language(argv)
    args = parse_args(argv)
    ctx = CliContext(home_arg=args.home, demo=args.demo, lang=args.lang)
    if args.command is not None and sys.stdin is not None and sys.stdin.isatty():
        from survey_app.storage.dbkey import set_prompter

        set_prompter(_terminal_passphrase)
    try:
        if args.command is None:
            from survey_app.qt.app import run_app  # Qt only when a window is wanted

            return run_app(ctx)
        return int(args.handler(ctx, args) or 0)
    except UserError as exc:
        print(_("Error: {message}").format(message=exc), file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # the database driver is loaded only by commands that need it
        if not _is_locked(exc):
            raise
        print(_("Error: {message}").format(message=_(
            "The database {path} is in use by another copy of the app. Close it and try again.").format(
            path=ctx.db_path)), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("Cancelled."), file=sys.stderr)
        return 130
    finally:
        ctx.close()


def _terminal_passphrase(kind: str, folder, problem: str) -> str | None:
    """Ask for the database passphrase on the terminal (typed twice when it is new)."""
    import getpass

    from survey_app.errors import KeyUnavailable
    from survey_app.storage.dbkey import MIN_PASSPHRASE

    if problem:
        print(problem, file=sys.stderr)
    if kind == "enter":
        return getpass.getpass(_("Passphrase for the survey data in {folder}: ").format(folder=folder))
    first = getpass.getpass(_("New passphrase for the survey data in {folder} (at least {n} characters): ")
                            .format(folder=folder, n=MIN_PASSPHRASE))
    if getpass.getpass(_("Type it again: ")) != first:
        raise KeyUnavailable(_("The two passphrases differ."))
    return first


def _is_locked(exc: BaseException) -> bool:
    driver = sys.modules.get("sqlcipher3.dbapi2")
    return (driver is not None and isinstance(exc, driver.OperationalError)
            and ("locked" in str(exc) or "busy" in str(exc)))
