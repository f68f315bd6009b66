#!/usr/bin/env python3
"""Cold start to a shown main window, against a bare PySide6 window (QApplication + one QLabel) in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py [--runs 9] [--anchor-src DIR]

`--anchor-src DIR` also starts the app from another checkout's sources (e.g. `git archive main | tar -x -C DIR`),
in its own home folder, alternating with the others: a before/after comparison in one run. The data folder's key
comes as it would for a surveyor: asked once per login session (here SURVEY_APP_PASSPHRASE, then the session
cache in a private XDG_RUNTIME_DIR), so no key derivation runs at each start.

Each run is a fresh process (interpreter start included, as a surveyor waits for it) that prints the wall-clock
time, and its own CPU time, at which its window is shown (show() returned, built with its real state: navigation,
the session bar from the database, the status bar) and at which its first frame is on screen (one event-loop turn
after its first paint); the app also prints when its first page is built (right after the first frame). The bare
window marks the same two moments. Runs alternate app/bare so machine load hits both alike. Goal (issue 20): app
within 1.6x of bare.
With an anchor it also prints each side's CPU time from start to exit (user + system of the process), which a
loaded machine distorts less than wall time; `--instructions` adds the instructions of one warm start of each
counted by valgrind (callgrind), which load does not change at all (about two minutes a start under valgrind),
and of the bare window, so the ratio to bare can be read free of load too.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

TREE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The bare window marks its first frame as the app does: one event-loop turn after its first paint.
BARE = (
    "import sys, time\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication(sys.argv)\n"
    "def mark(what): print(f'startup: {what} at {time.time():.6f} cpu {time.process_time():.6f}', file=sys.stderr,"
    " flush=True)\n"
    "class Label(QLabel):\n"
    "    painted = False\n"
    "    def paintEvent(self, event):\n"
    "        super().paintEvent(event)\n"
    "        if not self.painted:\n"
    "            self.painted = True\n"
    "            QTimer.singleShot(0, lambda: (mark('first frame'), self.close()))\n"
    "w = Label('Xin chào Huế'); w.show()\n"
    "mark('window shown')\n"
    "sys.exit(app.exec())\n"
)


def timed(cmd: list[str], env: dict) -> dict[str, float]:
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    # cwd: the home folder's parent, never a checkout (`-m` puts the cwd first on sys.path, before PYTHONPATH)
    out = subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         cwd=os.path.dirname(env["SURVEY_APP_HOME"]))
    found = list(re.finditer(r"startup: (.+?) at ([\d.]+)(?: cpu ([\d.]+))?", out.stderr))
    marks = {m.group(1): float(m.group(2)) - t0 for m in found}
    # the process's own CPU time at each mark (interpreter start included): what load distorts least
    marks.update({f"cpu at {m.group(1)}": float(m.group(3)) for m in found if m.group(3)})
    marks["exit"] = time.time() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the whole run (start to exit): what load on a shared machine distorts least
    marks["cpu"] = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
    return marks


def instructions(cmd: list[str], env: dict, out: str) -> int:
    """Instructions one warm start executes, counted by valgrind's callgrind: the same on a loaded machine."""
    run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd], env=env, check=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         cwd=os.path.dirname(env["SURVEY_APP_HOME"]))
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=9)
    p.add_argument("--anchor-src", help="a checkout whose survey_app to time as well (before/after)")
    p.add_argument("--instructions", action="store_true",
                   help="with --anchor-src: also count one warm start of each under valgrind (minutes each)")
    args = p.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               SURVEY_APP_QUIT_AFTER_SHOW="1", SURVEY_APP_PASSPHRASE="bench passphrase")
    env.pop("SURVEY_APP_DB_KEY", None)
    # An installed app runs from compiled bytecode: with PYTHONDONTWRITEBYTECODE (set in some shells) every start
    # of a tree whose .pyc files are stale would compile its modules again (~0.3 s here). The warm-up writes them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        home, anchor_home, runtime = (os.path.join(tmp, n) for n in ("home", "anchor", "run"))
        os.mkdir(runtime, 0o700)
        env.update(SURVEY_APP_HOME=home, XDG_RUNTIME_DIR=runtime, PYTHONPATH=TREE)
        anchor_env = dict(env, SURVEY_APP_HOME=anchor_home, PYTHONPATH=args.anchor_src or "")
        app_cmd = [sys.executable, "-m", "survey_app"]
        bare_cmd = [sys.executable, "-c", BARE]
        timed(app_cmd, env)  # the first run creates the database: not a start-up a surveyor repeats
        timed(bare_cmd, env)
        if args.anchor_src:
            timed(app_cmd, anchor_env)
        if args.anchor_src and args.instructions:
            env_h = dict(env, PYTHONHASHSEED="0")
            mine = instructions(app_cmd, env_h, os.path.join(tmp, "tree.cg"))
            theirs = instructions(app_cmd, dict(anchor_env, PYTHONHASHSEED="0"), os.path.join(tmp, "anchor.cg"))
            bare_i = instructions(bare_cmd, env_h, os.path.join(tmp, "bare.cg"))
            print(f"instructions, one warm start: this tree {mine / 1e6:.0f} M, anchor {theirs / 1e6:.0f} M  "
                  f"(this tree {mine / theirs:.3f}x the anchor), bare window {bare_i / 1e6:.0f} M  "
                  f"(this tree {mine / bare_i:.2f}x bare, anchor {theirs / bare_i:.2f}x bare)")
        app, bare, anchor = [], [], []
        for _ in range(args.runs):
            app.append(timed(app_cmd, env))
            bare.append(timed(bare_cmd, env))
            if args.anchor_src:
                anchor.append(timed(app_cmd, anchor_env))
    return report(args.runs, app, bare, anchor)


def med(runs, key):
    return statistics.median(r[key] for r in runs) * 1000


def report(runs: int, app: list, bare: list, anchor: list) -> int:
    """Print the medians and ratios; 0 when the goal is met."""
    b = med(bare, "window shown")
    a = med(app, "window shown")
    page = med(app, "first page ready")
    frame, bare_frame = med(app, "first frame"), med(bare, "first frame")
    print(f"runs: {runs} each, alternating")
    print(f"bare PySide6 window shown:  median {b:.0f} ms; first frame {bare_frame:.0f} ms")
    print(f"survey-app window shown:    median {a:.0f} ms  ({a / b:.2f}x bare; goal <= 1.6x)")
    print(f"survey-app first frame:     median {frame:.0f} ms  ({frame / bare_frame:.2f}x bare's first frame)")
    print(f"survey-app first page ready: median {page:.0f} ms  ({page / b:.2f}x bare)")
    if all("cpu at window shown" in r for r in app + bare):
        c_app, c_bare = med(app, "cpu at window shown"), med(bare, "cpu at window shown")
        f_app, f_bare = med(app, "cpu at first frame"), med(bare, "cpu at first frame")
        print(f"CPU time to window shown:    this tree {c_app:.0f} ms, bare {c_bare:.0f} ms ({c_app / c_bare:.2f}x); "
              f"to first frame {f_app:.0f} ms, bare {f_bare:.0f} ms ({f_app / f_bare:.2f}x)")
    if anchor:
        before = med(anchor, "window shown")
        print(f"anchor sources window shown: median {before:.0f} ms  (this tree {a / before:.2f}x the anchor)")
        cpu, cpu_before = med(app, "cpu"), med(anchor, "cpu")
        cpu_bare = med(bare, "cpu")
        print(f"CPU time, start to exit:     this tree {cpu:.0f} ms, anchor {cpu_before:.0f} ms  "
              f"(this tree {cpu / cpu_before:.2f}x the anchor), bare {cpu_bare:.0f} ms  "
              f"(this tree {cpu / cpu_bare:.2f}x bare, anchor {cpu_before / cpu_bare:.2f}x bare)")
        print(f"anchor window shown vs bare: {before / b:.2f}x")
        if all("cpu at window shown" in r for r in anchor + bare):
            c_anchor, c_bare = med(anchor, "cpu at window shown"), med(bare, "cpu at window shown")
            print(f"anchor CPU time to window shown: {c_anchor:.0f} ms ({c_anchor / c_bare:.2f}x bare)")
    return 0 if a / b <= 1.6 else 1


if __name__ == "__main__":
    sys.exit(main())
