"""Plots of the benchmarks' results: per operation, wall time, CPU time and peak memory against the record count.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/plot.py [bench/results/*.json] [--out docs/benchmarks]

Reads the results files the benchmarks write (bench/results/NAME.json) and draws one PNG per operation with Qt's
QPainter (no plotting library: matplotlib is not a dependency): wall time, CPU time (user + system: what the
machine's load changes least) and peak memory, each against records on a logarithmic axis, one line per series
(ours, its anchor, older code). Results without CPU times get the wall-time and memory panels only.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
H, PANEL_W, GAP = 460, 560, 40
COLOURS = ("#1f6fb2", "#d9822b", "#3c9d4e", "#b23a48", "#7a5195", "#555555")

Series = dict[str, list[tuple]]  # name -> [(records, wall seconds, MB, CPU seconds or None)]


def _point(n: float, step: dict) -> tuple:
    return (n, step["wall_s"], step["maxrss_mb"], step.get("cpu_s"))


def _bundles(res: dict) -> dict[str, Series]:
    out: dict[str, Series] = {"bundle_export": {}, "bundle_import": {}}
    for label, points in (("ours", res.get("points", [])), ("before (main)", res.get("before", []))):
        for p in points:
            n = p["records"]
            out["bundle_export"].setdefault(label, []).append(_point(n, p["export"]))
            out["bundle_import"].setdefault(label, []).append(_point(n, p["import"]))
            if label == "ours":
                for op, key, name in (("bundle_export", "anchor_gzip_1", "gzip -1 of the lines"),
                                      ("bundle_import", "anchor_gunzip", "gzip -d of the lines")):
                    out[op].setdefault(name, []).append(_point(n, p[key]))
    return out


def _exports(res: dict) -> dict[str, Series]:
    out: dict[str, Series] = {}
    for p in res.get("points", []):
        for tool, b in p["best"].items():
            who, fmt = tool.split("_", 1)
            label = {"ours": "ours", "base": "before (--baseline)", "ogr2ogr": "ogr2ogr", "sqlite3": "sqlite3 -csv"}[who]
            out.setdefault(f"export_{fmt}", {}).setdefault(label, []).append(_point(p["readings"], b))
    return out


def _generic(res: dict) -> dict[str, Series]:
    """Results that already list {operation: {series: [[records, seconds, MB(, CPU s)], ...]}} under "series"."""
    return {op: {k: [(*v[:3], v[3] if len(v) > 3 else None) for v in pts] for k, pts in s.items()}
            for op, s in res.get("series", {}).items()}


READERS = {"bundles": _bundles, "exports": _exports}


def _axis(values: list[float], log: bool) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    if log:
        return math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + (lo == hi)
    return 0.0, (hi * 1.15) or 1.0


def _panel(p, x0: int, title: str, series: Series, which: int, unit: str) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    left, top, w, h = x0 + 70, 60, PANEL_W - 90, H - 130
    xs = [pt[0] for pts in series.values() for pt in pts]
    ys = [pt[which] for pts in series.values() for pt in pts]
    xlo, xhi = _axis(xs, True)
    _ylo, yhi = _axis(ys, False)

    def at(x: float, y: float) -> QPointF:
        return QPointF(left + (math.log10(x) - xlo) / (xhi - xlo) * w, top + h - y / yhi * h)

    p.setPen(QPen(QColor("#222222"), 1))
    p.drawText(QRectF(x0, 20, PANEL_W, 24), Qt.AlignCenter, title)
    p.drawRect(QRectF(left, top, w, h))
    for e in range(int(xlo), int(xhi) + 1):
        x = left + (e - xlo) / (xhi - xlo) * w
        p.drawLine(QPointF(x, top + h), QPointF(x, top + h + 5))
        p.drawText(QRectF(x - 40, top + h + 8, 80, 18), Qt.AlignCenter, f"{10 ** e:,}")
    for i in range(5):
        y = yhi * i / 4
        yy = top + h - i / 4 * h
        p.drawLine(QPointF(left - 5, yy), QPointF(left, yy))
        p.drawText(QRectF(x0, yy - 9, 62, 18), Qt.AlignRight | Qt.AlignVCenter, f"{y:.3g}")
    p.drawText(QRectF(left, top + h + 28, w, 18), Qt.AlignCenter, "records (log scale)")
    p.drawText(QRectF(x0, top - 24, 120, 18), Qt.AlignLeft, unit)
    for k, (name, pts) in enumerate(series.items()):
        colour = QColor(COLOURS[k % len(COLOURS)])
        p.setPen(QPen(colour, 2.5))
        pts = sorted(pts)
        for a, b in zip(pts, pts[1:]):
            p.drawLine(at(a[0], a[which]), at(b[0], b[which]))
        for pt in pts:
            p.drawEllipse(at(pt[0], pt[which]), 3.5, 3.5)
        p.drawText(QRectF(left + 10, top + 8 + 18 * k, w - 20, 18), Qt.AlignLeft, name)


def width(panels: int) -> int:
    """Pixels across an image of `panels` panels."""
    return panels * (PANEL_W + GAP) - GAP


def draw(operation: str, series: Series, out: Path, note: str = "") -> Path:
    """One PNG: wall time, CPU time (when every point has it) and memory of every series of `operation`
    against the record count."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    panels = [(f"{operation}: wall time", 1, "seconds")]
    if all(pt[3] is not None for pts in series.values() for pt in pts):
        panels.append((f"{operation}: CPU time (user + system)", 3, "CPU seconds"))
    panels.append((f"{operation}: peak memory of the process", 2, "MB (peak RSS)"))
    img = QImage(width(len(panels)), H, QImage.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    for i, (title, which, unit) in enumerate(panels):
        _panel(p, i * (PANEL_W + GAP), title, series, which, unit)
    if note:
        p.setPen(QColor("#222222"))
        p.drawText(QRectF(10, H - 26, img.width() - 20, 20), Qt.AlignLeft, note)
    p.end()
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{operation}.png"
    if not img.save(str(path)):
        raise SystemExit(f"could not write {path}")
    return path


def plot_file(path: Path, out: Path) -> list[Path]:
    """Every operation of one results file as PNGs in `out`."""
    res = json.loads(path.read_text(encoding="utf-8"))
    reader = READERS.get(path.stem.split("-")[0], _generic)   # exports-csv.json: a run of some formats
    load = res.get("load_average_at_start")
    note = f"{path.name}; load average at start {load} (2 shared cores)" if load else path.name
    return [draw(op, s, out, note) for op, s in reader(res).items() if s]


def result_files(folder: Path) -> list[Path]:
    """The results files in drawing order: a narrower run (exports-csv.json) after its family's (exports.json)."""
    return sorted(folder.glob("*.json"), key=lambda f: (f.stem.split("-")[0], "-" in f.stem, f.name))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks")
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    files = args.files or result_files(ROOT / "bench" / "results")
    for f in files:
        for png in plot_file(f, args.out):
            print(png)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
