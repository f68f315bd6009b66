"""The main window: page navigation, session bar, status bar; pages are built on first show."""
from __future__ import annotations

import importlib
import logging

from survey_app import __version__
from survey_app.errors import UserError
from survey_app.qt._generated.ui_main_window import Ui_MainWindow
from survey_app.qt.context import AppContext
from survey_app.qt.qt import QByteArray, QLabel, QListWidgetItem, QMainWindow, QTimer, QVBoxLayout, QWidget, Signal
from survey_app.qt.widgets.elided_label import ElidedLabel

log = logging.getLogger(__name__)

# key, module, class: a page is `Class(ctx)`, built the first time it is shown. A page may offer
# `on_shown()`, `shutdown()` (the window closes) and `busy_reason() -> str | None` (closing asks first).
PAGES = [
    ("session", "survey_app.qt.views.session_page", "SessionPage"),
    ("speedtest", "survey_app.qt.views.speedtest_page", "SpeedTestPage"),
    ("signal", "survey_app.qt.views.signal_page", "SignalPage"),
    ("households", "survey_app.qt.views.household_page", "HouseholdPage"),
    ("review", "survey_app.qt.views.review_page", "ReviewPage"),
    ("coverage", "survey_app.qt.views.coverage_page", "CoveragePage"),
    ("transfer", "survey_app.qt.views.transfer_page", "TransferPage"),
    ("privacy", "survey_app.qt.views.privacy_requests_page", "PrivacyRequestsPage"),
    ("settings", "survey_app.qt.views.settings_page", "SettingsPage"),
]
# QStyle standard pixmaps by name: the QStyle class (its enums: ~20 ms) is made after the first frame.
_ICONS = {
    "session": "SP_FileDialogDetailedView", "speedtest": "SP_MediaSeekForward", "signal": "SP_DriveNetIcon",
    "households": "SP_DirHomeIcon", "review": "SP_DialogApplyButton", "coverage": "SP_DirLinkIcon",
    "transfer": "SP_ArrowUp", "privacy": "SP_MessageBoxWarning", "settings": "SP_FileDialogContentsView",
}
# Item data roles as Qt's numbers: `Qt` (93 enums, ~30 ms to make) is not needed before the first frame.
USER_ROLE, TOOLTIP_ROLE = 256, 3   # Qt.UserRole, Qt.ToolTipRole
FIRST_SIZE = (1280, 700)   # fits a 1366x768 laptop with its taskbar and title bar; smaller screens get less


class MainWindow(QMainWindow):
    """Navigation on the left, the session bar on top, the status bar at the bottom."""

    language_change_requested = Signal(str)
    first_frame = Signal()   # the window's first frame is on screen; the rest of the start-up work follows

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        ctx.main_window = self
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._pages: dict[str, QWidget] = {}
        self._quit_confirmed = False
        self._titles = self._page_titles()
        self._build_nav()
        self._build_status_bar()
        self.ui.demoBanner.setVisible(ctx.demo)
        self._fill_units()
        self.ui.openSessionButton.clicked.connect(self._on_open_session_clicked)
        self.ui.closeSessionButton.clicked.connect(self._on_close_session_clicked)
        self.ui.unitCombo.currentIndexChanged.connect(self._on_unit_combo_changed)
        ctx.session_changed.connect(self._on_ctx_session_changed)
        ctx.status_changed.connect(self._on_ctx_status_changed)
        ctx.records_changed.connect(self._on_ctx_records_changed)
        self._sync_timer = QTimer(self, singleShot=True, interval=1500)
        self._sync_timer.timeout.connect(self._refresh_unsynced)
        self._started = False   # the work that waits for the first frame (see paintEvent) is not done yet
        self._restore_state()
        self._restore_session()
        self._update_title()
        if ctx.settings.sync_auto:
            # The sync panel owns the auto-sync timer: build it soon after start-up, not when first visited.
            QTimer.singleShot(3000, self._build_transfer_page)

    # -- pages ---------------------------------------------------------------------------------
    def _page_titles(self) -> dict[str, str]:
        return {
            "session": self.tr("Session"), "speedtest": self.tr("Speed test"), "signal": self.tr("Signal"),
            "households": self.tr("Households"), "review": self.tr("Review"), "coverage": self.tr("Coverage map"),
            "transfer": self.tr("Sync & export"), "privacy": self.tr("Privacy"), "settings": self.tr("Settings"),
        }

    def _build_nav(self) -> None:
        nav = self.ui.navList
        for key, _module, _cls in PAGES:
            item = QListWidgetItem(self._titles.get(key, key))   # icons come with the second frame
            item.setData(USER_ROLE, key)
            nav.addItem(item)
            holder = QWidget()
            holder.setObjectName(f"page_{key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.ui.pages.addWidget(holder)
        nav.currentRowChanged.connect(self._on_nav_row_changed)

    def page(self, key: str) -> QWidget:
        """The page widget for `key`, built now if it was not yet."""
        if key not in self._pages:
            index = [k for k, _m, _c in PAGES].index(key)
            _key, module, cls = PAGES[index]
            widget = getattr(importlib.import_module(module), cls)(self.ctx)
            widget.setObjectName(f"{key}Page")
            self.ui.pages.widget(index).layout().addWidget(widget)
            widget.show()  # a child added to a visible parent stays hidden until shown
            self._pages[key] = widget
        return self._pages[key]

    def built_pages(self) -> dict[str, QWidget]:
        """The pages built so far, by key."""
        return dict(self._pages)

    def _build_transfer_page(self) -> None:
        self.page("transfer")

    def show_page(self, key: str) -> QWidget:
        """Switch to a page by key."""
        row = [k for k, _m, _c in PAGES].index(key)
        self.ui.navList.setCurrentRow(row)
        return self.page(key)

    def current_page_key(self) -> str:
        """Key of the page on screen."""
        return PAGES[max(0, self.ui.navList.currentRow())][0]

    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.ui.pages.setCurrentIndex(row)
        if not self._started:
            return   # built right after the first frame (_finish_start), so the window shows without waiting
        self._show_built_page(row)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """The first paint of the window: what the first frame did not need follows once it is on screen."""
        super().paintEvent(event)
        if not self._started:
            self._started = True
            QTimer.singleShot(0, self._finish_start)   # after this frame is painted and flushed

    def _finish_start(self) -> None:
        """Start-up work the first frame does without: navigation icons, the current page, status queries."""
        self.first_frame.emit()
        if not self.isVisible():
            return   # closed before its first frame was flushed
        style = self.style()
        from survey_app.qt.qt import QStyle

        for row, (key, _module, _cls) in enumerate(PAGES):
            self.ui.navList.item(row).setIcon(style.standardIcon(getattr(QStyle, _ICONS[key])))
        self._show_built_page(self.ui.navList.currentRow())
        QTimer.singleShot(0, self._refresh_unsynced)
        QTimer.singleShot(0, self._start_network_watch)

    def _show_built_page(self, row: int) -> None:
        if row < 0:
            return
        widget = self.page(PAGES[row][0])
        if hasattr(widget, "on_shown"):
            widget.on_shown()

    # -- session bar ---------------------------------------------------------------------------
    def _fill_units(self) -> None:
        from survey_app.storage.units import list_units

        combo = self.ui.unitCombo
        kinds = {"ward": self.tr("ward"), "commune": self.tr("commune")}
        for u in list_units(self.ctx.conn):
            combo.addItem(u.name, u.code)
            combo.setItemData(combo.count() - 1, self.tr("{kind}, code {code}").format(
                kind=kinds[u.kind], code=u.code), TOOLTIP_ROLE)
        last = self.ctx.settings.extra.get("last_unit")
        if last:
            combo.setCurrentIndex(max(0, combo.findData(last)))

    def selected_unit_code(self) -> str:
        """Code of the unit chosen in the session bar."""
        return self.ui.unitCombo.currentData()

    def _on_unit_combo_changed(self, _index: int) -> None:
        self.ctx.settings.extra["last_unit"] = self.selected_unit_code()

    def _restore_session(self) -> None:
        from survey_app.storage.sessions import get_session

        sid = self.ctx.settings.extra.get("last_session_id")
        session = None
        if sid:
            try:
                session = get_session(self.ctx.conn, sid)
            except UserError:
                session = None
        self.ctx.set_session(session if session and session.is_open else None)  # the bar follows the signal

    def open_session_dialog(self, parent: QWidget | None = None):
        """Ask for a new session in the unit chosen in the session bar; the new session (made current) or None."""
        from survey_app.qt.views.session_dialog import SessionDialog

        dialog = SessionDialog(self.ctx, self.selected_unit_code(), parent or self)
        if dialog.exec() and dialog.session is not None:
            self.ctx.set_session(dialog.session)
            return dialog.session
        return None

    def _on_open_session_clicked(self) -> None:
        self.open_session_dialog()

    def _on_close_session_clicked(self) -> None:
        from survey_app.storage.sessions import close_session

        session = self.ctx.current_session
        if session is None:
            return
        from survey_app.qt.qt import QMessageBox

        answer = QMessageBox.question(self, self.tr("Close session"), self.tr(
            "Close the session in {unit}? No more records can be added to it.").format(unit=session.unit_name),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)   # cannot be undone: Enter must not close it
        if answer != QMessageBox.Yes:
            return
        try:
            close_session(self.ctx.db, self.ctx.record_context(), session.id)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Close session"), str(exc))
        self.ctx.set_session(None)

    def _on_ctx_session_changed(self, session) -> None:
        if session is None:
            self.ui.sessionLabel.setText(self.tr("No open session"))
        else:
            from survey_app.qt.formatting import local_datetime

            self.ui.sessionLabel.setText(self.tr("Session: {team} · {unit} · since {time}").format(
                team=session.team_name, unit=session.unit_name, time=local_datetime(session.started_at)))
            index = self.ui.unitCombo.findData(session.unit_code)
            if index >= 0:
                self.ui.unitCombo.setCurrentIndex(index)
        self.ui.closeSessionButton.setEnabled(session is not None)
        self.ui.unitCombo.setEnabled(session is None)

    # -- status bar ----------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self._status_labels: dict[str, QLabel] = {}
        if self.ctx.demo:
            demo = QLabel(self.tr("DEMO"))
            demo.setObjectName("status_demo")
            demo.setStyleSheet("background:#b45309;color:white;font-weight:bold;padding:0 6px;")
            self.ui.statusbar.addWidget(demo)
        defaults = {"modem": self.tr("Modem: none"), "gps": self.tr("GPS: none"),
                    "network": self.tr("Network: checking…"), "sync": self.tr("Not synced: …")}
        stretch = {"modem": 3, "gps": 3, "network": 1, "sync": 1}
        for key, text in defaults.items():
            label = ElidedLabel(text)   # long device names must not widen the window past the screen
            label.setObjectName(f"status_{key}")
            label.setContentsMargins(6, 0, 6, 0)
            self.ui.statusbar.addPermanentWidget(label, stretch[key])
            self._status_labels[key] = label
        for key, text in self.ctx.status.items():
            self._on_ctx_status_changed(key, text)

    def status_text(self, key: str) -> str:
        """Text of a status bar field (tests)."""
        return self._status_labels[key].text()

    def _on_ctx_status_changed(self, key: str, text: str) -> None:
        if key in self._status_labels:
            self._status_labels[key].setText(text)
        else:
            self.ui.statusbar.showMessage(text, 8000)

    def _on_ctx_records_changed(self, _table: str) -> None:
        self._sync_timer.start()

    def _refresh_unsynced(self) -> None:
        from survey_app.qt.formatting import count
        from survey_app.storage.sessions import unsynced_count

        try:
            n = unsynced_count(self.ctx.conn)
        except Exception as exc:  # never let a status query break the window
            log.warning("unsynced count failed: %s", exc)
            return
        self.ctx.set_status("sync", self.tr("Not synced: {n}").format(n=count(n)))   # vi: 19.450

    def _start_network_watch(self) -> None:
        from survey_app.qt.qt import QNetworkInformation

        if not QNetworkInformation.loadDefaultBackend() or QNetworkInformation.instance() is None:
            self.ctx.set_status("network", self.tr("Network: unknown"))
            return
        info = QNetworkInformation.instance()
        info.reachabilityChanged.connect(self._on_reachability_changed)
        self._on_reachability_changed(info.reachability())

    def _on_reachability_changed(self, reachability) -> None:
        from survey_app.qt.qt import QNetworkInformation

        texts = {QNetworkInformation.Reachability.Online: self.tr("Network: online"),
                 QNetworkInformation.Reachability.Site: self.tr("Network: local only"),
                 QNetworkInformation.Reachability.Local: self.tr("Network: local only"),
                 QNetworkInformation.Reachability.Disconnected: self.tr("Network: offline")}
        self.ctx.set_status("network", texts.get(reachability, self.tr("Network: unknown")))

    # -- window state --------------------------------------------------------------------------
    def _update_title(self) -> None:
        title = self.tr("Huế connectivity survey {version}").format(version=__version__)
        if self.ctx.demo:
            title = self.tr("[DEMO] {title}").format(title=title)
        self.setWindowTitle(title)

    def _restore_state(self) -> None:
        extra = self.ctx.settings.extra
        geometry = extra.get("window_geometry")
        if not (geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))):
            self._fit_to_screen()
        keys = [k for k, _m, _c in PAGES]
        last = extra.get("last_page", "session")
        self.ui.navList.setCurrentRow(keys.index(last) if last in keys else 0)

    def _fit_to_screen(self) -> None:
        from survey_app.qt.screen import fit_to_screen

        fit_to_screen(self, *FIRST_SIZE)

    def busy_reasons(self) -> list[str]:
        """What would stop if the window closed now (a running speed test, signal logging, a sync…)."""
        return [r for w in self._pages.values() if hasattr(w, "busy_reason") and (r := w.busy_reason())]

    def close_now(self) -> bool:
        """Close without asking (the user already agreed, or tests)."""
        self._quit_confirmed = True
        return self.close()

    def _ask_to_quit(self, reasons: list[str]) -> None:
        from survey_app.qt.qt import QMessageBox, Qt

        asking = self.findChild(QMessageBox, "quitQuestion")
        if asking is not None and asking.isVisible():
            return   # already asking
        box = QMessageBox(QMessageBox.Warning, self.tr("Quit"), self.tr(
            "Work is still running:\n{work}\n\nQuit anyway? It stops now; what was already measured "
            "is kept.").format(work="\n".join(f"• {r}" for r in reasons)), QMessageBox.NoButton, self)
        box.setObjectName("quitQuestion")
        quit_button = box.addButton(self.tr("&Stop and quit"), QMessageBox.DestructiveRole)
        keep = box.addButton(self.tr("&Keep working"), QMessageBox.RejectRole)
        box.setDefaultButton(keep)   # Enter must not stop a test by accident
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self.close_now() if box.clickedButton() is quit_button else None)
        box.open()   # not exec(): the close event returns at once, the answer closes the window later

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Ask first while work is running; then stop background work, let pages flush, remember geometry."""
        reasons = [] if self._quit_confirmed else self.busy_reasons()
        if reasons:
            event.ignore()
            self._ask_to_quit(reasons)
            return
        for widget in self._pages.values():
            if hasattr(widget, "shutdown"):
                try:
                    widget.shutdown()
                except Exception as exc:
                    log.warning("page shutdown failed: %s", exc)
        from survey_app.qt import runner

        runner.cancel_all()
        extra = self.ctx.settings.extra
        extra["window_geometry"] = bytes(self.saveGeometry().toBase64()).decode()
        extra["last_page"] = self.current_page_key()
        try:
            self.ctx.save_settings()
        except OSError as exc:
            log.warning("settings not saved: %s", exc)
        super().closeEvent(event)
        # Closed is gone: its pages, timers and threads must not outlive it (a language switch makes a new one).
        # What Qt.WA_DeleteOnClose does, without making the Qt namespace before the first frame.
        self.deleteLater()
