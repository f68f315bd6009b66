"""Parallel, bounded streaming of a rowid-ordered layer: reader threads each format alternate rowid ranges.

SQLite formats the rows (see storage.export_queries) and releases the GIL while it does, so two reader connections
use two cores; the chunks are still written strictly in rowid order, and at most a few chunks per reader are
held in memory whatever the size of the layer.
"""
from __future__ import annotations

import queue
import threading
from pathlib import Path
from typing import Callable, Iterator

RANGE = 4096       # rowids per range: a chunk of one to four MB
DEPTH = 2          # chunks a reader may run ahead


def _reader(db_path: Path, sql: str, params: list, ranges: list[tuple[int, int]], sep: str, end: str,
            out: queue.Queue, stop: threading.Event, prepare) -> None:
    from survey_app.storage.db import begin_read, connect
    from survey_app.storage.export_queries import chunk, chunk_query

    try:
        db = connect(db_path)
        try:
            begin_read(db)
            if prepare is not None:
                prepare(db)
            chunk_sql = chunk_query(sql)
            tail = end.encode()
            for lo, hi in ranges:
                if stop.is_set():
                    break
                text, n = chunk(db, chunk_sql, [sep] + params + [lo, hi])
                _put(out, (text + tail if n else b"", n), stop)
        finally:
            db.close()
    except BaseException as exc:  # handed to the consumer, which re-raises it in the export's thread
        _put(out, exc, stop)


def _put(out: queue.Queue, item, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            out.put(item, timeout=0.1)
            return
        except queue.Full:
            continue


def parallel_chunks(db_path: Path, sql: str, params: list, lo: int, hi: int, sep: str, end: str,
                    readers: int = 2, prepare: Callable | None = None) -> Iterator[tuple[bytes, int]]:
    """(encoded chunk, rows) for rowids lo..hi in order; `sql` takes two more parameters: rowid >= ? and < ?;
    `prepare(db)` runs on each reader's connection inside its read snapshot, before its first range."""
    ranges = [(a, min(a + RANGE, hi + 1)) for a in range(lo, hi + 1, RANGE)]
    stop = threading.Event()
    queues = [queue.Queue(maxsize=DEPTH) for _ in range(readers)]
    threads = [threading.Thread(target=_reader, name=f"export-reader-{i}", daemon=True,
                                args=(db_path, sql, params, ranges[i::readers], sep, end, queues[i], stop, prepare))
               for i in range(readers)]
    for t in threads:
        t.start()
    try:
        for k in range(len(ranges)):
            item = queues[k % readers].get()
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()            # a cancel or an error: the readers stop at their next range
        for q in queues:
            while not q.empty():
                q.get_nowait()
        for t in threads:
            t.join(timeout=30)
