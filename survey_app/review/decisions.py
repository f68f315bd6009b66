"""Approve, reject or reopen a session: a review_decisions record plus a revision of the session's status."""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from survey_app.clock import utc_now
from survey_app.errors import UserError
from survey_app.i18n import _
from survey_app.storage import review as store
from survey_app.storage import changes
from survey_app.storage.records import RecordContext
from survey_app.storage.revisions import revise
from survey_app.storage.sessions import get_session, status_label

# action -> (decision stored, session status after, statuses it may follow)
ACTIONS = {
    "approve": ("approved", "approved", ("closed", "rejected")),
    "reject": ("rejected", "rejected", ("closed", "approved")),
    "reopen": ("reopened", "closed", ("approved", "rejected")),
}
MAX_COMMENT = 2000


@dataclass
class Decision:
    """One review decision."""

    id: str
    session_id: str
    decision: str
    comment: str
    reviewer: str
    decided_at: str

    def describe(self) -> str:
        """One line for people, translated."""
        text = {"approved": _("approved"), "rejected": _("rejected"), "reopened": _("reopened")}[self.decision]
        return _("Session {id} {decision} by {reviewer} at {at}: {comment}").format(
            id=self.session_id[:8], decision=text, reviewer=self.reviewer, at=self.decided_at,
            comment=self.comment or "—")

    def to_json(self) -> dict:
        """JSON-ready dictionary (CLI)."""
        return {"id": self.id, "session_id": self.session_id, "decision": self.decision, "comment": self.comment,
                "reviewer": self.reviewer, "decided_at": self.decided_at}


def decide(db: sqlite_utils.Database, ctx: RecordContext, session_id: str, action: str, comment: str = "") -> Decision:
    """Record a decision on a session; refuses with a reason when the session's status does not allow it."""
    if action not in ACTIONS:
        raise UserError(_("Unknown review action: {action}").format(action=action))
    decision, new_status, allowed = ACTIONS[action]
    comment = (comment or "").strip()
    reviewer = (ctx.surveyor or "").strip()
    if not reviewer:
        raise UserError(_("A decision needs the reviewer's name: pass --reviewer, or decide in the window."))
    if action in ("reject", "reopen") and not comment:
        raise UserError(_("Say why in a comment: a rejection or reopening needs one."))
    if len(comment) > MAX_COMMENT:
        raise UserError(_("The comment is too long ({n} characters, at most {max}).").format(
            n=len(comment), max=MAX_COMMENT))
    session = get_session(db, session_id)
    if session.status not in allowed:
        if session.status == "open":
            raise UserError(_("Session {id} is still open; close it before reviewing.").format(id=session.id[:8]))
        raise UserError(_("Session {id} is {status}; it cannot be {action}.").format(
            id=session.id[:8], status=status_label(session.status), action=_action_label(action)))
    now = utc_now()
    record = ctx.stamp({"session_id": session.id, "decision": decision, "comment": comment,
                        "reviewer": reviewer, "decided_at": now}, now=now)
    with db.atomic():
        db.table("review_decisions").insert(record)
        changes.changed(db, "review_decisions")
        revise(db, "sessions", session.id, {"status": new_status}, changed_by=reviewer,
               reason=f"review {decision}: {comment}".strip())
    return Decision(record["id"], session.id, decision, comment, reviewer, now)


def _action_label(action: str) -> str:
    return {"approve": _("approved"), "reject": _("rejected"), "reopen": _("reopened")}[action]


def history(db: sqlite_utils.Database, session_id: str) -> list[Decision]:
    """Every decision on a session, oldest first."""
    return [Decision(*r) for r in store.decisions(db, session_id)]
