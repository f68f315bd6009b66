"""Benchmark (issue 8): N signal readings synced to the reference receiver on 127.0.0.1, bundle export/import.

Anchors, checked in the same run: sync < 60 s with client peak RSS < 300 MB; bundle export < 30 s;
bundle import < 30 s. The client, the receiver and the bundle steps each run as their own process
(`survey-app ...`), so each peak RSS is that process's own (os.wait4).

    .venv/bin/python bench/bench_sync.py --readings 1000000 [--work DIR] [--batch-records 500] [--sync-only]

--sync-only skips the bundle steps (issue 20's sync goal: wall, CPU and peak RSS of the client and the receiver,
CPU per record); `PYTHONPATH=OTHER_CHECKOUT` runs another tree's app (the before/after anchor of one session).
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from survey_app.storage.driver import connect_file

# The databases are encrypted: one raw key for this run's data folders (the app's own and the receiver's).
os.environ.setdefault("SURVEY_APP_DB_KEY", secrets.token_hex(32))

SYNC_LIMIT_S, MEM_LIMIT_MB, BUNDLE_LIMIT_S = 60.0, 300.0, 30.0


CPU: dict[str, float] = {}


def cli(home: Path, *args: str, env: dict | None = None) -> tuple[float, float, str]:
    """Run `survey-app --home HOME args`; returns (seconds, peak RSS MB of that process, stdout).

    The process's CPU seconds (user + system) go to CPU[args[0] + ' ' + args[1]]."""
    e = dict(os.environ, SURVEY_APP_NO_KEYRING="1", PYTHONIOENCODING="utf-8", **(env or {}))
    out = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "survey_app", "--home", str(home), *args], stdout=out,
                            stderr=subprocess.PIPE, env=e)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    CPU[" ".join(args[:2])] = round(usage.ru_utime + usage.ru_stime, 1)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    out.seek(0)
    text = out.read().decode()
    out.close()
    if proc.returncode not in (0,):
        raise SystemExit(f"survey-app {' '.join(args)} failed ({proc.returncode}): {err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--readings", type=int, default=1_000_000)
    ap.add_argument("--work", help="folder to keep (default: a temporary one)")
    ap.add_argument("--batch-records", type=int, default=500)
    ap.add_argument("--batch-bytes", type=int, default=1024 * 1024)
    ap.add_argument("--sync-only", action="store_true", help="skip the bundle export/import steps")
    ap.add_argument("--json-out", help="also write the results to this file")
    ap.add_argument("--reuse-data", action="store_true",
                    help="with --work and a fixed SURVEY_APP_DB_KEY: copy the laptop made by an earlier run with "
                         "the same --readings instead of making it again (the copy is synced, never the kept one)")
    args = ap.parse_args()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="bench_sync_"))
    work.mkdir(parents=True, exist_ok=True)
    home, other = work / "laptop", work / "supervisor"
    for h in (home, other):
        shutil.rmtree(h, ignore_errors=True)
        h.mkdir()
    central = work / "central.db"
    for p in work.glob("central.db*"):
        p.unlink()
    results: dict[str, object] = {"readings": args.readings}

    results["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    kept = work / f"laptop-{args.readings}"
    if args.reuse_data and args.work and (kept / "survey.db").exists():
        shutil.rmtree(home)
        shutil.copytree(kept, home)
        t = 0.0
    else:
        t, _, _ = cli(home, "demo-data", "--readings", str(args.readings), "--households", "0", "--speedtests",
                      "0", "--no-checks", "--json")
        if args.reuse_data and args.work:
            shutil.rmtree(kept, ignore_errors=True)
            shutil.copytree(home, kept)
    conn = connect_file(home / "survey.db")
    n_readings = conn.execute("SELECT count(*) FROM signal_readings").fetchone()[0]
    # the built-in form travels but each laptop keeps its own (issue 15)
    builtin_forms = conn.execute("SELECT count(*) FROM forms WHERE source_sha256 = 'builtin'").fetchone()[0]
    conn.close()
    print(f"demo-data: {n_readings} readings in {t:.1f} s (setup, not measured)")

    total = None if args.sync_only else _bundles(work, home, other, results)

    _, _, token = cli(home, "central", "add-device", "--name", "bench", "--db", str(central), "--role", "supervisor")
    server = subprocess.Popen([sys.executable, "-m", "survey_app", "central", "serve", "--db", str(central),
                               "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = server.stdout.readline().split()[-1]
        t, mem, out = cli(home, "sync", "--url", url, "--json",
                          "--batch-records", str(args.batch_records), "--batch-bytes", str(args.batch_bytes),
                          env={"SURVEY_APP_SYNC_TOKEN": token.strip()})
        summary = json.loads(out)
    finally:
        server.terminate()
        _, _, usage = os.wait4(server.pid, 0)
        server.returncode = 0
        server.stdout.close()
        CPU["receiver"] = round(usage.ru_utime + usage.ru_stime, 1)
        receiver_rss = usage.ru_maxrss / 1024
    conn = connect_file(central)
    held = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    held_readings = conn.execute("SELECT count(*) FROM records WHERE table_name = 'signal_readings'").fetchone()[0]
    conn.close()
    results["sync"] = {"seconds": round(t, 1), "client_peak_rss_mb": round(mem), **summary,
                       "receiver_peak_rss_mb": round(receiver_rss),
                       "receiver_records": held, "receiver_readings": held_readings,
                       "records_per_s": round(summary["accepted"] / t),
                       "client_cpu_us_per_record": round(CPU["sync --url"] / held * 1e6, 1),
                       "receiver_cpu_us_per_record": round(CPU["receiver"] / held * 1e6, 1)}
    if total is None:
        total = held
        results["cpu_seconds"] = CPU
        results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
        return _finish(args, work, results, {"receiver holds every record once": held == summary["accepted"]
                                             and held_readings == n_readings and summary["status"] == "ok"})

    checks = {
        f"sync < {SYNC_LIMIT_S:.0f} s": results["sync"]["seconds"] < SYNC_LIMIT_S,
        f"sync client memory < {MEM_LIMIT_MB:.0f} MB": results["sync"]["client_peak_rss_mb"] < MEM_LIMIT_MB,
        "receiver holds every record once": held == total and held_readings == n_readings
        and summary["status"] == "ok",
        f"bundle export < {BUNDLE_LIMIT_S:.0f} s": results["bundle_export"]["seconds"] < BUNDLE_LIMIT_S,
        f"bundle import < {BUNDLE_LIMIT_S:.0f} s": results["bundle_import"]["seconds"] < BUNDLE_LIMIT_S,
        "bundle import brought every record": results["bundle_import"]["records"] + builtin_forms == total,
    }
    results["cpu_seconds"] = CPU
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return _finish(args, work, results, checks)


def _finish(args, work: Path, results: dict, checks: dict) -> int:
    results["anchors"] = checks
    print(json.dumps(results, indent=2))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(checks.values()) else 1


def _bundles(work: Path, home: Path, other: Path, results: dict) -> int:
    """Bundle export on the laptop, import on the supervisor's; returns the records exported."""
    bundle = work / "all.bundle"
    # The supervisor's and the surveyor's keys trust each other (sealed, signed bundles: issue 15).
    sup_key = json.loads(cli(other, "keys", "show", "--json")[2])["public_key"]
    my_key = json.loads(cli(home, "keys", "show", "--json")[2])["public_key"]
    cli(home, "keys", "trust", sup_key, "--name", "supervisor", "--role", "supervisor")
    # demo data holds review decisions made on the same laptop: it is trusted as a supervisor's
    cli(other, "keys", "trust", my_key, "--name", "surveyor", "--role", "supervisor")
    t, mem, out = cli(home, "bundle", "export", "--out", str(bundle), "--json")
    total = json.loads(out)["records"]
    results["bundle_export"] = {"seconds": round(t, 1), "peak_rss_mb": round(mem), "records": total,
                                "bytes": bundle.stat().st_size}
    t, mem, out = cli(other, "bundle", "import", str(bundle), "--json")
    results["bundle_import"] = {"seconds": round(t, 1), "peak_rss_mb": round(mem), **json.loads(out)}
    return total


if __name__ == "__main__":
    sys.exit(main())
