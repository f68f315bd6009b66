"""Shared helpers of the benchmarks: a timed process (wall, CPU, peak memory), demo data per size, results files.

Each measured step runs as its own process, so its peak RSS (wait4's ru_maxrss) is that step's alone.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"

# The databases are encrypted. Benchmark data is synthetic and throwaway, and kept folders (--work, --home) must
# open again in a later run: one fixed raw key for every benchmark's data folders, never a random one per run
# (a folder made by one run was unreadable in the next). A key already in the environment wins.
BENCH_DB_KEY = "b3" * 32
os.environ.setdefault("SURVEY_APP_DB_KEY", BENCH_DB_KEY)


def timed(cmd: list[str], *, env: dict | None = None, stdout=None) -> dict:
    """Run a command; its wall time, CPU time (user + system), peak resident memory and stdout text."""
    out = stdout or tempfile.TemporaryFile()
    e = dict(os.environ, SURVEY_APP_NO_KEYRING="1", PYTHONIOENCODING="utf-8", **(env or {}))
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=e)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd[:6]))} failed ({proc.returncode}): {err[-2000:]}")
    text = ""
    if stdout is None:
        out.seek(0)
        text = out.read().decode()
        out.close()
    return {"wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "maxrss_mb": round(usage.ru_maxrss / 1024, 1), "stdout": text}


# Runs survey_app from another checkout (a before/after comparison in one run): the editable install's finder
# would otherwise import this one whatever PYTHONPATH says.
_FROM = ("import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); "
         "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f).lower()]; "
         "runpy.run_module('survey_app', run_name='__main__', alter_sys=True)")


def app(home: Path, *args: str, env: dict | None = None, code: Path | None = None) -> dict:
    """`survey-app --home HOME args` timed in its own process (from the checkout `code` if given)."""
    start = ["-c", _FROM, str(code)] if code else ["-m", "survey_app"]
    return timed([sys.executable, *start, "--home", str(home), *args],
                 env=dict(env or {}, PYTHONDONTWRITEBYTECODE="1") if code else env)


def demo_home(work: Path, readings: int, *, households: int = 0, speedtests: int = 0) -> Path:
    """A home folder holding `readings` demo signal readings (made once, reused by later runs)."""
    home = work / f"data-{readings}-{households}-{speedtests}"
    done = home / "made.json"
    if not done.exists():
        home.mkdir(parents=True, exist_ok=True)
        r = app(home, "demo-data", "--readings", str(readings), "--households", str(households), "--speedtests",
                str(speedtests), "--seed", "7", "--no-checks", "--json")
        done.write_text(json.dumps({"readings": readings, "seconds": r["wall_s"]}))
        print(f"demo-data: {readings} readings in {r['wall_s']:.0f} s (setup, not measured)", flush=True)
    return home


def load() -> list[float]:
    """The load average now (the machine is shared: figures say under what load they were taken)."""
    return [round(x, 2) for x in os.getloadavg()]


def save(name: str, results: dict) -> Path:
    """Write a benchmark's results to bench/results/NAME.json (read by bench/plot.py)."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return path
