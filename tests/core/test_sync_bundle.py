"""Bundle files: export, verified all-or-nothing idempotent import, refused when truncated/altered/foreign."""
from __future__ import annotations

import json
import zipfile

import pytest
from sync_support import add_readings, local_keys
from trust_support import Laptop, reseal, supervisor_of, unseal

from survey_app.errors import UserError
from survey_app.i18n import set_language
from survey_app.paths import db_path
from survey_app.storage.db import open_db
from survey_app.storage.revisions import revise
from survey_app.sync.bundle import BundleError, export_bundle
from survey_app.sync.bundle_import import import_bundle
from survey_app.sync.upload import drive


@pytest.fixture
def surveyor(home, db):
    """The laptop of `home`/`db` as a Laptop (its keys)."""
    lap = Laptop.__new__(Laptop)
    lap.home, lap.path, lap.db = home, db_path(home), db
    from survey_app.trust.keyring import Keyring

    lap.keyring = Keyring.for_db(lap.path, db)
    return lap


@pytest.fixture
def supervisor_laptop(tmp_path, surveyor):
    """A supervisor's laptop: a second, independent survey database; each trusts the other."""
    with supervisor_of(tmp_path / "supervisor", surveyor) as sup:
        yield sup


@pytest.fixture
def other(supervisor_laptop):
    """(path, database) of the supervisor's laptop."""
    return supervisor_laptop.path, supervisor_laptop.db


def _export(home, out, **kw) -> dict:
    return drive(export_bundle(db_path(home), out, **kw))


def _import(path, bundle) -> dict:
    return drive(import_bundle(path, bundle))


def _exported_records(db, home, tmp_path, reader, readings: int) -> tuple[dict, dict[str, list[dict]]]:
    """Add signal readings, export a bundle and open it with `reader`'s key: (header, records per table)."""
    add_readings(db, readings)
    out = tmp_path / "b.bundle"
    _export(home, out)
    return unseal(out, reader)


def _counts(database) -> dict:
    return {t: database.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("teams", "sessions", "signal_readings")}


def test_export_import_keeps_ids_revisions_and_is_idempotent(db, home, tmp_path, other):
    add_readings(db, 250)
    sid = db.execute("SELECT id FROM sessions").fetchone()[0]
    revise(db, "sessions", sid, {"notes": "đã kiểm tra"})
    out = tmp_path / "usb" / "bundle.bundle"
    out.parent.mkdir()
    manifest = _export(home, out)
    assert manifest["records"] == 252 and out.exists() and not out.with_name("bundle.bundle.partial").exists()
    assert b"signal_readings" not in out.read_bytes()  # sealed: not even the table names are readable
    path, sup = other
    first = _import(path, out)
    assert first["records"] == 252 and first["changed"] == 252
    theirs = local_keys(sup)
    mine = local_keys(db)
    assert all(theirs[k] == v for k, v in mine.items())  # same ids and revisions
    device = db.execute("SELECT id FROM device").fetchone()[0]
    assert sup.execute("SELECT DISTINCT device_id FROM signal_readings").fetchall() == [(device,)]
    # another installation's records: its own sync sends them, not this laptop's outbox
    assert sup.execute("SELECT DISTINCT sync_state FROM signal_readings").fetchall() == [("imported",)]
    before = _counts(sup)
    second = _import(path, out)
    assert second["changed"] == 0 and second["unchanged"] == 252 and _counts(sup) == before


def test_newer_revision_replaces_older_and_older_changes_nothing(db, home, tmp_path, other):
    add_readings(db, 2)
    sid = db.execute("SELECT id FROM sessions").fetchone()[0]
    old = tmp_path / "old.bundle"
    _export(home, old)
    revise(db, "sessions", sid, {"notes": "mới"})
    new = tmp_path / "new.bundle"
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
    out = tmp_path / "s.bundle"
    others = [r[0] for r in db.execute("SELECT id FROM sessions WHERE id != ?", [first]).fetchall()]
    # a short id as people type it: 8 characters, more when another session was made in the same millisecond
    n = next(n for n in range(8, len(first) + 1) if not any(o.startswith(first[:n]) for o in others))
    manifest = _export(home, out, session_id=first[:n])
    assert {t: n for t, n in manifest["tables"].items() if n} == {"teams": 1, "sessions": 1, "signal_readings": 5}
    path, sup = other
    assert _import(path, out)["changed"] == 7


def test_unsynced_bundle_carries_parents_already_synced(db, home, tmp_path, other):
    add_readings(db, 4)
    db.execute("UPDATE sessions SET sync_state = 'synced', synced_revision = 1")
    db.execute("UPDATE teams SET sync_state = 'synced', synced_revision = 1")
    out = tmp_path / "u.bundle"
    manifest = _export(home, out)
    assert manifest["records"] == 6  # 4 readings + the session and team they need
    path, sup = other
    _import(path, out)
    assert _counts(sup) == {"teams": 1, "sessions": 1, "signal_readings": 4}


@pytest.mark.parametrize("damage", ["truncated", "cut_at_segment", "bit_flipped", "appended", "renamed_zip",
                                    "not_bundle", "empty", "magic_only"])
def test_damaged_or_foreign_bundle_is_refused_and_nothing_changes(db, home, tmp_path, supervisor_laptop, damage,
                                                                  monkeypatch):
    add_readings(db, 3000)
    good = tmp_path / "good.bundle"
    from survey_app.trust import container

    monkeypatch.setattr(container, "SEGMENT_TARGET", 8192)  # several segments from a small bundle
    _export(home, good)
    raw = good.read_bytes()
    bad = tmp_path / "bad.bundle"
    expected = {"truncated": "ends early", "cut_at_segment": "ends early", "bit_flipped": "integrity check",
                "appended": "damaged or was altered", "renamed_zip": "ZIP file", "not_bundle": "not a survey bundle",
                "empty": "is empty", "magic_only": "ends early"}[damage]
    if damage == "truncated":
        bad.write_bytes(raw[: len(raw) * 2 // 3])
    elif damage == "cut_at_segment":
        first = int.from_bytes(raw[28:32], "big")
        bad.write_bytes(raw[: 32 + first])
    elif damage == "bit_flipped":
        flipped = bytearray(raw)
        flipped[len(raw) // 2] ^= 0x10
        bad.write_bytes(bytes(flipped))
    elif damage == "appended":
        bad.write_bytes(raw + b"\x00\x00\x00\x10" + b"x" * 16)
    elif damage == "renamed_zip":
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("photo.jpg", b"\xff\xd8\xff")
    elif damage == "not_bundle":
        bad.write_text("hello")
    elif damage == "empty":
        bad.write_bytes(b"")
    elif damage == "magic_only":
        bad.write_bytes(raw[:28])
    set_language("en")
    before = supervisor_laptop.fingerprint()
    with pytest.raises(BundleError) as err:
        _import(supervisor_laptop.path, bad)
    assert "bad.bundle" in str(err.value) and expected in str(err.value), str(err.value)
    assert supervisor_laptop.fingerprint() == before


def test_import_is_all_or_nothing_when_a_record_fails(db, home, tmp_path, surveyor, supervisor_laptop):
    # A validly signed bundle whose last reading points at a session nobody has.
    header, tables = _exported_records(db, home, tmp_path, supervisor_laptop, 20)
    tables["signal_readings"][-1]["data"]["session_id"] = "00000000-0000-4000-8000-00000000dead"
    bad = reseal(tmp_path / "orphan.bundle", header, tables, surveyor, [supervisor_laptop])
    with pytest.raises(BundleError, match="FOREIGN KEY"):
        _import(supervisor_laptop.path, bad)
    assert _counts(supervisor_laptop.db) == {"teams": 0, "sessions": 0, "signal_readings": 0}


def test_cli_bundle_roundtrip_and_clear_errors(cli, home, db, tmp_path):
    add_readings(db, 10)
    out = tmp_path / "cli.bundle"
    r = cli("--lang", "en", "bundle", "export", "--out", out, "--json")
    assert r.returncode == 2 and "No one to seal the bundle to" in r.stderr and not out.exists()
    import uuid

    from survey_app.trust.keys import Identity

    hoa = Identity.generate(str(uuid.uuid4())).public.text
    r = cli("bundle", "export", "--out", out, "--json", "--for", hoa)  # to Hoa, and to this laptop itself
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["records"] == 12
    r = cli("bundle", "import", out, "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["changed"] == 0
    bad = tmp_path / "x.zip"
    bad.write_bytes(b"PK\x03\x04garbage")
    r = cli("bundle", "import", bad)
    assert r.returncode == 2 and "x.zip" in r.stderr and "Traceback" not in r.stderr
    r = cli("--lang", "en", "bundle", "import", bad)
    assert "ZIP file" in r.stderr


def test_missing_file_is_a_user_error(home, db):
    with pytest.raises(UserError):
        _import(db_path(home), home / "nope.zip")


@pytest.mark.parametrize("forge", ["revision_zero", "revision_bool", "revision_text", "revision_huge", "id_number",
                                   "id_not_uuid", "not_object", "other_table", "data_list", "unknown_field",
                                   "time_not_real", "value_object", "extra_key"])
def test_forged_record_shapes_are_refused_and_nothing_changes(db, home, tmp_path, surveyor, supervisor_laptop, forge):
    """Validly signed bundles (a trusted signer gone wrong) whose records break the contract: refused, nothing
    written. Records as JSON objects (format 2; rows as arrays: test_bundle_rows.py)."""
    header, tables = _exported_records(db, home, tmp_path, supervisor_laptop, 30)
    rec = tables["signal_readings"][7]
    if forge == "revision_zero":
        rec["revision"] = 0
    elif forge == "revision_bool":
        rec["revision"] = True
    elif forge == "revision_text":
        rec["revision"] = "2"
    elif forge == "revision_huge":
        rec["revision"] = 2 ** 53 + 1
    elif forge == "id_number":
        rec["id"] = 12345
    elif forge == "id_not_uuid":
        rec["id"] = "../../etc/passwd"
    elif forge == "not_object":
        tables["signal_readings"][7] = [rec["id"], rec["revision"]]
    elif forge == "other_table":
        rec["table"] = "sessions"
    elif forge == "data_list":
        rec["data"] = list(rec["data"].items())
    elif forge == "unknown_field":
        rec["data"]["evil"] = 1
    elif forge == "time_not_real":
        rec["updated_at"] = "2026-02-30T25:61:00Z"
    elif forge == "value_object":
        rec["data"]["raw"] = {"nested": [1, 2]}
    elif forge == "extra_key":
        rec["sql"] = "DROP TABLE sessions"
    bad = reseal(tmp_path / "forged.bundle", header, tables, surveyor, [supervisor_laptop], arrays=False)
    before = supervisor_laptop.fingerprint()
    with pytest.raises(BundleError, match="forged.bundle" if forge != "unknown_field" else "evil"):
        _import(supervisor_laptop.path, bad)
    assert _counts(supervisor_laptop.db) == {"teams": 0, "sessions": 0, "signal_readings": 0}
    assert supervisor_laptop.fingerprint() == before


def test_bundle_from_an_older_app_without_a_column_imports(db, home, tmp_path, surveyor, supervisor_laptop):
    """Records lacking a column (written by an older app) import with that column NULL."""
    header, tables = _exported_records(db, home, tmp_path, supervisor_laptop, 10)
    for rec in tables["signal_readings"]:
        rec["data"].pop("position_at", None)
    old = reseal(tmp_path / "old.bundle", header, tables, surveyor, [supervisor_laptop])
    sup = supervisor_laptop.db
    assert _import(supervisor_laptop.path, old)["records"] == 12
    assert sup.execute("SELECT count(*) FROM signal_readings WHERE position_at IS NULL").fetchone()[0] == 10
    assert local_keys(sup) == local_keys(db)
