"""Evidence benchmarks (issue 21), each against its goal in one run.

    .venv/bin/python bench/bench_evidence.py kpi [--tests 300000] [--passport-bytes 9000]
    sudo .venv/bin/python bench/bench_evidence.py passport [--rate 500] [--pairs 3] [--duration 10]

kpi: a database with --tests speed tests over the 40 units, 3 operators and 3 technologies (about 80% valid,
the rest invalid or failed), each with a passport of --passport-bytes (a demo test's is about 9 KB: the KPIs must
not read them, the index speed_tests_kpi serves them), then `compute_kpis` (what `review kpi`, the Review tab and the kpis export layer
run), timed: goal under 2 s for 300,000 tests.

passport: on a veth link shaped each way to --rate Mbit/s (tests/core/netns_link.py), the client runs speed tests
in pairs, one with the passport recorded (an emulated Quectel modem polled every second, an emulated NMEA GPS, the
recorder's own thread) and one without, alternating; the emulators run in another process, so the client's CPU
(user+system over the test's wall time, 100% = one core) is the passport's real cost. Goal: under 2% more CPU.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("SURVEY_APP_DB_KEY", "5e" * 32)  # a throwaway database: a raw key, no keyring

from bench_speedtest_accuracy import cpu_seconds  # noqa: E402  (the same CPU clock as the accuracy bench)

COLS = ("id", "created_at", "updated_at", "device_id", "app_version", "unit_code", "code_set", "started_at",
        "status", "protocol", "method", "operator", "technology", "download_mbps", "upload_mbps", "ping_ms",
        "environment", "verdict", "passport")


def kpi_bench(n: int, passport_bytes: int) -> dict:
    from survey_app.storage.db import open_db

    with tempfile.TemporaryDirectory(prefix="svy-kpi-") as home:   # the database is removed afterwards
        return _kpi_bench(open_db(Path(home) / "survey.db"), n, passport_bytes)


def _kpi_bench(db, n: int, passport_bytes: int) -> dict:
    import numpy as np

    from survey_app.evidence.kpi import compute_kpis
    from survey_app.storage import bulk
    from survey_app.storage.units import list_units

    rng = np.random.default_rng(21)
    units = [u.code for u in list_units(db)]
    t0 = 1_772_400_000.0
    ops, techs = ["Viettel", "VinaPhone", "MobiFone"], ["LTE", "NR-NSA", "NR-SA"]
    unit = rng.choice(units, n)
    op = rng.choice(ops, n, p=[0.5, 0.28, 0.22])
    tech = rng.choice(techs, n, p=[0.7, 0.2, 0.1])
    down = np.round(np.exp(rng.normal(3.4, 0.6, n)), 2)
    up = np.round(down * rng.uniform(0.2, 0.6, n), 2)
    ping = np.round(np.exp(rng.normal(3.4, 0.3, n)), 1)
    env = rng.choice(["indoor", "outdoor_fixed", "outdoor_moving"], n)
    verdict = rng.choice(["valid", "invalid"], n, p=[0.8, 0.2])
    status = np.where(rng.random(n) < 0.03, "failed", "ok")
    times = np.sort(t0 + rng.uniform(0, 90 * 86400, n))
    passport = '{"version":1,"records":[' + "0" * max(0, passport_bytes - 30) + ']}' if passport_bytes else None
    iso = [time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t)) for t in times.tolist()]
    rows = zip((f"00000000-0000-7000-8000-{i:012d}" for i in range(n)), iso, iso, ["bench-device"] * n, ["0"] * n,
               unit.tolist(), ["VN-2025-07"] * n, iso, status.tolist(), ["librespeed"] * n, ["m"] * n, op.tolist(),
               tech.tolist(), down.tolist(), up.tolist(), ping.tolist(), env.tolist(), verdict.tolist(), [passport] * n)
    t = time.perf_counter()
    with bulk.unchecked_writes(db), bulk.transaction(db):
        bulk.insert_rows(db, "speed_tests", COLS, rows)
    load_s = time.perf_counter() - t
    timings = []
    for _ in range(3):
        t = time.perf_counter()
        table = compute_kpis(db)
        timings.append(time.perf_counter() - t)
    db.close()
    return {"tests": n, "load_s": round(load_s, 2), "kpi_s": [round(x, 3) for x in timings],
            "kpi_median_s": round(statistics.median(timings), 3), "groups": len(table["groups"]),
            "goal_s": 2.0, "load_average": os.getloadavg()[0]}


def one_test(url: str, duration: float, modem: str | None, gps: str | None) -> dict:
    from survey_app.evidence.passport import PassportRecorder
    from survey_app.evidence.recording import DeviceFeed, run_with_passport
    from survey_app.speedtest.measurement import run_speedtest

    recorder = feed = None
    if modem:
        recorder = PassportRecorder()
        feed = DeviceFeed(recorder, modem_port=modem, gps_port=gps).start()
        feed.wait_ready()
    gen = run_speedtest(url, "librespeed", duration_s=duration, timeout_s=10, cancel=threading.Event(),
                        stable_stop=False)  # the same length with and without: CPU% compares like with like
    if recorder is not None:
        gen = run_with_passport(gen, recorder)
    t0, c0 = time.perf_counter(), cpu_seconds()
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            out = stop.value
            break
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    if feed is not None:
        feed.stop()
    result, passport = out if recorder is not None else (out, None)
    return {"passport": bool(modem), "down": result.download_mbps, "up": result.upload_mbps,
            "cpu_pct": round(100 * cpu / wall, 2), "records": len(passport.records) if passport else 0}


def passport_client(args) -> int:
    runs = []
    for _ in range(args.pairs):
        for modem in (args.modem, None):
            runs.append(one_test(args.server, args.duration, modem, args.gps if modem else None))
            print(json.dumps(runs[-1]), file=sys.stderr, flush=True)
    print(json.dumps(runs))
    return 0


EMULATORS = r"""
import sys
from pathlib import Path
from survey_app.devices.emulator.modem_emulator import ModemEmulator
from survey_app.devices.emulator.nmea_emulator import NmeaEmulator
folder = Path(sys.argv[1])
m = ModemEmulator("quectel_lte", folder / "ttyM").start()
g = NmeaEmulator(folder / "ttyG").start()
print(m.link, g.link, flush=True)
sys.stdin.read()
m.stop(); g.stop()
"""


def passport_bench(args) -> dict:
    from netns_link import ShapedLink, available

    if not available():
        raise SystemExit("passport: needs root, ip and tc")
    folder = Path(tempfile.mkdtemp(prefix="svy-emu-"))
    emu = subprocess.Popen([sys.executable, "-c", EMULATORS, str(folder)], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, text=True, cwd=ROOT)
    modem, gps = emu.stdout.readline().split()
    try:
        with ShapedLink(f"b{os.getpid()}", client_prefix="wwan") as link:
            link.shape(args.rate, max(16 * 1024, int(args.rate * 1e6 / 8 * 0.002)))
            server = link.server_process(ROOT)
            base = server.stdout.readline().strip()
            try:
                out = link.in_client([sys.executable, __file__, "passport-client", "--server", base, "--modem", modem,
                                      "--gps", gps, "--pairs", str(args.pairs), "--duration", str(args.duration)],
                                     stdout=subprocess.PIPE, text=True, cwd=ROOT)
            finally:
                link.stop_server(server)
    finally:
        emu.stdin.close()
        emu.wait(10)
        emu.stdout.close()
    runs = json.loads(out.stdout.strip().splitlines()[-1])
    with_p = [r["cpu_pct"] for r in runs if r["passport"]]
    without = [r["cpu_pct"] for r in runs if not r["passport"]]
    return {"rate_mbit": args.rate, "runs": runs, "cpu_with_passport_pct": statistics.median(with_p),
            "cpu_without_pct": statistics.median(without),
            "added_cpu_pct": round(statistics.median(with_p) - statistics.median(without), 2),
            "pairwise_added_pct": [round(a - b, 2) for a, b in zip(with_p, without)], "goal_added_pct": 2.0,
            "load_average": os.getloadavg()[0]}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="what", required=True)
    k = sub.add_parser("kpi")
    k.add_argument("--tests", type=int, default=300_000)
    k.add_argument("--passport-bytes", type=int, default=9000, help="each test's passport (demo tests: about 9 KB)")
    b = sub.add_parser("passport")
    b.add_argument("--rate", type=float, default=500)
    b.add_argument("--pairs", type=int, default=3)
    b.add_argument("--duration", type=float, default=10)
    c = sub.add_parser("passport-client")
    for name in ("--server", "--modem", "--gps"):
        c.add_argument(name)
    c.add_argument("--pairs", type=int, default=3)
    c.add_argument("--duration", type=float, default=10)
    args = p.parse_args()
    if args.what == "passport-client":
        return passport_client(args)
    result = kpi_bench(args.tests, args.passport_bytes) if args.what == "kpi" else passport_bench(args)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
