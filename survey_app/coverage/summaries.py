"""Hexagon summaries kept up to date incrementally: new readings and tests are added to their partitions.

`update(db)` reads the rows added since the last update (a rowid watermark per source table), turns them into
partition rows (counts and histograms, survey_app.coverage.histograms) and adds them to the stored ones. It
rebuilds from scratch only when rows below the watermark disappeared (erased, tombstoned) or the unit boundaries
changed (triggers of migration 0005 flag it). `rebuild(db)` always starts again; tests check that both give the same rows.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np

from survey_app.coverage import histograms as hg
from survey_app.coverage.cells import RESOLUTIONS, UnitIndex, cells_of, parents
from survey_app.storage import coverage as sql

VN_OFFSET_S = 7 * 3600


@dataclass
class UpdateResult:
    """What an update did."""

    readings: int = 0
    tests: int = 0
    partitions: int = 0          # partitions written
    rebuilt: bool = False
    seconds: float = 0.0

    def to_json(self) -> dict:
        """JSON-ready dictionary (CLI)."""
        return dict(self.__dict__)


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
    """Forget the summaries and compute them again from every reading and test."""
    with db.atomic():
        sql.clear(db)
    result = update(db, cancel)
    result.rebuilt = True
    return result


def update(db, cancel: threading.Event | None = None, index: UnitIndex | None = None) -> UpdateResult:
    """Add the readings and tests recorded since the last update (one transaction)."""
    t0 = time.perf_counter()
    index = index or unit_index(db)
    result = UpdateResult()
    with db.atomic():
        state = sql.hex_state(db)
        if _stale(db, state, index.fingerprint):
            sql.clear(db)
            state, result.rebuilt = {}, True
        partials = []
        for source in sql.SOURCES:
            last, done, _b = state.get(source, (0, 0, index.fingerprint))
            hi = sql.last_rowid(db, source)
            n = 0
            if hi > last:
                arrays = _read(db, source, last, hi)
                if cancel is not None and cancel.is_set():
                    raise InterruptedError
                if arrays is not None:
                    n = len(arrays["lat"])
                    partials.append(_aggregate(arrays, source, index, db))
                    setattr(result, "readings" if source == "signal_readings" else "tests", n)
            sql.save_state(db, source, max(hi, last), done + n, index.fingerprint)
        rows = _combine(partials)
        result.partitions = _store(db, rows)
    result.seconds = time.perf_counter() - t0
    return result


def _stale(db, state: dict, fingerprint: str) -> bool:
    """Whether the stored summaries no longer match the data (rows changed or removed, boundaries changed)."""
    return any(boundaries != fingerprint or done < 0 for _last, done, boundaries in state.values())


PARALLEL_MIN = 100_000   # rows from which two reader threads (own connections) share the fetch


def _fetch(path_or_db, source: str, after: int, upto: int, ops: list[str], techs: list[str]) -> list[np.ndarray]:
    """Sample rows (after, upto] as float64 arrays (every packed integer is below 2^53, so exact)."""
    from survey_app.storage.db import connect

    db = connect(path_or_db) if isinstance(path_or_db, str) else path_or_db
    try:
        return [np.array(rows, dtype=np.float64) for rows in sql.sample_rows(db, source, after, ops, techs,
                                                                            upto=upto)]
    finally:
        if isinstance(path_or_db, str):
            db.close()


def _read(db, source: str, after: int, upto: int) -> dict | None:
    """The new rows of a source as numpy columns, with the text maps they refer to."""
    ops, techs = sql.operators_and_technologies(db, source, after)
    path = sql.database_file(db)
    if path and upto - after >= PARALLEL_MIN:
        # SQLite works without the GIL: two readers use both cores; they see the committed rows <= upto
        from concurrent.futures import ThreadPoolExecutor

        mid = (after + upto) // 2
        with ThreadPoolExecutor(2, thread_name_prefix="hex-reader") as pool:
            halves = list(pool.map(lambda r: _fetch(path, source, r[0], r[1], ops, techs), [(after, mid), (mid, upto)]))
        parts = halves[0] + halves[1]
    else:
        parts = _fetch(db, source, after, upto, ops, techs)
    if not parts:
        return None
    a = np.concatenate(parts)
    k1, k2 = a[:, 2].astype(np.int64), a[:, 3].astype(np.int64)
    out = {"lat": a[:, 0], "lon": a[:, 1], "op": k1 // 4096, "tech": (k1 % 4096) // 2, "flag": k1 % 2,
           "sess": k2 // 65536, "unit": k2 % 65536, "epoch": a[:, 4].astype(np.int64),
           "v1": a[:, 5].astype(np.int64), "v2": a[:, 6].astype(np.int64)}
    out["ops"], out["techs"] = [""] + ops, [""] + techs
    return out


def _aggregate(a: dict, source: str, index: UnitIndex, db) -> list[tuple]:
    """Partition rows (PARTITION_COLUMNS order) of one batch of samples, for both resolutions."""
    sessions, units = sql.rowid_maps(db)
    sess_ids = np.array([""] + [sessions.get(k, "") for k in range(1, max(sessions, default=0) + 1)], dtype=object)
    recorded = np.array([index.code_index(units.get(int(k), "")) if k else 0 for k in range(max(units, default=0) + 1)])
    day = (a["epoch"] + VN_OFFSET_S) // 86400
    signal = source == "signal_readings"
    if not signal:   # failed tests add nothing; the watermark still moves past them
        keep = a["flag"] == 1
        a = {k: (v[keep] if isinstance(v, np.ndarray) else v) for k, v in a.items()}
        day = day[keep]
    out = []
    fine = cells_of(a["lat"], a["lon"], max(RESOLUTIONS))
    for res in RESOLUTIONS:
        cell = fine if res == max(RESOLUTIONS) else parents(fine, res)
        unit = index.locate(a["lon"], a["lat"], cell, res, recorded[a["unit"]])
        keys = np.column_stack([cell, unit, a["op"], a["tech"], a["sess"], day])
        uniq, group = _groups(keys)
        n = len(uniq)
        count = np.bincount(group, minlength=n)
        flag = np.bincount(group, weights=a["flag"], minlength=n).astype(np.int64)
        newest = np.full(n, np.iinfo(np.int64).min)
        np.maximum.at(newest, group, a["epoch"])
        hists = {}
        for metric, col in zip(("rsrp", "sinr") if signal else ("down", "up"), ("v1", "v2")):
            ok = a[col] != hg.MISSING
            hists[metric] = _split(*hg.grouped(group[ok], a[col][ok]), n)
        for g in range(n):
            cl, un, op, te, se, dy = uniq[g].tolist()
            h = {m: hists[m][g] if m in hists else None for m in hg.METRICS}
            out.append((res, cl, index.codes[un], a["ops"][op], a["techs"][te], sess_ids[se] if se < len(sess_ids)
                        else "", dy, int(count[g]) if signal else 0, int(flag[g]) if signal else 0,
                        0 if signal else int(count[g]), int(newest[g]), h["rsrp"], h["sinr"], h["down"], h["up"]))
    return out


def _groups(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of an int64 matrix and each row's group (np.unique(axis=0) without its slow void sort)."""
    if len(keys) == 0:
        return keys, np.zeros(0, dtype=np.int64)
    order = np.lexsort(keys.T[::-1])
    s = keys[order]
    new = np.ones(len(s), dtype=bool)
    new[1:] = (s[1:] != s[:-1]).any(axis=1)
    group = np.empty(len(s), dtype=np.int64)
    group[order] = np.cumsum(new) - 1
    return s[new], group


def _split(groups, bins, counts, n: int) -> list[bytes | None]:
    """Blob per group (None where a group has no value)."""
    out: list[bytes | None] = [None] * n
    if len(groups) == 0:
        return out
    starts = np.flatnonzero(np.concatenate([[True], groups[1:] != groups[:-1]]))
    ends = np.concatenate([starts[1:], [len(groups)]])
    for s, e in zip(starts.tolist(), ends.tolist()):
        out[int(groups[s])] = hg.encode(bins[s:e], counts[s:e])
    return out


def _add(a: tuple, b: tuple) -> tuple:
    """Two partition value tuples (readings, no_service, tests, newest, 4 blobs) added."""
    blobs = [hg.encode(*hg.merge([hg.decode(x), hg.decode(y)])) if x and y else (x or y)
             for x, y in zip(a[4:], b[4:])]
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], max(a[3], b[3]), *blobs)


def _combine(partials: list[list[tuple]]) -> dict[tuple, tuple]:
    """Partition key -> values, readings and tests of the same partition added."""
    out: dict[tuple, tuple] = {}
    for rows in partials:
        for row in rows:
            key, vals = row[:7], row[7:]
            out[key] = _add(out[key], vals) if key in out else vals
    return out


def _store(db, rows: dict[tuple, tuple]) -> int:
    """Add the new partition values to the stored ones."""
    fresh = sql.partition_count(db) == 0
    batch = []
    for key, vals in rows.items():
        if not fresh:
            old = sql.get_partition(db, key)
            if old is not None:
                vals = _add(tuple(old), vals)
        batch.append(key + tuple(vals))
    sql.put_partitions(db, batch)
    return len(batch)
