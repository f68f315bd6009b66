"""Export filters, bad input (missing/unwritable folder, empty result, cancel, full disk), zip, golden samples."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import threading
import zipfile
from contextlib import contextmanager
from datetime import date

import pytest

import exports_support as es
from survey_app.errors import UserError
from survey_app.exports import contract
from survey_app.exports.files import ExportCancelled, ExportError
from survey_app.models.export_spec import Filters
from survey_app.exports.run import ExportOptions, run_export
from survey_app.i18n import set_language
from test_exports_formats import export, read_csv


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "survey.db"
    es.build(path).close()
    out = tmp_path / "out"
    out.mkdir()
    return path, out


def ids(out, layer):
    return {r["id"] for r in read_csv(out / f"{layer}.csv")}


def test_filters_by_unit_team_status_and_local_dates(sample):
    db_path, out = sample
    export(db_path, out, "csv", filters=Filters(units=(es.WARD,)))
    assert ids(out, "sessions") == {es.uid(1)} and ids(out, "households") == {es.uid(201), es.uid(202)}
    assert ids(out, "members") == {es.uid(301), es.uid(302)}
    assert len(ids(out, "signal_readings")) == 6
    export(db_path, out, "csv", filters=Filters(teams=("Đội Bạch Mã",)))
    assert ids(out, "sessions") == {es.uid(2)} and ids(out, "speed_tests") == {es.uid(403)}
    assert ids(out, "members") == {es.uid(303), es.uid(304)}
    r, _ = export(db_path, out, "csv", filters=Filters(status="approved"))
    assert ids(out, "sessions") == {es.uid(1)} and r.manifest["filters"]["status"] == "approved"
    assert r.manifest["counts"]["signal_readings"] == 6
    # Session 3 starts 2026-03-04 16:30 UTC = 23:30 in Huế: it belongs to the local day 04/03.
    export(db_path, out, "csv", filters=Filters(date_from=date(2026, 3, 4)))
    assert ids(out, "sessions") == {es.uid(3)}
    r, _ = export(db_path, out, "csv", filters=Filters(date_from=date(2026, 3, 2), date_to=date(2026, 3, 3)))
    assert ids(out, "sessions") == {es.uid(1), es.uid(2)}
    assert r.manifest["filters"]["date_to"] == "2026-03-03"


def test_a_filter_that_matches_nothing_writes_nothing(sample):
    db_path, out = sample
    with pytest.raises(UserError) as err:
        export(db_path, out, "geojson", filters=Filters(date_from=date(2030, 1, 1)))
    assert "Không có bản ghi nào khớp" in str(err.value)
    assert list(out.iterdir()) == []


def test_missing_folder_and_file_instead_of_folder(sample, tmp_path):
    db_path, _ = sample
    set_language("en")
    try:
        with pytest.raises(ExportError, match="does not exist"):
            export(db_path, tmp_path / "nope", "csv")
        (tmp_path / "afile").write_text("x")
        with pytest.raises(ExportError, match="is a file, not a folder"):
            export(db_path, tmp_path / "afile", "csv")
    finally:
        set_language("vi")
    assert not (tmp_path / "nope").exists()


@contextmanager
def tmpfs(path, options: str):
    """A tmpfs mounted at `path` (a new folder) for the block; the test skips when it cannot be mounted."""
    path.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)]).returncode:
        pytest.skip(f"cannot mount a tmpfs ({options})")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=True)


def test_unwritable_folder(sample, tmp_path):
    db_path, out = sample
    if os.geteuid() == 0:
        with tmpfs(tmp_path / "ro", "ro,size=1m") as ro:
            with pytest.raises(ExportError, match="Không ghi được vào thư mục"):
                export(db_path, ro, "csv")
    else:
        out.chmod(0o500)
        try:
            with pytest.raises(ExportError, match="Không ghi được vào thư mục"):
                export(db_path, out, "csv")
        finally:
            out.chmod(0o700)


def test_cancel_halfway_leaves_no_file(tmp_path):
    db_path = tmp_path / "big.db"
    es.build(db_path, readings_per_session=4000).close()   # 12,000 readings: several batches
    out = tmp_path / "out"
    out.mkdir()
    cancel = threading.Event()
    gen = run_export(db_path, ExportOptions("geojson", out), cancel)
    seen = []
    with pytest.raises(ExportCancelled):
        for p in gen:
            seen.append(p)
            if p.layer == "signal_readings" and p.done >= 4096:
                cancel.set()
    assert seen[-1].layer == "signal_readings" and seen[-1].done < seen[-1].total
    assert list(out.iterdir()) == []          # neither final names nor hidden temporary files


def test_closing_the_generator_early_removes_temporary_files(sample):
    db_path, out = sample
    gen = run_export(db_path, ExportOptions("csv", out))
    next(gen)
    assert list(out.iterdir()) == []          # files being written have no name yet (O_TMPFILE)
    gen.close()                               # what the CLI does on Ctrl+C
    assert list(out.iterdir()) == []


def test_full_disk_gives_a_clear_message_and_leaves_nothing(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    db_path = tmp_path / "big.db"
    es.build(db_path, readings_per_session=2000).close()   # ~6 MB of GeoJSON
    with tmpfs(tmp_path / "small", "size=1m") as small:
        with pytest.raises(ExportError, match="Ổ đĩa chứa .* đã đầy"):
            export(db_path, small, "geojson")
        assert list(small.iterdir()) == []


def test_zip_holds_files_and_manifest_with_matching_hashes(sample):
    db_path, out = sample
    r, progress = export(db_path, out, "csv", zip=True)
    [archive] = list(out.iterdir())
    assert archive.name.startswith("survey-export-csv-") and archive.suffix == ".zip"
    assert r.manifest["archive"]["sha256"] == hashlib.sha256(archive.read_bytes()).hexdigest()
    assert progress[-1].stage == "zip"
    with zipfile.ZipFile(archive) as zf:
        inner = json.loads(zf.read("manifest.json"))
        assert inner["counts"] == r.manifest["counts"]
        for f in inner["files"]:
            data = zf.read(f["file"])
            assert hashlib.sha256(data).hexdigest() == f["sha256"] and len(data) == f["bytes"]
        rows = list(csv.DictReader(zf.read("households.csv").decode("utf-8-sig").splitlines()))
        assert len(rows) == 3


def test_manifest_hashes_match_loose_files(sample):
    db_path, out = sample
    r, _ = export(db_path, out, "geojson")
    written = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert written == r.manifest
    for f in written["files"]:
        assert hashlib.sha256((out / f["file"]).read_bytes()).hexdigest() == f["sha256"]
    assert sorted(p.name for p in out.iterdir()) == sorted([f["file"] for f in written["files"]] + ["manifest.json"])


def test_contract_files_are_fresh():
    root = contract.Path(contract.__file__).resolve().parents[2] / "contract"
    for rel, text in contract.render().items():
        assert (root / rel).read_text(encoding="utf-8") == text, f"run python -m survey_app.exports.contract ({rel})"


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_golden_samples(sample, fmt):
    """Record layers byte for byte; the indicator layer (the review module's numbers) by its columns."""
    db_path, out = sample
    r, _ = export(db_path, out, fmt)
    golden = es.SAMPLES / fmt
    if os.environ.get("UPDATE_EXPORT_SAMPLES"):
        golden.mkdir(parents=True, exist_ok=True)
        for f in r.manifest["files"]:
            (golden / f["file"]).write_bytes((out / f["file"]).read_bytes())
        stable = dict(r.manifest, created_at="(time of export)", app=dict(r.manifest["app"], version="(version)"))
        (golden / "manifest.json").write_text(json.dumps(stable, ensure_ascii=False, indent=2) + "\n", "utf-8")
    for f in r.manifest["files"]:
        got, want = (out / f["file"]).read_bytes(), (golden / f["file"]).read_bytes()
        if f["layer"] == "indicators":
            assert got.splitlines()[0] == want.splitlines()[0] if fmt == "csv" else (
                json.loads(got)["features"][0]["properties"].keys()
                == json.loads(want)["features"][0]["properties"].keys())
        else:
            assert got == want, f"{f['file']} differs from contract/samples (UPDATE_EXPORT_SAMPLES=1 to refresh)"
