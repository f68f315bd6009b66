"""Bundle files for places without network: sealed (age) and signed (Ed25519) records, see trust/container.

A bundle holds this device's unsynced records (or one session), parents first, as JSON lines per table; it is
signed with this installation's key and sealed to every trusted supervisor and central key plus any named
with --for. Import (bundle_import) checks the signer and every record while streaming, in one transaction
(all or nothing), idempotent by revision. A supervisor's laptop forwards the original file to the receiver,
which checks the surveyor's signature itself (see contract/SYNC.md).
"""
from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Generator, Iterator

from survey_app import __version__
from survey_app.clock import utc_now
from survey_app.errors import UserError
from survey_app.i18n import _
from survey_app.storage import bundles
from survey_app.storage import sync as store
from survey_app.storage.records import device_id
from survey_app.trust.container import BundleError, BundleWriter  # noqa: F401  (BundleError re-exported)
from survey_app.trust.keyring import Keyring


def export_bundle(db_path: Path | str, out: Path | str, *, session_id: str | None = None,
                  recipients: list[str] | tuple[str, ...] = (), keyring: Keyring | None = None,
                  cancel: threading.Event | None = None, level: int = 1,
                  assignment_id: str | None = None, demo: bool = False) -> Generator[int, None, dict]:
    """Write a sealed, signed bundle of this device's unsynced records (or of one session, or one revisit
    assignment) to every trusted supervisor/central key plus `recipients` (public key texts); yields records
    written, returns the header. `demo`: written by the demo (the header says so; only a demo imports it)."""
    from survey_app.storage.db import begin_read, connect
    from survey_app.storage.migrations import schema_version

    cancel = cancel or threading.Event()
    out = Path(out)
    db = connect(db_path)
    try:
        keyring = keyring or Keyring.for_db(db_path, db)
        if session_id:
            from survey_app.storage.sessions import get_session

            session_id = get_session(db, session_id).id
        me = device_id(db)
        begin_read(db)  # one snapshot: the records selected and counted in the header are the rows written
        selection, tables = bundles.own_selection(db, me, session_id, assignment_id)
        header = {"bundle_id": str(uuid.uuid4()), "device_id": me, "created_at": utc_now(),
                  "app_version": __version__, "schema_version": schema_version(db), "session_id": session_id,
                  "tables": tables, "demo": bool(demo)}
        writer = BundleWriter(out, keyring.identity, keyring.recipients(recipients), header, level=level)
        try:
            written = yield from _write_tables(db, writer, selection, tables, cancel)
            writer.finish({"tables": tables})
        except BaseException:
            writer.abort()
            raise
        yield written
        return dict(writer.header, records=written)
    finally:
        db.close()


def _write_tables(db, writer: BundleWriter, selection, tables: dict[str, int], cancel) -> Generator[int, None, int]:
    written = 0
    for table, (where, params) in selection.items():
        names = bundles.array_columns(db, table)
        writer.table(table, names)
        count = 0
        for data, n in _table_lines(db, table, names, f"({where})", params):
            writer.lines(data)
            count += n
            written += n
            yield written
            if cancel.is_set():
                raise UserError(_("Cancelled."))
        assert count == tables[table]  # one read snapshot: the rows counted are the rows read
    return written


def _table_lines(db, table: str, names: list[str] | None, where: str, params: list) -> Iterator[tuple[bytes, int]]:
    """(JSON lines, count) chunks: rows as arrays, or records as objects for a table too wide for that."""
    if names is not None:
        yield from bundles.array_lines(db, table, names, where, params)
        return
    buf: list[str] = []
    for _rowid, _id, _rev, text in store.iter_record_json(db, table, where, params):
        buf.append(text)
        if len(buf) >= 5000:
            yield ("\n".join(buf) + "\n").encode(), len(buf)
            buf = []
    if buf:
        yield ("\n".join(buf) + "\n").encode(), len(buf)
