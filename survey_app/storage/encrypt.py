"""Encrypt a plain SQLite file of an older release in place: an encrypted backup first, the plain copy removed.

Steps, each safe to interrupt (a killed upgrade leaves the plain file as it was and starts over next time):
the file is held (BEGIN IMMEDIATE) while `sqlcipher_export` writes an encrypted backup into `backups/` and an
encrypted copy beside it (`*.part`, checked table by table), then the copy replaces the file and the old bytes
are overwritten with zeros through a handle kept open (POSIX; an SSD may still keep old blocks, which is why
the file is encrypted from the first start on new installs). Older plain backups are encrypted the same way.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

from survey_app.errors import DatabaseCorrupt, DatabaseLocked
from survey_app.i18n import _
from survey_app.storage.driver import connect_file, is_plain, sqlite


def encrypt_in_place(path: Path, key: bytes, *, backup: bool = True, timeout: float = 5.0) -> None:
    """Replace the plain database `path` by an encrypted copy with the same content (no-op if not plain)."""
    with _upgrade_lock(path):
        if not is_plain(path):  # another process did it while we waited
            return
        try:
            counts = _copy_encrypted(path, key, backup=backup, timeout=timeout)
        except sqlite.DatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise DatabaseLocked(_("The database {path} is in use by another copy of the app. "
                                       "Close it and try again.").format(path=path)) from exc
            raise DatabaseCorrupt(_("The database {path} could not be encrypted ({detail}). It was not "
                                    "changed.").format(path=path, detail=exc)) from exc
        _swap(path, path.with_name(path.name + ".part"))
        for name in ("-wal", "-shm", "-journal"):
            Path(str(path) + name).unlink(missing_ok=True)
    if backup and counts is not None:
        for old in sorted((path.parent / "backups").glob("*.db")):
            if is_plain(old):
                encrypt_in_place(old, key, backup=False)


def _copy_encrypted(path: Path, key: bytes, *, backup: bool, timeout: float) -> dict[str, int]:
    """Write the encrypted backup and the encrypted copy; returns the row counts checked in both."""
    targets = [path.with_name(path.name + ".part")]
    if backup:
        folder = path.parent / "backups"
        folder.mkdir(mode=0o700, exist_ok=True)
        targets.insert(0, folder / f"{path.stem}-{time.strftime('%Y%m%d-%H%M%S')}-before-encryption.db")
    parts = [t if t.name.endswith(".part") else t.with_name(t.name + ".part") for t in targets]
    plain = sqlite.connect(str(path), isolation_level=None, timeout=timeout)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for i, part in enumerate(parts):
            part.unlink(missing_ok=True)
            plain.execute(f"ATTACH DATABASE ? AS encrypted{i} KEY ?", [str(part), f"x'{key.hex()}'"])  # raw key
        plain.execute("BEGIN IMMEDIATE")  # no writer may add a page we would miss
        counts = _counts(plain)
        version = plain.execute("PRAGMA user_version").fetchone()[0]
        for i in range(len(parts)):
            plain.execute(f"SELECT sqlcipher_export('encrypted{i}')")
            plain.execute(f"PRAGMA encrypted{i}.user_version = {int(version)}")
        plain.execute("COMMIT")
        for i in range(len(parts)):
            plain.execute(f"DETACH DATABASE encrypted{i}")
    finally:
        plain.close()
    for part, target in zip(parts, targets):
        _check(part, key, counts)
        if part != target:
            os.replace(part, target)
    return counts


def _counts(conn) -> dict[str, int]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%'")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _check(target: Path, key: bytes, counts: dict[str, int]) -> None:
    conn = connect_file(target, key=key, upgrade=False)
    try:
        if _counts(conn) != counts or conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite.DatabaseError(f"the encrypted copy {target.name} does not match")
    finally:
        conn.close()


def _swap(path: Path, encrypted: Path) -> None:
    """Put the encrypted copy in place, then overwrite the plain bytes (still reachable by an open handle)."""
    old = open(path, "r+b") if os.name == "posix" else None
    try:
        os.replace(encrypted, path)
        if old is not None:
            size = os.fstat(old.fileno()).st_size
            zeros = bytes(1 << 20)
            old.seek(0)
            for start in range(0, size, len(zeros)):
                old.write(zeros[: min(len(zeros), size - start)])
            old.flush()
            os.fsync(old.fileno())
    finally:
        if old is not None:
            old.close()


@contextmanager
def _upgrade_lock(path: Path):
    """One upgrade of a file at a time, across processes (waits for the other one)."""
    lock_path = path.with_name(path.name + ".upgrade-lock")
    fh = open(lock_path, "a+b")
    try:
        if os.name == "nt":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        yield
    finally:
        fh.close()
        try:
            lock_path.unlink()
        except OSError:
            pass
