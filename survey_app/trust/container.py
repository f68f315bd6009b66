"""The sealed bundle file: signed by the sender's device key, encrypted with age to every recipient, streamed.

File = MAGIC line, then segments: a 4-byte big-endian length and that many bytes of one age ciphertext (each
segment is authenticated by age's STREAM). The segments' plaintexts, concatenated, are frames: a type byte,
a 4-byte length, the payload. Frames: H (header JSON, first), then per table T (table name), in version 3 optionally C
(the JSON list of column names: that table's lines are then JSON arrays of values in that order, about half the
bytes of records as objects) and D (raw deflate of whole JSON lines), then E (end JSON: records per table), then
S (Ed25519 signature over the SHA-256 of every frame byte before it). A frame never crosses a segment, so memory stays at one segment (about 1 MiB) however
large the bundle. Truncation, reordering or a changed byte fail age's checks or the signature.
"""
from __future__ import annotations

import hashlib
import os
import struct
import zlib
from pathlib import Path
from typing import Any, Iterator

import pyrage

from survey_app.errors import UserError
from survey_app.i18n import _
from survey_app import codec
from survey_app.trust.keys import Identity, KeyProblem, PublicKey
from survey_app.trust.limits import DEFAULT_LIMITS, Limits, json_depth

try:  # ISA-L's deflate: the same raw deflate stream (any inflater reads it), ~4x faster at level 1, smaller
    from isal import isal_zlib as _deflate
    MAX_LEVEL = 3
except ImportError:  # pragma: no cover - depends on the environment
    _deflate, MAX_LEVEL = zlib, 9

MAGIC = b"survey-app sealed bundle v2\n"
FORMAT = "survey-app-sealed-bundle"
FORMAT_VERSION = 3
READABLE_VERSIONS = (2, 3)      # version 2: every table's lines are records as JSON objects
MAX_COLUMNS = 256
SIGNATURE_CONTEXT = b"survey-app bundle v2 signature\n"
SEGMENT_TARGET = 1 << 20        # plaintext bytes per segment, about
FRAME_INPUT = 2 << 20           # JSON-lines bytes compressed into one data frame, about
MAX_SEGMENT = 4 << 20           # sealed bytes of one segment a reader accepts
MAX_META = 1 << 20              # header, table name and end frames
MAX_RECIPIENTS = 64
_FRAME = struct.Struct(">cI")
_LEN = struct.Struct(">I")


class BundleError(UserError):
    """A bundle that cannot be used; the message says why, in the user's language."""


class BundleWriter:
    """Writes a sealed bundle: `table(name)`, `lines(jsonl_bytes)`..., then `finish(counts)` (or `abort()`)."""

    def __init__(self, path: Path | str, identity: Identity, recipients: list[PublicKey], header: dict[str, Any],
                 *, level: int = 1) -> None:
        if not recipients:
            raise BundleError(_("No one to seal the bundle to: trust a supervisor's or the central system's key "
                                "(survey-app keys trust ...), or name one with --for PUBLIC_KEY."))
        unique = {k.fingerprint: k for k in recipients}
        if len(unique) > MAX_RECIPIENTS:
            raise BundleError(_("At most {n} recipients.").format(n=MAX_RECIPIENTS))
        self.path = Path(path)
        self.tmp = self.path.with_name(self.path.name + ".partial")
        self.identity, self.level = identity, level
        self._recipients = [k.age_recipient() for k in unique.values()]
        self._file = open(self.tmp, "wb")
        self._file.write(MAGIC)
        self._hash = hashlib.sha256()
        self._plain = bytearray()
        self._pending: list[bytes] = []
        self._pending_size = 0
        self.header = dict(header, format=FORMAT, format_version=FORMAT_VERSION, signer=identity.public.text,
                           recipients=sorted(unique))
        self._frame(b"H", codec.dumps_bytes(self.header))

    def _frame(self, kind: bytes, payload: bytes) -> None:
        head = _FRAME.pack(kind, len(payload))
        if kind != b"S":
            self._hash.update(head)
            self._hash.update(payload)
        self._plain += head
        self._plain += payload
        if len(self._plain) >= SEGMENT_TARGET:
            self._seal()

    def _seal(self) -> None:
        if self._plain:
            sealed = pyrage.encrypt(bytes(self._plain), self._recipients)
            self._file.write(_LEN.pack(len(sealed)))
            self._file.write(sealed)
            self._plain.clear()

    def table(self, name: str, columns: list[str] | None = None) -> None:
        """Start the records of `name` (each table once); with `columns`, its lines are JSON arrays of values
        in that order (first id, revision, updated_at), else records as JSON objects."""
        self._flush_lines()
        self._frame(b"T", name.encode("utf-8"))
        if columns is not None:
            self._frame(b"C", codec.dumps_bytes(list(columns)))

    def lines(self, data: bytes) -> None:
        """Add whole JSON lines (each ending with a newline) to the current table."""
        if data:
            self._pending.append(data)
            self._pending_size += len(data)
            if self._pending_size >= FRAME_INPUT:
                self._flush_lines()

    def _flush_lines(self) -> None:
        if self._pending:
            c = _deflate.compressobj(min(self.level, MAX_LEVEL), zlib.DEFLATED, -15)
            self._frame(b"D", b"".join([*map(c.compress, self._pending), c.flush()]))
            self._pending, self._pending_size = [], 0

    def finish(self, end: dict[str, Any]) -> None:
        """Write the end and the signature, seal the last segment, fsync and move the file into place."""
        self._flush_lines()
        self._frame(b"E", codec.dumps_bytes(end))
        self._frame(b"S", self.identity.sign(SIGNATURE_CONTEXT + self._hash.digest()))
        self._seal()
        self._file.flush()
        os.fsync(self._file.fileno())  # a USB stick pulled right after must not hold half a bundle
        self._file.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        """Drop the partial file."""
        self._file.close()
        self.tmp.unlink(missing_ok=True)


def _sniff(head: bytes) -> str:
    """What a file that is not a sealed bundle seems to be."""
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"age-encryption.org/"):
        return "age"
    return "other"


class BundleOpener:
    """Opens a sealed bundle with this installation's key: `header` and `signer` first, then `chunks()`
    streams (table, JSON-lines bytes); the signature and the end counts are checked when the stream ends."""

    def __init__(self, path: Path | str, identity: Identity, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = Path(path)
        self.identity, self.limits = identity, limits
        self._hash = hashlib.sha256()
        self._expanded = 0
        self._frames: Iterator[tuple[bytes, bytes]] | None = None
        self.header: dict[str, Any] = {}
        self.signer: PublicKey | None = None
        self.end: dict[str, Any] = {}
        self.columns: dict[str, list[str]] = {}  # the tables whose lines are arrays: their column names

    def fail(self, message: str, **values: Any) -> BundleError:
        """A BundleError naming this file."""
        return BundleError(message.format(path=self.path.name, **values))

    # reading ------------------------------------------------------------------------------------------
    def open(self) -> dict[str, Any]:
        """Check the file's kind and size, decrypt its first segment and read the header; returns it."""
        try:
            size = self.path.stat().st_size
            f = open(self.path, "rb")
        except OSError as exc:
            raise self.fail(_("The bundle {path} cannot be opened ({reason}).").format(
                path="{path}", reason=exc.strerror or exc)) from exc
        head = f.read(len(MAGIC))
        if head != MAGIC:
            f.close()
            if not head:
                raise self.fail(_("{path} is empty (0 bytes): the copy did not finish. Copy it again."))
            kind = _sniff(head)
            if kind == "zip":
                raise self.fail(_("{path} is a ZIP file, not a sealed bundle: an unsealed bundle of an older "
                                  "version, or another file renamed. Export it again with this version."))
            if kind == "age":
                raise self.fail(_("{path} is an age-encrypted file, not a survey bundle."))
            if size < len(MAGIC) and MAGIC.startswith(head):
                raise self.fail(_("{path} ends early: it was cut short while copying. Copy it again."))
            raise self.fail(_("{path} is not a survey bundle (another kind of file, perhaps renamed)."))
        if size > self.limits.max_file:
            f.close()
            raise self.fail(_("{path} is larger than a bundle may be ({mb} MB)."), mb=self.limits.max_file >> 20)
        self._frames = self._read_frames(f)
        kind, payload = self._next()
        if kind != b"H":
            raise self.fail(_("{path} is damaged: it does not start with a header."))
        self.header = self._meta(payload)
        if self.header.get("format") != FORMAT or self.header.get("format_version") not in READABLE_VERSIONS:
            raise self.fail(_("{path} was written by another version of the app (bundle format {v})."),
                            v=self.header.get("format_version"))
        try:
            self.signer = PublicKey.parse(self.header.get("signer") if isinstance(self.header.get("signer"), str)
                                          else "")
        except KeyProblem as exc:
            raise self.fail(_("{path} is damaged: its signer's key is not a key.")) from exc
        if self.header.get("device_id") != self.signer.device_id:
            raise self.fail(_("{path} claims another device than the key that signed it."))
        return self.header

    def _segments(self, f) -> Iterator[bytes]:
        with f:
            first = True
            while True:
                raw = f.read(_LEN.size)
                if not raw:
                    return
                if len(raw) < _LEN.size:
                    raise self.fail(_("{path} ends early: it was cut short while copying. Copy it again."))
                (n,) = _LEN.unpack(raw)
                if not 0 < n <= MAX_SEGMENT:
                    raise self.fail(_("{path} is damaged or was altered: a part of it has an impossible size."))
                sealed = f.read(n)
                if len(sealed) < n:
                    raise self.fail(_("{path} ends early: it was cut short while copying. Copy it again."))
                yield self._decrypt(sealed, first)
                first = False

    def _decrypt(self, sealed: bytes, first: bool) -> bytes:
        try:
            return pyrage.decrypt(sealed, [self.identity.age_identity()])
        except pyrage.DecryptError as exc:
            if first and "no matching keys" in str(exc).lower():
                raise self.fail(_("{path} was not sealed for this installation (key {fp}). Ask its sender to "
                                  "export it again with --for and this installation's public key "
                                  "(survey-app keys show)."), fp=self.identity.public.fingerprint) from exc
            raise self.fail(_("{path} is damaged or was altered: a part of it fails its integrity check."))\
                from exc

    def _read_frames(self, f) -> Iterator[tuple[bytes, bytes]]:
        for plain in self._segments(f):
            view, pos = memoryview(plain), 0
            while pos < len(plain):
                if len(plain) - pos < _FRAME.size:
                    raise self.fail(_("{path} is damaged: a part of it is incomplete."))
                kind, n = _FRAME.unpack_from(plain, pos)
                end = pos + _FRAME.size + n
                if end > len(plain):
                    raise self.fail(_("{path} is damaged: a part of it is incomplete."))
                if kind != b"S":
                    self._hash.update(view[pos:end])
                yield kind, bytes(view[pos + _FRAME.size:end])
                pos = end
        yield b"", b""  # the end of the file

    def close(self) -> None:
        """Close the file (also when a read stopped at a refusal: the frame generator holds it open)."""
        if self._frames is not None:
            self._frames.close()
            self._frames = None

    def _next(self) -> tuple[bytes, bytes]:
        assert self._frames is not None
        kind, payload = next(self._frames)
        if kind == b"":
            raise self.fail(_("{path} ends early: it was cut short while copying. Copy it again."))
        return kind, payload

    def _meta_value(self, payload: bytes) -> Any:
        try:
            if len(payload) > MAX_META:
                raise ValueError("too large")
            value = codec.loads(payload, strict=True)
        except (ValueError, RecursionError, UnicodeDecodeError):
            raise self.fail(_("{path} is damaged: its header cannot be read.")) from None
        if not json_depth(value, self.limits.max_json_depth):
            raise self.fail(_("{path} is damaged: its header cannot be read."))
        return value

    def _meta(self, payload: bytes) -> dict[str, Any]:
        value = self._meta_value(payload)
        if type(value) is not dict:
            raise self.fail(_("{path} is damaged: its header cannot be read."))
        return value

    def chunks(self) -> Iterator[tuple[str, bytes]]:
        """(table, whole JSON lines) in file order; at the end the counts and the signature are checked."""
        tables: dict[str, int] = {}
        table = None
        while True:
            kind, payload = self._next()
            if kind == b"T":
                table = self._table_name(payload, tables)
                tables[table] = 0
            elif (kind == b"C" and table is not None and not tables[table] and table not in self.columns
                  and self.header.get("format_version", 0) >= 3):
                self.columns[table] = self._column_names(payload)
            elif kind == b"D" and table is not None:
                data = self._inflate(payload)
                tables[table] += data.count(b"\n")
                yield table, data
            elif kind == b"E":
                self.end = self._meta(payload)
                self._finish(tables)
                return
            else:
                raise self.fail(_("{path} is damaged: its parts are out of order."))

    def _table_name(self, payload: bytes, tables: dict[str, int]) -> str:
        try:
            name = payload.decode("ascii")
        except UnicodeDecodeError:
            name = ""
        if not name.isidentifier() or len(name) > 64 or name in tables:
            raise self.fail(_("{path} is damaged: a table name is not valid or repeated."))
        if len(tables) >= self.limits.max_tables:
            raise self.fail(_("{path} holds more tables than a bundle may ({n})."), n=self.limits.max_tables)
        return name

    def _column_names(self, payload: bytes) -> list[str]:
        names = self._meta_value(payload)
        if (type(names) is not list or not 3 <= len(names) <= MAX_COLUMNS or names[:3] != ["id", "revision",
                "updated_at"] or not all(type(n) is str and n.isidentifier() and len(n) <= 64 for n in names)
                or len(set(names)) != len(names)):
            raise self.fail(_("{path} is damaged: a table's column names are not valid."))
        return names

    def _inflate(self, payload: bytes) -> bytes:
        d = zlib.decompressobj(-15)
        try:
            data = d.decompress(payload, self.limits.max_frame_expanded)
        except zlib.error:
            raise self.fail(_("{path} is damaged: a records part cannot be decompressed.")) from None
        if d.unconsumed_tail:
            raise self.fail(_("{path} expands far beyond its size (a compression bomb?) and was refused."))
        if not d.eof or d.unused_data or not data.endswith(b"\n"):
            raise self.fail(_("{path} is damaged: a records part is incomplete."))
        self._expanded += len(data)
        if self._expanded > self.limits.max_expanded:
            raise self.fail(_("{path} expands beyond {gb} GB and was refused."), gb=self.limits.max_expanded >> 30)
        return data

    def _finish(self, tables: dict[str, int]) -> None:
        digest = self._hash.digest()
        kind, signature = self._next()
        if kind != b"S":
            raise self.fail(_("{path} is damaged: its signature is missing."))
        assert self.signer is not None
        if not self.signer.verify(signature, SIGNATURE_CONTEXT + digest):
            raise self.fail(_("{path} was altered after it was signed: its signature does not match."))
        if next(self._frames, (b"", b""))[0] != b"":
            raise self.fail(_("{path} was altered: it holds data after its signature."))
        counts = self.end.get("tables")
        if counts != tables or sum(tables.values()) > self.limits.max_records:
            raise self.fail(_("{path} is damaged: its record counts do not match its contents."))
