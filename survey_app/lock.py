"""One copy of the app per home folder: an exclusive lock on `<home>/survey.lock`."""
from __future__ import annotations

import os
from pathlib import Path

from survey_app.errors import DatabaseLocked
from survey_app.i18n import _
from survey_app.paths import LOCK_NAME


class InstanceLock:
    """Held while the window is open; the second copy gets DatabaseLocked with a clear message."""

    def __init__(self, home: Path) -> None:
        self.path = home / LOCK_NAME
        self._fh = None

    def acquire(self) -> "InstanceLock":
        """Take the lock or raise DatabaseLocked (never waits)."""
        fh = open(self.path, "a+b")
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            fh.close()
            raise DatabaseLocked(_("Another copy of the app is already open on the data folder {path}. "
                                   "Switch to that window, or close it first.").format(path=self.path.parent)) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        """Give the lock up (also happens when the process dies)."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None
