"""AppContext: the state pages share (home, settings, database, session, position) and its signals."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite_utils is imported lazily: it costs ~150 ms of start-up
    import sqlite_utils

from pathlib import Path

from survey_app.qt.qt import QObject, Signal

from survey_app.devices.position import PositionHolder
from survey_app.models.base import Position, Session
from survey_app.paths import db_path, settings_path
from survey_app.settings import Settings
from survey_app.storage.driver import sqlite
from survey_app.storage.records import RecordContext, context_for


class AppContext(QObject):
    """Shared by every page; lives on the GUI thread (workers open their own connection to db_path)."""

    session_changed = Signal(object)
    position_changed = Signal(object)
    records_changed = Signal(str)
    status_changed = Signal(str, str)

    def __init__(self, home: Path, db: "sqlite_utils.Database | sqlite.Connection", settings: Settings,
                 demo: bool = False, parent: QObject | None = None, *, language: str | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.db_path = db_path(home)
        if isinstance(db, sqlite.Connection):
            self.conn, self._db = db, None
        else:
            self.conn, self._db = db.conn, db
        self.settings = settings
        self.demo = demo
        self.current_session: Session | None = None
        self._position = PositionHolder()  # a fix older than POSITION_MAX_AGE_S is never attached
        self.status: dict[str, str] = {}
        self._language = language   # `--lang` for this run only: never written to the settings
        self.main_window = None       # the window on screen (replaced when the language changes)
        self.demo_services = None     # the demo's emulators and local servers (--demo), stopped at exit
        from survey_app.qt.bridges.storage_bridge import StorageBridge

        self.storage_bridge = StorageBridge(self)

    def close(self) -> None:
        """Stop following the database (before its connection closes)."""
        self.storage_bridge.close()

    @property
    def db(self) -> "sqlite_utils.Database":
        """The GUI thread's sqlite_utils.Database (imported on first use, after the window is shown)."""
        if self._db is None:
            from survey_app.storage.db import wrap

            self._db = wrap(self.conn, self.db_path, migrate=False)
        return self._db

    @property
    def language(self) -> str:
        """'vi' or 'en': `--lang` of this run, else the settings."""
        return self._language or self.settings.language

    def use_language(self, lang: str) -> None:
        """The language chosen in the window: kept in the settings from now on."""
        self.settings.language = lang
        self._language = None

    def save_settings(self) -> None:
        """Write settings to the home folder."""
        self.settings.save(settings_path(self.home))

    def record_context(self) -> RecordContext:
        """Stamping for new records: this device and the surveyor from settings."""
        return context_for(self.db, self.settings.surveyor)

    def set_session(self, session: Session | None) -> None:
        """Make `session` current and tell every page."""
        self.current_session = session
        self.settings.extra["last_session_id"] = session.id if session else None
        self.session_changed.emit(session)

    @property
    def position(self) -> Position | None:
        """The latest position while it is fresh (a lost fix or unplugged GPS gives None after a few seconds)."""
        return self._position.current()

    def set_position(self, pos: Position | None) -> None:
        """Record the latest position and tell every page."""
        self._position.set(pos)
        self.position_changed.emit(pos)

    def set_status(self, key: str, text: str) -> None:
        """Update one status bar field ('modem', 'gps', 'network', 'sync')."""
        self.status[key] = text
        self.status_changed.emit(key, text)
