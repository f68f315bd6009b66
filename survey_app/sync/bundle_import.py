"""Import a bundle into this laptop's database: verified first, then one transaction, idempotent by revision."""
from __future__ import annotations

import gc
import hashlib
import operator
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Generator, Iterator

from survey_app.errors import UserError
from survey_app.i18n import _
from survey_app.storage import bulk, bundles, changes
from survey_app.storage import sync as store
from survey_app.storage.bundle_merge import Merger, Tally
from survey_app.storage.driver import sqlite
from survey_app.storage.records import SYNC_IMPORTED, SYNC_PENDING
from survey_app.storage.revisions import TOMBSTONES
from survey_app.sync import forward_files
from survey_app.trust.container import BundleError
from survey_app.trust.keyring import Keyring
from survey_app.trust.reader import SealedBundleReader

# The import's page cache. The indexes stay live while rows go in: the rows arrive in rowid (= creation) order,
# so every index is written near its end and its hot pages fit this cache. Dropping and rebuilding them (each
# rebuild a full scan that decrypts the table again, and a sort as large as the cache) cost as much CPU at 1M
# readings and twice the memory (bench/bench_bundles.py, BENCHMARKS.md 'Bundles').
IMPORT_CACHE_KIB = 64 * 1024


def _fast_null_binding() -> None:
    """Bind None through a registered adapter: without one, every None parameter goes through the sqlite3
    module's full adaptation protocol lookup (~0.3 us each; a signal reading has ~12 NULL columns, so this
    was a third of the insert time). The adapter returns None itself, which is still bound as NULL."""
    sqlite.register_adapter(type(None), _NONE_ADAPTER)


_NONE_ADAPTER = {}.get  # a C-level callable: {}.get(None) is None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: the parsed rows are millions of lists that refcounting frees (no
    cycles), but each allocation counted towards a collection that walked them all (a tenth of the CPU)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _file_sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


class _TableWriter:
    """Upserts one table's rows: written only if new or of a newer revision; arrives in `state` ('pending' from
    this installation's own bundle, 'imported' from another's: not this laptop's to send)."""

    def __init__(self, db, table: str, tally: Tally | None = None, origin: str = "",
                 state: str = SYNC_PENDING) -> None:
        self.db, self.table = db, table
        self.cols = store.columns(db, table)
        self.known = set(self.cols)
        # Record-level columns first, then the data columns, so a row is (id, revision, updated_at, *data).
        self.plain = [c for c in self.cols if c not in store.LOCAL_COLUMNS and c not in store.RECORD_COLUMNS]
        self.pick = operator.itemgetter(*self.plain) if len(self.plain) > 1 else (lambda d: (d[self.plain[0]],))
        self.data_cols = list(store.RECORD_COLUMNS) + self.plain
        self.sql = bundles.insert_sql(table, self.data_cols, state)
        self.had_rows = bulk.has_rows(db, table)
        self.tally = tally or Tally()
        self.merger = Merger(db, table, self.data_cols, self.sql, bundles.upsert_sql(table, self.data_cols, state),
                             self.tally, origin)
        # An empty table with no tombstones has nothing to compare with: the plain, faster insert.
        self.fast = table != TOMBSTONES and not self.had_rows and bundles.nothing_to_merge(db, table)

    def values_many(self, recs: list[Any], reader: SealedBundleReader) -> list[tuple]:
        """Rows (in `data_cols` order) of a chunk of records the reader has checked."""
        plain, pick, out, table = self.plain, self.pick, [], self.table
        width = len(plain)
        for rec in recs:
            try:  # the usual case: the shape checks inline and the row in one C call (every column there,
                # so no unknown one either)
                d, rid, rev = rec["data"], rec["id"], rec["revision"]
                if (type(d) is dict and len(d) == width and rec["table"] == table and type(rid) is str
                        and type(rev) is int and rev >= 1):
                    out.append((rid, rev, rec["updated_at"]) + pick(d))
                    continue
            except (KeyError, TypeError, IndexError):
                pass
            d = rec["data"]
            try:
                values = pick(d)  # C-level; a bundle from an older app may lack some columns
            except KeyError:
                values = tuple(map(d.get, plain))
            out.append((rec["id"], rec["revision"], rec.get("updated_at")) + values)
        return out

    def values_rows(self, names: list[str], rows: list[list]) -> list:
        """Rows (in `data_cols` order) of a chunk of rows of values in `names` order (checked by the reader).
        In the usual case (a bundle of this app's version) the orders are the same and the lists are used as
        they are; the merge compares rows, so it gets tuples."""
        if names != self.data_cols:
            at = {c: i for i, c in enumerate(names)}
            if all(c in at for c in self.data_cols):
                rows = list(map(operator.itemgetter(*(at[c] for c in self.data_cols)), rows))
            else:  # a bundle of an older app lacks some columns: they stay empty
                where = [at.get(c) for c in self.data_cols]
                rows = [tuple(None if i is None else r[i] for i in where) for r in rows]
        return rows if self.fast else list(map(tuple, rows))

    def write(self, rows: list[tuple], reader: SealedBundleReader) -> None:
        """Apply a chunk of rows: newest revision wins (see storage/bundle_merge.py), tombstones delete."""
        try:
            if self.table == TOMBSTONES:
                self.merger.apply_tombstones(rows)
            elif self.fast:
                written = self._insert(rows)
                self.tally.new += written
                self.tally.unchanged += len(rows) - written
            else:
                self.merger.merge(rows, self._insert)
        except (sqlite.ProgrammingError, sqlite.InterfaceError, OverflowError) as exc:
            # a value SQLite cannot bind (an object, a list, an integer beyond 64 bits)
            raise reader.malformed(_("a value that is neither text, a number nor empty")) from exc

    def _insert(self, rows: list[tuple]) -> int:
        """Insert new rows; returns how many were written (a form both laptops hold is kept once)."""
        return bundles.write_rows(self.db, self.sql, rows, self._clash)

    def _clash(self, values: tuple, exc: Exception) -> bool:
        row = dict(zip(self.data_cols, values))
        if self.table == "forms":
            return False  # the same form (form_id, version) imported on both laptops: keep the local copy
        if self.table == "teams" and "UNIQUE" in str(exc):
            # Two laptops created a team of the same name; keep both, the imported one marked by its device.
            row["name"] = f"{row['name']} ({str(row.get('device_id', ''))[:8]})"
            bundles.write_row(self.db, self.sql, [row.get(c) for c in self.data_cols])
            return True
        raise BundleError(_("Record {id} of {table} in the bundle clashes with this database ({reason}).").format(
            id=row.get("id"), table=self.table, reason=exc)) from exc


def _parsed(reader: SealedBundleReader, writers: dict[str, _TableWriter], db) -> Iterator[tuple[str, list[tuple]]]:
    """(table, rows) chunks, decrypted, decompressed, parsed and checked (also that no record held for another
    device is taken over). (A parser thread was tried: json parsing holds the GIL, so it did not overlap the
    inserts and only added a hand-off.)"""
    def held(table: str, ids: list[str]) -> dict[str, tuple[str, str | None]]:
        writer = writers.get(table)  # a tombstone's target table may not be in the bundle
        return bundles.held_devices(db, table, ids) if writer is None or writer.had_rows else {}

    columns = {t: set(store.columns(db, t)) for t in store.ordered_tables(db)}
    for table, names, batch in reader.row_chunks(columns, held):
        writer = writers[table]
        yield table, (writer.values_many(batch, reader) if names is None else writer.values_rows(names, batch))


def _keep_demo_apart(path: Path, from_demo: bool, in_demo: bool) -> None:
    if from_demo and not in_demo:
        raise BundleError(_("{path} holds demo data (written with --demo); it is kept out of real survey data. "
                            "Nothing was imported.").format(path=path.name))
    if in_demo and not from_demo:
        raise BundleError(_("{path} holds real survey data; the demo does not import it. Nothing was imported.")
                          .format(path=path.name))


def _check_manifest(db, path: Path, manifest: dict, in_demo: bool) -> None:
    _keep_demo_apart(path, bool(manifest.get("demo")), in_demo)
    tables = set(store.ordered_tables(db))
    for entry in manifest["files"]:
        if entry["table"] not in tables:
            raise BundleError(_("The bundle holds records of a table this app does not know ({table}). "
                                "Update the app, then import again.").format(table=entry["table"]))


def _keep_original(db_path, path: Path, keyring: Keyring, manifest: dict[str, Any]) -> str | None:
    """Keep another installation's signed file for the receiver if the receiver can open it."""
    trusted = {e.fingerprint: e.role for e in keyring.trust.entries}
    if not forward_files.sealed_to_centre(manifest, trusted, keyring.identity.public.fingerprint):
        return None
    kept = forward_files.keep(Path(db_path).parent, path, manifest["bundle_id"])
    return str(kept) if kept is not None else None


def import_bundle(db_path: Path | str, path: Path | str, *, keyring: Keyring | None = None,
                  cancel: threading.Event | None = None, demo: bool = False) -> Generator[int, None, dict[str, Any]]:
    """Open a sealed bundle (addressed to this installation, signed by a trusted key) and import it in one
    transaction, every record checked while it streams; anything wrong rolls all back. Yields records read,
    returns a summary. Demo data and real data are kept apart: the real app refuses a demo's bundle (`demo`
    False) and the demo a real one."""
    from survey_app.storage.db import connect

    cancel = cancel or threading.Event()
    path = Path(path)
    if not path.is_file():
        raise BundleError(_("The bundle file {path} does not exist.").format(path=path))
    _fast_null_binding()
    db = connect(db_path)
    bulk.set_cache_kib(db, IMPORT_CACHE_KIB)
    reader = None
    try:
        keyring = keyring or Keyring.for_db(db_path, db)
        reader = SealedBundleReader(path, keyring)
        manifest = reader.verify()  # signer trusted; the signature is checked at the end, before COMMIT
        _check_manifest(db, path, manifest, demo)
        tally = Tally()
        origin = f"{manifest['bundle_id'][:8]} of device {str(manifest.get('device_id', ''))[:8]}"
        # Another installation's revisions are its own to send (or the forwarded original's to carry).
        state = SYNC_PENDING if reader.writer.role == "self" else SYNC_IMPORTED
        writers = {e["table"]: _TableWriter(db, e["table"], tally, origin, state) for e in manifest["files"]}
        read = 0
        try:
            # parents may follow children
            with _collector_paused(), bulk.transaction(db, immediate=True, defer_foreign_keys=True):
                for table, rows in _parsed(reader, writers, db):
                    writers[table].write(rows, reader)
                    read += len(rows)
                    yield read
                    if cancel.is_set():
                        raise UserError(_("Cancelled. Nothing was imported."))
                changed = tally.changed
                bundles.log_import(db, bundle_id=manifest["bundle_id"], sha256=_file_sha256(path), records=read,
                                   source_device_id=manifest.get("device_id", ""), changed=changed)
        except bulk.MissingParents as exc:
            raise BundleError(_("The bundle refers to records that are neither in it nor in this database "
                                "({reason}). Nothing was imported.").format(reason=exc)) from exc
        changes.changed(db, *writers, "bundle_imports")   # committed: the window's views follow
        forwarded = _keep_original(db_path, path, keyring, manifest) if state == SYNC_IMPORTED and read else None
        yield read
        return {"bundle_id": manifest["bundle_id"], "device_id": manifest.get("device_id"), "records": read,
                "changed": changed, "unchanged": tally.unchanged, "stale": tally.stale, "conflict": tally.conflict,
                "deleted": tally.deleted, "forward": forwarded, "imported": state == SYNC_IMPORTED,
                "signer": reader.writer.name}
    finally:
        if reader is not None:
            reader.close()
        db.close()
