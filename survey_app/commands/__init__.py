"""CLI subcommands, one module per area; each defines `register(subparsers)`.

A handler is `handler(ctx: CliContext, args) -> int`; it raises UserError for anything the user can act on.
Keep modules light at import time: import heavy things inside handlers.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite_utils is imported lazily: it costs ~150 ms of start-up
    import sqlite_utils

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from survey_app.i18n import set_language

# An area appends its module here (one line).
COMMAND_MODULES = [
    "survey_app.commands.units",
    "survey_app.commands.sessions",
    "survey_app.commands.modem",
    "survey_app.commands.speedtest",
    "survey_app.commands.sync",
    "survey_app.commands.review",
    "survey_app.commands.forms",
    "survey_app.commands.households",
    "survey_app.commands.export",
    "survey_app.commands.keys",
    "survey_app.commands.coverage",
    "survey_app.commands.assignments",
    "survey_app.commands.privacy",
]


@dataclass
class CliContext:
    """What a handler needs: the home folder, its settings and database, opened on first use."""

    home_arg: str | None = None
    demo: bool = False
    lang: str | None = None
    _db: sqlite_utils.Database | None = field(default=None, repr=False)
    _settings: object | None = field(default=None, repr=False)

    @property
    def home(self) -> Path:
        """The home folder (created and checked for writing)."""
        from survey_app.paths import ensure_home, resolve_home

        return ensure_home(resolve_home(self.home_arg, self.demo))

    @property
    def settings(self):
        """The settings of this home (survey_app.settings.Settings)."""
        if self._settings is None:
            from survey_app.paths import settings_path
            from survey_app.settings import Settings

            self._settings = Settings.load(settings_path(self.home))
            # --lang, then SURVEY_APP_LANG, then the settings of this home
            set_language(self.lang or os.environ.get("SURVEY_APP_LANG") or self._settings.language)
        return self._settings

    @property
    def db_path(self) -> Path:
        """The survey database of this home."""
        from survey_app.paths import db_path

        return db_path(self.home)

    @property
    def db(self) -> sqlite_utils.Database:
        """The migrated database (opened once)."""
        if self._db is None:
            from survey_app.storage.db import open_db

            self._db = open_db(self.db_path)
        return self._db

    def record_context(self, surveyor: str | None = None):
        """Stamping for new records: this device and the given (or configured) surveyor."""
        from survey_app.storage.records import context_for

        return context_for(self.db, surveyor if surveyor is not None else self.settings.surveyor)

    def close(self) -> None:
        """Close the database if it was opened."""
        if self._db is not None:
            self._db.close()
            self._db = None


def print_json(data: Any) -> None:
    """Print JSON to stdout (UTF-8, not ASCII-escaped)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def emit(args, data: Any, *lines: str) -> int:
    """A handler's answer: `data` as JSON with --json, else the lines of text; returns 0 (its exit code)."""
    if getattr(args, "json", False):
        print_json(data)
    else:
        for line in lines:
            print(line)
    return 0
