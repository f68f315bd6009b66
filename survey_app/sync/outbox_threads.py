"""The local database's side of a sync run: a thread reading the outbox into batches, one marking the answers."""
from __future__ import annotations

import queue
import threading
from typing import TYPE_CHECKING

from survey_app.storage import sync as store
from survey_app.sync.batches import Batch, BatchBuilder
from survey_app.sync.pipeline import put_unless_stopped

if TYPE_CHECKING:
    from survey_app.sync.upload import SyncConfig


class Marker(threading.Thread):
    """Applies answers to the local database on its own connection, so marking batch k overlaps the
    receiver's work on batch k+1. A crash before marking only means the records are sent again (and
    accepted again without change): never lost, never stored twice."""

    def __init__(self, db_path) -> None:
        super().__init__(daemon=True, name="sync-marker")
        self.db_path = db_path
        self.queue: queue.Queue = queue.Queue(maxsize=8)
        self.error: BaseException | None = None

    def accepted(self, table: str, rows: list) -> None:
        """Queue marking these (id, revision, rowid) rows of `table` accepted."""
        self._put(("accepted", table, rows))

    def rejected(self, table: str, rows: list) -> None:
        """Queue marking these (id, revision, reason) rows of `table` rejected."""
        self._put(("rejected", table, rows))

    def _put(self, item) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(item)

    def run(self) -> None:
        from survey_app.storage.db import connect

        db = connect(self.db_path)
        try:
            while (item := self.queue.get()) is not None:
                if self.error is None:
                    try:
                        kind, table, rows = item
                        (store.mark_accepted if kind == "accepted" else store.mark_rejected)(db, table, rows)
                    except BaseException as exc:  # reported to the run, which stops
                        self.error = exc
        finally:
            db.close()

    def finish(self) -> None:
        """Wait until every answer is applied; re-raise a failure."""
        self.queue.put(None)
        self.join()
        if self.error is not None:
            raise self.error


class Producer(threading.Thread):
    """Reads the outbox and builds compressed batches ahead of the sender (its own connection).

    Encoding (SQLite JSON + gzip, both releasing the GIL) overlaps the network round trip; the queue is
    bounded, so memory stays at a few batches whatever the outbox size.
    """

    def __init__(self, db_path, config: SyncConfig, tables: list[str], where: dict | None, device: str,
                 schema: int, stop: threading.Event) -> None:
        super().__init__(daemon=True, name="sync-producer")
        self.db_path, self.config, self.tables, self.where = db_path, config, tables, where
        self.device, self.schema, self.stop = device, schema, stop
        self.queue: queue.Queue = queue.Queue(maxsize=3)
        self.builder = BatchBuilder(config.max_records, config.max_bytes)

    def _put(self, item) -> bool:
        return put_unless_stopped(self.queue, item, self.stop)

    def _emit(self, table: str, batch: Batch) -> bool:
        body = batch.body(self.device, self.schema, self.config.compress_level)
        self.builder.learn(sum(len(p[3]) for p in batch.table_parts), len(body))
        return self._put((table, batch))

    def run(self) -> None:
        from survey_app.storage.db import connect

        db = connect(self.db_path)
        try:
            for table in self.tables:
                sql, params = (self.where or {}).get(table, ("", []))
                after = 0
                while not self.stop.is_set():
                    page = store.outbox_page(db, table, after, self.config.max_records, sql, params)
                    if not page:
                        break
                    after = page[-1][0]
                    for rowid, rid, rev, text in page:
                        batch = self.builder.add(table, rid, rev, text, rowid)
                        if batch is not None and not self._emit(table, batch):
                            return
                last = self.builder.flush()
                if last is not None and not self._emit(table, last):
                    return
            self._put(None)
        except BaseException as exc:  # handed to the sender, which re-raises it in the caller's thread
            self._put(exc)
        finally:
            db.close()
