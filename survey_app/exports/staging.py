"""Where an export file lives until it is complete: nowhere a killed export could leave it behind.

On Linux the file is written as an unnamed inode of the output folder (`O_TMPFILE`): if the process dies, even
by SIGKILL, the kernel frees it, and only a finished file gets a name (linked in at the end). Where that is not
possible (a FAT USB stick, another OS) it is a hidden `.<name>.<pid>-<random>.part` beside the target, and the
next export into that folder removes the ones whose process is gone (older releases' `.part` files too). A final
name that exists is never replaced unless `overwrite` is set; without it the link itself refuses, so a file
that appears meanwhile is not clobbered either.
"""
from __future__ import annotations

import errno
import os
import re
import secrets
from pathlib import Path

# ".<final name>.<pid>-<8 hex>.part" now, ".<final name>.<8 hex>.part" in older releases
LEFTOVER = re.compile(r"^\..+\.(?:(\d+)-)?[0-9a-f]{8}\.part$")
_PROC_FD = "/proc/self/fd"


def open_temp(folder: Path, final_name: str) -> tuple[int, Path | None]:
    """A file descriptor for writing, and the temporary path (None: unnamed until published)."""
    if hasattr(os, "O_TMPFILE") and os.path.isdir(_PROC_FD):
        try:
            return os.open(folder, os.O_TMPFILE | os.O_RDWR, 0o600), None
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                raise
    path = folder / f".{final_name}.{os.getpid()}-{secrets.token_hex(4)}.part"
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), path


def readable_path(fd: int, temp: Path | None) -> Path:
    """A path that reads the temporary file (for packing it into a zip before it is published)."""
    return temp if temp is not None else Path(f"{_PROC_FD}/{fd}")


def publish(fd: int, temp: Path | None, final: Path, overwrite: bool) -> None:
    """Give the finished file its final name; FileExistsError if it exists and `overwrite` is False."""
    if temp is None:
        if not overwrite:
            _link_unnamed(fd, final)
            return
        temp = final.with_name(f".{final.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
        _link_unnamed(fd, temp)
    if overwrite:
        os.replace(temp, final)
        return
    try:
        os.link(temp, final)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT): a last look, then rename
        if final.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(final)) from None
        os.replace(temp, final)
        return
    os.unlink(temp)


def _link_unnamed(fd: int, target: Path) -> None:
    # linkat(AT_SYMLINK_FOLLOW) on /proc/self/fd/N names the unnamed inode; os.link uses plain link(2), which
    # does not follow that link, unless directory descriptors are given.
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.link(f"{_PROC_FD}/{fd}", target.name, src_dir_fd=folder, dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


def sweep(folder: Path) -> list[str]:
    """Remove temporary files left in `folder` by exports that were killed; returns their names."""
    import psutil

    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = LEFTOVER.match(entry.name)
        if not m or not entry.is_file(follow_symlinks=False):
            continue
        pid = int(m.group(1)) if m.group(1) else None
        if pid is not None and (pid == os.getpid() or psutil.pid_exists(pid)):
            continue  # an export still running is writing it
        try:
            os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            pass
    return removed
