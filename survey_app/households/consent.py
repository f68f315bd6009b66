"""Consent as a record: which text was read (id and hash of the text shipped with the form), the scopes agreed,
when and by which surveyor; a withdrawal is a change through the revision path.

The consent text is the wording the surveyor reads from the form itself (the introduction and the consent
questions, in every language of the form), so the hash names exactly what the household heard. Scopes are
agreed only by an explicit "yes": an unanswered question counts as no.
"""
from __future__ import annotations

import hashlib
import json

import sqlite_utils

from survey_app.clock import utc_now
from survey_app.errors import NotFound, UserError
from survey_app.i18n import _
from survey_app.storage import consents as store
from survey_app.storage import households as hh_store
from survey_app.storage.forms import get_definition
from survey_app.storage.records import RecordContext
from survey_app.storage.revisions import revise

TEXT_FIELDS = ("intro", "consent", "consent_phone", "consent_location")
# scope column -> the form's question
SCOPES = {"interview": "consent", "phone_contact": "consent_phone", "precise_location": "consent_location"}


def consent_text(form: dict) -> tuple[str, str]:
    """(text id, SHA-256 hex) of the consent wording shipped with a compiled form."""
    by_name = {f["name"]: f for f in form.get("fields", [])}
    parts = [[name, by_name[name].get("label") or {}, by_name[name].get("hint") or {}]
             for name in TEXT_FIELDS if name in by_name]
    canonical = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{form['form_id']}/{form['version']}/consent", hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def scopes_from(answers: dict) -> dict[str, int]:
    """1 for each scope answered "yes", else 0; nothing beyond the interview without agreeing to it."""
    scopes = {col: int(answers.get(field) == "yes") for col, field in SCOPES.items()}
    if not scopes["interview"]:
        scopes.update(phone_contact=0, precise_location=0)
    return scopes


def position_allowed(db: sqlite_utils.Database, household: dict, answers: dict) -> bool:
    """Whether the household's exact position may be kept: its form asks for that scope and it was agreed."""
    form = get_definition(db, household["form_id"], household["form_version"])
    if not any(f["name"] == SCOPES["precise_location"] for f in form.get("fields", [])):
        return True  # forms older than the scope: the position was the household's answer
    return answers.get(SCOPES["precise_location"]) == "yes"


def record_answers(db: sqlite_utils.Database, rctx: RecordContext, household_id: str, answers: dict) -> None:
    """Create or update the household's consent record from its answers (nothing before consent is answered)."""
    if answers.get("consent") not in ("yes", "no"):
        return
    hh = hh_store.get_interview(db, household_id)
    text_id, text_sha = consent_text(get_definition(db, hh["form_id"], hh["form_version"]))
    scopes = scopes_from(answers)
    current = store.get_consent(db, household_id)
    if current is None:
        store.insert_consent(db, rctx, dict(scopes, household_id=household_id, form_id=hh["form_id"],
                                            form_version=hh["form_version"], text_id=text_id,
                                            text_sha256=text_sha, agreed_at=utc_now(), agreed_by=rctx.surveyor))
        return
    changes = {k: v for k, v in dict(scopes, text_id=text_id, text_sha256=text_sha).items() if current[k] != v}
    if changes:
        store.change_consent(db, current["id"], dict(changes, agreed_at=utc_now(), agreed_by=rctx.surveyor),
                             changed_by=rctx.surveyor, reason=_("Consent answers changed in the interview."))


def withdraw(db: sqlite_utils.Database, rctx: RecordContext, household_id: str, scopes: list[str],
             reason: str) -> dict:
    """Withdraw scopes of consent (all when empty): the phone or the exact position go with their scope."""
    reason = (reason or "").strip()
    if not reason:
        raise UserError(_("Say why consent is withdrawn (for example: asked by the household on the phone)."))
    current = store.get_consent(db, household_id)
    if current is None:
        raise NotFound(_("No consent is recorded for household {id}.").format(id=household_id))
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown:
        raise UserError(_("Unknown consent scope {scope}; choose from {scopes}.").format(
            scope=unknown[0], scopes=", ".join(SCOPES)))
    gone = list(SCOPES) if not scopes or "interview" in scopes else scopes
    now = utc_now()
    with db.atomic():
        store.change_consent(db, current["id"], dict({s: 0 for s in gone}, withdrawn_at=now,
                                                     withdrawn_by=rctx.surveyor, withdrawal_reason=reason),
                             changed_by=rctx.surveyor, reason=reason)
        _drop_withdrawn_fields(db, rctx, household_id, gone, reason)
        store.log_request(db, household_id=household_id, kind="withdrawal", handled_by=rctx.surveyor,
                          reason=reason, completed=True)
    return store.get_consent(db, household_id)


def _drop_withdrawn_fields(db, rctx: RecordContext, household_id: str, gone: list[str], reason: str) -> None:
    answers = json.loads(store.household_answers(db, household_id) or "{}")
    changes: dict = {}
    if "phone_contact" in gone:
        answers.pop("phone", None)
        answers["consent_phone"] = "no"
        changes["phone"] = None
    if "precise_location" in gone:
        answers.pop("location", None)
        answers["consent_location"] = "no"
        changes.update(lat=None, lon=None, position_source=None, position_accuracy_m=None, position_at=None)
    if changes:
        changes["answers"] = json.dumps(answers, ensure_ascii=False)
        revise(db, "households", household_id, changes, changed_by=rctx.surveyor, reason=reason)
