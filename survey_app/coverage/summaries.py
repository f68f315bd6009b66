"""Hexagon summaries kept up to date incrementally: new readings and tests are added to their partitions.

`update(db)` reads the rows added since the last update (a rowid watermark per source table), turns them into
partition rows (counts and histograms, survey_app.coverage.histograms) and adds them to the stored ones. It
rebuilds from scratch only when rows below the watermark disappeared (erased, tombstoned) or the unit boundaries
changed (triggers of migration 0005 flag it). `rebuild(db)` always starts again; tests check that both give the same rows.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from survey_app.coverage import histograms as hg
from survey_app.coverage import inputs
from survey_app.coverage import partitions
from survey_app.coverage.cells import RESOLUTIONS, UnitIndex, cells_of
from survey_app.storage import coverage as sql
from survey_app.storage.db import data_version

@dataclass
class UpdateResult:
    """What an update did."""

    readings: int = 0
    tests: int = 0
    partitions: int = 0          # partitions written
    rebuilt: bool = False
    seconds: float = 0.0
    stages: dict = field(default_factory=dict)    # seconds per stage (read, cells, units, partitions, write...)

    def to_json(self) -> dict:
        """JSON-ready dictionary (CLI)."""
        return dict(self.__dict__, stages={k: round(v, 4) for k, v in self.stages.items()})

    @contextmanager
    def stage(self, name: str):
        """Time a stage (added up when it runs several times)."""
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - t0


_INDEX: dict[tuple, UnitIndex] = {}


def unit_index(db) -> UnitIndex:
    """The unit boundaries of this database, as a UnitIndex (kept while the boundaries stay the same)."""
    from survey_app.review.geometry import parse_geometry
    from survey_app.storage.review import load_boundaries

    stamp = sql.boundary_stamp(db)
    if stamp not in _INDEX:
        _INDEX.clear()
        _INDEX[stamp] = UnitIndex({c: parse_geometry(g) for c, g in load_boundaries(db).items()})
    return _INDEX[stamp]


def rebuild(db, cancel: threading.Event | None = None) -> UpdateResult:
    """Compute the summaries again from every reading and test (only partitions that differ are written)."""
    return update(db, cancel, full=True)


def update(db, cancel: threading.Event | None = None, index: UnitIndex | None = None, *,
           full: bool = False) -> UpdateResult:
    """Add the readings and tests recorded since the last update (one transaction); `full`: recount all."""
    t0 = time.perf_counter()
    index = index or unit_index(db)
    result = UpdateResult(rebuilt=full)
    with result.stage("inputs"):   # the samples of new rows, committed first (reader threads see them)
        made, fresh, version = inputs.fill(db, PARALLEL_MIN)
    with db.atomic():
        if data_version(db.conn) != version:   # another connection wrote since: read the samples as stored
            fresh = {}
        state = {} if full else sql.hex_state(db)
        if _stale(db, state, index.fingerprint):
            state, result.rebuilt = {}, True
        partials = []
        for source in sql.SOURCES:
            last, done, _b = state.get(source, (0, 0, index.fingerprint))
            hi = min(sql.last_rowid(db, source), made[source])   # rows added since then: the next update
            n = 0
            if hi > last:
                with result.stage("read"):
                    arrays = _read(db, source, last, hi, fresh.get(source))
                if cancel is not None and cancel.is_set():
                    raise InterruptedError
                if arrays is not None:
                    n = len(arrays["lat"])
                    partials.append(_aggregate(arrays, source, index, db, result))
                    setattr(result, "readings" if source == "signal_readings" else "tests", n)
            sql.save_state(db, source, max(hi, last), done + n, index.fingerprint)
        with result.stage("partitions"):
            rows = _combine(partials)
        with result.stage("write"):
            result.partitions = _replace(db, rows) if result.rebuilt else _store(db, rows)
        commit = time.perf_counter()
    result.stages["commit"] = time.perf_counter() - commit
    result.seconds = time.perf_counter() - t0
    return result


def _stale(db, state: dict, fingerprint: str) -> bool:
    """Whether the stored summaries no longer match the data (rows changed or removed, boundaries changed)."""
    return any(boundaries != fingerprint or done < 0 for _last, done, boundaries in state.values())


PARALLEL_MIN = 100_000   # rows from which two reader threads (own connections) share the fetch
_COLS = {name: i for i, name in enumerate(sql.SAMPLE_COLUMNS)}


def _fetch(path_or_db, source: str, after: int, upto: int) -> list[np.ndarray]:
    """Sample rows (after, upto] as int64 arrays (storage.coverage.SAMPLE_COLUMNS)."""
    from survey_app.storage.db import connect

    db = connect(path_or_db) if isinstance(path_or_db, str) else path_or_db
    try:
        return [np.frombuffer(block, dtype=">i8").reshape(-1, len(_COLS))
                for block in sql.sample_blocks(db, source, after, upto)]
    finally:
        if isinstance(path_or_db, str):
            db.close()


def _read(db, source: str, after: int, upto: int, fresh: tuple[int, np.ndarray] | None = None) -> dict | None:
    """The new rows of a source as numpy columns, with the text lists their columns index. `fresh`: samples
    just made in one pass (coverage.inputs.fill), used as they are instead of being read back."""
    parts = _stored(db, source, after, upto if fresh is None else min(upto, max(after, fresh[0])))
    if fresh is not None:
        rows = fresh[1]
        i, j = np.searchsorted(rows[:, 0], [max(after, fresh[0]), upto], side="right")
        parts.append(rows[i:j])
    parts = [p for p in parts if len(p)]
    if not parts:
        return None
    return _columns(db, source, np.concatenate(parts).astype(np.int64))


def _stored(db, source: str, after: int, upto: int) -> list[np.ndarray]:
    """The stored samples of a source's rows in (after, upto], as blocks of rows."""
    if upto <= after:
        return []
    path = sql.database_file(db)
    if path and upto - after >= PARALLEL_MIN:
        # SQLite works without the GIL: two readers use both cores; they see the committed rows <= upto
        from concurrent.futures import ThreadPoolExecutor

        mid = (after + upto) // 2
        with ThreadPoolExecutor(2, thread_name_prefix="hex-reader") as pool:
            halves = list(pool.map(lambda r: _fetch(path, source, r[0], r[1]), [(after, mid), (mid, upto)]))
        return halves[0] + halves[1]
    return _fetch(db, source, after, upto)


def _columns(db, source: str, a: np.ndarray) -> dict:
    """Sample rows (int64 SAMPLE_COLUMNS) as named columns, keys resolved, odd positions read again."""
    col = {name: a[:, i] for name, i in _COLS.items()}
    lat, lon = col["lat"] / sql.POSITION_SCALE, col["lon"] / sql.POSITION_SCALE
    odd = np.flatnonzero(~(_exact(lat) & _exact(lon)))
    if len(odd):
        stored = sql.positions(db, source, col["rowid"][odd].tolist())
        lat[odd], lon[odd] = np.array([stored[r] for r in col["rowid"][odd].tolist()], dtype=float).T
    out = {"lat": lat, "lon": lon, "flag": col["kf"] % 2, "epoch": col["epoch"], "v1": col["v1"], "v2": col["v2"]}
    key = col["kf"] // 2
    for (name, names), (values, of_key) in zip(_KEY_PARTS, _keys(db, key)):   # each row's session, unit...
        out[names], out[name] = values, of_key[key]
    return out


# The parts of a sample key (storage.coverage.sample_keys): the column of indexes and the list they index.
_KEY_PARTS = (("sess", "sessions"), ("unit", "units"), ("op", "ops"), ("tech", "techs"))


def _keys(db, key: np.ndarray) -> list[tuple[list[str], np.ndarray]]:
    """Per key part: its values ('' first) and, per hex_keys id, the index of its value (of the keys used)."""
    rows = sql.sample_keys(db, np.unique(key).tolist())
    out = []
    for i in range(1, len(_KEY_PARTS) + 1):
        values = [""] + sorted({r[i] for r in rows} - {""})
        where = {v: k for k, v in enumerate(values)}
        of_key = np.zeros(int(key.max()) + 1, dtype=np.int64)
        of_key[[r[0] for r in rows]] = [where[r[i]] for r in rows]
        out.append((values, of_key))
    return out


def _exact(x: np.ndarray) -> np.ndarray:
    """Where x * 2^52 carried the stored double exactly (see storage.coverage.POSITION_SCALE)."""
    ax = np.abs(x)
    return (ax >= 1) & (ax < 1024)


def _aggregate(a: dict, source: str, index: UnitIndex, db, result: UpdateResult) -> list[tuple]:
    """Partition rows (PARTITION_COLUMNS order) of one batch of samples, for both resolutions."""
    signal = source == "signal_readings"
    if not signal:   # failed tests add nothing; the watermark still moves past them
        keep = a["flag"] == 1
        a = {k: (v[keep] if isinstance(v, np.ndarray) else v) for k, v in a.items()}
    with result.stage("names"):   # the unit each row was recorded in, as an index of the unit boundaries
        recorded = np.array([index.code_index(c) if c else 0 for c in a["units"]], dtype=np.int64)[a["unit"]]
    with result.stage("cells"):
        cell9 = cells_of(a["lat"], a["lon"], max(RESOLUTIONS))
    with result.stage("units"):
        unit = index.locate(a["lon"], a["lat"], cell9, max(RESOLUTIONS), recorded)
    with result.stage("partitions"):
        return partitions.aggregate(a, signal, cell9, unit, index.codes, a["sessions"])


def _add(a: tuple, b: tuple) -> tuple:
    """Two partition value tuples (readings, no_service, tests, newest, 4 blobs) added."""
    blobs = [hg.encode(*hg.merge([hg.decode(x), hg.decode(y)])) if x and y else (x or y)
             for x, y in zip(a[4:], b[4:])]
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], max(a[3], b[3]), *blobs)


def _combine(partials: list[list[tuple]]) -> list[tuple]:
    """Partition rows, readings and tests of the same partition added (keys are unique within a batch)."""
    if len(partials) == 1:
        return partials[0]
    out: dict[tuple, tuple] = {}
    for rows in partials:
        for row in rows:
            key, vals = row[:7], row[7:]
            out[key] = _add(out[key], vals) if key in out else vals
    return [key + vals for key, vals in out.items()]


def _store(db, rows: list[tuple]) -> int:
    """Add the new partition values to the stored ones (only the partitions the new samples fall in)."""
    merged = []
    for row in rows:
        old = sql.get_partition(db, row[:7])
        merged.append(row if old is None else row[:7] + _add(tuple(old), row[7:]))
    sql.put_partitions(db, merged)
    return len(merged)


def _replace(db, rows: list[tuple]) -> int:
    """Make the stored partitions exactly `rows`: write those that differ, delete those no longer there."""
    stored = sql.all_partitions(db)
    changed = [row for row in rows if stored.pop(row[:7], None) != row[7:]]
    sql.delete_partitions(db, list(stored))
    sql.put_partitions(db, changed)
    return len(changed)
