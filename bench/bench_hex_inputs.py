"""What the hexagon inputs (migration 0010's triggers) cost a reading's insert, against a tree without them.

    .venv/bin/python bench/bench_hex_inputs.py --baseline f64d185 [--readings 200000] [--single 500] [--repeat 3]

Each run, in a process of its own with a fresh data folder: `--readings` walked readings written in bulk (the
benchmarks' loader: one transaction per session of 13,000, indexes rebuilt at the end), then `--single` readings
one per transaction through storage.signal.insert_readings (the recorder's path). Wall and CPU per reading.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_coverage import _tree  # noqa: E402  (a commit's survey_app in a temporary folder)

STEP = """
import json, shutil, sys, tempfile, time
from pathlib import Path
from survey_app.storage.db import open_db           # the tree on PYTHONPATH, before bench/ joins sys.path
from survey_app.storage.signal import insert_readings
sys.path.insert(1, sys.argv[1])
from bench_coverage import walked_readings           # (runner gives the folder the benchmarks' fixed key)
home = Path(tempfile.mkdtemp(prefix="bench-hex-inputs-"))
db = open_db(home / "survey.db")

def timed(f, n):
    w, c = time.perf_counter(), time.process_time()
    f()
    return {"wall_us": (time.perf_counter() - w) / n * 1e6, "cpu_us": (time.process_time() - c) / n * 1e6}

n, single = int(sys.argv[2]), int(sys.argv[3])
out = {"bulk": timed(lambda: walked_readings(db, n, per_session=13_000), n)}
cols = [d[0] for d in db.execute("SELECT * FROM signal_readings LIMIT 0").description]
row = dict(zip(cols, db.execute("SELECT * FROM signal_readings LIMIT 1").fetchone()))
out["single"] = timed(lambda: [insert_readings(db, [dict(row, id=f"one-{i}", lat=row["lat"] + i * 1e-6)])
                               for i in range(single)], single)
db.close()
shutil.rmtree(home)
print(json.dumps(out))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", metavar="GIT_REF", required=True)
    ap.add_argument("--readings", type=int, default=200_000)
    ap.add_argument("--single", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    trees = {"baseline": _tree(args.baseline), "ours": ROOT}
    runs: dict[str, list] = {k: [] for k in trees}
    print(f"load before: {os.getloadavg()}", flush=True)
    for i in range(args.repeat):          # interleaved
        for name, tree in trees.items():
            run = subprocess.run([sys.executable, "-P", "-c", STEP, str(ROOT / "bench"), str(args.readings),
                                  str(args.single)], env=dict(os.environ, PYTHONPATH=str(tree)),
                                 capture_output=True, text=True, check=True)
            r = json.loads(run.stdout.strip().splitlines()[-1])
            runs[name].append(r)
            print(f"{name:8s} run {i + 1}: bulk {r['bulk']['wall_us']:.1f} us wall / {r['bulk']['cpu_us']:.1f} us CPU "
                  f"per reading; one per transaction {r['single']['wall_us']:.0f} us / {r['single']['cpu_us']:.0f} us "
                  f"(load {os.getloadavg()[0]:.1f})", flush=True)
    for name, rs in runs.items():
        med = {k: {m: statistics.median(r[k][m] for r in rs) for m in ("wall_us", "cpu_us")} for k in ("bulk", "single")}
        print(f"{name}: median bulk {med['bulk']['wall_us']:.1f} / {med['bulk']['cpu_us']:.1f} us, one per "
              f"transaction {med['single']['wall_us']:.0f} / {med['single']['cpu_us']:.0f} us (wall / CPU)", flush=True)
    print(f"load after: {os.getloadavg()}", flush=True)
    shutil.rmtree(trees["baseline"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
