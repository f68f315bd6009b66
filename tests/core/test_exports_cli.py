"""`survey-app export` end to end in a subprocess: manifest on stdout, clear Vietnamese errors."""
from __future__ import annotations

import json

import exports_support as es


def test_cli_prints_the_manifest_and_writes_the_files(home, cli, tmp_path):
    es.build(home / "survey.db").close()
    out = tmp_path / "out"
    out.mkdir()
    r = cli("export", "--format", "geojson", "--out", out, "--layers", "households,sessions", "--unit", es.WARD,
            es.COMMUNE, "--from", "02/03/2026", "--to", "2026-03-03", "--include-personal", "--json")
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m["counts"] == {"sessions": 2, "households": 3}
    assert m["filters"]["units"] == [es.WARD, es.COMMUNE] and m["filters"]["date_from"] == "2026-03-02"
    assert m["privacy"]["include_personal"] and not m["privacy"]["precise_locations"]
    assert sorted(p.name for p in out.iterdir()) == ["households.geojson", "manifest.json", "sessions.geojson"]
    doc = json.loads((out / "households.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["respondent_name"] for f in doc["features"]} >= {"Nguyễn Thị Hoa"}


def test_cli_zip_and_plain_output(home, cli, tmp_path):
    es.build(home / "survey.db").close()
    out = tmp_path / "out"
    out.mkdir()
    r = cli("export", "--format", "csv", "--out", out, "--status", "approved", "--zip")
    assert r.returncode == 0, r.stderr
    assert "sessions.csv: 1 dòng" in r.stdout
    assert [p.suffix for p in out.iterdir()] == [".zip"]


def test_cli_errors_are_clear_and_translated(home, cli, tmp_path):
    es.build(home / "survey.db").close()
    r = cli("export", "--format", "csv", "--out", tmp_path / "missing")
    assert r.returncode == 2 and "Lỗi: Thư mục xuất" in r.stderr and "Traceback" not in r.stderr
    r = cli("export", "--format", "csv", "--out", tmp_path, "--from", "31-12-2026")
    assert r.returncode == 2 and "Không đọc được ngày 31-12-2026" in r.stderr
    r = cli("--lang", "en", "export", "--format", "csv", "--out", tmp_path, "--unit", "99999")
    assert r.returncode == 2 and "Unknown unit code: 99999" in r.stderr
    r = cli("export", "--format", "csv", "--out", tmp_path, "--team", "Đội Không Có")
    assert r.returncode == 2 and "Không có phiên nào thuộc tổ tên Đội Không Có" in r.stderr
    r = cli("--lang", "en", "export", "--format", "geojson", "--out", tmp_path, "--layers", "members")
    assert r.returncode == 2 and "exported as CSV only" in r.stderr
    r = cli("export", "--format", "csv", "--out", tmp_path, "--from", "2026-03-05", "--to", "2026-03-01")
    assert r.returncode == 2 and "sau ngày cuối" in r.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == []
