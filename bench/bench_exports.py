"""Benchmark: exporting N signal readings, against GDAL's ogr2ogr (GeoJSON, GeoPackage) and sqlite3 -csv (CSV).

    nice -n 5 .venv/bin/python bench/bench_exports.py [--work DIR] [--sizes 300000] [--repeat 2]

Makes the data with `survey-app demo-data` (once per size, kept in --work), then runs, in the same run and
interleaved, each tool `--repeat` times in its own process: our GeoJSON export vs `ogr2ogr -f GeoJSON -lco
RFC7946=YES` of the same columns and rows (a VRT over the same SQLite rows, points from lon/lat), our CSV export
vs `sqlite3 -csv -header` of the same columns, and our GeoPackage export vs `ogr2ogr -f GPKG` of the same VRT.
Ours reads the encrypted database (as the app does); the anchors, which cannot open SQLCipher, read a plain copy
of it made for the run. Reports the best wall time, CPU time and peak memory (ru_maxrss of the process) of each,
and the ratios the issue sets (GeoJSON <= 0.5x wall and <= 1x CPU, CSV <= 1x, GeoPackage <= 1x).
Results: bench/results/exports.json (bench/plot.py draws them).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from runner import demo_home, load, save, timed  # noqa: E402

from survey_app.exports.layers import SIGNAL_READINGS  # noqa: E402

OURS = """
import sys
from pathlib import Path
from survey_app.exports.run import ExportOptions, run_export
for _ in run_export(sys.argv[1], ExportOptions(sys.argv[2], Path(sys.argv[3]), ("signal_readings",))):
    pass
"""
OURS_GPKG = """
import sys
from pathlib import Path
from survey_app.exports.gpkg import run_gpkg_export
from survey_app.exports.run import ExportOptions
out = Path(sys.argv[3]) / "signal_readings.gpkg"
for _ in run_gpkg_export(sys.argv[1], ExportOptions("gpkg", out.parent, ("signal_readings",)), out):
    pass
"""
TOOLS = ("ours_geojson", "ogr2ogr_geojson", "ours_csv", "sqlite3_csv", "ours_gpkg", "ogr2ogr_gpkg")
PAIRS = tuple((f"{who}_{fmt}", anchor) for fmt, anchor in (("geojson", "ogr2ogr_geojson"), ("csv", "sqlite3_csv"),
                                                           ("gpkg", "ogr2ogr_gpkg")) for who in ("ours", "base")
              ) + tuple((f"ours_{fmt}", f"base_{fmt}") for fmt in ("geojson", "csv", "gpkg"))


def plain_copy(db: Path, out: Path) -> Path:
    """A plain (unencrypted) SQLite copy of the encrypted database, for the tools that cannot read SQLCipher."""
    from survey_app.storage.driver import connect_file

    if not out.exists():
        conn = connect_file(db)
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", [str(out)])
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
        conn.close()
    return out


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


def run_tool(name: str, db: Path, plain: Path, layer_vrt: Path, select: str, out: Path,
             baseline: Path | None = None) -> dict:
    """One run of one tool into the empty folder `out`: its times, memory and bytes written ("base_*": our
    export from the `baseline` source tree)."""
    env = {"PYTHONPATH": str(baseline)} if name.startswith("base") else None
    if name in ("ours_gpkg", "base_gpkg"):
        r = timed([sys.executable, "-c", OURS_GPKG, str(db), "gpkg", str(out)], env=env)
        path = out / "signal_readings.gpkg"
    elif name.startswith(("ours", "base")):
        fmt = name.split("_")[1]
        r = timed([sys.executable, "-c", OURS, str(db), fmt, str(out)], env=env)
        path = out / f"signal_readings.{fmt}"
    elif name.startswith("ogr2ogr"):
        fmt, ext = ("GeoJSON", "geojson") if name.endswith("geojson") else ("GPKG", "gpkg")
        extra = ["-lco", "RFC7946=YES"] if ext == "geojson" else []
        r = timed(["ogr2ogr", "-f", fmt, *extra, str(out / f"sr.{ext}"), str(layer_vrt)])
        path = out / f"sr.{ext}"
    else:
        with open(out / "sr.csv", "wb") as fh:
            r = timed(["sqlite3", "-csv", "-header", str(plain), select], stdout=fh)
        path = out / "sr.csv"
    r.pop("stdout", None)
    r["bytes"], r["sha256"] = path.stat().st_size, _digest(path)
    return r


def _digest(path: Path) -> str:
    import hashlib

    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def one_size(work: Path, readings: int, repeat: int, households: int = 3000, speedtests: int = 500,
             tools: tuple[str, ...] = TOOLS, baseline: Path | None = None) -> dict:
    home = demo_home(work, readings, households=households, speedtests=speedtests)
    db = home / "survey.db"
    plain = plain_copy(db, home / "plain.db")
    out_root = Path(tempfile.mkdtemp(prefix="bench-exports-out-"))
    runs: dict[str, list[dict]] = {name: [] for name in tools}
    select = f"SELECT {', '.join(source_columns())} FROM signal_readings ORDER BY rowid"
    layer_vrt = vrt(plain, out_root)
    try:
        for i in range(repeat):
            for name in tools:
                out = out_root / name
                shutil.rmtree(out, ignore_errors=True)
                out.mkdir()
                r = run_tool(name, db, plain, layer_vrt, select, out, baseline)
                runs[name].append(r)
                print(f"{readings} run {i + 1} {name:16s} wall {r['wall_s']:6.2f} s  cpu {r['cpu_s']:6.2f} s  "
                      f"peak {r['maxrss_mb']:6.1f} MB  {r['bytes'] / 1e6:7.1f} MB written", flush=True)
                shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(out_root, ignore_errors=True)
    best = {k: {m: min(r[m] for r in v) for m in ("wall_s", "cpu_s", "maxrss_mb")} for k, v in runs.items()}
    ratio = {f"{ours}_vs_{anchor}_{m}": round(best[ours][m] / best[anchor][m], 3)
             for ours, anchor in PAIRS if ours in best and anchor in best for m in ("wall_s", "cpu_s")}
    for fmt in ("geojson", "csv"):    # the baseline writes the same bytes (GeoPackages carry their time)
        if f"base_{fmt}" in runs:
            ratio[f"ours_{fmt}_same_bytes_as_base"] = {r["sha256"] for r in runs[f"ours_{fmt}"] + runs[f"base_{fmt}"]
                                                       } == {runs[f"ours_{fmt}"][0]["sha256"]}
    return {"readings": readings, "best": best, "ratios": ratio, "runs": runs}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, help="folder to make or reuse the data in (default: a temp folder)")
    ap.add_argument("--sizes", default="300000")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--formats", default="geojson,csv,gpkg", help="which of geojson,csv,gpkg to run")
    ap.add_argument("--baseline", type=Path, help="a source tree of an earlier version (git archive REV | tar -x): "
                    "its export runs too, interleaved, as base_<format>")
    args = ap.parse_args()
    tools = tuple(t for t in TOOLS if t.rsplit("_", 1)[1] in args.formats.split(","))
    if args.baseline:
        tools = tuple(x for t in tools for x in ((t, "base" + t[4:]) if t.startswith("ours") else (t,)))
    for tool in ("ogr2ogr", "sqlite3"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed")
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-exports-"))
    results = {"load_average_at_start": load(), "points": []}
    for n in map(int, args.sizes.split(",")):
        results["points"].append(one_size(work, n, args.repeat, tools=tools, baseline=args.baseline))
    results["load_average_at_end"] = load()
    r = results["points"][-1]["ratios"]
    goals = {"GeoJSON <= 0.5x ogr2ogr wall": ("ours_geojson_vs_ogr2ogr_geojson_wall_s", 0.5),
             "GeoJSON <= 1x ogr2ogr CPU": ("ours_geojson_vs_ogr2ogr_geojson_cpu_s", 1.0),
             "CSV <= 1x sqlite3 -csv wall": ("ours_csv_vs_sqlite3_csv_wall_s", 1.0),
             "GeoPackage <= 1x ogr2ogr wall": ("ours_gpkg_vs_ogr2ogr_gpkg_wall_s", 1.0)}
    results["checks"] = {k: r[key] <= limit for k, (key, limit) in goals.items() if key in r}
    results["checks"].update({k: v for k, v in r.items() if k.endswith("same_bytes_as_base")})
    print(json.dumps({"ratios": r, "checks": results["checks"], "load": [results["load_average_at_start"],
                                                                         results["load_average_at_end"]]}, indent=1))
    save("exports" if set(TOOLS) <= set(tools) else "exports-" + "-".join(args.formats.split(",")), results)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(results["checks"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
