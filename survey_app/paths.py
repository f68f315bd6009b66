"""Where the app keeps its data: --home, else SURVEY_APP_HOME, else the platform's user data folder."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from survey_app.errors import HomeNotWritable
from survey_app.i18n import _

DB_NAME = "survey.db"
SETTINGS_NAME = "settings.json"
LOCK_NAME = "survey.lock"


def default_home() -> Path:
    """The platform's per-user data folder for the app."""
    import platformdirs

    return Path(platformdirs.user_data_dir("survey-app", appauthor=False))


def resolve_home(cli_home: str | os.PathLike | None = None, demo: bool = False) -> Path:
    """The home folder by precedence: flag, environment, platform default; `demo` uses a sibling folder."""
    if cli_home:
        home = Path(cli_home)
    elif os.environ.get("SURVEY_APP_HOME"):
        home = Path(os.environ["SURVEY_APP_HOME"])
    else:
        home = default_home()
    if demo:
        home = home / "demo"
    return home.expanduser().absolute()


def ensure_home(home: Path) -> Path:
    """Create the home folder if needed (for this user alone) and check that it is writable, or raise HomeNotWritable."""
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        from survey_app.file_modes import protect_home

        protect_home(home)
        with tempfile.NamedTemporaryFile(dir=home, prefix=".write-test-", delete=True):
            pass
    except OSError as exc:
        raise HomeNotWritable(
            _("The data folder {path} cannot be written ({reason}). Choose another one with --home.").format(
                path=home, reason=exc.strerror or exc
            )
        ) from exc
    return home


def db_path(home: Path) -> Path:
    """The survey database inside a home folder."""
    return home / DB_NAME


def settings_path(home: Path) -> Path:
    """The settings file inside a home folder."""
    return home / SETTINGS_NAME
