"""bench/plot.py draws each operation of a results file as a PNG (time and memory against records)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtGui import QImage

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


def _step(s, mb):
    return {"wall_s": s, "cpu_s": s, "maxrss_mb": mb}


def test_plot_draws_one_png_per_operation(qapp, tmp_path):
    import plot

    points = [{"records": n, "export": _step(n / 1e5, 80), "import": _step(n / 5e4, 120),
               "anchor_gzip_1": _step(n / 2e5, 2), "anchor_gunzip": _step(n / 4e5, 2)} for n in (10_000, 100_000)]
    results = tmp_path / "bundles.json"
    results.write_text(json.dumps({"points": points, "before": points, "load_average_at_start": [1, 1, 1]}))
    pngs = plot.plot_file(results, tmp_path / "out")
    assert sorted(p.name for p in pngs) == ["bundle_export.png", "bundle_import.png"]
    img = QImage(str(pngs[0]))
    assert (img.width(), img.height()) == (plot.width(3), plot.H)  # wall time, CPU time, memory
    assert len({img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, plot.H, 7)}) > 3  # lines drawn


def test_plot_without_cpu_times_draws_wall_time_and_memory_only(qapp, tmp_path):
    import plot

    series = {"sync": {"ours": [[10_000, 1.0, 50], [100_000, 8.0, 60]]}}
    results = tmp_path / "sync.json"
    results.write_text(json.dumps({"series": series}))
    (png,) = plot.plot_file(results, tmp_path / "out")
    assert QImage(str(png)).width() == plot.width(2)


def test_a_narrower_run_is_drawn_after_its_familys_file(tmp_path):
    import plot

    for name in ("sync.json", "exports-csv.json", "bundles.json", "exports.json"):
        (tmp_path / name).write_text("{}")
    # exports-csv.json's CSV plot must not be drawn over by the older exports.json (sorted() puts '-' before '.')
    assert [f.name for f in plot.result_files(tmp_path)] == ["bundles.json", "exports.json", "exports-csv.json",
                                                              "sync.json"]
