"""Accuracy and stability of our speed-test engine on tc-shaped links (issues 3, 20, 21), against speedtest-cli.

Link: two network namespaces of this run's own joined by a veth pair (MTU 1500), each direction shaped by its
own `tc tbf` with a bucket of max(--burst-kb, 2 ms of the rate) and a 50 ms queue (tests/core/netns_link.py).
The project's server runs in one namespace, the clients in the other: our engine with each protocol, --runs
times in a row per rate (stopping early once stable, as it does in use), and speedtest-cli 2.1.3 once per rate
as the anchor (pointed at the same server in Ookla mode). `--link lo` shapes loopback in one namespace instead
(both directions and the ACKs share one bucket), to show why the veth link is the fair one. Needs root.

    sudo .venv/bin/python bench/bench_speedtest_accuracy.py [--rates 2,20,100,500,1000] [--runs 5] [--duration 10]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))

from netns_link import ShapedLink, available  # noqa: E402


def burst_bytes(rate_mbit: float, floor_kb: float) -> int:
    """The tbf bucket: at least `floor_kb`, else 2 ms of traffic (a bucket far below one timer tick of the
    rate makes tbf itself, not the link rate, the limit at 1 Gbit/s)."""
    return max(int(floor_kb * 1024), int(rate_mbit * 1e6 / 8 * 0.002))


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
    runs = res.phase_runs
    return {"down": res.download_mbps, "up": res.upload_mbps, "status": res.status, "error": res.error,
            "cpu_pct": 100 * cpu / wall, "server_cpu_pct": 100 * (proc_cpu_seconds(server_pid) - s0) / wall,
            "down_s": runs.get("download", {}).get("ran_s"), "up_s": runs.get("upload", {}).get("ran_s"),
            "stopped": [runs.get(p, {}).get("stopped") for p in ("download", "upload")]}


def run_cli(url: str) -> dict:
    from survey_app.speedtest.ookla_cli import given_server_client

    client = given_server_client(url, timeout=20)
    client.download()
    client.upload()
    return {"down": client.results.download / 1e6, "up": client.results.upload / 1e6, "status": "ok"}


def client_main(args) -> int:
    """Inside the client namespace: every run of one rate, as one JSON object on stdout."""
    row: dict = {"rate": args.rate}
    for protocol in args.protocols.split(","):
        url = args.server + ("speedtest/upload.php" if protocol == "ookla" else "")
        row[protocol] = [run_ours(url, protocol, args.duration, args.server_pid) for _ in range(args.runs)]
        if args.fallback and protocol == "librespeed":  # counted as where TCP_INFO is missing (Windows, macOS)
            from survey_app.speedtest import httpio

            real, httpio.tcp_acks_supported = httpio.tcp_acks_supported, lambda: False
            try:
                row["fallback"] = [run_ours(url, protocol, args.duration, args.server_pid) for _ in range(args.runs)]
            finally:
                httpio.tcp_acks_supported = real
    if args.anchor:
        row["speedtest_cli"] = [run_cli(args.server + "speedtest/upload.php")]
    print(json.dumps(row))
    return 0


def summary(rate: float, runs: list[dict]) -> str:
    """'0.951-0.953x / 0.950-0.955x (spread 0.2% / 0.5%), 5.0-5.3 s / 5.0-6.5 s'."""
    if any(r.get("status") != "ok" for r in runs):
        return "failed: " + "; ".join(str(r.get("error")) for r in runs if r.get("status") != "ok")
    parts = []
    for key in ("down", "up"):
        ratios = [r[key] / rate for r in runs]
        med = statistics.median(ratios)
        spread = max(abs(x - med) / med for x in ratios)
        parts.append(f"{min(ratios):.3f}-{max(ratios):.3f}x (±{100 * spread:.1f}%)")
    text = " / ".join(parts)
    if runs[0].get("down_s") is not None:
        text += (f", ran {min(r['down_s'] for r in runs):.1f}-{max(r['down_s'] for r in runs):.1f} s / "
                 f"{min(r['up_s'] for r in runs):.1f}-{max(r['up_s'] for r in runs):.1f} s, "
                 f"CPU ≤ {max(r['cpu_pct'] for r in runs):.0f}% (server ≤ {max(r['server_cpu_pct'] for r in runs):.0f}%)")
    return text


def table(rows: list[dict]) -> str:
    keys = [k for k in ("librespeed", "ookla", "fallback", "speedtest_cli") if any(k in r for r in rows)]
    out = ["| shaped Mbit/s | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for r in rows:
        out.append(f"| {r['rate']:g} | " + " | ".join(summary(r["rate"], r[k]) if k in r else "" for k in keys) + " |")
    return "\n".join(out)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rates", default="2,20,100,500,1000")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--duration", type=float, default=10.0, help="each phase's longest run (it stops when stable)")
    p.add_argument("--burst-kb", type=float, default=16.0)
    p.add_argument("--fixed-burst", action="store_true", help="a bucket of exactly --burst-kb at every rate")
    p.add_argument("--protocols", default="librespeed,ookla")
    p.add_argument("--fallback", action="store_true", help="also count uploads as where TCP_INFO is missing")
    p.add_argument("--no-anchor", dest="anchor", action="store_false", help="skip speedtest-cli")
    p.add_argument("--link", choices=["veth", "lo"], default="veth", help="lo: shape loopback (shared bucket)")
    p.add_argument("--client", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--rate", type=float, help=argparse.SUPPRESS)
    p.add_argument("--server", help=argparse.SUPPRESS)
    p.add_argument("--server-pid", type=int, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.client:
        return client_main(args)
    if not available():
        print("needs root, ip and tc", file=sys.stderr)
        return 2
    rows = []
    with ShapedLink(str(os.getpid())) as link:
        loopback = args.link == "lo"
        server = link.server_process(ROOT, loopback=loopback)
        base = server.stdout.readline().strip()
        try:
            for rate in [float(r) for r in args.rates.split(",")]:
                burst = int(args.burst_kb * 1024) if args.fixed_burst else burst_bytes(rate, args.burst_kb)
                (link.shape_loopback if loopback else link.shape)(rate, burst)
                cmd = [sys.executable, __file__, "--client", "--rate", str(rate), "--server", base, "--server-pid",
                       str(server.pid), "--runs", str(args.runs), "--duration", str(args.duration), "--protocols",
                       args.protocols] + (["--fallback"] if args.fallback else []) + ([] if args.anchor else
                                                                                      ["--no-anchor"])
                out = link.in_client(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
                if out.returncode:
                    return out.returncode
                rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
                print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
        finally:
            link.stop_server(server)
    print(table(rows))
    bucket = f"{args.burst_kb:g} KB" if args.fixed_burst else f"max({args.burst_kb:g} KB, 2 ms of the rate)"
    print(f"\nlink: {args.link}; bucket {bucket}; runs per rate: {args.runs}; longest phase "
          f"{args.duration:g} s; CPU = user+system of the client process over its run's wall time (100% = one "
          f"core); {os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.1f}; "
          f"python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
