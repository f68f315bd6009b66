"""Bundle files: export, verified all-or-nothing idempotent import, refused when truncated/altered/foreign."""
from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from sync_support import add_readings, local_keys

from survey_app.errors import UserError
from survey_app.paths import db_path
from survey_app.storage.db import open_db
from survey_app.storage.records import revise
from survey_app.sync.bundle import BundleError, BundleReader, export_bundle
from survey_app.sync.bundle_import import import_bundle
from survey_app.sync.upload import drive


@pytest.fixture
def other(tmp_path):
    """A supervisor's laptop: a second, independent survey database."""
    path = tmp_path / "supervisor" / "survey.db"
    path.parent.mkdir()
    database = open_db(path)
    yield path, database
    database.close()


def _export(home, out, **kw) -> dict:
    return drive(export_bundle(db_path(home), out, **kw))


def _import(path, bundle) -> dict:
    return drive(import_bundle(path, bundle))


def _counts(database) -> dict:
    return {t: database.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("teams", "sessions", "signal_readings")}


def test_export_import_keeps_ids_revisions_and_is_idempotent(db, home, tmp_path, other):
    add_readings(db, 250)
    sid = db.execute("SELECT id FROM sessions").fetchone()[0]
    revise(db, "sessions", sid, {"notes": "đã kiểm tra"})
    out = tmp_path / "usb" / "bundle.zip"
    out.parent.mkdir()
    manifest = _export(home, out)
    assert manifest["records"] == 252 and out.exists() and not out.with_name("bundle.zip.partial").exists()
    with zipfile.ZipFile(out) as zf:
        assert {"manifest.json", "SHA256SUMS", "records/signal_readings.jsonl"} <= set(zf.namelist())
    path, sup = other
    first = _import(path, out)
    assert first["records"] == 252 and first["changed"] == 252
    theirs = local_keys(sup)
    mine = local_keys(db)
    assert all(theirs[k] == v for k, v in mine.items())  # same ids and revisions
    device = db.execute("SELECT id FROM device").fetchone()[0]
    assert sup.execute("SELECT DISTINCT device_id FROM signal_readings").fetchall() == [(device,)]
    assert sup.execute("SELECT DISTINCT sync_state FROM signal_readings").fetchall() == [("pending",)]
    before = _counts(sup)
    second = _import(path, out)
    assert second["changed"] == 0 and second["unchanged"] == 252 and _counts(sup) == before


def test_newer_revision_replaces_older_and_older_changes_nothing(db, home, tmp_path, other):
    add_readings(db, 2)
    sid = db.execute("SELECT id FROM sessions").fetchone()[0]
    old = tmp_path / "old.zip"
    _export(home, old)
    revise(db, "sessions", sid, {"notes": "mới"})
    new = tmp_path / "new.zip"
    _export(home, new)
    path, sup = other
    _import(path, new)
    assert _import(path, old)["changed"] == 0
    assert sup.execute("SELECT revision, notes FROM sessions").fetchone() == (2, "mới")


def test_session_bundle_holds_only_that_session_and_its_parents(db, home, tmp_path, other):
    add_readings(db, 5)
    add_readings(db, 7)
    first = db.execute("SELECT session_id FROM signal_readings GROUP BY session_id HAVING count(*) = 5").fetchone()[0]
    db.execute("UPDATE sessions SET sync_state = 'synced', synced_revision = 1")
    db.execute("UPDATE teams SET sync_state = 'synced', synced_revision = 1")
    out = tmp_path / "s.zip"
    manifest = _export(home, out, session_id=first[:8])
    assert {f["table"]: f["records"] for f in manifest["files"]} == {"teams": 1, "sessions": 1, "signal_readings": 5}
    path, sup = other
    assert _import(path, out)["changed"] == 7


def test_unsynced_bundle_carries_parents_already_synced(db, home, tmp_path, other):
    add_readings(db, 4)
    db.execute("UPDATE sessions SET sync_state = 'synced', synced_revision = 1")
    db.execute("UPDATE teams SET sync_state = 'synced', synced_revision = 1")
    out = tmp_path / "u.zip"
    manifest = _export(home, out)
    assert manifest["records"] == 6  # 4 readings + the session and team they need
    path, sup = other
    _import(path, out)
    assert _counts(sup) == {"teams": 1, "sessions": 1, "signal_readings": 4}


def _rewrite(src, dst, change):
    """Copy a zip, letting `change(name, data)` alter members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)


@pytest.mark.parametrize("damage", ["truncated", "altered_record", "altered_manifest", "foreign_zip",
                                    "not_zip", "missing_file", "extra_file"])
def test_damaged_or_foreign_bundle_is_refused_and_nothing_changes(db, home, tmp_path, other, damage):
    add_readings(db, 50)
    good = tmp_path / "good.zip"
    _export(home, good)
    bad = tmp_path / "bad.zip"
    if damage == "truncated":
        raw = good.read_bytes()
        bad.write_bytes(raw[: len(raw) * 2 // 3])
    elif damage == "altered_record":
        _rewrite(good, bad, lambda n, d: d.replace(b"-80.0", b"-20.0", 1) if n.endswith("signal_readings.jsonl")
                 else d)
    elif damage == "altered_manifest":
        _rewrite(good, bad, lambda n, d: d.replace(b'"records"', b'"records" ', 1) if n == "manifest.json" else d)
    elif damage == "foreign_zip":
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("photo.jpg", b"\xff\xd8\xff")
    elif damage == "not_zip":
        bad.write_text("hello")
    elif damage == "missing_file":
        _rewrite(good, bad, lambda n, d: None if n.endswith("sessions.jsonl") else d)
    elif damage == "extra_file":
        shutil.copy(good, bad)
        with zipfile.ZipFile(bad, "a") as zf:
            zf.writestr("records/evil.jsonl", b'{"table":"evil"}\n')
    path, sup = other
    before = _counts(sup)
    with pytest.raises(BundleError) as err:
        _import(path, bad)
    assert "bad.zip" in str(err.value)
    assert _counts(sup) == before


def test_import_is_all_or_nothing_when_a_record_fails(db, home, tmp_path, other):
    add_readings(db, 20)
    out = tmp_path / "b.zip"
    _export(home, out)
    # A valid, correctly summed bundle whose last reading points at a session nobody has.
    bad = tmp_path / "orphan.zip"

    def change(name, data):
        if name.endswith("signal_readings.jsonl"):
            lines = data.splitlines()
            rec = json.loads(lines[-1])
            rec["data"]["session_id"] = "00000000-0000-4000-8000-00000000dead"
            lines[-1] = json.dumps(rec).encode()
            return b"\n".join(lines) + b"\n"
        return data

    _rewrite(out, bad, change)
    _resum(bad)
    BundleReader(bad).verify()
    path, sup = other
    with pytest.raises(BundleError, match="FOREIGN KEY"):
        _import(path, bad)
    assert _counts(sup) == {"teams": 0, "sessions": 0, "signal_readings": 0}


def _resum(path):
    """Recompute manifest sums and SHA256SUMS (a forged but self-consistent bundle)."""
    import hashlib

    with zipfile.ZipFile(path) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(files["manifest.json"])
    for e in manifest["files"]:
        e["sha256"] = hashlib.sha256(files[e["path"]]).hexdigest()
    files["manifest.json"] = json.dumps(manifest).encode()
    sums = [(hashlib.sha256(files[e["path"]]).hexdigest(), e["path"]) for e in manifest["files"]]
    sums.append((hashlib.sha256(files["manifest.json"]).hexdigest(), "manifest.json"))
    files["SHA256SUMS"] = "".join(f"{h}  {p}\n" for h, p in sums).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in files.items():
            zf.writestr(n, d)


def test_cli_bundle_roundtrip_and_clear_errors(cli, home, db, tmp_path):
    add_readings(db, 10)
    out = tmp_path / "cli.zip"
    r = cli("bundle", "export", "--out", out, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["records"] == 12
    r = cli("bundle", "import", out, "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["changed"] == 0
    bad = tmp_path / "x.zip"
    bad.write_bytes(b"PK\x03\x04garbage")
    r = cli("bundle", "import", bad)
    assert r.returncode == 2 and "x.zip" in r.stderr and "Traceback" not in r.stderr
    r = cli("--lang", "en", "bundle", "import", bad)
    assert "damaged or truncated" in r.stderr


def test_missing_file_is_a_user_error(home, db):
    with pytest.raises(UserError):
        _import(db_path(home), home / "nope.zip")


@pytest.mark.parametrize("forge", ["revision_zero", "revision_bool", "revision_text", "id_number", "not_object",
                                   "other_table", "data_list", "unknown_field"])
def test_forged_record_shapes_are_refused_and_nothing_changes(db, home, tmp_path, other, forge):
    """Self-consistent (re-summed) bundles whose records break the shape: refused, nothing written."""
    add_readings(db, 30)
    out = tmp_path / "b.zip"
    _export(home, out)
    bad = tmp_path / "forged.zip"

    def change(name, data):
        if not name.endswith("signal_readings.jsonl"):
            return data
        lines = data.splitlines()
        rec = json.loads(lines[7])
        if forge == "revision_zero":
            rec["revision"] = 0
        elif forge == "revision_bool":
            rec["revision"] = True
        elif forge == "revision_text":
            rec["revision"] = "2"
        elif forge == "id_number":
            rec["id"] = 12345
        elif forge == "not_object":
            rec = [rec["id"], rec["revision"]]
        elif forge == "other_table":
            rec["table"] = "sessions"
        elif forge == "data_list":
            rec["data"] = list(rec["data"].items())
        elif forge == "unknown_field":
            rec["data"]["evil"] = 1
        lines[7] = json.dumps(rec).encode()
        return b"\n".join(lines) + b"\n"

    _rewrite(out, bad, change)
    _resum(bad)
    path, sup = other
    with pytest.raises(BundleError, match="forged.zip" if forge != "unknown_field" else "evil"):
        _import(path, bad)
    assert _counts(sup) == {"teams": 0, "sessions": 0, "signal_readings": 0}


def test_bundle_from_an_older_app_without_a_column_imports(db, home, tmp_path, other):
    """Records lacking a column (written by an older app) import with that column NULL."""
    add_readings(db, 10)
    out = tmp_path / "b.zip"
    _export(home, out)
    old = tmp_path / "old.zip"

    def change(name, data):
        if not name.endswith("signal_readings.jsonl"):
            return data
        recs = [json.loads(line) for line in data.splitlines()]
        for rec in recs:
            rec["data"].pop("position_at", None)
        return b"".join(json.dumps(r).encode() + b"\n" for r in recs)

    _rewrite(out, old, change)
    _resum(old)
    path, sup = other
    assert _import(path, old)["records"] == 12
    assert sup.execute("SELECT count(*) FROM signal_readings WHERE position_at IS NULL").fetchone()[0] == 10
    assert local_keys(sup) == local_keys(db)
