"""`survey-app households list|add|show|edit|discard|remove-member`: what the window does, for scripts,
paper-form keying and tests. Answers come from a JSON file checked by the form engine (answers_file.py)."""
from __future__ import annotations

from survey_app.commands.options import JSON, action, group, opt
from survey_app.i18n import _


def register(sub) -> None:
    """Add the `households` subcommands."""
    hs = group(sub, "households", _("household interviews"), "households_command")
    action(hs, "list", run_list, _("list household interviews"),
           opt("--session", help=_("only this session (id or unique prefix)")), JSON)
    action(hs, "add", run_add, _("store an interview from a file of answers (finalized unless --draft)"),
           opt("--session", required=True, help=_("the open session (id or unique prefix)")),
           opt("--answers", required=True, help=_("JSON file of answers by field name (members: a list)")),
           opt("--draft", action="store_true", help=_("keep it as a draft (required answers may be missing)")), JSON)
    action(hs, "show", run_show, _("show one interview with its answers and roster"),
           opt("id"), JSON)
    action(hs, "edit", run_edit, _("change answers of an interview (a finalized one keeps its history)"),
           opt("id"),
           opt("--answers", required=True, help=_("JSON file of the answers to change (members: the whole "
                                                  "roster, each with its id if it is already stored)")),
           opt("--reason", required=True, help=_("why it is changed")),
           opt("--finalize", action="store_true", help=_("finalize a draft after the change")), JSON)
    action(hs, "discard", run_discard, _("delete a draft (the central system deletes it too)"),
           opt("id"),
           opt("--reason", required=True, help=_("why it is discarded")))
    action(hs, "remove-member", run_remove_member, _("take one member off an interview's roster"),
           opt("id"),
           opt("member", help=_("the member's id")),
           opt("--reason", required=True, help=_("why the member is removed")), JSON)


def _summary(db, household_id: str) -> dict:
    """The JSON of `households show`."""
    from survey_app.storage import households as store
    from survey_app.storage import sync as sync_store

    hh = store.get_interview(db, household_id)
    state = sync_store.record_state(db, "households", household_id)
    members = [{"id": m["_id"], **{k: v for k, v in m.items() if k != "_id"}}
               for m in hh["data"]["repeats"]["members"]]
    return {"id": hh["id"], "session_id": hh["session_id"], "status": hh["status"], "revision": hh["revision"],
            "sync": state.state if state else None, "form_id": hh["form_id"], "form_version": hh["form_version"],
            "started_at": hh["started_at"], "ended_at": hh["ended_at"], "answers": hh["data"]["answers"],
            "members": members}


def _print(db, household_id: str, as_json: bool, message: str) -> None:
    from survey_app.commands import print_json

    if as_json:
        print_json(_summary(db, household_id))
    else:
        print(message)


def _state(db, household_id: str):
    from survey_app.households.interviews import state_for
    from survey_app.i18n import get_language

    return state_for(db, household_id, lang=get_language())


def run_list(ctx, args) -> int:
    """List household interviews."""
    from survey_app.commands import print_json
    from survey_app.households.labels import status_label
    from survey_app.storage.households import list_households
    from survey_app.storage.sessions import get_session

    session_id = get_session(ctx.db, args.session).id if args.session else None
    rows = list_households(ctx.db, session_id)
    if args.json:
        print_json(rows)
        return 0
    for h in rows:
        print(f"{h['id']}  {status_label(h['status']):<12} {h['hamlet'] or '-':<20} "
              f"{_('{n} members').format(n=h['member_count'] or 0):<14} {h['started_at']}  "
              f"{h['form_id']} {h['form_version']}")
    print(_("{n} interviews").format(n=len(rows)))
    return 0


def run_add(ctx, args) -> int:
    """Check the answers with the session's current form, then store them (nothing at all if any is wrong)."""
    from survey_app.clock import utc_now
    from survey_app.forms.interview import FormState
    from survey_app.households import answers_file
    from survey_app.households import interviews as hh
    from survey_app.i18n import get_language
    from survey_app.storage.forms import current_form, ensure_builtin
    from survey_app.storage.sessions import require_open

    answers = answers_file.read_answers(args.answers)
    db, rctx = ctx.db, ctx.record_context()
    session = require_open(db, args.session)
    ensure_builtin(db, rctx)
    form = current_form(db)["definition"]
    state = FormState(form, {"answers": {}, "repeats": {}}, lang=get_language(), meta={"start": utc_now()})
    answers_file.check(state, answers, draft=args.draft)
    with db.atomic():  # one transaction: a failure leaves nothing behind
        hid = hh.start_interview(db, rctx, session_id=session.id, form=form)
        hh.save_draft(db, rctx, hid, state.to_data())
        if not args.draft:
            hh.finalize_interview(db, rctx, hid, hh.state_for(db, hid).to_data())
    _print(db, hid, args.json, hid)
    return 0


def run_show(ctx, args) -> int:
    """Print one interview."""
    from survey_app.households.labels import status_label

    s = _summary(ctx.db, args.id)
    _print(ctx.db, args.id, args.json, _("{id}: {status}, revision {revision}, {n} members").format(
        id=s["id"], status=status_label(s["status"]), revision=s["revision"], n=len(s["members"])))
    return 0


def run_edit(ctx, args) -> int:
    """Change answers: a draft is saved (and finalized with --finalize), a finalized interview revised."""
    from survey_app.households import answers_file
    from survey_app.households import interviews as hh
    from survey_app.storage import households as store

    answers = answers_file.read_answers(args.answers)
    db, rctx = ctx.db, ctx.record_context()
    current = store.get_interview(db, args.id)
    state = _state(db, args.id)
    draft = current["status"] == "draft" and not args.finalize
    answers_file.check(state, answers, draft=draft)
    where = _location(current, state)
    with db.atomic():
        if current["status"] == "draft":
            hh.save_draft(db, rctx, args.id, state.to_data(), **where)
            if args.finalize:
                hh.finalize_interview(db, rctx, args.id, hh.state_for(db, args.id).to_data(), **where)
        else:
            hh.revise_interview(db, rctx, args.id, state.to_data(), reason=args.reason, **where)
    _print(db, args.id, args.json, _("{id} changed.").format(id=args.id))
    return 0


def _location(current: dict, state) -> dict:
    """Where the location answer came from: unchanged keeps its source and time; a typed one is 'manual'."""
    import json

    before = json.loads(current["answers"] or "{}").get("location")
    if "location" in state.index and state.value("location") == before:
        return {"location_source": current["position_source"], "location_at": current["position_at"]}
    return {"location_source": "manual", "location_at": None}


def run_discard(ctx, args) -> int:
    """Delete a draft through tombstones."""
    from survey_app.households.interviews import discard_draft

    discard_draft(ctx.db, args.id, who=ctx.record_context().surveyor, reason=args.reason)
    print(_("{id} discarded.").format(id=args.id))
    return 0


def run_remove_member(ctx, args) -> int:
    """Take a member off the roster."""
    from survey_app.households.interviews import remove_member

    remove_member(ctx.db, ctx.record_context(), args.id, args.member, reason=args.reason)
    _print(ctx.db, args.id, args.json, _("Member {member} removed from {id}.").format(member=args.member, id=args.id))
    return 0
