"""Start the window: QApplication, translators, instance lock, database, demo services, main window."""
from __future__ import annotations

import logging
import os
import sys

from survey_app.errors import UserError
from survey_app.i18n import _, set_language

log = logging.getLogger(__name__)


def install_translators(app, lang: str) -> list:
    """Load the compiled .qm of every area (and Qt's own) for `lang`; returns the translators."""
    from survey_app.qt.qt import QDir, QLibraryInfo, QLocale, QTranslator

    import survey_app.qt._generated.resources_rc  # noqa: F401  (registers :/i18n)

    for old in getattr(app, "_survey_translators", []):
        app.removeTranslator(old)
    translators = []
    qt_tr = QTranslator(app)
    if qt_tr.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt_tr)
        translators.append(qt_tr)
    for name in sorted(QDir(":/i18n").entryList([f"*_{lang}.qm"])):
        tr = QTranslator(app)
        if tr.load(f":/i18n/{name}"):
            app.installTranslator(tr)
            translators.append(tr)
    app._survey_translators = translators
    return translators


def apply_locale(lang: str) -> None:
    """Number and date formats of the language (Vietnamese: dd/MM/yyyy, decimal comma)."""
    from survey_app.qt.qt import QLocale

    QLocale.setDefault(QLocale(QLocale.Vietnamese, QLocale.Vietnam) if lang == "vi"
                       else QLocale(QLocale.English, QLocale.UnitedKingdom))


def _error_dialog(message: str) -> None:
    from survey_app.qt.qt import QMessageBox

    box = QMessageBox(QMessageBox.Critical, _("Huế connectivity survey"), message)
    box.exec()


def display_problem(env=None, platform: str = sys.platform) -> str | None:
    """Why no window can open here (a Linux box without an X or Wayland display), or None.

    Checked before Qt starts: Qt's xcb plugin aborts the process with a message about plugins that tells a
    surveyor nothing. Offscreen and other platforms chosen on purpose (QT_QPA_PLATFORM) are left to Qt."""
    env = os.environ if env is None else env
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if chosen not in ("", "xcb", "wayland", "wayland-egl"):
        return None
    x11, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if chosen.startswith("wayland"):
        ok = bool(wayland)
    elif chosen == "xcb":
        ok = _x_display_exists(x11)
    else:
        ok = bool(wayland) or _x_display_exists(x11)
    if ok:
        return None
    return _("There is no screen to open the window on (no desktop display found). Start the app from the "
             "laptop's desktop; `survey-app --help` lists the commands that work without a window.")


def _x_display_exists(display: str) -> bool:
    """DISPLAY is set and, for a local display (":0"), its X socket is there."""
    if not display:
        return False
    host, _sep, number = display.rpartition(":")
    if host and host not in ("unix", "localhost"):
        return True   # a remote display (ssh -X): only connecting would tell, Qt does that
    number = number.split(".")[0]
    return not number.isdigit() or os.path.exists(f"/tmp/.X11-unix/X{number}") or host == "localhost"


def run_app(ctx) -> int:
    """Open the main window for the CLI context `ctx` (home, demo, language) and run the event loop."""
    problem = display_problem()
    if problem:
        raise UserError(problem)
    from survey_app.qt.qt import QApplication, QCoreApplication

    QCoreApplication.setOrganizationName("survey-app")
    QCoreApplication.setApplicationName("survey-app-demo" if ctx.demo else "survey-app")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        window, cleanup = open_main_window(ctx)
    except UserError as exc:
        install_translators(app, ctx.lang or "vi")
        if not os.environ.get("SURVEY_APP_NO_DIALOGS"):
            _error_dialog(str(exc))
        raise
    install_excepthook(window.ctx.home)
    window.show()
    if os.environ.get("SURVEY_APP_QUIT_AFTER_SHOW"):  # start-up benchmarks and smoke tests
        _report_start_then_quit(window)
    window.first_frame.connect(_show_icons_in_menus)
    try:
        return app.exec()
    finally:
        cleanup()


def _show_icons_in_menus() -> None:
    """Menus show their icons whatever the desktop's theme says (set after the first frame: it needs `Qt`)."""
    from survey_app.qt.qt import QApplication, Qt

    QApplication.instance().setAttribute(Qt.AA_DontShowIconsInMenus, False)


def _report_start_then_quit(window) -> None:
    """Print when the window is shown, when its first frame is on screen and when its first page is built
    (bench/bench_startup.py reads these lines), then close it."""
    import time

    from survey_app.qt.qt import QTimer

    def mark(what: str) -> None:
        print(f"startup: {what} at {time.time():.6f} cpu {time.process_time():.6f}", file=sys.stderr, flush=True)

    def page_ready_then_quit() -> None:
        window.page(window.current_page_key())
        mark("first page ready")
        window.close()

    def first_frame() -> None:
        mark("first frame")
        QTimer.singleShot(0, page_ready_then_quit)   # after the work that follows the first frame

    def never_painted() -> None:
        print("startup: no first frame within 10 s", file=sys.stderr, flush=True)
        window.close()

    mark("window shown")
    window.first_frame.connect(first_frame)
    QTimer.singleShot(10_000, window, never_painted)   # the window's own timer: gone once it is closed


def open_main_window(ctx):
    """Build the main window on ctx's home; returns (window, cleanup). Raises UserError on a bad home/db."""
    from survey_app.qt.qt import QApplication

    from survey_app.lock import InstanceLock
    from survey_app.qt.context import AppContext
    from survey_app.storage.db import open_connection, wrap
    from survey_app.storage.dbkey import set_prompter

    home = ctx.home
    lock = InstanceLock(home).acquire()
    try:
        settings = ctx.settings
        lang = ctx.lang or settings.language   # --lang is for this run: the settings keep their language
        set_language(lang)
        app = QApplication.instance()
        install_translators(app, lang)
        apply_locale(lang)
        set_prompter(_ask_passphrase)
        conn, pending = open_connection(ctx.db_path)
        # A new or upgraded database is migrated now; otherwise sqlite-utils loads after the window shows.
        db = wrap(conn, ctx.db_path, migrate=True) if pending else conn
    except BaseException:
        lock.release()
        raise
    demo = None
    if ctx.demo:
        from survey_app.demo.services import DemoServices

        demo = DemoServices()
        demo.start(home, settings)
    app_ctx = AppContext(home, db, settings, demo=ctx.demo, language=ctx.lang)
    app_ctx.demo_services = demo
    from survey_app.qt.main_window import MainWindow

    window = MainWindow(app_ctx)
    _wire(window, app_ctx)

    def cleanup() -> None:
        if demo is not None:
            demo.stop()
        app_ctx.close()
        app_ctx.conn.close()
        lock.release()

    return window, cleanup


def _ask_passphrase(kind: str, folder, problem: str) -> str | None:
    """The database key's passphrase from a dialog (only when the keyring cannot keep the key)."""
    if os.environ.get("SURVEY_APP_NO_DIALOGS"):
        return None
    from survey_app.qt.views.privacy_passphrase_dialog import ask_passphrase

    return ask_passphrase(kind, folder, problem)


def _wire(window, app_ctx) -> None:
    window.language_change_requested.connect(lambda lang: switch_language(window, app_ctx, lang))


def switch_language(old_window, app_ctx, lang: str):
    """Apply a new language by replacing the main window (pages are rebuilt in that language).

    Refused, with the reason, while the old window has work running (a speed test, logging): replacing the
    window would stop it. Returns the window on screen afterwards."""
    from survey_app.qt.qt import QApplication, QMessageBox

    from survey_app.qt.main_window import MainWindow

    reasons = old_window.busy_reasons()
    if reasons:
        QMessageBox.information(old_window, _("Language"), _(
            "The language changes once this work is finished or stopped:\n{work}").format(
            work="\n".join(f"• {r}" for r in reasons)))
        return old_window
    app_ctx.use_language(lang)
    set_language(lang)
    install_translators(QApplication.instance(), lang)
    apply_locale(lang)
    old_window.close_now()  # pages stop their threads and the geometry is saved; the window deletes itself
    # The old pages listen to the context: cut them off now (they are deleted only when the event loop runs).
    import warnings

    for signal in (app_ctx.session_changed, app_ctx.position_changed, app_ctx.records_changed,
                   app_ctx.status_changed):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # "failed to disconnect" when none was connected
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass
    window = MainWindow(app_ctx)
    _wire(window, app_ctx)
    window.show()
    return window


def describe_error(exc: BaseException) -> str:
    """A message a surveyor can read for an error that reached the event loop."""
    from survey_app.storage.driver import sqlite

    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, sqlite.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
        return _("The database is busy with other work (a long import or export?). Nothing was lost; "
                 "try again in a moment.")
    if isinstance(exc, OSError):
        return _("A file or device could not be used: {reason}").format(reason=exc.strerror or exc)
    return _("Something unexpected went wrong ({error}). What was already saved is safe; "
             "the details are in {log}.").format(error=type(exc).__name__, log="logs/app.log")


def _rotate(log_file, max_bytes: int = 1_000_000, keep: int = 3) -> None:
    """app.log -> app.log.1 ... .3 once it passed `max_bytes`, checked at start (logging.handlers' rotating
    handler would cost its imports, socket and pickle among them, before the window shows)."""
    if not log_file.exists() or log_file.stat().st_size < max_bytes:
        return
    for n in range(keep - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{n}")
        if older.exists():
            older.replace(log_file.with_name(f"{log_file.name}.{n + 1}"))
    log_file.replace(log_file.with_name(f"{log_file.name}.1"))


def install_excepthook(home) -> None:
    """Errors that escape a slot are logged to <home>/logs/app.log and shown, instead of vanishing on stderr."""
    import traceback

    logs = home / "logs"
    try:
        logs.mkdir(exist_ok=True)
        _rotate(logs / "app.log")
        handler = logging.FileHandler(logs / "app.log", encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(handler)
        if logging.getLogger().level > logging.INFO or logging.getLogger().level == logging.NOTSET:
            logging.getLogger().setLevel(logging.INFO)
    except OSError:
        pass

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unhandled error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if os.environ.get("SURVEY_APP_NO_DIALOGS"):
            return
        from survey_app.qt.qt import QApplication, QMessageBox

        if QApplication.instance() is not None:
            QMessageBox.warning(QApplication.activeWindow(), _("Huế connectivity survey"), describe_error(exc))

    sys.excepthook = hook
