"""`survey-app coverage gaps` and `survey-app assignment ...`: the gap finder and revisit assignments."""
from __future__ import annotations

from survey_app.commands.options import JSON, action, group, opt
from survey_app.i18n import _


def _criteria_options() -> tuple:
    return (opt("--unit", required=True, help=_("unit code")),
            opt("--min", dest="min_samples", type=int, default=3,
                help=_("samples needed per operator and technology per hexagon (default 3)")),
            opt("--kind", choices=["tests", "readings"], default="tests",
                help=_("what counts: successful speed tests (default) or signal readings")),
            opt("--since", metavar="DATE", help=_("only samples on or after this day, YYYY-MM-DD or dd/mm/yyyy")),
            opt("--operator", action="append", default=[], help=_("operator to check (repeatable)")),
            opt("--technology", action="append", default=[], help=_("technology to check (repeatable)")),
            opt("--res", type=int, choices=[8, 9], default=9, help=_("H3 resolution (default 9)")), JSON)


def register(sub) -> None:
    """Add `gaps` and `assignment`."""
    action(sub, "gaps", run_gaps, _("hexagons of a unit without enough valid samples"), *_criteria_options())
    s = group(sub, "assignment", _("revisit assignments for a team"), "assignment_command")
    action(s, "create", run_create, _("make an assignment of a unit's gaps"), *_criteria_options(),
           opt("--limit", type=int, default=20, help=_("at most this many targets (default 20)")),
           opt("--team", default="", help=_("the team it is for")),
           opt("--name", default="", help=_("a name for the assignment")))
    action(s, "export", run_export, _("write an assignment as a bundle file for its team"),
           opt("assignment_id"),
           opt("--out", required=True, help=_("bundle file to write")),
           opt("--for", dest="recipients", action="append", default=[], metavar="PUBLIC_KEY",
               help=_("public key of a laptop of the team (repeatable)")),
           opt("--to", dest="names", action="append", default=[], metavar="NAME",
               help=_("name of a trusted surveyor laptop of the team (repeatable)")))
    action(s, "list", run_list, _("assignments held here"), JSON)
    action(s, "check", run_check, _("check off targets that new samples reached"), JSON)


def _criteria(args):
    from survey_app.commands.export import parse_date
    from survey_app.coverage.gaps import DEFAULT_OPERATORS, DEFAULT_TECHNOLOGIES, Criteria
    from survey_app.errors import UserError

    if args.min_samples < 1 or args.min_samples > 1000:
        raise UserError(_("--min must be between 1 and 1000."))
    return Criteria(args.min_samples, args.kind, parse_date(args.since),
                    tuple(args.operator) or DEFAULT_OPERATORS, tuple(args.technology) or DEFAULT_TECHNOLOGIES,
                    args.res)


def _gaps(ctx, args):
    from survey_app.coverage.gaps import find
    from survey_app.storage.units import get_unit

    code = get_unit(ctx.db, args.unit).code
    criteria = _criteria(args)
    return code, criteria, find(ctx.db, code, criteria)


def run_gaps(ctx, args) -> int:
    """Print the gaps of a unit."""
    from survey_app.commands import print_json

    code, criteria, found = _gaps(ctx, args)
    if args.json:
        print_json({"unit_code": code, "cells": found.cells, "criteria": criteria.to_json(),
                    "gaps": [dict(g.__dict__, h3=g.h3) for g in found.gaps]})
        return 0
    print(_("{unit}: {gaps} gaps in {cells} hexagons").format(unit=code, gaps=len(found.gaps), cells=found.cells))
    for g in found.gaps:
        print(_("{h3} {operator} {technology}: {have} of {need}").format(
            h3=g.h3, operator=g.operator, technology=g.technology, have=g.have, need=g.have + g.need))
    return 0


def run_create(ctx, args) -> int:
    """Make an assignment of the first gaps (busiest-first is the supervisor's choice in the window)."""
    from survey_app.commands import emit
    from survey_app.coverage.assignments import create

    code, criteria, found = _gaps(ctx, args)
    a = create(ctx.db, ctx.record_context(), code, found.gaps[:max(1, args.limit)], criteria, team=args.team,
               name=args.name)
    return emit(args, a.to_json(),
                _("Assignment {id}: {n} targets in {unit}").format(id=a.id, n=len(a.targets), unit=code))


def run_export(ctx, args) -> int:
    """Write the bundle of one assignment."""
    from pathlib import Path

    from survey_app.coverage.assignments import get
    from survey_app.errors import UserError
    from survey_app.sync.bundle import export_bundle

    from survey_app.coverage.team_keys import recipients_for

    aid = get(ctx.db, args.assignment_id).id
    out = Path(args.out)
    if out.exists():
        raise UserError(_("{path} already exists; nothing was changed.").format(path=out))
    keys = list(args.recipients) + recipients_for(ctx.home, args.names)
    if not keys:
        raise UserError(_("Say whom the assignment is for: --to NAME (a trusted surveyor laptop) or --for "
                          "PUBLIC_KEY."))
    for _n in export_bundle(ctx.db_path, out, assignment_id=aid, recipients=keys):
        pass
    print(out)
    return 0


def run_list(ctx, args) -> int:
    """List assignments."""
    from survey_app.commands import print_json
    from survey_app.coverage.assignments import listed

    items = listed(ctx.db)
    if args.json:
        print_json([a.to_json() for a in items])
        return 0
    for a in items:
        print(_("{id} {unit} {team}: {done} of {n} targets done ({status})").format(
            id=a.id[:8], unit=a.unit_code, team=a.team_name or "-", done=len(a.targets) - len(a.open_targets),
            n=len(a.targets), status=a.status))
    return 0


def run_check(ctx, args) -> int:
    """Check off targets reached by new samples."""
    from survey_app.commands import print_json
    from survey_app.coverage.assignments import check_off

    changed = check_off(ctx.db, ctx.record_context())
    if args.json:
        print_json([{"assignment_id": a, "targets_done": n} for a, n in changed])
    else:
        for a, n in changed:
            print(_("Assignment {id}: {n} more targets done").format(id=a[:8], n=n))
    return 0
