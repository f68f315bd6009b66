"""Benchmark (issue 20): writing and importing a sealed, signed bundle of N signal readings, per size.

    nice -n 5 .venv/bin/python bench/bench_bundles.py [--sizes 10000,100000,1000000] [--work DIR]

For each size: `survey-app bundle export` on a laptop holding N demo readings (sealed to a trusted supervisor),
then `survey-app bundle import` of that file into the supervisor's empty database, each its own process (wall,
CPU, peak RSS). Anchor in the same run: `gzip -1` compressing, and `gzip -d` inflating, the same JSON lines the
bundle holds (the cost of the bytes alone on this machine at this moment). Goal: each under 10 s at 1M, memory
flat. Results: bench/results/bundles.json (bench/plot.py draws them).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from runner import app, demo_home, load, save, timed  # noqa: E402

GOAL_S = 10.0


def _keys(laptop: Path, supervisor: Path) -> str:
    """The supervisor trusts the laptop's key (demo data holds review decisions made on the same laptop: a
    supervisor's role); returns the supervisor's public key (the bundle is sealed to it with --for)."""
    sup = json.loads(app(supervisor, "keys", "show", "--json")["stdout"])["public_key"]
    mine = json.loads(app(laptop, "keys", "show", "--json")["stdout"])["public_key"]
    app(supervisor, "keys", "trust", mine, "--name", "surveyor", "--role", "supervisor")
    return sup


def plain_lines(bundle: Path, supervisor: Path, out: Path) -> int:
    """Write the bundle's JSON lines, decrypted, to `out` (for the anchor); returns the bytes."""
    from survey_app.storage.db import connect
    from survey_app.trust.container import BundleOpener
    from survey_app.trust.keyring import Keyring

    db = connect(supervisor / "survey.db")
    try:
        opener = BundleOpener(bundle, Keyring.for_db(supervisor / "survey.db", db).identity)
        opener.open()
        with open(out, "wb") as f:
            for _table, data in opener.chunks():
                f.write(data)
    finally:
        db.close()
    return out.stat().st_size


def one_size(work: Path, readings: int, code: Path | None = None) -> dict:
    laptop = demo_home(work, readings)
    supervisor = work / f"supervisor-{readings}"
    shutil.rmtree(supervisor, ignore_errors=True)
    supervisor.mkdir()
    sup = _keys(laptop, supervisor)
    bundle = work / f"bundle-{readings}.bundle"
    bundle.unlink(missing_ok=True)
    out = app(laptop, "bundle", "export", "--out", str(bundle), "--for", sup, "--json", code=code)
    records = json.loads(out.pop("stdout"))["records"]
    imp = app(supervisor, "bundle", "import", str(bundle), "--json", code=code)
    summary = json.loads(imp.pop("stdout"))
    lines = work / "lines.jsonl"
    size = plain_lines(bundle, supervisor, lines)
    gz = work / "lines.jsonl.gz"
    with open(gz, "wb") as f:
        gzip_c = timed(["gzip", "-1", "-c", str(lines)], stdout=f)
    with open("/dev/null", "wb") as f:
        gzip_d = timed(["gzip", "-d", "-c", str(gz)], stdout=f)
    for r in (gzip_c, gzip_d):
        r.pop("stdout")
    point = {"readings": readings, "records": records, "bundle_mb": round(bundle.stat().st_size / 2**20, 1),
             "json_lines_mb": round(size / 2**20, 1), "export": out, "import": imp,
             "imported_records": summary["records"], "anchor_gzip_1": gzip_c, "anchor_gunzip": gzip_d}
    for p in (lines, gz, bundle):
        p.unlink(missing_ok=True)
    shutil.rmtree(supervisor, ignore_errors=True)
    print(f"{'(before) ' if code else ''}{readings:>9} readings: export {out['wall_s']:6.2f} s (CPU {out['cpu_s']:5.1f}) {out['maxrss_mb']:4.0f} MB"
          f" | import {imp['wall_s']:6.2f} s (CPU {imp['cpu_s']:5.1f}) {imp['maxrss_mb']:4.0f} MB | anchor gzip -1 {gzip_c['wall_s']:5.2f} s, "
          f"gunzip {gzip_d['wall_s']:5.2f} s ({point['json_lines_mb']} MB of lines)", flush=True)
    return point


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--work", type=Path, help="folder to keep the demo data in (default: a temporary one)")
    ap.add_argument("--before", type=Path, help="a checkout of older code to run interleaved (before/after)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench_bundles_"))
    work.mkdir(parents=True, exist_ok=True)
    results = {"load_average_at_start": load(), "points": []}
    for n in map(int, args.sizes.split(",")):
        if args.before:
            results.setdefault("before", []).append(one_size(work, n, args.before))
        results["points"].append(one_size(work, n))
    results["load_average_at_end"] = load()
    top = results["points"][-1]
    results["checks"] = {
        f"export < {GOAL_S:.0f} s at {top['readings']}": top["export"]["wall_s"] < GOAL_S,
        f"import < {GOAL_S:.0f} s at {top['readings']}": top["import"]["wall_s"] < GOAL_S,
        "every record imported": all(p["imported_records"] + 1 >= p["records"] for p in results["points"]),
    }
    print(json.dumps({k: v for k, v in results.items() if k != "points"}, indent=1))
    save("bundles", results)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(results["checks"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
