"""Files for the user alone (POSIX): the data folder 0700, everything in it 0600 (folders 0700).

The process umask becomes 0077, so every file the app creates afterwards (databases and their -wal/-shm,
backups, logs, settings, exports) is born private. A data folder of an older release (0755 with 0644 files)
is fixed once, when the folder itself is found open to others. On Windows the user's profile folder already
keeps other users out.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
OUR_FILES = ("survey.db", "settings.json", "database-key.json")


def protect_home(home: Path) -> None:
    """Make the process create private files and close a data folder that others can read."""
    if os.name != "posix":
        return
    os.umask(0o077)
    st = os.stat(home)
    if stat.S_IMODE(st.st_mode) & 0o077 == 0:
        return
    # Only a folder that holds the app's data (or is still empty) is changed: never a shared folder by mistake.
    if any(home.iterdir()) and not any((home / name).exists() for name in OUR_FILES):
        return
    close_tree(home)


def close_tree(folder: Path) -> None:
    """Folders 0700 and regular files 0600 under `folder` (symbolic links are not followed)."""
    os.chmod(folder, PRIVATE_DIR)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            _chmod(Path(root, name), PRIVATE_DIR)
        for name in files:
            _chmod(Path(root, name), PRIVATE_FILE)


def _chmod(path: Path, mode: int) -> None:
    try:
        st = os.lstat(path)
        if not stat.S_ISLNK(st.st_mode) and stat.S_IMODE(st.st_mode) != mode:
            os.chmod(path, mode)
    except OSError:
        pass

