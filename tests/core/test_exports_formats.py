"""CSV and GeoJSON exports of a small known database: GDAL opens them, csv round-trips, schemas validate."""
from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess

import pytest

import exports_support as es
from survey_app.exports.contract import manifest_schema, properties_schema
from survey_app.exports.computed import COMPUTED
from survey_app.exports.layers import BY_NAME
from survey_app.exports.run import ExportOptions, run_export

HUE = (107.03, 15.99, 108.21, 16.74)


def export(db_path, out, fmt, **kw):
    """Run an export to the end (replacing an earlier one); returns the ExportResult and the progress items seen."""
    kw.setdefault("overwrite", True)
    gen = run_export(db_path, ExportOptions(fmt, out, **kw))
    seen = []
    while True:
        try:
            seen.append(next(gen))
        except StopIteration as stop:
            return stop.value, seen


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "survey.db"
    db = es.build(path)
    es.add_boundary(db, es.WARD)
    db.close()
    out = tmp_path / "out"
    out.mkdir()
    return path, out


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_round_trips_with_counts_diacritics_and_local_times(sample):
    db_path, out = sample
    result, progress = export(db_path, out, "csv")
    m = result.manifest
    assert m["counts"] == {"sessions": 3, "speed_tests": 3, "signal_readings": 18, "households": 3, "members": 4,
                           "indicators": 40, "kpis": 1}
    assert progress[-1].overall_done == progress[-1].overall_total == sum(m["counts"].values())
    for entry in m["files"]:
        rows = read_csv(out / entry["file"])
        assert len(rows) == entry["rows"]
        assert list(rows[0].keys()) == entry["columns"]        # stable, documented column order
    sessions = read_csv(out / "sessions.csv")
    assert sessions[0]["team_name"] == "Đội Hương Giang" and sessions[0]["unit_name"] == "Phường Phú Xuân"
    assert sessions[0]["started_at"] == "2026-03-02T08:00:00.000+07:00"   # 01:00 UTC stored
    assert sessions[2]["started_at"] == "2026-03-04T23:30:00.000+07:00"
    assert "surveyors" not in sessions[0] and "notes" not in sessions[0]  # personal by default: out
    households = read_csv(out / "households.csv")
    assert "respondent_name" not in households[0] and "phone" not in households[0]
    assert households[0]["hamlet"] == "Tổ dân phố 5"
    for h in households:                                    # rounded to 3 decimals (~100 m)
        assert re.fullmatch(r"1\d{2}\.\d{1,3}", h["lon"]) and re.fullmatch(r"1\d\.\d{1,3}", h["lat"])
    readings = read_csv(out / "signal_readings.csv")
    assert float(readings[0]["rsrp_dbm"]) == -85.5 and readings[0]["operator"] == "Viettel"
    assert sum(1 for r in readings if r["lon"] == "") == 3  # readings without a position stay empty
    assert any(len(r["lon"].split(".")[1]) > 3 for r in readings if r["lon"])  # not rounded: not a household
    tests = {t["id"]: t for t in read_csv(out / "speed_tests.csv")}
    at_home, street = tests[es.uid(401)], tests[es.uid(402)]
    assert len(at_home["lon"].split(".")[1]) <= 3 and len(street["lon"].split(".")[1]) > 3
    members = read_csv(out / "members.csv")
    assert [m["position"] for m in members] == ["1", "2", "1", "2"] and "name" not in members[0]
    raw = (out / "signal_readings.csv").read_bytes()
    assert raw.count(b"\r\n") == 19 and b";" not in raw          # header + 18 rows, CRLF, commas


def test_csv_quotes_commas_quotes_and_newlines(sample, tmp_path):
    db_path, out = sample
    from survey_app.storage.driver import connect_file

    conn = connect_file(db_path)
    conn.execute("UPDATE households SET hamlet = ?, revision = revision + 1 WHERE id = ?", ['Thôn "Mới",\nxóm 2', es.uid(201)])
    conn.commit()
    conn.close()
    export(db_path, out, "csv", layers=("households",), include_personal=True)
    rows = {r["id"]: r for r in read_csv(out / "households.csv")}
    assert rows[es.uid(201)]["hamlet"] == 'Thôn "Mới",\nxóm 2'
    assert rows[es.uid(203)]["respondent_name"] == "Hồ Văn Đức, con"


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="GDAL's ogrinfo is not installed")
def test_every_geojson_layer_opens_in_gdal_inside_hue(sample):
    db_path, out = sample
    result, _ = export(db_path, out, "geojson")
    assert [f["layer"] for f in result.manifest["files"]] == ["sessions", "speed_tests", "signal_readings",
                                                               "households", "indicators", "kpis"]
    for entry in result.manifest["files"]:
        info = subprocess.run(["ogrinfo", "-ro", "-so", "-al", str(out / entry["file"])], capture_output=True,
                              text=True, timeout=60, check=True).stdout
        count = int(re.search(r"Feature Count: (\d+)", info).group(1))
        assert count == entry["rows"], entry["file"]
        x0, y0, x1, y1 = map(float, re.search(r"Extent: \(([-\d.]+), ([-\d.]+)\) - \(([-\d.]+), ([-\d.]+)\)",
                                              info).groups())
        assert HUE[0] <= x0 <= x1 <= HUE[2] and HUE[1] <= y0 <= y1 <= HUE[3], (entry["file"], x0, y0, x1, y1)


def _coords(geom):
    if geom is None:
        return []
    if geom["type"] == "Point":
        return [geom["coordinates"]]
    if geom["type"] == "Polygon":
        return [p for ring in geom["coordinates"] for p in ring]
    return [p for poly in geom["coordinates"] for ring in poly for p in ring]


def test_geojson_is_rfc7946_with_uuid_ids_and_valid_properties(sample):
    jsonschema = pytest.importorskip("jsonschema")
    db_path, out = sample
    result, _ = export(db_path, out, "geojson")
    jsonschema.validate(json.loads((out / "manifest.json").read_text(encoding="utf-8")), manifest_schema())
    for entry in result.manifest["files"]:
        doc = json.loads((out / entry["file"]).read_text(encoding="utf-8"))
        assert doc["type"] == "FeatureCollection" and "crs" not in doc
        layer = COMPUTED.get(entry["layer"]) or BY_NAME[entry["layer"]]
        schema = properties_schema(layer)
        for f in doc["features"]:
            jsonschema.validate(f["properties"], schema)
            assert all(not isinstance(v, (dict, list)) for v in f["properties"].values())   # flat
            for lon, lat in _coords(f["geometry"]):
                assert HUE[0] <= lon <= HUE[2] and HUE[1] <= lat <= HUE[3]     # [lon, lat] order
                assert len(repr(lon).split(".")[1]) <= 6 and len(repr(lat).split(".")[1]) <= 6
            if entry["layer"] not in COMPUTED:
                assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", f["id"])
    units = json.loads((out / "indicators.geojson").read_text(encoding="utf-8"))["features"]
    kinds = {f["id"]: f["geometry"]["type"] for f in units}
    assert kinds[es.WARD] == "Polygon" and kinds[es.COMMUNE] == "Point"     # boundary imported for one unit
    ring = next(f for f in units if f["id"] == es.WARD)["geometry"]["coordinates"][0]
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))
    assert area > 0                     # RFC 7946: exterior ring counterclockwise (the test stores it clockwise)
    readings = json.loads((out / "signal_readings.geojson").read_text(encoding="utf-8"))["features"]
    assert sum(1 for f in readings if f["geometry"] is None) == 3
    hh = json.loads((out / "households.geojson").read_text(encoding="utf-8"))["features"]
    assert all(len(repr(c).split(".")[1]) <= 3 for f in hh for c in f["geometry"]["coordinates"])


def test_personal_data_and_precise_locations_only_when_asked(sample):
    db_path, out = sample
    result, _ = export(db_path, out, "csv", include_personal=True, precise_locations=True)
    p = result.manifest["privacy"]
    assert p["include_personal"] and p["precise_locations"] and p["location_decimals"] == 6
    assert "households.respondent_name" in p["personal_columns"] and "members.name" in p["personal_columns"]
    households = {h["id"]: h for h in read_csv(out / "households.csv")}
    assert households[es.uid(201)]["respondent_name"] == "Nguyễn Thị Hoa"
    assert households[es.uid(201)]["phone"] == "0912 345 678"
    assert len(households[es.uid(201)]["lon"].split(".")[1]) > 3
    assert read_csv(out / "members.csv")[0]["name"] == "Nguyễn Thị Hoa"
    default, _ = export(db_path, out, "csv")
    assert default.manifest["privacy"]["personal_columns"] == []
    assert default.manifest["privacy"]["rounded_layers"] == ["speed_tests", "signal_readings", "households"]
    blob = b"".join((out / f["file"]).read_bytes() for f in default.manifest["files"])
    for secret in ("Nguyễn Thị Hoa", "0912 345 678", "Phan Minh Quân", "Trần Thị Lan"):
        assert secret.encode() not in blob, secret


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_parallel_readers_write_exactly_what_one_reader_writes(tmp_path, monkeypatch, fmt):
    """Big rowid-ordered layers are read by two threads over rowid ranges; the bytes must not change."""
    from survey_app.exports import run as run_mod
    from survey_app.exports import stream
    from survey_app.models.export_spec import Filters

    db_path = tmp_path / "survey.db"
    es.build(db_path, readings_per_session=3000).close()
    outs = {}
    for mode, minimum in (("single", 10**9), ("parallel", 1)):
        monkeypatch.setattr(run_mod, "PARALLEL_MIN", minimum)
        monkeypatch.setattr(stream, "RANGE", 1000)          # many ranges, some split across sessions
        out = tmp_path / mode
        out.mkdir()
        export(db_path, out, fmt, layers=("signal_readings", "speed_tests"),
               filters=Filters(units=(es.WARD, es.OTHER)))
        outs[mode] = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "manifest.json"}
    assert outs["single"] == outs["parallel"]
    assert len(outs["single"]["signal_readings." + fmt]) > 100_000


def test_text_stored_in_a_number_column_still_gives_valid_files(sample):
    """SQLite accepts any value in a REAL column; number columns of both formats hold numbers only."""
    from survey_app.storage.driver import connect_file

    db_path, out = sample
    conn = connect_file(db_path)
    conn.execute("UPDATE signal_readings SET rsrp_dbm = 'n/a', revision = revision + 1 WHERE id = ?", [es.uid(100)])
    conn.commit()
    conn.close()
    export(db_path, out, "geojson", layers=("signal_readings",))
    features = json.loads((out / "signal_readings.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["id"]: f["properties"]["rsrp_dbm"] for f in features}[es.uid(100)] is None
    export(db_path, out, "csv", layers=("signal_readings",))
    assert {r["id"]: r["rsrp_dbm"] for r in read_csv(out / "signal_readings.csv")}[es.uid(100)] == ""
