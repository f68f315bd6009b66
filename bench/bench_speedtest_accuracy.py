"""Accuracy of our speed-test engines vs speedtest-cli 2.1.3 on a tc-shaped loopback (issue 3).

Creates a network namespace of its own (loopback MTU 1500, GSO frames of ~2 ms), shapes lo with `tc tbf` to each rate (egress on lo
carries both directions), runs the local speed-test server in a subprocess there, and measures with our
LibreSpeed engine, our Ookla engine and speedtest-cli's own Speedtest (pointed at our server in Ookla mode), all
in the same run. Needs root, `ip` and `tc`.

    sudo .venv/bin/python bench/bench_speedtest_accuracy.py [--rates 2,20,100,500] [--duration 10]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sh(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True, text=True)


def gso_segments(rate_mbit: float) -> int:
    """Segments per GSO frame on lo so that one frame is about 2 ms of the shaped rate (1..44).

    Unlimited, lo hands tbf 64 KB super-packets: at 2 Mbit/s that is 262 ms per frame, so bytes arrive in lumps
    and TCP stalls, which no real MTU-1500 link does; one segment per frame at every rate costs so much kernel
    time per byte that two shared cores cannot carry 500 Mbit/s through a Python server and client.
    """
    return max(1, min(44, int(rate_mbit * 1e6 / 8 * 0.002 / 1448)))


def shape(rate_mbit: float) -> None:
    """tbf on lo: bucket of ~4 ms of traffic (at least 64 KB so GSO frames pass), queue of 50 ms."""
    sh("ip", "link", "set", "lo", "gso_max_segs", str(gso_segments(rate_mbit)))
    burst = max(64 * 1024, int(rate_mbit * 1e6 / 8 * 0.004))
    sh("tc", "qdisc", "replace", "dev", "lo", "root", "tbf", "rate", f"{rate_mbit}mbit", "burst", str(burst),
       "latency", "50ms")


def cpu_seconds() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def proc_cpu_seconds(pid: int) -> float:
    """User+system CPU seconds of another process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_ours(url: str, protocol: str, duration: float, server_pid: int) -> dict:
    from survey_app.speedtest.measurement import run_speedtest

    gen = run_speedtest(url, protocol, duration_s=duration, timeout_s=10, cancel=threading.Event())
    t0, c0, s0 = time.perf_counter(), cpu_seconds(), proc_cpu_seconds(server_pid)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            res = stop.value
            break
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    server_cpu = proc_cpu_seconds(server_pid) - s0
    return {"down": res.download_mbps, "up": res.upload_mbps, "status": res.status, "error": res.error,
            "ping": res.ping_ms, "cpu_pct": 100 * cpu / wall, "server_cpu_pct": 100 * server_cpu / wall}


def run_cli(url: str) -> dict:
    from survey_app.speedtest.ookla_cli import given_server_client

    client = given_server_client(url, timeout=20)
    client.download()
    client.upload()
    return {"down": client.results.download / 1e6, "up": client.results.upload / 1e6, "status": "ok"}


def inside(args) -> int:
    sh("ip", "link", "set", "lo", "mtu", "1500")
    sh("ip", "link", "set", "lo", "up")
    server = subprocess.Popen([sys.executable, "-m", "survey_app.speedtest.server"], stdout=subprocess.PIPE,
                              text=True, cwd=ROOT)
    base = server.stdout.readline().strip()
    rows = []
    try:
        for rate in [float(r) for r in args.rates.split(",")]:
            shape(rate)
            row = {"rate": rate}
            row["librespeed"] = run_ours(base, "librespeed", args.duration, server.pid)
            row["ookla"] = run_ours(base + "speedtest/upload.php", "ookla", args.duration, server.pid)
            row["speedtest_cli"] = run_cli(base + "speedtest/upload.php")
            if args.fallback:  # upload counted as on Windows/macOS, where TCP_INFO is missing
                from survey_app.speedtest import httpio

                real = httpio.tcp_acks_supported
                httpio.tcp_acks_supported = lambda: False
                try:
                    row["fallback"] = run_ours(base, "librespeed", args.duration, server.pid)
                finally:
                    httpio.tcp_acks_supported = real
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    finally:
        server.terminate()
        server.wait(10)
    print(json.dumps(rows))
    return 0


def table(rows: list[dict]) -> str:
    out = ["| shaped Mbit/s | ours LibreSpeed down / up | ours Ookla down / up | speedtest-cli down / up "
           "| our client CPU (LibreSpeed / Ookla) | server CPU |", "|---|---|---|---|---|---|"]
    for r in rows:
        def pair(key):
            d = r[key]
            if d.get("status") != "ok":
                return f"failed: {d.get('error')}"
            return f"{d['down']:.2f} / {d['up']:.2f} ({d['down'] / r['rate']:.3f}x / {d['up'] / r['rate']:.3f}x)"
        cpu = f"{r['librespeed']['cpu_pct']:.1f}% / {r['ookla']['cpu_pct']:.1f}%"
        srv = f"{r['librespeed']['server_cpu_pct']:.0f}% / {r['ookla']['server_cpu_pct']:.0f}%"
        out.append(f"| {r['rate']:g} | {pair('librespeed')} | {pair('ookla')} | {pair('speedtest_cli')} | {cpu} "
                   f"| {srv} |")
        if "fallback" in r:
            out.append(f"| {r['rate']:g} without TCP_INFO | {pair('fallback')} | | | | |")
    return "\n".join(out)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rates", default="2,20,100,500")
    p.add_argument("--duration", type=float, default=10.0)
    p.add_argument("--fallback", action="store_true", help="also run our LibreSpeed engine without TCP_INFO")
    p.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.inside:
        return inside(args)
    if os.geteuid() != 0 or not shutil.which("ip") or not shutil.which("tc"):
        print("needs root, ip and tc", file=sys.stderr)
        return 2
    ns = f"svy_speedtest_{os.getpid()}"
    sh("ip", "netns", "add", ns)
    try:
        proc = subprocess.run(["ip", "netns", "exec", ns, sys.executable, __file__, "--inside", "--rates",
                               args.rates, "--duration", str(args.duration)] + (["--fallback"] if args.fallback
                                                                                else []),
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
        if proc.returncode:
            return proc.returncode
        rows = json.loads(proc.stdout.strip().splitlines()[-1])
    finally:
        subprocess.run(["ip", "netns", "del", ns], check=False)
    print(table(rows))
    print(f"\nCPU: user+system seconds over the wall time of the whole test (100% = one core), for our client "
          f"process and for the server process; {os.cpu_count()} cores; python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
