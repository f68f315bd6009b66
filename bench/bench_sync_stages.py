"""The sync client's stages in one process over a laptop made by bench_sync.py, CPU per record by fifth of the
table (issue 20: does the cost per record grow with size?). No network, no receiver.

    SURVEY_APP_DB_KEY=<the run's key> .venv/bin/python bench/bench_sync_stages.py /tmp/sync/w1m/laptop-1000000 \
        [--mark-copy /tmp/sync/mark]

Read only over HOME: outbox page render (SQLite json_object, as bytes), batch build + gzip body, answer parse +
check. With --mark-copy the laptop is copied there and every reading marked accepted as the marker thread does
(batches of 500 by rowid, one commit each); the copy is removed afterwards.
"""
from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from survey_app.storage import sync as store
from survey_app.storage.db import connect
from survey_app.sync.batches import BatchBuilder, check_answer

TABLE = "signal_readings"


def _fifths(n_all: int, step) -> list[dict[str, float]]:
    """Run `step(acc)` until it returns 0 records; per fifth of n_all, the µs per record of each key of acc."""
    acc: dict[str, float] = {}
    out, done = [], 0
    while n := step(acc):
        done += n
        if done >= (len(out) + 1) * n_all / 5:
            out.append({k: round(v / (n_all / 5) * 1e6, 2) for k, v in acc.items()})
            acc.clear()
    return out


def stages(home: Path, size: int = 500) -> list[dict[str, float]]:
    """CPU per record of the client's stages, by fifth (`size` records per outbox page and batch)."""
    db = connect(home / "survey.db")
    n_all = db.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]
    builder, state = BatchBuilder(size, 1 << 20), {"after": 0}
    clock = time.process_time

    def step(acc):
        t = clock()
        page = store.outbox_page(db, TABLE, state["after"], size)
        acc["render"] = acc.get("render", 0.0) + clock() - t
        if not page:
            return 0
        state["after"] = page[-1][0]
        t, full = clock(), []
        for rowid, rid, rev, text in page:
            if (batch := builder.add(TABLE, rid, rev, text, rowid)) is not None:
                batch.body("bench", 1, 1)
                full.append(batch)
        if len(page) < size and (last := builder.flush()) is not None:  # the table's last page
            last.body("bench", 1, 1)
            full.append(last)
        acc["build+gzip"] = acc.get("build+gzip", 0.0) + clock() - t
        for batch in full:
            answer = json.dumps({"batch_id": batch.batch_id, "rejected": [], "accepted": [
                {"table": t, "id": i, "revision": r} for t, i, r, _p in batch.table_parts]}).encode()
            t = clock()
            check_answer(batch, json.loads(answer))
            acc["answer"] = acc.get("answer", 0.0) + clock() - t
        return len(page)

    try:
        return _fifths(n_all, step)
    finally:
        db.close()


def marking(home: Path, copy: Path, size: int = 500) -> list[dict[str, float]]:
    """CPU per record of marking every reading accepted on a copy of `home`, `size` per commit, by fifth."""
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(home, copy)
    db = connect(copy / "survey.db")
    try:
        rows = db.execute(f"SELECT rowid, id, revision FROM {TABLE} ORDER BY rowid").fetchall()
        batches = iter([rows[i:i + size] for i in range(0, len(rows), size)])

        def step(acc):
            chunk = next(batches, None)
            if chunk is None:
                return 0
            t = time.process_time()
            store.mark_accepted(db, TABLE, [(r[1], r[2], r[0]) for r in chunk])
            acc["mark"] = acc.get("mark", 0.0) + time.process_time() - t
            return len(chunk)

        return _fifths(len(rows), step)
    finally:
        db.close()
        shutil.rmtree(copy, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("home", type=Path, help="a laptop's data folder (bench_sync.py --reuse-data keeps one)")
    ap.add_argument("--mark-copy", type=Path, help="also time marking, on a copy made here")
    args = ap.parse_args()
    result = {"stages_us_per_record_by_fifth": stages(args.home)}
    if args.mark_copy:
        result["marking_us_per_record_by_fifth"] = marking(args.home, args.mark_copy)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
