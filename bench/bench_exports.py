"""Benchmark: exporting 1,000,000 signal readings, against GDAL's ogr2ogr (GeoJSON) and sqlite3 -csv (CSV).

    .venv/bin/python bench/bench_exports.py [--home DIR] [--readings 1000000] [--repeat 2]

Makes the data with `survey-app demo-data` (unless the home already has it), then runs, in the same run and
interleaved, each tool `--repeat` times in its own process: our GeoJSON export vs `ogr2ogr -f GeoJSON -lco
RFC7946=YES` of the same columns and rows (a VRT over the same SQLite file, points from lon/lat), and our CSV
export vs `sqlite3 -csv -header` of the same columns. Reports the best wall time, CPU time and peak memory
(ru_maxrss of the process) of each, and the ratios the issue sets (GeoJSON <= 0.6x, CSV <= 1.5x, < 200 MB).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from survey_app.exports.layers import SIGNAL_READINGS  # noqa: E402

OURS = """
import sys
from pathlib import Path
from survey_app.exports.run import ExportOptions, run_export
for _ in run_export(sys.argv[1], ExportOptions(sys.argv[2], Path(sys.argv[3]), ("signal_readings",))):
    pass
"""


def timed(cmd: list[str], stdout=None) -> dict:
    """Run a command; its wall time, CPU time and peak resident memory (from wait4)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{cmd[0]} failed: {err}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "maxrss_mb": usage.ru_maxrss / 1024}


def make_data(home: Path, readings: int) -> Path:
    db = home / "survey.db"
    if db.exists():
        have = subprocess.run(["sqlite3", str(db), "SELECT count(*) FROM signal_readings"], capture_output=True,
                              text=True).stdout.strip()
        if have == str(readings):
            return db
        raise SystemExit(f"{db} holds {have} readings, not {readings}: use another --home")
    home.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "survey_app", "--home", str(home), "demo-data", "--readings",
                    str(readings), "--households", "3000", "--speedtests", "500", "--seed", "7", "--no-checks"],
                   check=True, stdout=subprocess.DEVNULL)
    print(f"demo-data: {readings} readings in {time.perf_counter() - t0:.0f} s", flush=True)
    return db


def source_columns() -> list[str]:
    """The stored columns behind our default (privacy-safe) signal_readings export, in the same order."""
    return [c.src for c in SIGNAL_READINGS.selected(include_personal=False)]


def vrt(db: Path, folder: Path) -> Path:
    cols = ", ".join(source_columns())
    path = folder / "signal_readings.vrt"
    path.write_text(f"""<OGRVRTDataSource>
  <OGRVRTLayer name="signal_readings">
    <SrcDataSource>{db}</SrcDataSource>
    <SrcSQL>SELECT {cols} FROM signal_readings ORDER BY rowid</SrcSQL>
    <GeometryType>wkbPoint</GeometryType>
    <LayerSRS>EPSG:4326</LayerSRS>
    <GeometryField encoding="PointFromColumns" x="lon" y="lat" reportSrcColumn="false"/>
  </OGRVRTLayer>
</OGRVRTDataSource>
""", encoding="utf-8")
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, help="home folder to make or reuse the data in (default: a temp folder)")
    ap.add_argument("--readings", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    for tool in ("ogr2ogr", "sqlite3"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed")
    home = args.home or Path(tempfile.mkdtemp(prefix="bench-exports-"))
    db = make_data(home, args.readings)
    work = Path(tempfile.mkdtemp(prefix="bench-exports-out-"))
    runs: dict[str, list[dict]] = {"ours_geojson": [], "ogr2ogr": [], "ours_csv": [], "sqlite3_csv": []}
    select = f"SELECT {', '.join(source_columns())} FROM signal_readings ORDER BY rowid"
    layer_vrt = vrt(db, work)
    try:
        for i in range(args.repeat):
            for name in ("ours_geojson", "ogr2ogr", "ours_csv", "sqlite3_csv"):
                out = work / name
                shutil.rmtree(out, ignore_errors=True)
                out.mkdir()
                if name.startswith("ours"):
                    fmt = name.split("_")[1]
                    r = timed([sys.executable, "-c", OURS, str(db), fmt, str(out)])
                    r["bytes"] = (out / f"signal_readings.{fmt}").stat().st_size
                    r["rows"] = json.loads((out / "manifest.json").read_text())["counts"]["signal_readings"]
                elif name == "ogr2ogr":
                    r = timed(["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", str(out / "sr.geojson"),
                               str(layer_vrt)])
                    r["bytes"] = (out / "sr.geojson").stat().st_size
                else:
                    with open(out / "sr.csv", "wb") as fh:
                        r = timed(["sqlite3", "-csv", "-header", str(db), select], stdout=fh)
                    r["bytes"] = (out / "sr.csv").stat().st_size
                runs[name].append(r)
                print(f"run {i + 1} {name:13s} wall {r['wall_s']:6.2f} s  cpu {r['cpu_s']:6.2f} s  "
                      f"peak {r['maxrss_mb']:6.1f} MB  {r['bytes'] / 1e6:7.1f} MB written", flush=True)
                shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    best = {k: {m: min(r[m] for r in v) for m in ("wall_s", "cpu_s", "maxrss_mb")} for k, v in runs.items()}
    summary = {
        "readings": args.readings,
        "best": best,
        "geojson_vs_ogr2ogr_wall": best["ours_geojson"]["wall_s"] / best["ogr2ogr"]["wall_s"],
        "geojson_vs_ogr2ogr_cpu": best["ours_geojson"]["cpu_s"] / best["ogr2ogr"]["cpu_s"],
        "csv_vs_sqlite3_wall": best["ours_csv"]["wall_s"] / best["sqlite3_csv"]["wall_s"],
        "csv_vs_sqlite3_cpu": best["ours_csv"]["cpu_s"] / best["sqlite3_csv"]["cpu_s"],
        "peak_memory_mb": max(r["maxrss_mb"] for k in ("ours_geojson", "ours_csv") for r in runs[k]),
        "runs": runs,
    }
    print(f"\nGeoJSON: ours {best['ours_geojson']['wall_s']:.2f} s vs ogr2ogr {best['ogr2ogr']['wall_s']:.2f} s "
          f"= {summary['geojson_vs_ogr2ogr_wall']:.2f}x wall ({summary['geojson_vs_ogr2ogr_cpu']:.2f}x CPU); "
          "target <= 0.6x")
    print(f"CSV:     ours {best['ours_csv']['wall_s']:.2f} s vs sqlite3 -csv {best['sqlite3_csv']['wall_s']:.2f} s "
          f"= {summary['csv_vs_sqlite3_wall']:.2f}x wall ({summary['csv_vs_sqlite3_cpu']:.2f}x CPU); target <= 1.5x")
    print(f"Peak memory of our exports: {summary['peak_memory_mb']:.0f} MB (target < 200 MB)")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))
    if not args.home:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
