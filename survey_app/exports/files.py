"""Output files of an export: no name until everything is complete (exports.staging), hashing while writing,
no silent overwrite, clear errors."""
from __future__ import annotations

import errno
import hashlib
import os
import queue
import secrets
import threading
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from survey_app.errors import UserError
from survey_app.exports import staging
from survey_app.i18n import _

CHUNK = 1 << 20


class ExportError(UserError):
    """The export could not be written; nothing that looks complete was left behind."""


class FilesExist(ExportError):
    """An export would replace files that already exist; nothing was written."""


class ExportCancelled(UserError):
    """The user cancelled the export; its temporary files were removed."""

    exit_code = 130


def check_folder(folder: Path) -> Path:
    """The output folder, if it exists and can be written; ExportError otherwise (nothing is created).

    Temporary files that killed exports left there are removed first.
    """
    folder = Path(folder).expanduser()
    if not folder.exists():
        raise ExportError(_("The output folder {path} does not exist. Create it or choose another one.").format(
            path=folder))
    if not folder.is_dir():
        raise ExportError(_("{path} is a file, not a folder. Choose a folder for the export.").format(path=folder))
    probe = folder / f".export-write-test-{secrets.token_hex(4)}"
    try:
        with open(probe, "wb") as fh:
            fh.write(b"x")
    except OSError as exc:
        raise translate_os_error(exc, folder) from exc
    finally:
        try:
            probe.unlink()
        except OSError:
            pass
    staging.sweep(folder)
    return folder.absolute()


def refuse_existing(folder: Path, names: list[str]) -> None:
    """ExportError naming the files that an export would replace (the user must say so: --force)."""
    there = [n for n in names if (folder / n).exists()]
    if there:
        raise FilesExist(_("These files are already in {path}: {files}. Choose another folder, or replace them "
                           "(--force on the command line).").format(path=folder, files=", ".join(there)))


def translate_os_error(exc: OSError, folder: Path) -> ExportError:
    """A clear, translated message for a failed write into `folder`."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ExportError(_("The disk holding {path} is full. Free some space or choose another folder; "
                             "no export file was left behind.").format(path=folder))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(_("The folder {path} cannot be written (no permission or read-only). "
                             "Choose another folder.").format(path=folder))
    if exc.errno == errno.ENOENT:
        return ExportError(_("The output folder {path} does not exist any more. Choose another one.").format(
            path=folder))
    return ExportError(_("Could not write the export into {path}: {reason}").format(
        path=folder, reason=exc.strerror or exc))


class Sink:
    """One output file written under a hidden temporary name, hashed and counted as it is written.

    Hashing and writing happen on a writer thread (both release the GIL), behind a short queue, so they
    overlap with SQLite formatting the next rows; a write error comes back on the next write() or close().
    """

    def __init__(self, folder: Path, final_name: str, durable: bool = False, overwrite: bool = False) -> None:
        self.final = folder / final_name
        self.sha256 = hashlib.sha256()
        self.bytes = 0
        self.durable = durable
        self.overwrite = overwrite
        fd, self._temp_path = staging.open_temp(folder, final_name)
        self._fh = os.fdopen(fd, "wb", buffering=CHUNK)
        self.temp = staging.readable_path(fd, self._temp_path)
        self._queue: queue.Queue = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._drain, name="export-writer", daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        while (data := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self.sha256.update(data)
                    self._fh.write(data)
                except BaseException as exc:   # re-raised in the export's thread
                    self._error = exc

    def write(self, data: bytes) -> None:
        """Append bytes."""
        if self._error is not None:
            raise self._error
        self.bytes += len(data)
        self._queue.put(data)

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def tell(self) -> int:
        """Bytes written so far (lets zipfile write into a sink)."""
        return self.bytes

    def flush(self) -> None:
        """Nothing to do: close() flushes (zipfile calls this)."""

    def close(self) -> None:
        """Finish writing (a full disk shows up here at the latest); the file stays open until published."""
        self._stop()
        if self._error is not None:
            raise self._error
        if not self._fh.closed:
            self._fh.flush()
            if self.durable:
                os.fsync(self._fh.fileno())

    def discard(self) -> None:
        """Close and remove the temporary file, ignoring errors (used while failing)."""
        self._stop()
        try:
            self._fh.close()
        except OSError:
            pass
        if self._temp_path is not None:
            try:
                self._temp_path.unlink()
            except OSError:
                pass

    def publish(self) -> Path:
        """Give the finished file its final name (atomic on one file system); FilesExist if it is taken."""
        try:
            staging.publish(self._fh.fileno(), self._temp_path, self.final, self.overwrite)
        except FileExistsError as exc:
            raise FilesExist(_("{path} appeared while exporting and was not replaced. Export again to choose."
                               ).format(path=self.final)) from exc
        self._temp_path = None
        self._fh.close()
        return self.final


def check_cancel(cancel: threading.Event | None) -> None:
    """ExportCancelled when the user asked to stop."""
    if cancel is not None and cancel.is_set():
        raise ExportCancelled(_("Export cancelled; no export file was left behind."))


def publish_all(sinks: list[Sink]) -> list[Path]:
    """Rename every finished file, the manifest last; if one rename fails, take back those already made."""
    done: list[Path] = []
    try:
        for s in sinks:
            done.append(s.publish())
    except (OSError, FilesExist):
        for path in done:
            path.unlink(missing_ok=True)
        raise
    return done


@contextmanager
def all_or_nothing(folder: Path, sinks: list[Sink]) -> Iterator[None]:
    """Around an export writing `sinks` into `folder` (the list may grow inside): a failure or a cancel removes
    every sink's temporary file, and an OSError becomes a clear ExportError about the folder."""
    try:
        yield
    except OSError as exc:
        for s in sinks:
            s.discard()
        raise translate_os_error(exc, folder) from exc
    except BaseException:   # an error, a cancel, or the generator closed by its caller
        for s in sinks:
            s.discard()
        raise


def zip_into(sink: Sink, members: list[tuple[Path, str]], cancelled, date_time: tuple) -> Iterator[int]:
    """Deflate `members` (path, name in the archive) into `sink`, yielding bytes done; checks `cancelled()`."""
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path, name in members:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                while chunk := src.read(CHUNK):
                    dst.write(chunk)
                    cancelled()
                    yield len(chunk)
