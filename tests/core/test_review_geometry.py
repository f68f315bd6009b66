"""Point-in-polygon (scalar and vectorised), validation, and boundary import with bad input."""
from __future__ import annotations

import json

import numpy as np
import pytest
from shared_data import REFERENCE

from survey_app.review.geometry import GeometryError, parse_geometry, point_in_polygons, points_in_polygons

# Two squares; the first has a square hole in the middle.
OUTER = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
HOLE = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]
SECOND = [[20, 0], [30, 0], [25, 8], [20, 0]]
MULTI = {"type": "MultiPolygon", "coordinates": [[OUTER, HOLE], [SECOND]]}


@pytest.mark.parametrize("pt,expected", [
    ((1, 1), True), ((5, 5), False), ((4.5, 7), True), ((11, 5), False), ((25, 4), True), ((21, 7), False),
    ((15, 5), False), ((-1, -1), False), ((9.999, 9.999), True)])
def test_multipolygon_with_hole(pt, expected):
    polys = parse_geometry(MULTI)
    assert point_in_polygons(pt[0], pt[1], polys) is expected
    assert bool(points_in_polygons([pt[0]], [pt[1]], polys)[0]) is expected


def test_vectorised_matches_scalar_on_random_points():
    rng = np.random.default_rng(7)
    # a concave star with many vertices
    ang = np.linspace(0, 2 * np.pi, 201)
    r = np.where(np.arange(201) % 2 == 0, 10, 4)
    ring = [[float(x), float(y)] for x, y in zip(r * np.cos(ang), r * np.sin(ang))]
    ring[-1] = ring[0]
    polys = parse_geometry({"type": "Polygon", "coordinates": [ring]})
    xs, ys = rng.uniform(-11, 11, 3000), rng.uniform(-11, 11, 3000)
    fast = points_in_polygons(xs, ys, polys)
    slow = [point_in_polygons(x, y, polys) for x, y in zip(xs.tolist(), ys.tolist())]
    assert fast.tolist() == slow
    assert 0.1 < fast.mean() < 0.6


@pytest.mark.parametrize("geom,fragment", [
    (None, "no geometry"),
    ({"type": "Point", "coordinates": [1, 2]}, "Point"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}, "not closed"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]}, "fewer than 4"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [2, 2], [0, 0]]]}, "no area"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [500, 0], [1, 1], [0, 0]]]}, "outside the range"),
    ({"type": "Polygon", "coordinates": [[["a", 0], [1, 0], [1, 1], ["a", 0]]]}, "pair"),
    ({"type": "MultiPolygon", "coordinates": []}, "no coordinates"),
])
def test_bad_geometry_is_explained(geom, fragment):
    from survey_app.i18n import set_language

    set_language("en")
    try:
        with pytest.raises(GeometryError, match=fragment):
            parse_geometry(geom)
    finally:
        set_language("vi")


def _fc(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def _square_feature(code, lon, lat, d=0.01, swap=False):
    ring = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]
    if swap:
        ring = [[y, x] for x, y in ring]
    return {"type": "Feature", "properties": {"code": code}, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def test_import_reports_every_bad_feature_and_keeps_the_good(db, tmp_path, cli):
    from survey_app.review.boundaries import import_geojson, locate

    lon, lat = db.execute("SELECT inside_lon, inside_lat FROM units WHERE code = '19753'").fetchone()
    path = tmp_path / "mixed.geojson"
    path.write_text(json.dumps(_fc(
        _square_feature("19753", lon, lat),
        _square_feature("99999", lon, lat),                      # unknown code
        {"type": "Feature", "properties": {}, "geometry": None},  # no code
        _square_feature("19777", 107.61, 16.475, swap=True),      # lon/lat swapped
        _square_feature("19753", lon, lat),                       # duplicate
    )), encoding="utf-8")
    report = import_geojson(db, path)
    assert report.imported == ["19753"] and report.unknown == ["99999"]
    assert len(report.problems) == 3 and len(report.missing) == 39
    assert locate(db, lon, lat)["unit_code"] == "19753"
    assert locate(db, lon, lat)["method"] == "polygon"
    out = cli("boundaries", "import", str(path), "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["unknown_codes"] == ["99999"]


@pytest.mark.parametrize("content,fragment", [
    ("{not json", "GeoJSON hợp lệ"),
    ('{"type": "Feature"}', "FeatureCollection"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "1"}}]}',
     "Không có ranh giới dùng được"),
])
def test_import_bad_files_store_nothing(db, tmp_path, cli, content, fragment):
    path = tmp_path / "bad.geojson"
    path.write_text(content, encoding="utf-8")
    out = cli("boundaries", "import", str(path))
    assert out.returncode == 2 and fragment in out.stderr and "Traceback" not in out.stderr
    assert db.execute("SELECT count(*) FROM unit_boundaries").fetchone()[0] == 0
    missing = cli("boundaries", "import", str(tmp_path / "nope.geojson"))
    assert missing.returncode == 2 and "Không tìm thấy tệp" in missing.stderr


@pytest.mark.skipif(not (REFERENCE / "hue_units_2025.geojson").exists(), reason="shared reference data absent")
def test_real_provisional_boundaries(db):
    """The 40 provisional boundaries import; each unit's inside point is located in that unit."""
    from survey_app.review.boundaries import Locator, import_geojson

    report = import_geojson(db, REFERENCE / "hue_units_2025.geojson")
    assert len(report.imported) == 40 and not report.problems and not report.missing
    loc = Locator(db)
    for code, lon, lat in db.execute("SELECT code, inside_lon, inside_lat FROM units").fetchall():
        assert loc.locate(lon, lat) == (code, "polygon")
    assert loc.locate(106.0, 10.0) == (None, "polygon")   # Hồ Chí Minh City area
