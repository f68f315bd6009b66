"""Benchmark: two emulated modems polled at 10 readings/s each with the Signal page's plots open (offscreen),
logging into a session; CPU (% of one core) and RSS over time; then the redraw time (wall and CPU: the wall time
includes waiting for the cores other processes hold) of a plot holding 8 hours of 1 Hz readings.
Anchors (issue 4): CPU < 10 % of one core, memory flat, redraw < 16 ms.

    .venv/bin/python bench/bench_signal.py --duration 600
    .venv/bin/python bench/bench_signal.py --redraw-only
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EMULATORS = """
import sys, time, pathlib
from survey_app.devices.emulator.modem_emulator import ModemEmulator
d = pathlib.Path(sys.argv[1])
ems = [ModemEmulator("quectel_lte", d / "ttyEMU0").start(), ModemEmulator("quectel_nsa", d / "ttyEMU1").start()]
print("ready", flush=True)
sys.stdin.read()
for e in ems:
    e.stop()
"""


def rss_mb() -> float:
    """Resident memory of this process, MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def pump(app, seconds: float) -> None:
    """Run the Qt event loop for `seconds` (blocking in Qt, as the real window does)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def polling_run(app, duration: float, sample_every: float) -> dict:
    from survey_app.paths import db_path
    from survey_app.qt.context import AppContext
    from survey_app.qt.views.signal_page import SignalPage
    from survey_app.settings import Settings
    from survey_app.storage.db import open_db
    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import new_session

    tmp = Path(tempfile.mkdtemp(prefix="bench_signal_"))
    # the emulated modems run in another process, so only the app's own work is measured here
    emu = subprocess.Popen([sys.executable, "-c", EMULATORS, str(tmp)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           text=True)
    assert emu.stdout.readline().strip() == "ready"
    home = tmp / "home"
    home.mkdir()
    db = open_db(db_path(home))
    settings = Settings(language="en", modem_port=str(tmp / "ttyEMU0"))
    settings.extra["modem_ports"] = [str(tmp / "ttyEMU1")]
    ctx = AppContext(home, db, settings)
    ctx.set_session(new_session(db, context_for(db), unit_code="19753", team="Bench", surveyors=["Bench"]))
    page = SignalPage(ctx)
    page.resize(1280, 860)
    page.show()
    for m in page.bridge.modems.values():
        m.min_interval_s = 0.1
        m.set_interval(0.1)
    pump(app, 3.0)
    page.log_button.setChecked(True)
    points = []
    start_cpu, start_wall = time.process_time(), time.monotonic()
    last_cpu, last_wall = start_cpu, start_wall
    samples0 = {p: m.samples for p, m in page.bridge.modems.items()}
    while time.monotonic() - start_wall < duration:
        pump(app, sample_every)
        cpu, wall = time.process_time(), time.monotonic()
        points.append((round(wall - start_wall), 100 * (cpu - last_cpu) / (wall - last_wall), rss_mb()))
        last_cpu, last_wall = cpu, wall
        print(f"  t={points[-1][0]:4d}s  cpu={points[-1][1]:5.1f}%  rss={points[-1][2]:6.1f} MB", flush=True)
    wall = time.monotonic() - start_wall
    cpu_pct = 100 * (time.process_time() - start_cpu) / wall
    rates = {p: (m.samples - samples0[p]) / wall for p, m in page.bridge.modems.items()}
    page.log_button.setChecked(False)
    stored = db.execute("SELECT count(*) FROM signal_readings").fetchone()[0]
    page.shutdown()
    page.close()  # the redraw measurement below runs alone, as the page's own timers would otherwise interleave
    page.deleteLater()
    pump(app, 0.5)
    emu.stdin.close()
    emu.wait(10)
    rss = [p[2] for p in points]
    half = max(1, len(rss) // 2)
    return {"duration_s": wall, "cpu_pct": cpu_pct, "rates": rates, "stored": stored, "points": points,
            "rss_first_half_mb": statistics.mean(rss[:half]), "rss_second_half_mb": statistics.mean(rss[half:]),
            "rss_start_mb": rss[0], "rss_end_mb": rss[-1]}


def redraw_run(app, hours: float = 8.0, repeats: int = 40) -> dict:
    """Each repeat: one new 1 Hz reading per series, then redraw + a full render (widget grab). 'steady' keeps the
    following ranges (they move in steps), 'new ranges' forces the x/y ranges and axes to be laid out again."""
    import numpy as np

    from survey_app.qt.widgets.signal_plot import SignalPlot

    n = int(hours * 3600)
    plot = SignalPlot(capacity=n, window_s=None)
    plot.timer.stop()  # redrawn by hand below, one frame per repeat
    plot.resize(1280, 600)
    plot.show()
    rng = np.random.default_rng(1)
    bases = {"a": -90.0, "b": -100.0}
    for key, base in bases.items():  # two modems, 8 h each
        values = np.column_stack([base + rng.normal(0, 3, n), -10 + rng.normal(0, 1, n), 12 + rng.normal(0, 3, n)])
        plot.add_points(key, key, plot._t0 + np.arange(n, dtype=float), values)
    pump(app, 0.5)
    out = {}
    for mode in ("steady", "new ranges"):
        wall, cpu = [], []
        for i in range(repeats):
            for key, base in bases.items():
                plot.add_point(key, key, (base + rng.normal(0, 3), -10.0, 12.0), t=plot._t0 + n + i)
            if mode == "new ranges":
                plot._reset_ranges()
            w0, c0 = time.perf_counter(), time.process_time()
            plot.redraw()
            plot.view.grab()  # renders every plot item now, as the next paint would
            wall.append((time.perf_counter() - w0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        n += repeats
        out[mode] = {"wall_median_ms": statistics.median(wall), "wall_p95_ms": _q(wall, 0.95),
                     "cpu_median_ms": statistics.median(cpu)}
    points = len(plot.curves["a"][0].xData)
    plot.close()
    return {"points_per_series": plot.buffers["a"].n, "series": 2, "drawn_points": points, **out}


def _q(xs: list, p: float) -> float:
    return sorted(xs)[min(len(xs) - 1, int(p * len(xs)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--duration", type=float, default=600.0, help="seconds of polling (the issue asks 600)")
    ap.add_argument("--sample-every", type=float, default=10.0, help="seconds between CPU/RSS samples")
    ap.add_argument("--redraw-only", action="store_true", help="only the 8 h redraw measurement")
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    if not args.redraw_only:
        print(f"Polling two emulated modems at 10 readings/s each for {args.duration:.0f} s, plots open, logging...")
        r = polling_run(app, args.duration, args.sample_every)
        print("\nreadings/s per modem: " + ", ".join(f"{Path(p).name} {v:.1f}" for p, v in r["rates"].items()))
        print(f"readings stored: {r['stored']}")
        print(f"CPU: {r['cpu_pct']:.1f} % of one core (anchor < 10 %: {'PASS' if r['cpu_pct'] < 10 else 'FAIL'})")
        drift = r["rss_second_half_mb"] - r["rss_first_half_mb"]
        print(f"RSS: start {r['rss_start_mb']:.1f} MB, end {r['rss_end_mb']:.1f} MB, mean 1st half "
              f"{r['rss_first_half_mb']:.1f} MB, 2nd half {r['rss_second_half_mb']:.1f} MB (drift {drift:+.1f} MB; "
              f"anchor flat: {'PASS' if abs(drift) < 10 else 'FAIL'})")
    d = redraw_run(app)
    print(f"\nRedraw, {d['series']} series x {d['points_per_series']} points (8 h at 1 Hz), reduced to "
          f"{d['drawn_points']} points per curve, redraw + full render of the three plots:")
    for mode in ("steady", "new ranges"):
        m = d[mode]
        print(f"  {mode:10s}: wall median {m['wall_median_ms']:.1f} ms, p95 {m['wall_p95_ms']:.1f} ms; CPU median "
              f"{m['cpu_median_ms']:.1f} ms (anchor < 16 ms: {'PASS' if m['wall_median_ms'] < 16 else 'FAIL'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
