"""Records imported from another installation's bundle are not this laptop's to send: their own installation
syncs them, or the forwarded original carries them, unless this laptop revises them. Every kind of bundle, against
the real receiver on 127.0.0.1 with real keys and real files: a surveyor's bundle on a supervisor's laptop, a
supervisor's revisit assignment on a surveyor's laptop, a bundle imported twice, a bundle whose forward the
receiver refuses, a record imported then revised here."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from revisions_support import Laptop  # noqa: E402
from sync_support import Receiver, add_readings, fast_config, receiver_sql, sync  # noqa: E402

from survey_app.storage import sync as store  # noqa: E402
from survey_app.sync.bundle import export_bundle  # noqa: E402
from survey_app.sync.bundle_import import import_bundle  # noqa: E402
from survey_app.sync.service import status_summary  # noqa: E402
from survey_app.sync.upload import drive  # noqa: E402

UNIT = "19753"


@pytest.fixture
def lan(tmp_path):
    """A surveyor's laptop with an open session."""
    lap = Laptop(tmp_path / "lan", "Lan")
    lap.open_session()
    yield lap
    lap.close()


@pytest.fixture
def hoa(tmp_path, lan):
    """A supervisor's laptop; Lan and Hoa trust each other."""
    lap = Laptop(tmp_path / "hoa", "Hoa")
    lap.trusts(lan.key, "surveyor", "Lan")
    lan.trusts(lap.key, "supervisor", "Hoa")
    yield lap
    lap.close()


@pytest.fixture
def receiver(tmp_path, hoa):
    """The receiver with Hoa registered as supervisor (Lan is registered by each test that wants it)."""
    r = Receiver(tmp_path, name="hoa", public_key=hoa.key, role="supervisor")
    yield r
    r.stop()


def _register(receiver: Receiver, name: str, lap: Laptop, **kw) -> str:
    from survey_app.central.store import CentralStore

    central = CentralStore(receiver.db_path)
    try:
        return central.add_device(name, public_key=lap.key, **kw)
    finally:
        central.close()


def _centre_key(receiver: Receiver) -> str:
    from survey_app.trust.keys import central_identity

    return central_identity(receiver.db_path).public.text


def _export(lap: Laptop, out: Path, **kw) -> Path:
    drive(export_bundle(lap.path, out, **kw))
    return out


def _import(lap: Laptop, path: Path) -> dict:
    return drive(import_bundle(lap.path, path))


def _held(receiver: Receiver, table: str) -> dict[str, tuple[int, str]]:
    """id -> (revision, device_id) of what the receiver holds of `table`."""
    return {i: (r, d) for i, r, d in receiver_sql(
        receiver.db_path, "SELECT id, revision, device_id FROM records WHERE table_name = ?", [table])}


def _states(lap: Laptop, table: str) -> set[str]:
    return {r[0] for r in lap.db.execute(f"SELECT sync_state FROM [{table}]")}


def _surveyor_bundle(lan: Laptop, tmp_path: Path, receiver: Receiver, readings: int = 5) -> Path:
    """Lan's work (readings and an interview) in a bundle sealed to Hoa and to the centre."""
    lan.trusts(_centre_key(receiver), "central", "centre")
    add_readings(lan.db, readings, session_id=lan.session.id)
    lan.draft()
    return _export(lan, tmp_path / "lan.bundle")


def test_surveyor_bundle_on_supervisor_laptop_is_forwarded_and_marked_by_the_receiver(tmp_path, lan, hoa,
                                                                                      receiver):
    _register(receiver, "lan", lan)
    bundle = _surveyor_bundle(lan, tmp_path, receiver)
    hoa.open_session()  # the supervisor's own work too (a team and a session)
    result = _import(hoa, bundle)
    n = result["records"]
    assert result["imported"] and result["signer"] == "Lan"
    assert Path(result["forward"]).read_bytes() == bundle.read_bytes()  # the signed original, for the receiver
    before = status_summary(hoa.db, hoa.home)
    assert (before["pending"], before["rejected"], before["imported"]) == (2, 0, n)  # Lan's are not in its outbox
    assert before["bundles"]["waiting"] == 1 and store.unsynced_count(hoa.db) == 2
    result = sync(hoa.path, fast_config(receiver.url, receiver.token))
    assert result.status == "ok" and result.error is None and result.notes is None, result
    assert (result.sent, result.accepted, result.rejected) == (2, 2, 0)
    assert (result.forwarded, result.forwarded_accepted, result.forwarded_refused) == (1, n, 0)
    after = status_summary(hoa.db, hoa.home)
    assert (after["pending"], after["rejected"], after["imported"]) == (0, 0, 0)
    assert after["bundles"] == {"waiting": 0, "forwarded": 1, "refused": 0, "refusals": []}
    readings = _held(receiver, "signal_readings")
    assert len(readings) == 5 and {d for _r, d in readings.values()} == {lan.rctx.device_id}


@pytest.mark.parametrize("sealed_to_centre", [False, True])
def test_assignment_on_surveyor_laptop_is_the_supervisors_to_send(tmp_path, lan, hoa, receiver, cli,
                                                                  sealed_to_centre):
    from survey_app.coverage import assignments as asg
    from survey_app.coverage.gaps import Criteria, Gap

    lan_token = _register(receiver, "lan", lan)
    if sealed_to_centre:
        hoa.trusts(_centre_key(receiver), "central", "centre")
    gap = Gap(618143281213341695, UNIT, "Viettel", "LTE", have=0, need=2, lon=107.59, lat=16.46)
    a = asg.create(hoa.db, hoa.rctx, UNIT, [gap], Criteria(min_samples=2), team="T1")
    bundle = _export(hoa, tmp_path / "assignment.bundle", assignment_id=a.id, recipients=[lan.key])
    result = _import(lan, bundle)
    assert result["imported"] and (result["forward"] is not None) == sealed_to_centre
    add_readings(lan.db, 3, session_id=lan.session.id)
    assert _states(lan, "assignments") == {"imported"}
    done = sync(lan.path, fast_config(receiver.url, lan_token))
    # Lan's own work arrives; the supervisor's assignment is never in Lan's batches, so nothing is rejected
    assert done.status == "ok" and done.rejected == 0 and done.accepted == 5 and done.notes is None, done
    assert done.forwarded == int(sealed_to_centre)
    held = _held(receiver, "assignments")
    assert held == ({a.id: (1, hoa.rctx.device_id)} if sealed_to_centre else {})
    env = {"SURVEY_APP_HOME": str(lan.home)}
    status = json.loads(cli("sync", "--status", "--json", env=env).stdout)
    want = {"pending": 0, "rejected": 0, "arrived": 1, "imported": 0} if sealed_to_centre else {
        "pending": 0, "rejected": 0, "arrived": 0, "imported": 1}
    assert status["tables"]["assignments"] == want and status["rejected"] == 0
    retried = cli("sync", "--retry-rejected", "--url", receiver.url, "--json",
                  env=dict(env, SURVEY_APP_SYNC_TOKEN=lan_token))
    assert retried.returncode == 0, retried.stderr
    assert json.loads(retried.stdout)["sent"] == 0  # nothing of another installation is "sent again"
    assert _states(lan, "assignments") == ({"synced"} if sealed_to_centre else {"imported"})
    # its owner syncs it
    assert sync(hoa.path, fast_config(receiver.url, receiver.token)).status == "ok"
    assert _held(receiver, "assignments") == {a.id: (1, hoa.rctx.device_id)}


def test_bundle_imported_twice_is_forwarded_once(tmp_path, lan, hoa, receiver):
    _register(receiver, "lan", lan)
    bundle = _surveyor_bundle(lan, tmp_path, receiver)
    first = _import(hoa, bundle)
    again = _import(hoa, bundle)
    assert again["changed"] == 0 and again["forward"] == first["forward"]
    status = status_summary(hoa.db, hoa.home)
    assert status["bundles"]["waiting"] == 1 and (status["pending"], status["imported"]) == (0, first["records"])
    done = sync(hoa.path, fast_config(receiver.url, receiver.token))
    assert done.status == "ok" and done.forwarded == 1 and done.forwarded_accepted == first["records"]
    third = _import(hoa, bundle)  # a copy of the USB stick, imported once more after the forward
    assert third["changed"] == 0 and third["forward"] is None
    status = status_summary(hoa.db, hoa.home)
    assert (status["pending"], status["imported"], status["rejected"]) == (0, 0, 0)
    assert status["bundles"]["waiting"] == 0 and status["bundles"]["forwarded"] == 1
    later = sync(hoa.path, fast_config(receiver.url, receiver.token))
    assert later.status == "ok" and later.forwarded == 0 and later.sent == 0


def test_bundle_the_receiver_refuses_is_kept_aside_and_forwarded_again_on_retry(tmp_path, lan, hoa, receiver,
                                                                                 cli):
    bundle = _surveyor_bundle(lan, tmp_path, receiver)  # Lan's key is not registered at the receiver yet
    hoa.open_session()
    n = _import(hoa, bundle)["records"]
    done = sync(hoa.path, fast_config(receiver.url, receiver.token))
    # Hoa's own records arrive and its run is fine; the refused file is said once and kept aside
    assert done.status == "ok" and (done.accepted, done.rejected, done.forwarded) == (2, 0, 0), done
    refused = list((hoa.home / "bundles" / "refused").glob("*.bundle"))
    assert len(refused) == 1 and refused[0].read_bytes() == bundle.read_bytes()
    assert done.error is None and refused[0].name in done.notes
    assert "hệ thống trung tâm không biết khóa đã ký tệp này" in done.notes  # the user's language, what to do
    assert _states(hoa, "signal_readings") == {"imported"}  # Lan's: neither waiting here nor rejected
    env = {"SURVEY_APP_HOME": str(hoa.home), "SURVEY_APP_SYNC_TOKEN": receiver.token}
    status = json.loads(cli("sync", "--status", "--json", env=env).stdout)
    assert (status["pending"], status["rejected"], status["imported"]) == (0, 0, n)
    files = status["bundles"]
    assert (files["waiting"], files["refused"]) == (0, 1) and files["refusals"][0]["status"] == 400
    assert files["refusals"][0]["message"].startswith("hệ thống trung tâm không biết khóa đã ký tệp này")
    text = cli("sync", "--status", env=env).stdout
    assert files["refusals"][0]["message"] in text and files["refusals"][0]["detail"] not in text
    again = sync(hoa.path, fast_config(receiver.url, receiver.token))
    assert again.status == "ok" and again.notes is None and again.sent == 0  # not posted at every sync
    _register(receiver, "lan", lan)  # the operator registers Lan's key: the cause is fixed
    retried = cli("sync", "--retry-rejected", "--url", receiver.url, "--json", env=env)
    assert retried.returncode == 0, retried.stderr
    assert json.loads(retried.stdout)["forwarded"] == {"bundles": 1, "accepted": n, "refused": 0}
    status = status_summary(hoa.db, hoa.home)
    assert (status["pending"], status["rejected"], status["imported"]) == (0, 0, 0)
    assert status["bundles"]["refused"] == 0 and len(_held(receiver, "signal_readings")) == 5


def test_record_imported_then_revised_here_is_sent_by_this_laptop(tmp_path, lan, hoa, receiver):
    from survey_app.review.decisions import decide
    from survey_app.storage.sessions import close_session

    lan_token = _register(receiver, "lan", lan)
    add_readings(lan.db, 3, session_id=lan.session.id)
    sid = lan.session.id
    close_session(lan.db, lan.rctx, sid)
    assert sync(lan.path, fast_config(receiver.url, lan_token)).status == "ok"
    revision = lan.db.execute("SELECT revision FROM sessions WHERE id = ?", [sid]).fetchone()[0]
    bundle = _export(lan, tmp_path / "session.bundle", session_id=sid)  # sealed to Hoa alone: not forwardable
    result = _import(hoa, bundle)
    assert result["forward"] is None and _states(hoa, "signal_readings") == {"imported"}
    decide(hoa.db, hoa.rctx, sid, "approve", "đủ dữ liệu")  # the supervisor's decision: the revision path
    status = status_summary(hoa.db, hoa.home)
    assert status["tables"]["sessions"]["pending"] == 1 and status["tables"]["review_decisions"]["pending"] == 1
    assert status["pending"] == 2 and status["imported"] == result["records"] - 1
    done = sync(hoa.path, fast_config(receiver.url, receiver.token))
    assert done.status == "ok" and (done.sent, done.accepted, done.rejected) == (2, 2, 0), done
    assert _held(receiver, "sessions")[sid] == (revision + 1, lan.rctx.device_id)  # Lan's session, revised by Hoa
    assert _states(hoa, "sessions") == {"synced"} and _states(hoa, "signal_readings") == {"imported"}
    held = receiver_sql(receiver.db_path, "SELECT data FROM records WHERE table_name = 'sessions' AND id = ?", [sid])
    assert json.loads(held[0][0])["status"] == "approved"
