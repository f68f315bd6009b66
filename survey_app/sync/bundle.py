"""Bundle files for places without network: a zip of JSON-lines records, a manifest and SHA-256 sums.

Layout: `records/<table>.jsonl` (one contract record per line, parents first), `manifest.json`
(format, bundle_id, device, schema version, per-file counts and sums) and `SHA256SUMS` (every other file).
Import is one transaction (all or nothing) and idempotent: a record is written only when its revision is newer
than the one held. Imported records keep their device_id, id and revision and arrive as sync_state 'pending'
with synced_revision NULL: the supervisor laptop forwards them to the central system, which accepts a revision
it already holds again without change (see docs in contract/SYNC.md).
"""
from __future__ import annotations

import hashlib
import json
import os
import queue
import threading
import uuid
import zipfile
from pathlib import Path
from typing import Any, Generator, Iterator

from survey_app import __version__, codec
from survey_app.clock import utc_now
from survey_app.errors import UserError
from survey_app.i18n import _
from survey_app.storage import bundles
from survey_app.storage import sync as store
from survey_app.storage.records import device_id
from survey_app.sync.pipeline import put_unless_stopped

FORMAT = "survey-app-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
CHUNK = 1 << 20


class BundleError(UserError):
    """A bundle that cannot be used (truncated, altered, foreign, or not fitting this database)."""


def export_bundle(db_path: Path | str, out: Path | str, *, session_id: str | None = None,
                  cancel: threading.Event | None = None, level: int = 1) -> Generator[int, None, dict]:
    """Write a bundle of all unsynced records (or of one session); yields records written, returns the manifest."""
    from survey_app.storage.db import connect
    from survey_app.storage.migrations import schema_version

    cancel = cancel or threading.Event()
    out = Path(out)
    tmp = out.with_name(out.name + ".partial")
    db = connect(db_path)
    try:
        if session_id:
            from survey_app.storage.sessions import get_session

            session_id = get_session(db, session_id).id
        manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, "bundle_id": str(uuid.uuid4()),
                    "device_id": device_id(db), "created_at": utc_now(), "app_version": __version__,
                    "schema_version": schema_version(db), "session_id": session_id, "files": [], "records": 0}
        sums: list[tuple[str, str]] = []
        written = 0
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
            for table, (where, params) in bundles.selection(db, session_id).items():
                name = f"records/{table}.jsonl"
                digest, count, size = hashlib.sha256(), 0, 0
                with zf.open(name, "w", force_zip64=True) as f:
                    buf: list[str] = []
                    for _rowid, _id, _rev, text in store.iter_record_json(db, table, f"({where})", params):
                        buf.append(text)
                        count += 1
                        if len(buf) >= 5000:
                            size += _write(f, digest, buf)
                            written += len(buf)
                            buf = []
                            yield written
                            if cancel.is_set():
                                raise UserError(_("Cancelled."))
                    size += _write(f, digest, buf)
                    written += len(buf)
                if count == 0:
                    continue  # an empty file still sits in the zip, listed with its sum for completeness
                manifest["files"].append({"path": name, "table": table, "records": count, "bytes": size,
                                          "sha256": digest.hexdigest()})
            for entry in manifest["files"]:
                sums.append((entry["sha256"], entry["path"]))
            manifest["records"] = written
            mbytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            zf.writestr(MANIFEST, mbytes)
            sums.append((hashlib.sha256(mbytes).hexdigest(), MANIFEST))
            zf.writestr(SUMS, "".join(f"{h}  {p}\n" for h, p in sums))
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())  # a USB stick pulled right after must not hold half a bundle
        os.replace(tmp, out)
        yield written
        return manifest
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        db.close()


def _write(f, digest, lines: list[str]) -> int:
    if not lines:
        return 0
    data = ("\n".join(lines) + "\n").encode()
    digest.update(data)
    f.write(data)
    return len(data)


def well_formed(rec: Any, table: str) -> bool:
    """Whether a parsed line is a record of `table` in the contract's shape."""
    return (type(rec) is dict and rec.get("table") == table and type(rec.get("id")) is str
            and type(rec.get("data")) is dict and type(rec.get("revision")) is int and rec["revision"] >= 1)


class BundleReader:
    """Opens and checks a bundle; `records()` streams its records once verified."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.manifest: dict[str, Any] = {}
        self._verified = False

    def _fail(self, message: str, **values: Any) -> BundleError:
        return BundleError(message.format(path=self.path.name, **values))

    def verify(self, deep: bool = True) -> dict[str, Any]:
        """Check format, manifest, sums and (deep) every file's checksum and count; raises BundleError.

        With deep=False the files are checked while `records()` streams them (one decompression instead of
        two); the caller must then apply them in a transaction it rolls back if records() raises.
        """
        try:
            with zipfile.ZipFile(self.path) as zf:
                names = set(zf.namelist())
                if MANIFEST not in names or SUMS not in names:
                    raise self._fail(_("{path} is not a survey bundle (no manifest or checksums)."))
                manifest_bytes = zf.read(MANIFEST)
                sums = self._sums(zf.read(SUMS))
                if sums.get(MANIFEST) != hashlib.sha256(manifest_bytes).hexdigest():
                    raise self._fail(_("{path} was altered: its manifest does not match its checksum."))
                manifest = json.loads(manifest_bytes)
                if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                    raise self._fail(_("{path} is not a survey bundle."))
                if manifest.get("format_version") != FORMAT_VERSION:
                    raise self._fail(_("{path} was written by another version of the app (bundle format {v})."),
                                     v=manifest.get("format_version"))
                listed = {e["path"]: e for e in manifest.get("files", [])}
                for name in names - {MANIFEST, SUMS}:
                    if name not in listed and zf.getinfo(name).file_size > 0:
                        raise self._fail(_("{path} was altered: it holds a file the manifest does not list."))
                for name, entry in listed.items():
                    if name not in names or sums.get(name) != entry["sha256"]:
                        raise self._fail(_("{path} was altered: a records file is missing or its checksum differs."))
                    if not deep:
                        continue
                    digest, lines = hashlib.sha256(), 0
                    with zf.open(name) as f:
                        while chunk := f.read(CHUNK):
                            digest.update(chunk)
                            lines += chunk.count(b"\n")
                    if digest.hexdigest() != entry["sha256"] or lines != entry["records"]:
                        raise self._fail(_("{path} was altered: a records file does not match its checksum."))
        except BundleError:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, KeyError, TypeError) as exc:
            raise BundleError(_("{path} is damaged or truncated and cannot be read ({reason}).").format(
                path=self.path.name, reason=exc)) from exc
        self.manifest = manifest
        self._verified = True
        return manifest

    def malformed(self) -> BundleError:
        """The error for a record that is not well formed."""
        return self._fail(_("{path} holds a record that is not well formed."))

    @staticmethod
    def _sums(raw: bytes) -> dict[str, str]:
        out = {}
        for line in raw.decode("utf-8").splitlines():
            if line.strip():
                digest, name = line.split("  ", 1)
                out[name] = digest
        return out

    def records(self) -> Iterator[dict[str, Any]]:
        """Every record, table by table in manifest order (after verify())."""
        for _table, batch in self.record_chunks():
            yield from batch

    def record_chunks(self, *, checked: bool = True) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """(table, records) chunks in manifest order (after verify()); each file's checksum and line count
        are checked again as it is read, so a file altered since verify() raises before its end.

        checked=False leaves the per-record shape check (`well_formed`) to a caller that applies it while
        it walks the records anyway (bundle import: one pass instead of two)."""
        assert self._verified
        loads = codec.loads
        inflater = _Inflater(self.path, [e["path"] for e in self.manifest["files"]])
        inflater.start()
        try:
            for index, entry in enumerate(self.manifest["files"]):
                table, count, tail = entry["table"], 0, b""
                for chunk in inflater.chunks(index):
                    chunk = tail + chunk
                    cut = chunk.rfind(b"\n") + 1
                    tail, chunk = chunk[cut:], chunk[:cut]
                    if not chunk:
                        continue
                    # One loads per chunk of lines: far fewer calls than one per line.
                    batch = loads(b"[" + chunk.rstrip(b"\n").replace(b"\n", b",") + b"]")
                    if checked:
                        for rec in batch:
                            if not well_formed(rec, table):
                                raise self.malformed()
                    count += len(batch)
                    yield table, batch
                if tail.strip() or inflater.digests[index] != entry["sha256"] or count != entry["records"]:
                    raise self._fail(_("{path} was altered: a records file does not match its checksum."))
        except BundleError:
            raise
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise BundleError(_("{path} is damaged or truncated and cannot be read ({reason}).").format(
                path=self.path.name, reason=exc)) from exc
        finally:
            inflater.close()


class _Inflater(threading.Thread):
    """Reads, inflates and hashes the records files ahead of the parser (zlib and hashlib release the GIL,
    so this overlaps the parsing and the inserts); a bounded queue keeps memory at a few chunks."""

    def __init__(self, path: Path, names: list[str]) -> None:
        super().__init__(daemon=True, name="bundle-inflater")
        self.path, self.names = path, names
        self.digests: dict[int, str] = {}
        self.queue: queue.Queue = queue.Queue(maxsize=4)
        self.stop = threading.Event()

    def _put(self, item) -> bool:
        return put_unless_stopped(self.queue, item, self.stop)

    def run(self) -> None:
        try:
            with zipfile.ZipFile(self.path) as zf:
                for index, name in enumerate(self.names):
                    digest = hashlib.sha256()
                    with zf.open(name) as f:
                        while chunk := f.read(CHUNK):
                            digest.update(chunk)
                            if not self._put((index, chunk)):
                                return
                    self.digests[index] = digest.hexdigest()
                    if not self._put((index, None)):
                        return
        except BaseException as exc:  # re-raised in the reading thread
            self._put((-1, exc))

    def chunks(self, index: int) -> Iterator[bytes]:
        """The inflated bytes of file `index`, in order (files must be asked for in order)."""
        while True:
            got, chunk = self.queue.get()
            if got == -1:
                raise chunk
            assert got == index
            if chunk is None:
                return
            yield chunk

    def close(self) -> None:
        """Stop reading (also when the parser stopped early) and wait for the thread."""
        self.stop.set()
        self.join()
