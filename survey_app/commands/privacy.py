"""`survey-app households export-person|erase`, `consent show|withdraw`, `requests`, `purge --before DATE`."""
from __future__ import annotations

import argparse

from survey_app.commands.options import JSON, action, group, opt
from survey_app.i18n import _


def _actions(sub, name: str, text: str):
    """The subcommands of group `name`, made if no other module made the group yet."""
    parser = sub.choices.get(name) or sub.add_parser(name, help=text)
    for known in parser._actions:  # argparse keeps a group's subcommands in its one _SubParsersAction
        if isinstance(known, argparse._SubParsersAction):
            return known
    return parser.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)


def register(sub) -> None:
    """Add the household requests, consent, requests and purge subcommands."""
    hs = _actions(sub, "households", _("household interviews"))
    action(hs, "export-person", run_export_person, _("everything held about one household, as JSON plus CSV"),
           opt("household_id"),
           opt("--out", required=True, metavar="FILE", help=_("the JSON file (the CSV is written beside it)")),
           opt("--force", action="store_true", help=_("replace files that exist")),
           opt("--by", help=_("who handles the request (default: the surveyor in settings)")))
    action(hs, "erase", run_erase, _("erase a household everywhere (the central system and other laptops too)"),
           opt("household_id"),
           opt("--reason", required=True, help=_("why, e.g. asked by the household on the phone")),
           opt("--by", help=_("who handles the request (default: the surveyor in settings)")), JSON)
    cs = group(sub, "consent", _("a household's consent record; withdraw consent"), "consent_command")
    action(cs, "show", run_show, _("show a household's consent record"),
           opt("household_id"), JSON)
    action(cs, "withdraw", run_withdraw, _("withdraw consent (all of it, or one scope)"),
           opt("household_id"),
           opt("--scope", action="append", default=[], choices=["interview", "phone_contact", "precise_location"],
               help=_("the scope withdrawn (repeatable; default: all)")),
           opt("--reason", required=True, help=_("why, e.g. asked by the household on the phone")),
           opt("--by", help=_("who records it (default: the surveyor in settings)")), JSON)
    action(sub, "requests", run_requests, _("requests from households, with the Decree 356/2025 deadlines"), JSON)
    action(sub, "purge", run_purge, _("remove names, phones and precise positions of households whose approved "
                                      "session has reached the central system"),
           opt("--before", required=True, metavar="DATE",
               help=_("households interviewed before this day, YYYY-MM-DD or dd/mm/yyyy")), JSON)


def run_export_person(ctx, args) -> int:
    """Write a household's data for it, and log the request."""
    from pathlib import Path

    from survey_app.exports.person import export_person

    by = args.by if args.by is not None else ctx.settings.surveyor
    for path in export_person(ctx.db, args.household_id, Path(args.out), handled_by=by, overwrite=args.force):
        print(path)
    return 0


def run_erase(ctx, args) -> int:
    """Erase a household through tombstones that sync and bundle, and log the request."""
    from survey_app.commands import emit
    from survey_app.households.erasure import erase

    counts = erase(ctx.db, ctx.record_context(args.by), args.household_id, args.reason)
    return emit(args, {"household_id": args.household_id, "erased": counts},
                _("Household {id} erased: {n} records; the erasure reaches the central system at the next sync.")
                .format(id=args.household_id, n=sum(counts.values())))


def run_show(ctx, args) -> int:
    """Print a household's consent record."""
    from survey_app.commands import print_json
    from survey_app.errors import NotFound
    from survey_app.storage.consents import get_consent

    record = get_consent(ctx.db, args.household_id)
    if record is None:
        raise NotFound(_("No consent is recorded for household {id}.").format(id=args.household_id))
    if args.json:
        print_json(record)
    else:
        for key in ("text_id", "text_sha256", "interview", "phone_contact", "precise_location", "agreed_at",
                    "agreed_by", "withdrawn_at", "withdrawal_reason"):
            print(f"{key}: {'' if record[key] is None else record[key]}")
    return 0


def run_withdraw(ctx, args) -> int:
    """Withdraw consent through the revision path."""
    from survey_app.commands import emit
    from survey_app.households.consent import withdraw

    record = withdraw(ctx.db, ctx.record_context(args.by), args.household_id, args.scope, args.reason)
    return emit(args, record, _("Consent withdrawn for household {id}.").format(id=args.household_id))


def run_requests(ctx, args) -> int:
    """List the requests with their deadlines."""
    from survey_app.commands import print_json
    from survey_app.households.requests import with_deadlines
    from survey_app.storage.consents import list_requests

    rows = [with_deadlines(r) for r in list_requests(ctx.db)]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(_("{received} {kind} {household}: acknowledge by {ack}, complete by {done}; {state}").format(
            received=r["received_at"], kind=r["kind"], household=r["household_id"], ack=r["acknowledge_by"],
            done=r["complete_by"], state=_("done") if r["completed_at"] else _("open")))
    return 0


def run_purge(ctx, args) -> int:
    """Purge personal fields of households past the given day."""
    from survey_app.clock import utc_bound
    from survey_app.commands import emit
    from survey_app.commands.export import parse_date
    from survey_app.errors import UserError
    from survey_app.storage.retention import purge, purgeable

    day = parse_date(args.before)
    if day is None:
        raise UserError(_("Give the day with --before."))
    ids = purgeable(ctx.db, utc_bound(day))
    n = purge(ctx.db, ids)
    return emit(args, {"purged": n, "household_ids": ids},
                _("Names, phones and precise positions removed from {n} households on this laptop.").format(n=n))
