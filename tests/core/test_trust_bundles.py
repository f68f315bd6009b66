"""Sealed, signed bundles between laptops with real keys: who may send what, and every refusal leaves the
receiving database byte-for-byte unchanged."""
from __future__ import annotations

import json
import stat
import zlib

import pytest
from sync_support import add_readings
from trust_support import NOW, Impostor, Laptop, reseal, supervisor_of, unseal

from survey_app.i18n import set_language
from survey_app.review.decisions import decide
from survey_app.storage.records import context_for
from survey_app.storage.sessions import close_session
from survey_app.sync.bundle import BundleError, export_bundle
from survey_app.sync.bundle_import import import_bundle
from survey_app.sync.upload import drive

PHONE = "0912345678"


@pytest.fixture
def lan(tmp_path):
    """A surveyor's laptop."""
    lap = Laptop(tmp_path / "lan")
    yield lap
    lap.close()


@pytest.fixture
def hoa(tmp_path, lan):
    """A supervisor's laptop; Lan and Hoa trust each other."""
    with supervisor_of(tmp_path / "hoa", lan) as lap:
        yield lap


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("vi")


def _export(lap: Laptop, out, **kw):
    return drive(export_bundle(lap.path, out, **kw))


def _import(lap: Laptop, bundle):
    return drive(import_bundle(lap.path, bundle))


def _household(lap: Laptop, session_id: str) -> str:
    row = context_for(lap.db, "Lan").stamp({"session_id": session_id, "form_id": "hh", "form_version": "1",
                                            "status": "finalized", "respondent_name": "Nguyễn Văn An",
                                            "phone": PHONE, "lat": 16.4637, "lon": 107.5909, "consent": "yes",
                                            "started_at": NOW})
    lap.db.table("households").insert(row)
    return row["id"]


def _refused(lap: Laptop, bundle, *needles: str) -> str:
    before = lap.fingerprint()
    with pytest.raises(BundleError) as err:
        _import(lap, bundle)
    message = str(err.value)
    for needle in needles:
        assert needle in message, message
    assert lap.fingerprint() == before  # byte-for-byte unchanged
    return message


def test_surveyor_bundle_imports_on_trusted_supervisor_laptop_and_hides_personal_data(lan, hoa, tmp_path):
    add_readings(lan.db, 40)
    sid = lan.db.execute("SELECT id FROM sessions").fetchone()[0]
    _household(lan, sid)
    out = tmp_path / "lan.bundle"
    header = _export(lan, out)
    assert header["recipients"] == sorted([hoa.keyring.identity.public.fingerprint,
                                           lan.keyring.identity.public.fingerprint])
    raw = out.read_bytes()
    for secret in (PHONE.encode(), "Nguyễn".encode(), b"16.4637", b"households"):
        assert secret not in raw
    assert b"PK\x03\x04" not in raw[:4]  # not a zip: nothing to unzip; no entry inflates to the phone either
    for start in range(0, len(raw) - 2):  # no deflate stream anywhere in the file reveals it
        if raw[start] in (0x78,):
            try:
                assert PHONE.encode() not in zlib.decompressobj().decompress(raw[start:], 1 << 20)
            except zlib.error:
                pass
    result = _import(hoa, out)
    assert result["records"] == 43 and result["changed"] == 43
    # sealed to no central key, so the receiver could not open it: no original is kept for forwarding (one
    # sealed to the centre is: tests/core/test_sync_imported.py)
    assert result["forward"] is None and not (hoa.home / "bundles" / "forward").exists()
    assert hoa.db.execute("SELECT phone FROM households").fetchone()[0] == PHONE


def test_no_recipient_is_a_clear_refusal(lan, tmp_path):
    add_readings(lan.db, 2)
    out = tmp_path / "nobody.bundle"
    with pytest.raises(BundleError, match="No one to seal the bundle to"):
        _export(lan, out)
    assert not out.exists() and not out.with_name("nobody.bundle.partial").exists()


def test_not_addressed_to_this_installation(lan, hoa, tmp_path):
    stranger = Laptop(tmp_path / "stranger")
    lan.keyring.trust.revoke(hoa.keyring.identity.public.fingerprint, now=NOW)
    lan.keyring.trust.save()
    add_readings(lan.db, 5)
    out = tmp_path / "for-stranger.bundle"
    _export(lan, out, recipients=[stranger.key])
    _refused(hoa, out, "for-stranger.bundle", "not sealed for this installation",
             hoa.keyring.identity.public.fingerprint)
    stranger.close()


def test_signer_not_trusted_names_fingerprint_and_command(lan, tmp_path):
    sup = Laptop(tmp_path / "sup")  # Lan seals to Sup, but Sup never trusted Lan
    lan.trusts(sup, "supervisor")
    add_readings(lan.db, 5)
    out = tmp_path / "lan.bundle"
    _export(lan, out)
    _refused(sup, out, "does not trust", lan.keyring.identity.public.fingerprint, "survey-app keys trust")
    sup.trusts(lan, "surveyor")
    assert _import(sup, out)["changed"] == 7
    sup.close()


def test_revoked_signer_is_refused(lan, hoa, tmp_path):
    add_readings(lan.db, 5)
    out = tmp_path / "lan.bundle"
    _export(lan, out)
    hoa.keyring.trust.revoke(lan.keyring.identity.public.fingerprint, now=NOW)
    hoa.keyring.trust.save()
    _refused(hoa, out, "does not trust", lan.keyring.identity.public.fingerprint)


def test_forged_signature_is_refused(lan, hoa, tmp_path):
    """Someone holding a recipient's key rewrites the records and signs as Lan with another key."""
    add_readings(lan.db, 20)
    out = tmp_path / "lan.bundle"
    _export(lan, out)
    header, tables = unseal(out, hoa)
    tables["signal_readings"][0]["data"]["rsrp_dbm"] = -40.0
    forger = Laptop(tmp_path / "forger")
    forged = reseal(tmp_path / "forged.bundle", header, tables, Impostor(lan, forger), [hoa])
    _refused(hoa, forged, "forged.bundle", "signature does not match")
    forger.close()


def test_record_of_another_device_is_refused(lan, hoa, tmp_path):
    add_readings(lan.db, 10)
    out = tmp_path / "lan.bundle"
    _export(lan, out)
    header, tables = unseal(out, hoa)
    tables["signal_readings"][3]["data"]["device_id"] = "11111111-2222-4333-8444-555555555555"
    bad = reseal(tmp_path / "claim.bundle", header, tables, lan, [hoa])
    _refused(hoa, bad, "claim.bundle", "11111111-2222-4333-8444-555555555555", "not of the sender")


def test_taking_over_a_record_held_for_another_device_is_refused(lan, hoa, tmp_path):
    add_readings(lan.db, 10)
    out = tmp_path / "lan.bundle"
    _export(lan, out)
    _import(hoa, out)
    minh = Laptop(tmp_path / "minh")
    hoa.trusts(minh, "surveyor", "Minh")
    header, tables = unseal(out, hoa)
    rec = tables["signal_readings"][0]
    rec["data"]["device_id"] = minh.keyring.identity.device_id
    rec["revision"] = 9
    rec["data"]["rsrp_dbm"] = -140.0
    bad = reseal(tmp_path / "minh.bundle", header, {"signal_readings": [rec]}, minh, [hoa])
    _refused(hoa, bad, "belongs to device", lan.keyring.identity.device_id)
    minh.close()


def test_review_decision_and_approval_only_from_a_supervisor(lan, hoa, tmp_path):
    add_readings(lan.db, 3)
    sid = lan.db.execute("SELECT id FROM sessions").fetchone()[0]
    ctx = context_for(lan.db, "Lan")
    close_session(lan.db, ctx, sid)
    fresh = Laptop(tmp_path / "lan2")  # Lan's laptop reinstalled: gets her bundle and Hoa's decision
    fresh.trusts(hoa, "supervisor")
    fresh.trusts(lan, "surveyor")
    first = tmp_path / "closed.bundle"
    _export(lan, first, recipients=[fresh.key])
    _import(hoa, first)
    decide(lan.db, ctx, sid, "approve")  # a surveyor approving its own session
    bad = tmp_path / "self-approved.bundle"
    _export(lan, bad)
    _refused(hoa, bad, "self-approved.bundle", "not a supervisor")
    header, tables = unseal(bad, hoa)
    only = reseal(tmp_path / "decision-only.bundle", header, {"review_decisions": tables["review_decisions"]}, lan,
                  [hoa])
    _refused(hoa, only, "review decision not signed by a supervisor")
    # The supervisor's own decision travels back to the surveyor and is accepted there.
    hoa_ctx = context_for(hoa.db, "Hoa")
    decide(hoa.db, hoa_ctx, sid, "reject", "thiếu hộ")
    back = tmp_path / "decision.bundle"
    _export(hoa, back, recipients=[fresh.key])
    _, tables = unseal(back, fresh)
    assert {t for t, recs in tables.items() if recs} == {"review_decisions", "sessions"}
    _import(fresh, first)
    assert _import(fresh, back)["changed"] == 2
    assert fresh.db.execute("SELECT status FROM sessions").fetchone()[0] == "rejected"
    fresh.close()


def test_form_only_from_a_supervisor_or_central(lan, hoa, tmp_path):
    form = context_for(lan.db, "Lan").stamp({"form_id": "hh", "version": "evil", "title": "x", "definition": "{}",
                                             "imported_at": NOW})
    lan.db.table("forms").insert(form)
    out = tmp_path / "form.bundle"
    _export(lan, out)
    _refused(hoa, out, "form not signed by a supervisor")


def test_keys_cli_show_trust_list_revoke(cli, home, tmp_path):
    shown = cli("keys", "show", "--json")
    assert shown.returncode == 0, shown.stderr
    me = json.loads(shown.stdout)
    assert me["public_key"].startswith("hue-survey-key-1:" + me["device_id"]) and len(me["fingerprint"]) == 19
    assert json.loads(cli("keys", "show", "--json").stdout) == me  # made once, then kept
    key_file = home / "keys" / "identity.json"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    other = Laptop(tmp_path / "other")
    r = cli("--lang", "en", "keys", "trust", other.key, "--name", "Chị Hoa", "--role", "supervisor")
    assert r.returncode == 0 and other.keyring.identity.public.fingerprint in r.stdout
    listed = json.loads(cli("keys", "list", "--json").stdout)
    assert [(e["name"], e["role"], e["revoked_at"]) for e in listed] == [("Chị Hoa", "supervisor", None)]
    bad = cli("--lang", "en", "keys", "trust", other.key[:-3] + "qqq", "--name", "x", "--role", "surveyor")
    assert bad.returncode == 2 and "damaged" in bad.stderr and "Traceback" not in bad.stderr
    junk = cli("keys", "trust", "hello", "--name", "x", "--role", "surveyor")
    assert junk.returncode == 2 and "Traceback" not in junk.stderr
    fp = listed[0]["fingerprint"].replace("-", "").lower()
    assert cli("keys", "revoke", fp).returncode == 0
    assert json.loads(cli("keys", "list", "--json").stdout)[0]["revoked_at"]
    again = cli("--lang", "en", "keys", "revoke", fp)
    assert again.returncode == 2 and "No trusted key" in again.stderr
    other.close()


def test_mutated_bundles_always_give_a_clear_error(lan, hoa, tmp_path, monkeypatch):
    """Random bit flips, cuts, repeats and insertions: always a BundleError naming the file, never another
    exception, and the supervisor's database unchanged."""
    import random

    from survey_app.trust import container

    monkeypatch.setattr(container, "SEGMENT_TARGET", 4096)
    add_readings(lan.db, 400)
    out = tmp_path / "lan.bundle"
    _export(lan, out)
    raw = out.read_bytes()
    rng = random.Random(1515)
    before = hoa.fingerprint()
    for i in range(40):
        data = bytearray(raw)
        kind = i % 4
        if kind == 0:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif kind == 1:
            data = data[: rng.randrange(len(data))]
        elif kind == 2:
            cut = rng.randrange(32, len(data))
            data = data[:cut] + data[cut - rng.randint(1, 64):]
        else:
            at = rng.randrange(len(data))
            data = data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 16))) + data[at:]
        bad = tmp_path / f"m{i}.bundle"
        bad.write_bytes(bytes(data))
        with pytest.raises(BundleError, match=f"m{i}.bundle"):
            _import(hoa, bad)
    assert hoa.fingerprint() == before


def test_built_in_form_stays_local_and_a_forged_one_is_refused(lan, hoa, tmp_path):
    """Every installation has its own built-in household form: a surveyor's bundle carries it (pending, like any
    record) and the supervisor's laptop keeps its own copy instead; a form claiming to be built-in but not
    marked so is refused."""
    from survey_app.storage.forms import ensure_builtin

    ensure_builtin(lan.db, context_for(lan.db, "Lan"))
    add_readings(lan.db, 5)
    out = tmp_path / "lan.bundle"
    _export(lan, out)
    _, tables = unseal(out, hoa)
    assert len(tables["forms"]) == 1
    result = _import(hoa, out)
    assert result["records"] == 7
    assert hoa.db.execute("SELECT count(*) FROM forms WHERE device_id = ?",
                          [lan.keyring.identity.device_id]).fetchone()[0] == 0


def test_a_surveyor_carries_the_status_its_supervisor_set(lan, hoa, tmp_path):
    """Hoa approves Lan's session; Lan's laptop gets the decision and later exports the session again (it is
    Lan's record, now approved): the supervisor's laptop accepts it, the status being the one it set."""
    add_readings(lan.db, 3)
    sid = lan.db.execute("SELECT id FROM sessions").fetchone()[0]
    close_session(lan.db, context_for(lan.db, "Lan"), sid)
    _export(lan, tmp_path / "closed.bundle")
    _import(hoa, tmp_path / "closed.bundle")
    decide(hoa.db, context_for(hoa.db, "Hoa"), sid, "approve")
    _export(hoa, tmp_path / "approved.bundle", recipients=[lan.key])
    assert _import(lan, tmp_path / "approved.bundle")["changed"] == 2
    assert lan.db.execute("SELECT status FROM sessions").fetchone()[0] == "approved"
    again = tmp_path / "again.bundle"
    _export(lan, again)
    _, tables = unseal(again, hoa)
    assert [r["data"]["status"] for r in tables["sessions"]] == ["approved"]
    assert _import(hoa, again)["records"] >= 1  # accepted: nothing new, no refusal


def test_deleting_another_devices_record_is_refused(lan, hoa, tmp_path):
    """Minh got Lan's bundle and deletes one of her readings: his tombstone is refused on Hoa's laptop."""
    from survey_app.storage.revisions import delete

    minh = Laptop(tmp_path / "minh")
    minh.trusts(lan, "surveyor")
    hoa.trusts(minh, "surveyor", "Minh")
    minh.trusts(hoa, "supervisor")
    ids = add_readings(lan.db, 3)
    out = tmp_path / "lan.bundle"
    _export(lan, out, recipients=[minh.key])
    _import(hoa, out)
    _import(minh, out)
    delete(minh.db, "signal_readings", ids[0], deleted_by="Minh", reason="nhầm")
    bad = tmp_path / "minh.bundle"
    _export(minh, bad)
    _refused(hoa, bad, "minh.bundle", "deletion of a record that belongs to device", lan.keyring.identity.device_id)
    assert hoa.db.execute("SELECT count(*) FROM signal_readings").fetchone()[0] == 3
    minh.close()
