"""Bundles of format 3 hold each table's rows as JSON arrays under one list of column names: every hostile row
is refused as a record would be, older bundles (records as objects) still import, and the same records arrive."""
from __future__ import annotations

import gc

import pytest
from sync_support import add_readings
from trust_support import Laptop, reseal, unseal

from survey_app.i18n import set_language
from survey_app.sync.bundle import BundleError, export_bundle
from survey_app.sync.bundle_import import import_bundle
from survey_app.sync.upload import drive
from survey_app.trust.container import BundleOpener

OTHER = "11111111-2222-4333-8444-555555555555"


@pytest.fixture
def pair(tmp_path):
    """Lan (surveyor) and Hoa (supervisor), trusting each other; Lan holds 30 readings and a bundle of them."""
    set_language("en")
    lan, hoa = Laptop(tmp_path / "lan"), Laptop(tmp_path / "hoa")
    hoa.trusts(lan, "surveyor", "Lan")
    lan.trusts(hoa, "supervisor", "Hoa")
    add_readings(lan.db, 30)
    drive(export_bundle(lan.path, tmp_path / "lan.bundle"))
    yield lan, hoa, tmp_path / "lan.bundle"
    lan.close()
    hoa.close()
    set_language("vi")


def _rows(path, hoa, table="signal_readings"):
    header, _ = unseal(path, hoa)
    opener = BundleOpener(path, hoa.keyring.identity)
    opener.open()
    from survey_app import codec

    rows = [codec.loads(line) for t, data in opener.chunks() if t == table for line in data.splitlines()]
    return header, opener.columns[table], rows


def _readings(lap):
    return lap.db.execute("SELECT * FROM signal_readings ORDER BY id").fetchall()


def test_rows_arrive_as_the_same_records_and_v2_bundles_still_import(pair, tmp_path):
    lan, hoa, path = pair
    header, names, rows = _rows(path, hoa)
    assert header["format_version"] == 3 and names[:3] == ["id", "revision", "updated_at"]
    assert len(rows) == 30 and all(len(r) == len(names) for r in rows)
    assert drive(import_bundle(hoa.path, path))["records"] >= 30
    assert gc.isenabled()  # the import pauses the cyclic collector only while it runs
    local = [r[:6] + r[9:] for r in _readings(lan)]  # sync_state, synced_revision differ (local bookkeeping)
    assert [r[:6] + r[9:] for r in _readings(hoa)] == local
    # the same records as JSON objects (a bundle of the previous format) into a third laptop
    minh = Laptop(tmp_path / "minh")
    minh.trusts(lan, "surveyor", "Lan")
    header, tables = unseal(path, hoa)
    old = reseal(tmp_path / "old.bundle", header, tables, lan, [minh], arrays=False)
    assert drive(import_bundle(minh.path, old))["records"] >= 30
    assert [r[:6] + r[9:] for r in _readings(minh)] == local
    minh.close()


def _refused(hoa, bundle, *needles):
    before = hoa.fingerprint()
    with pytest.raises(BundleError) as err:
        drive(import_bundle(hoa.path, bundle))
    for needle in needles:
        assert needle in str(err.value), str(err.value)
    assert hoa.fingerprint() == before
    assert gc.isenabled()


@pytest.mark.parametrize("why, change", [
    ("id not a UUID", lambda names, r: r.__setitem__(0, "not-a-uuid")),
    ("id not text", lambda names, r: r.__setitem__(0, 12)),
    ("revision 0", lambda names, r: r.__setitem__(1, 0)),
    ("revision true", lambda names, r: r.__setitem__(1, True)),
    ("revision beyond 2^53", lambda names, r: r.__setitem__(1, 2 ** 60)),
    ("no such day", lambda names, r: r.__setitem__(2, "2026-02-30T08:00:00Z")),
    ("hour 24", lambda names, r: r.__setitem__(2, "2026-01-05T24:00:00Z")),
    ("two times in one", lambda names, r: r.__setitem__(2, "2026-01-05T08:00Z\n2026-01-05T08:00Z")),
    ("a row too short", lambda names, r: r.pop()),
    ("a row that is an object", None),
    ("device id a list", lambda names, r: r.__setitem__(names.index("device_id"), [OTHER])),
    ("a value that is an object", lambda names, r: r.__setitem__(names.index("raw"), {"nested": [1, 2]})),
])
def test_hostile_rows_are_refused_and_change_nothing(pair, tmp_path, why, change):
    lan, hoa, path = pair
    header, names, rows = _rows(path, hoa)
    if change is None:
        rows[5] = {"id": rows[5][0]}
    else:
        change(names, rows[5])
    _, tables = unseal(path, hoa)
    tables["signal_readings"] = (names, rows)
    bad = reseal(tmp_path / "bad.bundle", header, tables, lan, [hoa])
    _refused(hoa, bad, "bad.bundle", "neither text" if "value" in why else "not well formed")


def test_rows_of_another_device_or_unknown_columns_are_refused(pair, tmp_path):
    lan, hoa, path = pair
    header, names, rows = _rows(path, hoa)
    _, tables = unseal(path, hoa)
    theirs = [list(r) for r in rows]
    theirs[7][names.index("device_id")] = OTHER
    tables["signal_readings"] = (names, theirs)
    _refused(hoa, reseal(tmp_path / "claim.bundle", header, tables, lan, [hoa]), OTHER, "not of the sender")
    tables["signal_readings"] = (names + ["secret"], [r + ["x"] for r in rows])
    _refused(hoa, reseal(tmp_path / "cols.bundle", header, tables, lan, [hoa]), "secret in signal_readings")


def test_a_bundle_of_a_newer_schema_keeps_the_columns_it_shares(pair, tmp_path):
    """Columns in another order, one missing (an older app): the values land in their columns, the missing
    one stays empty."""
    lan, hoa, path = pair
    header, names, rows = _rows(path, hoa)
    _, tables = unseal(path, hoa)
    drop = names.index("operator")
    order = [0, 1, 2, *reversed([i for i in range(3, len(names)) if i != drop])]
    tables["signal_readings"] = ([names[i] for i in order], [[r[i] for i in order] for r in rows])
    assert drive(import_bundle(hoa.path, reseal(tmp_path / "o.bundle", header, tables, lan, [hoa])))["records"]
    got = dict(hoa.db.execute("SELECT id, rsrp_dbm FROM signal_readings").fetchall())
    assert got == dict(lan.db.execute("SELECT id, rsrp_dbm FROM signal_readings").fetchall())
    assert hoa.db.execute("SELECT count(*) FROM signal_readings WHERE operator IS NOT NULL").fetchone()[0] == 0
