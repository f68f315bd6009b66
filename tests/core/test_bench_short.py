"""Short forms of the benchmarks in bench/ (a few hundred records, no timing assertions): each runs the same
code path as its benchmark, processes and anchors included, and fails if that path breaks."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))


def test_bundles_benchmark_exports_and_imports_every_record(tmp_path):
    import bench_bundles

    point = bench_bundles.one_size(tmp_path, 300)
    assert point["records"] > 300 and point["imported_records"] + 1 >= point["records"]  # + the built-in form
    for step in ("export", "import", "anchor_gzip_1", "anchor_gunzip"):
        assert point[step]["wall_s"] > 0 and point[step]["maxrss_mb"] > 0
    assert point["json_lines_mb"] > 0


@pytest.mark.skipif(not (shutil.which("ogr2ogr") and shutil.which("sqlite3")), reason="needs gdal-bin, sqlite3")
def test_exports_benchmark_runs_ours_and_the_anchors_on_the_same_rows(tmp_path):
    import bench_exports

    point = bench_exports.one_size(tmp_path, 300, 1, households=5, speedtests=2)
    assert set(point["best"]) == set(bench_exports.TOOLS)
    runs = point["runs"]
    assert runs["ours_csv"][0]["bytes"] > 0 and runs["sqlite3_csv"][0]["bytes"] > 0
    # the same 300 rows on both sides (GeoJSON features of similar size; a GeoPackage of both)
    assert 0.5 < runs["ours_geojson"][0]["bytes"] / runs["ogr2ogr_geojson"][0]["bytes"] < 2
    assert runs["ours_gpkg"][0]["bytes"] > 0 and runs["ogr2ogr_gpkg"][0]["bytes"] > 0


def test_sync_benchmark_brings_every_record_to_the_receiver(tmp_path, monkeypatch, capsys):
    import json

    import bench_sync

    monkeypatch.setattr(sys, "argv", ["bench_sync.py", "--readings", "300", "--work", str(tmp_path)])
    bench_sync.main()
    printed = capsys.readouterr().out
    results = json.loads(printed[printed.index("\n{") + 1:])
    assert results["anchors"]["receiver holds every record once"]
    assert results["anchors"]["bundle import brought every record"]
    assert results["sync"]["receiver_readings"] == 300 and results["cpu_seconds"]["receiver"] > 0


def test_sync_stages_benchmark_times_every_stage_by_fifth_and_marks_only_a_copy(db, home, tmp_path):
    import bench_sync_stages
    from sync_support import add_readings

    from survey_app.paths import db_path

    add_readings(db, 300)
    stages = bench_sync_stages.stages(Path(db_path(home)).parent, size=30)
    assert len(stages) == 5 and all(set(f) == {"render", "build+gzip", "answer"} for f in stages)
    marking = bench_sync_stages.marking(Path(db_path(home)).parent, tmp_path / "copy", size=30)
    assert len(marking) == 5 and all(f["mark"] > 0 for f in marking)
    assert not (tmp_path / "copy").exists()
    # the laptop itself still waits to send every reading
    assert db.execute("SELECT count(*) FROM signal_readings WHERE sync_state = 'pending'").fetchone()[0] == 300


def test_startup_benchmark_sees_the_window_of_the_app_and_of_bare_pyside6(monkeypatch, capsys):
    import bench_startup

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(sys, "argv", ["bench_startup.py", "--runs", "1"])
    bench_startup.main()  # its return code is the timing goal: not asserted here
    printed = capsys.readouterr().out
    assert "bare PySide6 window shown:  median" in printed
    assert "survey-app window shown:    median" in printed and "first page ready: median" in printed
