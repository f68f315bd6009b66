"""The summaries' samples (migration 0010) of many rows at once: one pass over the wide table, two reader threads.

A database whose rows were never summarised (just upgraded, or a large bundle imported) needs the samples of
millions of rows. SQL alone (storage.coverage.fill_range) reads the wide table twice (its distinct keys first,
then the samples, each looking its key up) in one thread, and the summary then reads the samples back. Here
each reader thread takes half of the rows in one pass: per block, the rows' key texts as one blob and their
samples with key id 0 (schema_coverage_0010.bulk_statement). Python turns the texts into hex_keys ids (a dict
per run of equal keys: readings come in long runs of one session), adds them to the samples, writes the samples
in bulk (storage.coverage.put_samples) and hands them to the summary as they are. The samples hold what SQL
would have made (only new hex_keys ids may be numbered otherwise; tests compare them). A block whose texts hold a
separator character is made by SQL instead.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from survey_app.storage import coverage as sql
from survey_app.storage import schema_coverage_0010 as schema

BULK_MIN = 100_000     # rows without samples from which one pass in two threads makes them
BLOCK = 250_000        # rowids per statement
_WIDTH = len(sql.SAMPLE_COLUMNS)


def fill(db, bulk_min: int | None = None) -> tuple[dict[str, int], dict[str, tuple[int, np.ndarray]], int]:
    """Make the samples of the rows added since the last call (one transaction of its own). Returns, per source,
    the rowid up to which every row has its sample; the samples made in one pass: (the rowid they follow, their
    rows as int64 SAMPLE_COLUMNS in rowid order); and the database's data_version as they were written (while it
    stays the same no other connection has changed a row: the samples in hand are the stored ones)."""
    from survey_app.storage.db import data_version

    path = sql.database_file(db)
    bulk_min = BULK_MIN if bulk_min is None else bulk_min
    made, fresh = {}, {}
    with db.atomic():    # the write lock first: no row changes between the pass and the write
        for source, (lo, hi) in sql.pending_inputs(db).items():
            if path and hi - lo >= bulk_min:
                fresh[source] = (lo, _one_pass(db, path, source, lo, hi))
            elif hi > lo:
                sql.fill_range(db, source, lo, hi)
            sql.mark_inputs(db, source, hi)
            made[source] = hi
        version = data_version(db.conn)    # the write lock is held: nobody else commits until ours
    return made, fresh, version


def _one_pass(db, path: str, source: str, lo: int, hi: int) -> np.ndarray:
    """Make and store the samples of the `source` rows in (lo, hi]; returns them."""
    blocks = [(a, min(hi, a + BLOCK)) for a in range(lo, hi, BLOCK)]
    half = (len(blocks) + 1) // 2
    with ThreadPoolExecutor(2, thread_name_prefix="hex-inputs") as pool:
        scanned = [b for part in pool.map(lambda bs: _scan(path, source, bs), [blocks[:half], blocks[half:]])
                   for b in part]
    texts = sorted({k for b in scanned if b is not None for k in b[0]})
    keys = [tuple(t.split(schema.KEY_SEPARATOR)) for t in texts]
    usable = all(len(k) == 4 for k in keys)      # a separator inside a text: that block's keys are wrong
    if not usable:
        scanned = [None if b is None or any(len(k.split(schema.KEY_SEPARATOR)) != 4 for k in b[0]) else b
                   for b in scanned]
        texts = sorted({k for b in scanned if b is not None for k in b[0]})
        keys = [tuple(t.split(schema.KEY_SEPARATOR)) for t in texts]
    ids = dict(zip(texts, sql.key_ids(db, [tuple(f.decode() for f in k) for k in keys])))
    out = []
    for (a, b), block in zip(blocks, scanned):
        if block is None:       # made by SQL, read back
            sql.fill_range(db, source, a, b)
            rows = [np.frombuffer(x, dtype=">i8").reshape(-1, _WIDTH) for x in sql.sample_blocks(db, source, a, b)]
            out += [r.astype(np.int64) for r in rows]
            continue
        block_keys, local, samples = block
        if not len(samples):
            continue
        samples[:, 1] += 2 * np.array([ids[k] for k in block_keys], dtype=np.int64)[local]
        if not (np.diff(samples[:, 0]) > 0).all():     # SQLite concatenates in rowid order; the summary needs it
            samples = samples[np.argsort(samples[:, 0], kind="stable")]
        sql.put_samples(db, source, samples[:, 0].tolist(), samples.astype(">i8").tobytes())
        out.append(samples)
    return np.concatenate(out) if out else np.zeros((0, _WIDTH), dtype=np.int64)


def _scan(path: str, source: str, blocks: list[tuple[int, int]]) -> list:
    """Per block: (its distinct key texts, each row's index into them, its samples with key 0 as int64 rows),
    or None when the texts hold a row separator (SQL makes that block)."""
    from survey_app.storage.db import connect

    db = connect(path)
    try:
        out = []
        for a, b in blocks:
            texts, samples, n = sql.bulk_samples(db, source, a, b)
            rows = np.frombuffer(samples, dtype=">i8").reshape(-1, _WIDTH).astype(np.int64)
            parts = texts.split(schema.ROW_SEPARATOR) if n else []
            if len(parts) != n or len(rows) != n:
                out.append(None)
                continue
            out.append((*_runs(parts), rows))
        return out
    finally:
        db.close()


def _runs(parts: list[bytes]) -> tuple[list[bytes], np.ndarray]:
    """(the distinct values, each part's index into them), comparing only where a run of equal parts ends."""
    n = len(parts)
    if not n:
        return [], np.zeros(0, dtype=np.int64)
    a = np.array(parts, dtype=object)
    starts = np.flatnonzero(np.concatenate([[True], a[1:] != a[:-1]]))
    index: dict[bytes, int] = {}
    of_run = np.fromiter((index.setdefault(p, len(index)) for p in a[starts].tolist()), dtype=np.int64,
                         count=len(starts))
    return list(index), np.repeat(of_run, np.diff(np.append(starts, n)))
