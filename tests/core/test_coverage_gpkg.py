"""GeoPackage export: every layer readable by GDAL's ogrinfo with its count and SRS, R-tree indexes, the CSV/GeoJSON
privacy rules and filters, and an existing file left alone."""
from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from coverage_support import BOUNDARIES, demo

pytestmark = pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="needs ogrinfo (gdal-bin)")
LAYERS = ("sessions", "speed_tests", "signal_readings", "households", "members", "units", "indicators",
          "hexagons_r8", "hexagons_r9")


@pytest.fixture
def survey(db):
    from survey_app.review.boundaries import import_geojson

    if BOUNDARIES.exists():
        import_geojson(db, BOUNDARIES)
    demo(db, readings=1500, tests=60, households=90)
    db.execute("UPDATE households SET phone = '0905123456', respondent_name = 'Nguyễn Văn A', "
               "revision = revision + 1")
    return db


def ogrinfo_summary(path: Path) -> dict[str, dict]:
    out = subprocess.run(["ogrinfo", "-al", "-so", str(path)], capture_output=True, text=True, check=True)
    assert "ERROR" not in out.stderr and "Warning" not in out.stderr, out.stderr
    layers = {}
    for block in out.stdout.split("Layer name: ")[1:]:
        name = block.split("\n", 1)[0].strip()
        count = int(re.search(r"Feature Count: (\d+)", block).group(1))
        layers[name] = {"count": count, "epsg4326": 'ID["EPSG",4326]' in block,
                        "geometry": re.search(r"Geometry: (\w+)", block).group(1) if "Geometry:" in block else None}
    return layers


def test_every_layer_opens_in_ogrinfo_with_its_count_srs_and_rtree(survey, cli, tmp_path):
    out = tmp_path / "survey.gpkg"
    r = cli("export", "--format", "gpkg", "--out", out, "--json")
    assert r.returncode == 0, r.stderr
    written = json.loads(r.stdout)["layers"]
    info = ogrinfo_summary(out)
    assert set(info) == set(LAYERS)
    expected = {t: survey.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("sessions", "speed_tests", "signal_readings", "households", "members")}
    expected["units"] = expected["indicators"] = 40
    for name in LAYERS:
        assert info[name]["count"] == written[name], name
        if name in expected:
            assert info[name]["count"] == expected[name], name
        if name != "members":
            assert info[name]["epsg4326"] and info[name]["geometry"] in ("Point", "Multi"), name
    assert info["hexagons_r9"]["count"] > info["hexagons_r8"]["count"] > 0
    gp = sqlite3.connect(out)
    assert gp.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    for name in LAYERS:
        if name == "members":
            continue
        with_geom = gp.execute(f"SELECT count(*) FROM {name} WHERE geom IS NOT NULL").fetchone()[0]
        assert gp.execute(f"SELECT count(*) FROM rtree_{name}_geom").fetchone()[0] == with_geom > 0, name
    assert gp.execute("SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'"
                      ).fetchone()[0] == len(LAYERS) - 1
    # GDAL reads the geometries and uses the index (a spatial filter around one hexagon)
    x0, x1, y0, y1 = gp.execute("SELECT minx, maxx, miny, maxy FROM rtree_hexagons_r9_geom LIMIT 1").fetchone()
    one = subprocess.run(["ogrinfo", "-q", str(out), "hexagons_r9", "-spat", str(x0), str(y0), str(x1), str(y1)],
                         capture_output=True, text=True, check=True).stdout
    assert "MULTIPOLYGON (((" in one and "h3 (String) = 89" in one
    gp.close()


def test_privacy_and_filters_are_those_of_csv_and_geojson(survey, cli, tmp_path):
    out = tmp_path / "approved.gpkg"
    r = cli("export", "--format", "gpkg", "--out", out, "--status", "approved", "--layers",
            "households,signal_readings,members")
    assert r.returncode == 0, r.stderr
    gp = sqlite3.connect(out)
    cols = [c[1] for c in gp.execute("PRAGMA table_info(households)")]
    assert "phone" not in cols and "respondent_name" not in cols
    assert b"0905123456" not in out.read_bytes()
    approved = survey.execute("SELECT count(*) FROM households h JOIN sessions s ON s.id = h.session_id "
                              "WHERE s.status = 'approved'").fetchone()[0]
    assert gp.execute("SELECT count(*) FROM households").fetchone()[0] == approved
    # household positions rounded to 3 decimals (about 100 m) unless precise locations are asked for
    shown = subprocess.run(["ogrinfo", "-q", str(out), "households", "-fid",
                            str(gp.execute("SELECT min(fid) FROM households WHERE geom IS NOT NULL").fetchone()[0])],
                           capture_output=True, text=True, check=True).stdout
    x, y = re.search(r"POINT \(([\d.]+) ([\d.]+)\)", shown).groups()
    assert len(x.split(".")[1]) <= 3 and len(y.split(".")[1]) <= 3
    gp.close()
    personal = tmp_path / "personal.gpkg"
    assert cli("export", "--format", "gpkg", "--out", personal, "--include-personal", "--layers",
               "households").returncode == 0
    assert "0905123456".encode() in personal.read_bytes()


def test_an_existing_file_is_left_alone_unless_force(survey, cli, tmp_path):
    out = tmp_path / "old.gpkg"
    out.write_bytes(b"my earlier export")
    r = cli("export", "--format", "gpkg", "--out", out, lang="en")
    assert r.returncode == 2 and "already exists" in r.stderr and "--force" in r.stderr
    assert "Traceback" not in r.stderr and out.read_bytes() == b"my earlier export"
    assert list(tmp_path.glob(".*.part")) == []
    r = cli("export", "--format", "gpkg", "--out", tmp_path / "x.txt")
    assert r.returncode == 2 and ".gpkg" in r.stderr
    r = cli("export", "--format", "gpkg", "--out", out, "--force", "--layers", "units")
    assert r.returncode == 0, r.stderr
    assert ogrinfo_summary(out)["units"]["count"] == 40


def test_cancel_leaves_nothing_behind(survey, home, tmp_path):
    import threading

    from survey_app.exports.files import ExportCancelled
    from survey_app.exports.gpkg import run_gpkg_export
    from survey_app.exports.run import ExportOptions
    from survey_app.paths import db_path

    out = tmp_path / "out"
    out.mkdir()
    cancel = threading.Event()
    gen = run_gpkg_export(db_path(home), ExportOptions("gpkg", out), out / "c.gpkg", cancel=cancel)
    next(gen)
    cancel.set()
    with pytest.raises(ExportCancelled):
        for _p in gen:
            pass
    assert list(out.iterdir()) == []
