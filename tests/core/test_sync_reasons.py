"""The receiver's refusals are shown in the user's language (sync --status, the sync panel), its own words kept."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from survey_app.i18n import _, set_language, vietnamese_catalogue
from survey_app.sync import reasons
from survey_app.trust.policy import Writer, refusal

ROOT = Path(__file__).resolve().parents[2]
SURVEYOR = Writer("surveyor", frozenset({"dev-a"}), "Lan")
# (table, data, keyword arguments): one case per refusal of trust/policy.py
POLICY_CASES = [
    ("tombstones", {"table_name": "review_decisions"}, {}),
    ("tombstones", {"table_name": "households"}, {"target_device": "dev-b"}),
    ("review_decisions", {"device_id": "dev-a"}, {}),
    ("forms", {"device_id": "dev-a", "source_sha256": "ab12"}, {}),
    ("sessions", {"device_id": "dev-a", "status": "approved"}, {}),
    ("households", {"device_id": "dev-b"}, {}),
    ("households", {"device_id": "dev-a"}, {"held_device": "dev-b"}),
]


@pytest.fixture
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")


def _policy_literals() -> set[str]:
    tree = ast.parse((ROOT / "survey_app" / "trust" / "policy.py").read_text(encoding="utf-8"))
    return {n.args[0].value for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "_"
            and n.args and isinstance(n.args[0], ast.Constant)}


def test_every_refusal_of_the_policy_is_known():
    assert _policy_literals() == set(reasons.POLICY)


@pytest.mark.parametrize("table,data,kw", POLICY_CASES)
def test_policy_refusals_read_in_vietnamese(vietnamese, table, data, kw):
    english = refusal(SURVEYOR, table, data, english=True, **kw)
    assert english is not None
    shown = reasons.explain("not allowed: " + english)
    assert shown == "không được phép: " + refusal(SURVEYOR, table, data, **kw)
    assert english not in shown


@pytest.mark.parametrize("said,expect", [
    ("stale: the central system holds revision 4", "cũ hơn bản ở hệ thống trung tâm (ở đó là phiên bản 4)"),
    ("stale: the central system holds revision 7 of households 1f2e", "(ở đó là phiên bản 7)"),
    ("conflict: the central system holds revision 2 with different content", "cùng phiên bản (2)"),
    ("conflict: the central system holds revision 2 as deleted", "là đã xóa"),
    ("unknown columns: phone2, x", "không biết: phone2, x"),
    ("not allowed: a record keeps the device it was made on", "không được phép: bản ghi giữ thiết bị đã tạo ra nó"),
    ("rssi: number not finite", "rssi: không phải là số hữu hạn"),
    ("too large for the central system", "quá lớn đối với hệ thống trung tâm"),
    ("HTTP 422: unknown table", "(HTTP 422): một loại bản ghi mà hệ thống trung tâm không biết"),
    ("something new the receiver says", "lời của hệ thống trung tâm: something new the receiver says"),
])
def test_receiver_words_read_in_vietnamese(vietnamese, said, expect):
    assert expect in reasons.explain(said)


def test_english_stays_english():
    set_language("en")
    try:
        assert reasons.explain("not allowed: a record of device dev-b, not of the sender") == (
            "not allowed: a record of device dev-b, not of the sender")
    finally:
        set_language("vi")


def test_bundle_refusals_read_in_vietnamese_whatever_the_receivers_language(vietnamese):
    said = _("{path} is signed by a key this installation does not trust (fingerprint {fp}). If you know whose it "
             "is, trust it first: survey-app keys trust PUBLIC_KEY --name NAME --role surveyor|supervisor|central")
    for text in (said, reasons.BUNDLE[0][0]):  # a receiver running in Vietnamese, or in English
        shown = reasons.explain_bundle(text.format(path="/tmp/tmpx1.bundle", fp="ab:cd"))
        assert shown.startswith("hệ thống trung tâm không biết khóa đã ký tệp này (dấu vân tay ab:cd)")
        assert "/tmp/" not in shown
    why = refusal(SURVEYOR, "review_decisions", {}, english=True)
    shown = reasons.explain_bundle(f"/tmp/t.bundle was refused: signed by Lan (surveyor), it holds {why} "
                                   "(record 1234). Nothing was imported.")
    assert shown == "do Lan (điều tra viên) ký, tệp chứa " + refusal(SURVEYOR, "review_decisions", {}) + \
        " (bản ghi 1234); hệ thống trung tâm không nhận gì từ tệp này"


def test_every_message_has_vietnamese_with_the_same_placeholders():
    vi = vietnamese_catalogue()
    for _said, message in reasons.RECORD + reasons.BUNDLE:
        assert message in vi, message
        assert set(re.findall(r"\{(\w+)\}", vi[message])) == set(re.findall(r"\{(\w+)\}", message))


def test_sync_status_says_the_receivers_refusals_in_vietnamese(db, home, cli, tmp_path):
    """A surveyor's laptop approves its own session: the real receiver refuses the decision and the status."""
    pytest.importorskip("fastapi")
    from sync_support import Receiver, add_readings

    from survey_app.review.decisions import decide
    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import close_session

    add_readings(db, 3)
    sid = db.execute("SELECT id FROM sessions").fetchone()[0]
    ctx = context_for(db, "Lan")
    close_session(db, ctx, sid)
    decide(db, ctx, sid, "approve", "tự duyệt")
    receiver = Receiver(tmp_path)
    try:
        env = {"SURVEY_APP_NO_KEYRING": "1", "SURVEY_APP_SYNC_TOKEN": receiver.token}
        done = cli("sync", "--url", receiver.url, "--json", env=env)
        assert done.returncode == 1 and json.loads(done.stdout)["rejected"] == 2, done.stderr
    finally:
        receiver.stop()
    status = json.loads(cli("sync", "--status", "--json").stdout)
    by_table = {r["table"]: r for r in status["refusals"]}
    assert set(by_table) == {"sessions", "review_decisions"}
    decision = by_table["review_decisions"]
    assert decision["reason"] == "not allowed: a review decision not signed by a supervisor"  # its words, kept
    assert decision["message"] == "không được phép: " + refusal(SURVEYOR, "review_decisions", {})
    assert decision["state"] == "rejected"
    text = cli("sync", "--status").stdout
    assert "Bản ghi bị hệ thống trung tâm từ chối:" in text and decision["message"] in text
    assert by_table["sessions"]["message"] in text and "not allowed" not in text
