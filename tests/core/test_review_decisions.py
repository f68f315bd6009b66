"""Approve / reject / reopen: records, history, refusals with reasons, CLI."""
from __future__ import annotations

import json

import pytest

import review_support as rs
from survey_app.errors import UserError
from survey_app.review.decisions import decide, history
from survey_app.storage.records import context_for
from survey_app.storage.sessions import get_session


def test_approve_reject_reopen_cycle_keeps_history(db):
    sid = rs.session(db)
    boss = context_for(db, "Chị Hoa")
    d1 = decide(db, boss, sid, "approve", "đủ dữ liệu")
    assert get_session(db, sid).status == "approved"
    d2 = decide(db, boss, sid, "reject", "thiếu vị trí")
    assert get_session(db, sid).status == "rejected"
    d3 = decide(db, boss, sid, "reopen", "xem lại")
    assert get_session(db, sid).status == "closed"
    assert [(d.decision, d.comment, d.reviewer) for d in history(db, sid)] == [
        ("approved", "đủ dữ liệu", "Chị Hoa"), ("rejected", "thiếu vị trí", "Chị Hoa"), ("reopened", "xem lại", "Chị Hoa")]
    assert d1.decided_at <= d2.decided_at <= d3.decided_at
    # every status change kept the previous session row, with who and why
    hist = db.execute("SELECT changed_by, reason, json_extract(data_before, '$.status') FROM record_history "
                      "WHERE record_id = ? ORDER BY revision", [sid]).fetchall()
    assert hist[-3:] == [("Chị Hoa", "review approved: đủ dữ liệu", "closed"),
                         ("Chị Hoa", "review rejected: thiếu vị trí", "approved"),
                         ("Chị Hoa", "review reopened: xem lại", "rejected")]
    row = db.execute("SELECT revision, sync_state FROM sessions WHERE id = ?", [sid]).fetchone()
    assert row == (5, "pending")   # created, closed, approved, rejected, reopened


def test_refusals(db):
    open_sid = rs.session(db, close=False)
    boss = context_for(db, "Chị Hoa")
    with pytest.raises(UserError, match="đang mở"):
        decide(db, boss, open_sid, "approve")
    sid = rs.session(db)
    with pytest.raises(UserError, match="lý do"):
        decide(db, boss, sid, "reject", "   ")
    with pytest.raises(UserError, match="tên người duyệt"):
        decide(db, context_for(db, ""), sid, "approve")
    with pytest.raises(UserError, match="quá dài"):
        decide(db, boss, sid, "approve", "x" * 3000)
    decide(db, boss, sid, "approve")
    with pytest.raises(UserError):
        decide(db, boss, sid, "approve")          # already approved
    with pytest.raises(UserError):
        decide(db, boss, "no-such-session", "approve")
    assert len(history(db, sid)) == 1              # refused attempts left nothing behind


def test_cli_approve_reject(db, cli):
    sid = rs.session(db)
    out = cli("review", "approve", sid[:8], "--comment", "tốt", "--reviewer", "Hoa", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["decision"] == "approved" and data["reviewer"] == "Hoa" and data["session_id"] == sid
    bad = cli("review", "reject", sid, "--reviewer", "Hoa")
    assert bad.returncode == 2 and "Lỗi" in bad.stderr and "Traceback" not in bad.stderr
    ok = cli("--lang", "en", "review", "reject", sid, "--comment", "sai đơn vị", "--reviewer", "Hoa")
    assert ok.returncode == 0 and "rejected by Hoa" in ok.stdout
    status = cli("sessions", "list", "--json")
    assert json.loads(status.stdout)[0]["status"] == "rejected"
    again = cli("review", "reopen", sid, "--comment", "xem lại", "--reviewer", "Hoa")
    assert again.returncode == 0
    assert db.execute("SELECT status FROM sessions WHERE id = ?", [sid]).fetchone()[0] == "closed"
