"""Benchmark of issue 18: hexagon summaries (2M readings from scratch, 1,000 new ones), the map redraw with 10k
hexagons, and the GeoPackage export against ogr2ogr converting the same data from GeoJSON.

    .venv/bin/python bench/bench_coverage.py hexagons [--readings 2000000] [--scattered] [--home DIR]
        [--baseline GIT_REF [--baseline-home DIR]] [--repeat 3] [--modes rebuild,first,update]
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_coverage.py redraw
    .venv/bin/python bench/bench_coverage.py gpkg [--home DIR] [--households 300000] [--readings 2000000]

`hexagons` writes readings as survey teams take them (a modem polled every second along a walk, two operators
per session); `--scattered` uses the demo generator instead, whose readings are scattered at random around each
unit's centre (no two in the same place: the worst case for partitions).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from runner import timed  # noqa: E402  (also gives the kept data folders their fixed key)

BOUNDARIES = ROOT.parent / "shared" / "reference" / "hue_units_2025.geojson"


def walked_readings(db, n: int, seed: int = 5, per_session: int = 13_000) -> None:
    """n readings along 1 Hz walks (1.3 m/s), one session each per_session readings, in central Huế's units."""
    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import new_session
    from survey_app.storage.units import list_units

    rng = np.random.default_rng(seed)
    ctx = context_for(db, "Bench")
    units = [u for u in list_units(db) if u.kind == "ward"]
    row = ctx.stamp({})
    cols = list(row) + ["session_id", "unit_code", "code_set", "measured_at", "operator", "technology",
                        "registration", "rsrp_dbm", "sinr_db", "lat", "lon"]
    sql = f"INSERT INTO signal_readings ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    t0 = np.datetime64("2026-04-01T01:00:00")
    done = 0
    indexes = db.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'signal_readings' "
                         "AND sql IS NOT NULL").fetchall() if n > 50_000 else []
    for (ddl,) in indexes:   # a bulk load without index upkeep, rebuilt once at the end
        db.execute("DROP INDEX " + ddl.split()[2])
    while done < n:
        u = units[rng.integers(len(units))]
        s = new_session(db, ctx, unit_code=u.code, team="Tổ 1", surveyors=["Bench"])
        k = min(per_session, n - done)
        heading = np.cumsum(rng.normal(0, 0.15, k))
        step = 1.3 / 111_320
        lon = u.inside_lon + np.cumsum(np.cos(heading) * step / 0.96)
        lat = u.inside_lat + np.cumsum(np.sin(heading) * step)
        ops = np.where(np.arange(k) % 2 == 0, "Viettel", "VinaPhone")
        tech = np.where(rng.random(k) < 0.2, "NR-NSA", "LTE")
        rsrp = np.round(rng.normal(-92, 9, k), 0)
        sinr = np.round(rng.normal(12, 6, k), 1)
        times = (t0 + np.arange(k).astype("timedelta64[s]") + np.timedelta64(done, "s")).astype(str)
        base = tuple(row[c] for c in row)[1:]
        ids = [f"bench-{done + i}-{x}" for i, x in enumerate(rng.integers(0, 2**62, k).tolist())]
        stamps = [t + ".000Z" for t in times.tolist()]
        rows = ((i, *base, s.id, u.code, "VN-2025-07", t, o, te, "home", r, q, la, lo) for i, t, o, te, r, q, la, lo
                in zip(ids, stamps, ops.tolist(), tech.tolist(), rsrp.tolist(), sinr.tolist(), lat.tolist(),
                       lon.tolist()))
        db.conn.execute("BEGIN")
        db.conn.executemany(sql, rows)
        db.conn.execute("COMMIT")
        done += k
    for (ddl,) in indexes:
        db.execute(ddl)


def _load(db, scattered: bool, readings: int, seed: int, tests: int = 5000) -> None:
    """Add readings: 1 Hz walks, or the demo generator's scattered readings (with households and tests)."""
    if not scattered:
        walked_readings(db, readings, seed=seed, per_session=min(13_000, readings))
        return
    from survey_app.demo.survey import DemoSpec, generate
    from survey_app.storage.records import context_for

    spec = DemoSpec(households=max(30, readings // 700), readings=readings, speedtests=tests, seed=seed)
    for _p in generate(db, spec, context_for(db)):
        pass


def hexagon_data(args) -> Path:
    """The data folder of a run: made once (kept with --home), with the city's unit boundaries imported."""
    from survey_app.review.boundaries import import_geojson
    from survey_app.storage.db import open_db

    home = args.home or Path(tempfile.mkdtemp(prefix="bench-hex-"))
    path = home / "survey.db"
    if path.exists():
        return path
    home.mkdir(parents=True, exist_ok=True)
    db = open_db(path)
    t0 = time.perf_counter()
    if BOUNDARIES.exists():
        import_geojson(db, BOUNDARIES)
    _load(db, args.scattered, args.readings, seed=7 if args.scattered else 5)
    n = db.execute("SELECT count(*) FROM signal_readings").fetchone()[0]
    print(f"data: {n} readings in {time.perf_counter() - t0:.0f} s ({home})", flush=True)
    db.close()
    return path


# One timed summary step in a process of its own, for the code in the tree on PYTHONPATH (baseline or ours).
# rebuild: the summaries are there (the app's case: rows erased, boundaries changed); first: from an empty table;
# cold: first, with migration 0010's samples made again too (a database whose rows were never summarised);
# update: the process has already done an update (and seen new readings, so its caches are warm, as in the app),
# then rounds of 1,000 new readings written by another process (a recorder), each added by one timed update.
STEP = """
import hashlib, json, subprocess, sys, time
from survey_app.coverage.summaries import rebuild, update
from survey_app.storage.db import open_db
db = open_db(sys.argv[1])
what, rounds, add = sys.argv[2], int(sys.argv[3]), sys.argv[4:]

def timed(f):
    w, c = time.perf_counter(), time.process_time()   # process_time: every thread's CPU time
    r = f(db)
    return {"seconds": time.perf_counter() - w, "cpu": time.process_time() - c, "partitions_written": r.partitions,
            "stages": getattr(r, "stages", None)}

out = {}
if what == "update":
    update(db)
    subprocess.run(add + ["0"], check=True)
    out["cold"] = timed(update)          # the first update of a process: boundaries parsed, caches filled
    out["runs"] = []
    for k in range(rounds):
        subprocess.run(add + [str(k + 1)], check=True)
        out["runs"].append(timed(update))
else:
    if what in ("first", "cold"):   # cold: the samples of migration 0010 made again too (if the tree has them)
        with db.conn:
            db.execute("DELETE FROM hex_partitions")
            db.execute("DELETE FROM hex_state")
            for t in ("hex_readings_in", "hex_tests_in", "hex_keys", "hex_inputs_state"):
                if what == "cold" and t in db.table_names():
                    db.execute(f"DELETE FROM {t}")
    out = timed(rebuild)
def digest():
    h = hashlib.sha256()
    for row in db.execute("SELECT * FROM hex_partitions ORDER BY res, cell, unit_code, operator, technology, "
                          "session_id, day"):
        h.update(repr(tuple(row)).encode())
    return h.hexdigest()

rows = db.execute("SELECT count(*), total(readings), total(tests) FROM hex_partitions").fetchone()
out.update(partitions=rows[0], readings=rows[1], tests=rows[2], sha256=digest())
if what == "update":   # incremental == a full recount (sessions get new ids per run: compare within this run)
    rebuild(db)
    out["recount_same"] = digest() == out["sha256"]
print(json.dumps(out))
"""
ADD = """
import sys
sys.path.insert(0, sys.argv[1])
from bench_coverage import _load
from survey_app.storage.db import open_db
_load(open_db(sys.argv[2]), sys.argv[3] == "1", 1000, int(sys.argv[4]) * 1000 + int(sys.argv[5]), tests=20)
"""


def _tree(ref: str) -> Path:
    """survey_app as it is at a git commit, unpacked in a temporary folder (the same run's baseline)."""
    out = Path(tempfile.mkdtemp(prefix="bench-hex-base-"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "survey_app"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out


def _step(tree: Path, db: Path, what: str, args, seed: int = 0, rounds: int = 0) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree))
    add = [sys.executable, "-c", ADD, str(ROOT / "bench"), str(db), "1" if args.scattered else "0", str(seed)]
    # -P: the current folder must not come before the tree on sys.path (it would put our survey_app first)
    run = subprocess.run([sys.executable, "-P", "-c", STEP, str(db), what, str(rounds), *add], env=env,
                         capture_output=True, text=True)
    if run.returncode:
        # e.g. a baseline older than the data folder's schema cannot open it: make the data with the baseline
        raise SystemExit(f"{what} with {tree} failed:\n{run.stderr[-2000:]}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    result["load"] = os.getloadavg()[0]
    return result


def _stages(r: dict) -> str:
    return " ".join(f"{k} {v:.2f}" for k, v in (r.get("stages") or {}).items())


def _from_scratch(trees: dict, dbs: dict, args) -> None:
    for what in args.modes.split(","):
        if what == "update":
            continue
        runs: dict[str, list] = {k: [] for k in trees}
        for i in range(args.repeat):       # interleaved: baseline, ours, baseline, ours ...
            for name, tree in trees.items():
                r = _step(tree, dbs[name], what, args)
                runs[name].append(r)
                print(f"{what} {name:8s} run {i + 1}: {r['seconds']:6.2f} s wall, {r['cpu']:5.2f} s CPU, "
                      f"{r['partitions']} partitions ({r['partitions_written']} written), {r['readings']:.0f} "
                      f"readings, {r['tests']:.0f} tests, sha256 {r['sha256'][:12]} (load {r['load']:.1f}) "
                      f"{_stages(r)}", flush=True)
        for name, rs in runs.items():
            print(f"{what} {name}: median {statistics.median(r['seconds'] for r in rs):.2f} s wall, "
                  f"{statistics.median(r['cpu'] for r in rs):.2f} s CPU", flush=True)
        print(f"{what}: the same stored partitions (sha256) in every run:",
              len({r["sha256"] for rs in runs.values() for r in rs}) == 1, flush=True)


def _updates(trees: dict, dbs: dict, args) -> None:
    for name, tree in trees.items():
        db = dbs[name]
        copy = Path(tempfile.mkdtemp(prefix="bench-hex-update-"))   # the kept data stays as it was
        shutil.copytree(db.parent, copy, dirs_exist_ok=True)
        r = _step(tree, copy / db.name, "update", args, seed=7, rounds=args.repeat + 2)
        wall, cpu = [x["seconds"] for x in r["runs"]], [x["cpu"] for x in r["runs"]]
        print(f"1,000 new readings {name}: median {statistics.median(wall):.3f} s wall, max {max(wall):.3f}, "
              f"{statistics.median(cpu):.3f} s CPU (runs {[round(t, 3) for t in wall]}; the process's first "
              f"update {r['cold']['seconds']:.3f} s, {r['cold']['cpu']:.3f} s CPU; load {r['load']:.1f}); "
              f"then a full recount gives the same partitions: {r['recount_same']} "
              f"{_stages(r['runs'][len(wall) // 2])}", flush=True)
        shutil.rmtree(copy)


def bench_hexagons(args) -> None:
    db = hexagon_data(args)
    trees = {"ours": ROOT}
    if args.baseline:
        trees = {"baseline": _tree(args.baseline), "ours": ROOT}
    # the baseline may read a data folder of its own: one that our tree has not migrated (--baseline-home)
    dbs = {"ours": db, "baseline": args.baseline_home / db.name if args.baseline_home else db}
    print(f"load before: {os.getloadavg()}", flush=True)
    _from_scratch(trees, dbs, args)
    if "update" in args.modes.split(","):
        _updates(trees, dbs, args)
    print(f"load after: {os.getloadavg()}", flush=True)
    for tree in trees.values():
        if tree != ROOT:
            shutil.rmtree(tree)


def bench_redraw(args) -> None:
    import h3
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication

    from survey_app.coverage.cells import hexagon
    from survey_app.qt.widgets.review_map import ReviewMap, project, ramp

    app = QApplication.instance() or QApplication([])
    centre = h3.api.numpy_int.latlng_to_cell(16.463, 107.59, 9)
    cells = h3.api.numpy_int.grid_disk(centre, 57).tolist()[:10_000]
    rng = np.random.default_rng(1)
    shapes = [([[hexagon(c)]], ramp(float(v), "rsrp")) for c, v in zip(cells, rng.normal(-95, 12, len(cells)))]
    view = ReviewMap()
    view.resize(1366, 640)
    view.show()
    t0 = time.perf_counter()
    view.set_hexagons(shapes, "RSRP", [(QColor(0, 0, 0), "x")])
    build = time.perf_counter() - t0
    # the unit's zoom: the 10k hexagons (about 8 km across, like Phú Xuân ward) fill the view
    rect = view.scene().itemsBoundingRect()
    from PySide6.QtCore import Qt

    view.fitInView(rect, Qt.KeepAspectRatio)
    view.centerOn(*project(107.59, 16.463))
    app.processEvents()
    from survey_app.qt.widgets.map_layers import HexagonsItem

    item = next(i for i in view.scene().items() if isinstance(i, HexagonsItem))
    times, zooms, sharp = [], [], []
    for k in range(args.repeat * 10):
        t = time.perf_counter()
        view.viewport().repaint()          # a redraw at the same zoom (pan, new point, scale bar)
        times.append(time.perf_counter() - t)
        if k % 5 == 4:                     # a zoom step, then its first paint
            view.scale(1.25 if k % 10 == 4 else 0.8, 1.25 if k % 10 == 4 else 0.8)
            t = time.perf_counter()
            view.viewport().repaint()
            zooms.append(time.perf_counter() - t)
            item.sharpen()                 # what the wheel's rest timer does: the polygons at the new zoom
            t = time.perf_counter()
            view.viewport().repaint()
            sharp.append(time.perf_counter() - t)
    ms = [round(z * 1000) for z in zooms]
    print(f"{view.hexagon_count()} hexagons: layer built in {build * 1000:.0f} ms; redraw median "
          f"{statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms over {len(times)} repaints; "
          f"first paint after a zoom step median {statistics.median(zooms) * 1000:.1f} ms, max {max(ms)} ms "
          f"(runs {ms}; previews {item.preview_paints}); the polygons at the new zoom (after the wheel rests) "
          f"median {statistics.median(sharp) * 1000:.0f} ms, max {max(sharp) * 1000:.0f} ms; "
          f"at {view.viewport().width()}x{view.viewport().height()}", flush=True)


OURS_GPKG = """
import sys
from pathlib import Path
from survey_app.exports.gpkg import run_gpkg_export
from survey_app.exports.run import ExportOptions
opts = ExportOptions("gpkg", Path(sys.argv[2]).parent, ("households", "signal_readings"))
for _ in run_gpkg_export(sys.argv[1], opts, Path(sys.argv[2])):
    pass
"""
OURS_GEOJSON = """
import sys
from pathlib import Path
from survey_app.exports.run import ExportOptions, run_export
for _ in run_export(sys.argv[1], ExportOptions("geojson", Path(sys.argv[2]), ("households", "signal_readings"))):
    pass
"""


def bench_gpkg(args) -> None:
    home = args.home or Path(tempfile.mkdtemp(prefix="bench-gpkg-"))
    db = home / "survey.db"
    if not db.exists():
        home.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "survey_app", "--home", str(home), "demo-data", "--households",
                        str(args.households), "--readings", str(args.readings), "--speedtests", "500", "--seed", "7",
                        "--no-checks"], check=True, stdout=subprocess.DEVNULL)
        print(f"demo-data: {time.perf_counter() - t0:.0f} s", flush=True)
    work = Path(tempfile.mkdtemp(prefix="bench-gpkg-out-"))
    gj = work / "geojson"
    gj.mkdir()
    subprocess.run([sys.executable, "-c", OURS_GEOJSON, str(db), str(gj)], check=True)
    runs: dict[str, list] = {"ours": [], "ogr2ogr": []}
    for i in range(args.repeat):
        out = work / "ours.gpkg"
        out.unlink(missing_ok=True)
        runs["ours"].append(timed([sys.executable, "-c", OURS_GPKG, str(db), str(out)]))
        ref = work / "ogr.gpkg"
        ref.unlink(missing_ok=True)
        t0 = time.perf_counter()
        a = timed(["ogr2ogr", "-f", "GPKG", str(ref), str(gj / "households.geojson")])
        b = timed(["ogr2ogr", "-f", "GPKG", "-update", str(ref), str(gj / "signal_readings.geojson")])
        runs["ogr2ogr"].append({"wall_s": time.perf_counter() - t0, "cpu_s": a["cpu_s"] + b["cpu_s"],
                                "maxrss_mb": max(a["maxrss_mb"], b["maxrss_mb"])})
        for name in runs:
            r = runs[name][-1]
            print(f"run {i + 1} {name:8s} wall {r['wall_s']:6.2f} s cpu {r['cpu_s']:6.2f} s peak "
                  f"{r['maxrss_mb']:6.1f} MB", flush=True)
        print(f"  sizes: ours {out.stat().st_size / 1e6:.0f} MB, ogr2ogr {ref.stat().st_size / 1e6:.0f} MB", flush=True)
    ours, ogr = (min(r["wall_s"] for r in runs[k]) for k in ("ours", "ogr2ogr"))
    print(f"GeoPackage: ours {ours:.2f} s vs ogr2ogr {ogr:.2f} s: {ours / ogr:.2f}x (goal < 1.5x)")
    subprocess.run(["rm", "-rf", str(work)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["hexagons", "redraw", "gpkg"])
    ap.add_argument("--readings", type=int, default=2_000_000)
    ap.add_argument("--households", type=int, default=300_000)
    ap.add_argument("--scattered", action="store_true")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--home", type=Path)
    ap.add_argument("--baseline", metavar="GIT_REF", help="time this commit's survey_app too, interleaved")
    ap.add_argument("--baseline-home", type=Path, help="the baseline's own copy of the data folder (one our tree has "
                    "not migrated); default --home")
    ap.add_argument("--modes", default="rebuild,first,update", help="hexagons: steps, comma-separated (also cold)")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    {"hexagons": bench_hexagons, "redraw": bench_redraw, "gpkg": bench_gpkg}[args.what](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
