"""Benchmarks of the city edition (issue 19), each on a throwaway PostgreSQL + PostGIS cluster (fsync on) and,
in the same run, the SQLite default for comparison.

    .venv/bin/python bench/bench_central.py throughput [--readings 1000000] [--batch 500]
    .venv/bin/python bench/bench_central.py load [--devices 20] [--readings 50000] [--kill]
    (either with --no-sqlite: PostgreSQL only; --random-ids: version-4 ids as older laptops made them)

throughput: one device's readings (the app's batches: 500 records, gzip, 2 in flight; record ids in order, as
  the app makes them) into one receiver; the sender's own CPU is reported too (it only sends prepared bodies:
  the laptop's sync client costs more, see bench_sync.py). Anchor: 1 M readings into PostgreSQL in under 20 s.
load: every device at once into 2 receiver processes (one SIGKILLed at 40% and restarted with --kill);
  reports p95 batch answer time, receiver RSS over the run, and checks every record is stored exactly once.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests"), str(ROOT / "tests" / "core")]

from central_load import ReceiverProcess, Tally, device_batches, run_load, send_device, tree_cpu_s  # noqa: E402
from pg_support import PgCluster  # noqa: E402
from sync_support import receiver_sql  # noqa: E402

THROUGHPUT_LIMIT_S = 20.0


def _own_cpu_s() -> float:
    """CPU seconds (user + system) of this process: the simulated device."""
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _tokens(db: str, n: int) -> list[str]:
    from survey_app.central.backend import open_store

    store = open_store(db)
    try:
        return [store.add_device(f"bench-{i}") for i in range(n)]
    finally:
        store.close()


def throughput(db: str, batches: list, label: str, server_pid: int | None) -> dict:
    token = _tokens(db, 1)[0]
    receiver = ReceiverProcess(db)
    tally = Tally()
    try:
        cpu0 = receiver.cpu_s(), tree_cpu_s(server_pid) if server_pid else 0.0, _own_cpu_s()
        t0 = time.perf_counter()
        lanes = [threading.Thread(target=send_device, args=(batches[k::2], [receiver.port], token, tally))
                 for k in range(2)]
        for t in lanes:
            t.start()
        for t in lanes:
            t.join()
        seconds = time.perf_counter() - t0
        rss = receiver.rss_mb()
        cpu = (receiver.cpu_s() - cpu0[0], (tree_cpu_s(server_pid) - cpu0[1]) if server_pid else None,
               _own_cpu_s() - cpu0[2])
    finally:
        receiver.stop()
    stored = receiver_sql(db, "SELECT count(*) FROM records WHERE table_name = 'signal_readings'")[0][0]
    return {"backend": label, "seconds": round(seconds, 2), "records_per_s": round(tally.accepted / seconds),
            "stored_readings": stored, "p95_batch_s": round(tally.p95(), 3), "receiver_rss_mb": round(rss),
            "receiver_cpu_s": round(cpu[0], 1), "postgres_cpu_s": round(cpu[1], 1) if cpu[1] is not None else None,
            "sender_cpu_s": round(cpu[2], 1), "load_1min": round(os.getloadavg()[0], 1),
            "failures": tally.failures[:3]}


def load(db: str, devices: list, kill: bool, label: str) -> dict:
    tokens = _tokens(db, len(devices))
    receivers = [ReceiverProcess(db), ReceiverProcess(db)]
    try:
        result = run_load(receivers, tokens, devices, kill_after=0.4 if kill else None)
    finally:
        for r in receivers:
            r.stop()
    (n, distinct), = receiver_sql(db, "SELECT count(*), count(DISTINCT id) FROM records")
    expected = sum(len(ids) for d in devices for _, _, ids in d)
    samples = result.pop("rss_samples")
    warm = samples[len(samples) // 10][1] if samples else [0, 0]
    rss = {"after_10pct": [round(x) for x in warm], "peak": [round(max(s[1][k] for s in samples)) for k in range(2)],
           "end": [round(x) for x in samples[-1][1]] if samples else []}
    return {"backend": label, "seconds": round(result["seconds"], 1), "records": n, "distinct": distinct,
            "expected": expected, "exactly_once": n == distinct == expected,
            "batches_stored": receiver_sql(db, "SELECT count(*) FROM batches")[0][0], "batches": result["batches"],
            "p95_batch_s": round(result["p95_s"], 3), "retries": result["retries"],
            "killed_after_batches": result["killed_after_batches"], "rss_mb": rss, "failures": result["failures"][:3]}


def main() -> int:
    import secrets

    os.environ.setdefault("SURVEY_APP_DB_KEY", secrets.token_hex(32))  # the SQLite edition is encrypted (SQLCipher)
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("throughput", "load"))
    ap.add_argument("--readings", type=int)
    ap.add_argument("--devices", type=int, default=20)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--kill", action="store_true")
    ap.add_argument("--no-sqlite", action="store_true", help="skip the SQLite comparison")
    ap.add_argument("--random-ids", action="store_true", help="random record ids (older laptops) instead of ordered")
    args = ap.parse_args()
    cluster = PgCluster(fsync=True).start()
    out = []
    try:
        work = Path(tempfile.mkdtemp(prefix="bench-central-"))
        targets = [(cluster.new_database(migrated=False), "postgresql")]
        if not args.no_sqlite:
            targets.append((str(work / "central.db"), "sqlite"))
        t0 = time.perf_counter()
        if args.what == "throughput":
            batches = device_batches(0, args.readings or 1_000_000, args.batch, random_ids=args.random_ids)
            print(f"built {len(batches)} batches in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            for db, label in targets:
                out.append(throughput(db, batches, label, cluster.server_pid() if label == "postgresql" else None))
                print(json.dumps(out[-1]), file=sys.stderr, flush=True)
            out[0]["anchor"] = f"< {THROUGHPUT_LIMIT_S:g} s: {'PASS' if out[0]['seconds'] < THROUGHPUT_LIMIT_S else 'FAIL'}"
        else:
            with ProcessPoolExecutor(2) as pool:
                n = args.devices
                devices = list(pool.map(partial(device_batches, random_ids=args.random_ids), range(n),
                                        [args.readings or 50_000] * n, [args.batch] * n))
            print(f"built {sum(map(len, devices))} batches in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            for db, label in targets:
                out.append(load(db, devices, args.kill, label))
    finally:
        cluster.close()
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
