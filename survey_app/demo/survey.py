"""`survey-app demo-data`: a realistic synthetic survey of the 40 units, fast enough for census scale.

Bulk load: numpy draws per block of sessions, rows built with zip() over column lists, executemany in big
transactions with relaxed durability (synchronous=OFF) and foreign-key checks off while loading
(the generator makes the references consistent itself).
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from importlib import resources
from itertools import repeat
from typing import Iterator

import numpy as np
import sqlite_utils

from survey_app.demo import households as dh
from survey_app.demo import observations as do
from survey_app.demo.values import area_class, iso, names, uuids
from survey_app.storage import bulk
from survey_app.storage.forms import current_version
from survey_app.storage.records import CODE_SET, RecordContext
from survey_app.storage.units import list_units

BLOCK_ROWS = 100_000
ROW_COST = {"households": 4, "speed_tests": 40}   # a household writes its members; a speed test builds a passport
SURVEY_START_MS = int(np.datetime64("2026-03-02T00:00:00", "ms").astype("int64"))
SURVEY_DAYS = 90
STATUS_P = (("open", 0.04), ("closed", 0.31), ("approved", 0.60), ("rejected", 0.05))
CLASS_WEIGHT = {"ward": 3.0, "commune": 1.6, "mountain": 0.8}


@dataclass
class DemoSpec:
    """How much to make."""

    households: int = 3000
    readings: int = 20_000
    speedtests: int = 500
    seed: int | None = None
    households_per_session: int = 30


@dataclass
class DemoProgress:
    """One step of the load: what table, rows done of total."""

    stage: str
    done: int
    total: int


@dataclass
class DemoResult:
    """Row counts written and time taken."""

    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def household_form_version(db: sqlite_utils.Database) -> str:
    """The version of the household form: imported in the database, else shipped, else 2026.1."""
    try:
        version = current_version(db, "household")
        if version:
            return version
    except Exception:  # forms table missing in an odd database: fall through
        pass
    try:
        folder = resources.files("survey_app.data").joinpath("forms")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".json") and "household" in entry.name:
                data = json.loads(entry.read_text(encoding="utf-8"))
                if data.get("version"):
                    return str(data["version"])
    except (OSError, ValueError, AttributeError, TypeError):
        pass
    return "2026.1"


def _id_source(db, rng, salt):
    """A function n -> n fresh UUIDs, starting after every row already in the database."""
    start = [1_767_225_600_000 + sum(bulk.count_rows(db, t) for t in
                                     ("sessions", "households", "members", "signal_readings", "speed_tests"))]

    def take(n: int) -> list[str]:
        out = uuids(rng, n, start[0], salt)
        start[0] += n
        return out
    return take


def generate(db: sqlite_utils.Database, spec: DemoSpec, ctx: RecordContext,
             cancel: threading.Event | None = None, *, block_rows: int = BLOCK_ROWS,
             defer_indexes: bool = True) -> Iterator[DemoProgress]:
    """Write the demo survey, yielding progress; returns a DemoResult (StopIteration value).

    Each block of `block_rows` rows is one transaction; `cancel` is checked between blocks, so a cancelled load
    keeps whole blocks. `defer_indexes=False` keeps the indexes live: nothing to rebuild after a cancel (what a
    load beside an open window wants); deferring them pays only for census-sized loads."""
    t0 = time.perf_counter()
    rng = np.random.default_rng(spec.seed)
    salt = hashlib.sha256(ctx.device_id.encode()).digest()
    take_ids = _id_source(db, rng, salt)
    try:  # the demo households refer to the built-in form: make sure this database has it
        from survey_app.storage.forms import ensure_builtin

        ensure_builtin(db, ctx)
    except ImportError:
        pass
    units = [(u.code, u.kind, u.inside_lon, u.inside_lat, *u.bbox)
             for u in sorted(list_units(db), key=lambda u: u.code)]
    n_sess = max(1, -(-spec.households // spec.households_per_session), -(-spec.readings // 250),
                 -(-spec.speedtests // 6))
    counts: dict[str, int] = {}
    with bulk.unchecked_writes(db):
        deferred = _defer_indexes(db) if defer_indexes else []
        try:
            with bulk.transaction(db):
                sess = _sessions(db, rng, units, n_sess, ctx, take_ids)
            counts["sessions"] = n_sess
            yield DemoProgress("sessions", n_sess, n_sess)
            weight = sess["dur"] / sess["dur"].sum()
            for table, total in (("households", spec.households), ("signal_readings", spec.readings),
                                 ("speed_tests", spec.speedtests)):
                per_sess = rng.multinomial(total, weight) if total else np.zeros(n_sess, dtype=np.int64)
                size = max(1, block_rows // ROW_COST.get(table, 1))
                done = yield from _write_blocks(db, rng, sess, table, per_sess, take_ids, cancel, counts, size)
                if not done:
                    return DemoResult(counts, time.perf_counter() - t0)
            if deferred:
                yield DemoProgress("indexes", 0, len(deferred))
        finally:
            bulk.rebuild(db, deferred)   # always rebuilt, also after an error or a cancel
    return DemoResult(counts, time.perf_counter() - t0)


def _write_blocks(db, rng, sess, table, per_sess, take_ids, cancel, counts, size) -> Iterator[DemoProgress]:
    """One table's rows in blocks of one transaction each; returns False when cancelled."""
    total = int(per_sess.sum())
    done = members = 0
    for a, b in _blocks(per_sess, size):
        if cancel is not None and cancel.is_set():
            return False
        c = per_sess[a:b]
        with bulk.transaction(db):
            if table == "households":
                members += _write_households(db, rng, sess, a, c, take_ids)
            else:
                gap = rng.random(len(c)) < 0.04
                s, t = do.spread_times(rng, sess["start"][a:b], sess["dur"][a:b], c, gap)
                fn, cols = ((do.readings, do.READING_COLUMNS) if table == "signal_readings"
                            else (do.speed_tests, do.SPEED_COLUMNS))
                bulk.insert_rows(db, table, cols, fn(rng, sess, s + a, t, take_ids(len(s))))
        done += int(c.sum())
        yield DemoProgress(table, done, total)
    counts[table] = done
    if table == "households":
        counts["members"] = members
    return True


BULK_TABLES = ("households", "members", "signal_readings", "speed_tests")


def _defer_indexes(db) -> list[str]:
    """Drop the secondary indexes of bulk tables that are still empty; returns the SQL to recreate them.
    Tables that already hold rows keep their indexes (rebuilding them would cost more than it saves)."""
    return [sql_text for table in BULK_TABLES if not bulk.has_rows(db, table)
            for sql_text in bulk.drop_secondary_indexes(db, table)]


def _blocks(per_sess: np.ndarray, size: int):
    """Session ranges [a, b) holding about `size` rows each (bounds memory: rows are Python tuples)."""
    a, acc = 0, 0
    for i, c in enumerate(per_sess.tolist()):
        acc += c
        if acc >= size:
            yield a, i + 1
            a, acc = i + 1, 0
    if a < len(per_sess) and acc:
        yield a, len(per_sess)


def _sessions(db, rng, units, n, ctx, take_ids) -> dict:
    """Sessions (and their teams and review decisions): every unit gets one before any gets a second."""
    cls = [area_class(u[0], u[1]) for u in units]
    w = np.array([CLASS_WEIGHT[c] for c in cls]) * rng.uniform(0.7, 1.3, len(units))
    first = rng.permutation(len(units))[:min(n, len(units))]
    ui = np.concatenate([first, rng.choice(len(units), size=max(0, n - len(first)), p=w / w.sum())])
    ui = np.sort(ui, kind="stable")
    arr = np.array([u[2:] for u in units], dtype=float)
    ilon, ilat, x0, y0, x1, y1 = (arr[ui, k] for k in range(6))
    clon = np.clip(ilon + rng.normal(0, 0.08, n) * (x1 - x0), x0 + 0.1 * (x1 - x0), x1 - 0.1 * (x1 - x0))
    clat = np.clip(ilat + rng.normal(0, 0.08, n) * (y1 - y0), y0 + 0.1 * (y1 - y0), y1 - 0.1 * (y1 - y0))
    day = rng.integers(0, SURVEY_DAYS, n)
    start = SURVEY_START_MS + day * 86_400_000 + 30 * 60_000 + rng.integers(0, 90 * 60_000, n)
    dur = rng.integers(6 * 3_600_000, 9 * 3_600_000, n).astype(float)
    team_k = rng.integers(1, 4, n)
    status = rng.choice([s for s, _p in STATUS_P], size=n, p=[p for _s, p in STATUS_P])
    unit_codes = [units[k][0] for k in ui.tolist()]
    # Team names, hamlets and comments are survey data (always Vietnamese), not interface text.
    team_names = [f"Đội {c}-{k}" for c, k in zip(unit_codes, team_k.tolist())]
    team_ids = _teams(db, ctx, sorted(set(team_names)), take_ids)
    people = names(rng, 2 * n)
    ids = take_ids(n)
    starts, ends = iso(start), iso(start + dur.astype("int64"))
    sv = [people[2 * i] for i in range(n)]
    rows = []
    for i in range(n):
        st = str(status[i])
        rows.append((ids[i], starts[i], ends[i] if st != "open" else starts[i], ctx.device_id, sv[i],
                     ctx.app_version, 1, "pending", unit_codes[i], CODE_SET, team_ids[team_names[i]], team_names[i],
                     json.dumps([people[2 * i], people[2 * i + 1]], ensure_ascii=False), starts[i],
                     None if st == "open" else ends[i], st, ""))
    cols = ("id", "created_at", "updated_at", "device_id", "surveyor", "app_version", "revision", "sync_state",
            "unit_code", "code_set", "team_id", "team_name", "surveyors", "started_at", "closed_at", "status", "notes")
    bulk.insert_rows(db, "sessions", cols, rows)
    decided = [i for i in range(n) if status[i] in ("approved", "rejected")]
    dec_ids = take_ids(len(decided))
    comment = {"approved": "Đã kiểm tra: đầy đủ.", "rejected": "Quá nhiều số đo không có vị trí."}
    bulk.insert_rows(db, "review_decisions", (
        "id", "created_at", "updated_at", "device_id", "surveyor", "app_version", "session_id", "decision",
        "comment", "reviewer", "decided_at"), [
        (dec_ids[j], ends[i], ends[i], ctx.device_id, "Giám sát", ctx.app_version, ids[i], str(status[i]),
         comment[str(status[i])], "Giám sát", ends[i]) for j, i in enumerate(decided)])
    kinds = [units[k][1] for k in ui.tolist()]
    return {
        "session_id": ids, "unit_code": unit_codes, "surveyor": sv, "start": start.astype(float), "dur": dur,
        "class_idx": np.array([{"ward": 0, "commune": 1, "mountain": 2}[cls[k]] for k in ui.tolist()]),
        "hamlet_prefix": ["Tổ dân phố " if k == "ward" else "Thôn " for k in kinds],
        "sig_offset": rng.normal(0, 4, n), "clon": clon, "clat": clat, "minlon": x0, "minlat": y0,
        "maxlon": x1, "maxlat": y1, "no_fix": rng.random(n) < 0.01,
        "device_rep": repeat(ctx.device_id), "app_version_rep": repeat(ctx.app_version), "one_rep": repeat(1),
        "pending_rep": repeat("pending"), "code_set_rep": repeat(CODE_SET), "maker_rep": repeat("Quectel"),
        "model_rep": repeat("EC25"), "device_id": ctx.device_id, "app_version": ctx.app_version,
        "form_version": household_form_version(db),
    }


def _teams(db, ctx, team_names, take_ids) -> dict[str, str]:
    ids = take_ids(len(team_names))
    now = "2026-03-01T00:00:00.000Z"
    bulk.insert_rows(db, "teams", ("id", "created_at", "updated_at", "device_id", "surveyor", "app_version", "name"),
                     [(i, now, now, ctx.device_id, "", ctx.app_version, t) for i, t in zip(ids, team_names)],
                     or_ignore=True)
    return bulk.lookup(db, "teams", "name", "id", team_names)


def _write_households(db, rng, sess, a, counts, take_ids) -> int:
    s_loc, start, end, dur = dh.household_times(rng, sess["start"][a:a + len(counts)],
                                                sess["dur"][a:a + len(counts)], counts)
    s = s_loc + a
    n = len(s)
    sl = s.tolist()
    lon = np.clip(sess["clon"][s] + rng.normal(0, 0.005, n), sess["minlon"][s], sess["maxlon"][s])
    lat = np.clip(sess["clat"][s] + rng.normal(0, 0.005, n), sess["minlat"][s], sess["maxlat"][s])
    acc = np.round(2.0 + rng.gamma(2.0, 3.0, n), 1)
    acc = np.where(rng.random(n) < 0.015, np.round(rng.uniform(60, 300, n), 1), acc)
    none = ((rng.random(n) < 0.01) | sess["no_fix"][s]).tolist()
    created = iso(start)
    b = {
        "class_idx": sess["class_idx"][s], "hamlet_prefix": [sess["hamlet_prefix"][k] for k in sl],
        "created": created, "ended": iso(end), "duration": dur.tolist(), "device": repeat(sess["device_id"]),
        "surveyor": [sess["surveyor"][k] for k in sl], "app_version": repeat(sess["app_version"]),
        "one": repeat(1), "pending": repeat("pending"), "session_id": [sess["session_id"][k] for k in sl],
        "unit_code": [sess["unit_code"][k] for k in sl], "code_set": repeat(CODE_SET),
        "form_id": repeat("household"), "form_version": repeat(sess["form_version"]),
        "lat": [None if x else v for v, x in zip(np.round(lat, 6).tolist(), none)],
        "lon": [None if x else v for v, x in zip(np.round(lon, 6).tolist(), none)],
        "pos_source": [None if x else "gps" for x in none],
        "accuracy": [None if x else v for v, x in zip(acc.tolist(), none)],
        "pos_at": [None if x else v for v, x in zip(created, none)],
    }
    rows, members = dh.households(rng, b, take_ids(n), take_ids)
    bulk.insert_rows(db, "households", dh.COLUMNS, rows)
    bulk.insert_rows(db, "members", dh.MEMBER_COLUMNS, members)
    return len(members)
