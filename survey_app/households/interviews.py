"""The interview workflow: start, autosave, finalize (or end as refused), revise with a reason, discard a draft."""
from __future__ import annotations

import sqlite_utils

from survey_app.clock import utc_now
from survey_app.errors import NotFound, UserError
from survey_app.forms.interview import FormState
from survey_app.households import consent
from survey_app.households.labels import status_label
from survey_app.households.rules import duration_s, missing_answers_message, outcome, record_rows
from survey_app.i18n import _
from survey_app.models.base import NO_POSITION_COLUMNS, Position
from survey_app.storage import households as store
from survey_app.storage.forms import get_definition
from survey_app.storage.records import CODE_SET, RecordContext
from survey_app.storage.sessions import require_open


def start_interview(db: sqlite_utils.Database, rctx: RecordContext, *, session_id: str, form: dict,
                    position: Position | None = None) -> str:
    """Open a draft interview in an open session; returns the household id."""
    session = require_open(db, session_id)
    now = utc_now()
    row = rctx.stamp({"session_id": session.id, "unit_code": session.unit_code,
                      "code_set": session.code_set or CODE_SET,
                      "form_id": form["form_id"], "form_version": form["version"], "status": "draft",
                      "started_at": now, "answers": "{}", "member_count": 0,
                      **(position.as_columns() if position else NO_POSITION_COLUMNS)}, now=now)
    store.insert_household(db, row)
    return row["id"]


def state_for(db: sqlite_utils.Database, household_id: str, *, lang: str | None = None,
              meta: dict | None = None) -> FormState:
    """A FormState of a stored interview under the form version it was started with."""
    hh = store.get_interview(db, household_id)
    form = get_definition(db, hh["form_id"], hh["form_version"])
    return FormState(form, hh["data"], lang=lang, meta=dict(meta or {}, start=hh["started_at"]))


def save_draft(db: sqlite_utils.Database, rctx: RecordContext, household_id: str, data: dict, *,
               location_source: str | None = None, location_at: str | None = None) -> int:
    """Autosave a draft: a new revision (sent again if the last one left the laptop), without local history
    (a draft replacing a draft is work in progress). location_*: where the location answer came from
    ('gps', 'modem', 'manual') and when. Returns the revision."""
    current = store.get_interview(db, household_id)
    if current["status"] != "draft":
        raise UserError(_("This interview is {status}; editing it needs a reason.").format(
            status=status_label(current["status"])))
    hh, mrows = record_rows(household_id, data, location_source, location_at)
    return _write(db, rctx, current, hh, mrows, data, reason=_("draft saved"), history=False)


def _write(db: sqlite_utils.Database, rctx: RecordContext, current: dict, hh: dict, mrows: list, data: dict, *,
           reason: str, history: bool = True) -> int:
    """Store the interview's rows (no exact position without its consent scope) and its consent record."""
    answers = data.get("answers") or {}
    if not consent.position_allowed(db, current, answers):
        hh.update(NO_POSITION_COLUMNS)
    revision = store.write_interview(db, rctx, current["id"], hh, mrows, reason=reason, history=history)
    consent.record_answers(db, rctx, current["id"], answers)
    return revision


def check_answers(db: sqlite_utils.Database, household_id: str, data: dict) -> FormState:
    """Re-check answers against the stored form version; UserError when any is missing or wrong."""
    hh = store.get_interview(db, household_id)
    state = FormState(get_definition(db, hh["form_id"], hh["form_version"]), data,
                      meta={"start": hh["started_at"]})
    errors = state.errors()
    if errors:
        raise UserError(_("The interview cannot be finalized: {problem}").format(
            problem=missing_answers_message(state, errors)))
    return state


def finalize_interview(db: sqlite_utils.Database, rctx: RecordContext, household_id: str, data: dict, *,
                       location_source: str | None = None, location_at: str | None = None) -> str:
    """Finalize a draft: refused when consent is 'no', else every answer must pass; returns the new status.
    The draft stays in the history (here and at the central system)."""
    current = store.get_interview(db, household_id)
    if current["status"] != "draft":
        raise UserError(_("This interview is already {status}.").format(status=status_label(current["status"])))
    state = check_answers(db, household_id, data)
    ended = utc_now()
    state.set_meta("end", ended)
    pruned = state.to_data(prune=True)
    hh, mrows = record_rows(household_id, pruned, location_source, location_at)
    status = outcome(state)
    hh.update(status=status, ended_at=ended, duration_s=duration_s(current["started_at"], ended))
    _write(db, rctx, current, hh, mrows, pruned, reason=_("finalized"))
    return status


def revise_interview(db: sqlite_utils.Database, rctx: RecordContext, household_id: str, data: dict, *,
                     reason: str, location_source: str | None = None, location_at: str | None = None) -> int:
    """Edit a finalized (or refused) interview: needs a reason; the old rows go to record_history."""
    reason = (reason or "").strip()
    if not reason:
        raise UserError(_("Say why this finalized interview is being changed."))
    current = store.get_interview(db, household_id)
    if current["status"] == "draft":
        raise UserError(_("This interview is still a draft; just keep editing it."))
    state = check_answers(db, household_id, data)
    pruned = state.to_data(prune=True)
    hh, mrows = record_rows(household_id, pruned, location_source, location_at)
    hh["status"] = outcome(state)
    return _write(db, rctx, current, hh, mrows, pruned, reason=reason)


def remove_member(db: sqlite_utils.Database, rctx: RecordContext, household_id: str, member_id: str, *,
                  reason: str) -> int:
    """Take one member off the roster (a tombstone travels); a finalized interview is checked again. Returns
    the household's revision."""
    reason = (reason or "").strip()
    if not reason:
        raise UserError(_("Say why this member is removed."))
    hh = store.get_interview(db, household_id)
    members = hh["data"]["repeats"]["members"]
    kept = [m for m in members if m["_id"] != member_id]
    if len(kept) == len(members):
        raise NotFound(_("Household {id} has no member {member}.").format(id=household_id, member=member_id))
    data = dict(hh["data"], repeats={"members": kept})
    where = {"location_source": hh["position_source"], "location_at": hh["position_at"]}  # the answer is unchanged
    if hh["status"] != "draft":
        return revise_interview(db, rctx, household_id, data, reason=reason, **where)
    row, mrows = record_rows(household_id, data, where["location_source"], where["location_at"])
    return _write(db, rctx, hh, row, mrows, data, reason=reason)


def discard_draft(db: sqlite_utils.Database, household_id: str, *, who: str = "", reason: str = "") -> None:
    """Delete a draft that was never finalized (finalized interviews are never deleted): its members and then
    the household each leave a tombstone, so the central system drops them too."""
    hh = store.get_interview(db, household_id)
    if hh["status"] != "draft":
        raise UserError(_("Only drafts can be deleted."))
    store.delete_household(db, household_id, who=who, reason=(reason or "").strip() or _("draft discarded"))
