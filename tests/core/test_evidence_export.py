"""The evidence export on demo data: JSON valid against contract/evidence/evidence.schema.json, every field of the
layout documented in the mapping, CSV files that pandas and ogrinfo load, household tests left out by default,
and a clear message when nothing matches."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from survey_app.demo.survey import DemoSpec, generate
from survey_app.storage.records import context_for

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "contract" / "evidence"


@pytest.fixture
def demo(db):
    for _ in generate(db, DemoSpec(households=20, readings=100, speedtests=80, seed=4), context_for(db, "Lan")):
        pass
    return db


def _export(cli, out: Path, *args):
    out.mkdir(exist_ok=True)
    r = cli("export", "--format", "evidence", "--out", str(out), "--json", *args, lang="en")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def _keys(obj):
    """Every key of a JSON value (lists looked into; a reason's free-form params left out)."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            if k != "params":
                yield from _keys(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _keys(v)


def test_evidence_json_follows_the_schema_and_the_mapping(demo, cli, tmp_path):
    manifest = _export(cli, tmp_path / "out")
    data = json.loads((tmp_path / "out" / "evidence.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((CONTRACT / "evidence.schema.json").read_text()))
    subs = data["submissions"]
    total = demo.execute("SELECT count(*) FROM speed_tests WHERE household_id IS NULL").fetchone()[0]
    assert len(subs) == manifest["tests"] == total
    assert manifest["valid_tests"] == sum(s["validity"]["valid"] for s in subs) > 0
    assert any(not s["validity"]["valid"] for s in subs)
    valid = next(s for s in subs if s["validity"]["valid"] and s["tests"]["download"]["cells"])
    down = valid["tests"]["download"]
    assert down["duration"] > 4_000_000 and down["bytes_sec"] == int(down["bytes_transferred"] * 1e6 / down["duration"])
    assert down["locations"] and down["cells"][0]["serving"] and valid["provider_name"] and valid["success"]
    documented = set()
    with open(CONTRACT / "fcc_bdc_mapping.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            documented.update(f.strip() for f in row["field"].split(","))
    undocumented = set(_keys(data)) - documented
    assert not undocumented, f"fields missing from fcc_bdc_mapping.csv: {sorted(undocumented)}"


def test_csv_files_load_in_pandas_and_ogrinfo(demo, cli, tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "out"
    manifest = _export(cli, out)
    tests = pd.read_csv(out / "evidence_tests.csv", encoding="utf-8-sig")
    seconds = pd.read_csv(out / "evidence_seconds.csv", encoding="utf-8-sig")
    events = pd.read_csv(out / "evidence_events.csv", encoding="utf-8-sig")
    assert len(tests) == manifest["tests"] and len(seconds) == manifest["seconds"] and len(events) == manifest["events"]
    assert set(seconds["test_id"]) <= set(tests["test_id"])
    assert tests["valid"].sum() == manifest["valid_tests"]
    per_test = seconds.groupby("test_id").size()
    assert (per_test.reindex(tests["test_id"]).to_numpy() == tests["seconds"].to_numpy()).all()
    jsonl = pd.json_normalize(json.loads((out / "evidence.json").read_text(encoding="utf-8"))["submissions"])
    assert len(jsonl) == manifest["tests"] and "validity.valid" in jsonl.columns
    if not shutil.which("ogrinfo"):
        pytest.skip("ogrinfo (gdal-bin) missing")
    info = subprocess.run(["ogrinfo", "-ro", "-al", "-so", "-oo", "X_POSSIBLE_NAMES=longitude",
                           "-oo", "Y_POSSIBLE_NAMES=latitude", str(out / "evidence_seconds.csv")],
                          capture_output=True, text=True, timeout=60)
    assert info.returncode == 0, info.stderr
    assert f"Feature Count: {manifest['seconds']}" in info.stdout and "Geometry: Point" in info.stdout


def test_household_tests_need_precise_locations_and_nothing_matching_is_said(demo, cli, tmp_path):
    demo.execute("UPDATE speed_tests SET household_id = 'hh-1', revision = revision + 1 WHERE rowid IN (SELECT rowid FROM speed_tests LIMIT 5)")
    demo.conn.commit()
    default = _export(cli, tmp_path / "a")
    precise = _export(cli, tmp_path / "b", "--precise-locations")
    assert precise["tests"] == default["tests"] + 5 and precise["household_tests_included"]
    only_valid = _export(cli, tmp_path / "c", "--valid-only")
    assert only_valid["tests"] == only_valid["valid_tests"] == default["valid_tests"]
    empty = tmp_path / "d"
    empty.mkdir()
    demo.execute("UPDATE speed_tests SET verdict = NULL, revision = revision + 1")
    demo.conn.commit()
    r = cli("export", "--format", "evidence", "--out", str(empty))
    assert r.returncode == 2 and "Không có lần đo tốc độ" in r.stderr and "Traceback" not in r.stderr
    assert not list(empty.iterdir())  # no partial file left behind


def test_an_earlier_evidence_export_is_replaced_only_when_asked(demo, cli, tmp_path):
    out = tmp_path / "out"
    first = _export(cli, out)
    again = cli("export", "--format", "evidence", "--out", str(out))
    assert again.returncode == 2 and "evidence.json" in again.stderr and "--force" in again.stderr
    assert json.loads((out / "evidence_manifest.json").read_text(encoding="utf-8")) == first  # untouched
    forced = _export(cli, out, "--force")
    assert forced["tests"] == first["tests"]
