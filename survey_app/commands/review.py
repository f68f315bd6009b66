"""`survey-app demo-data`, `survey-app review ...` and `survey-app boundaries ...`."""
from __future__ import annotations

import sys

from survey_app.commands.options import JSON, action, group, opt
from survey_app.i18n import _


def _count(text: str) -> int:
    import argparse

    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a whole number: {text}").format(text=text)) from None
    if value < 0 or value > 50_000_000:
        raise argparse.ArgumentTypeError(_("must be between 0 and 50,000,000: {text}").format(text=text))
    return value


def register(sub) -> None:
    """Add the `demo-data`, `review` and `boundaries` subcommands."""
    action(sub, "demo-data", run_demo_data, _("fill the database with a synthetic survey of the 40 units"),
           opt("--households", type=_count, default=3000, help=_("households to make (default 3000)")),
           opt("--readings", type=_count, default=20_000, help=_("signal readings to make (default 20000)")),
           opt("--speedtests", type=_count, default=500, help=_("speed tests to make (default 500)")),
           opt("--seed", type=int, help=_("random seed: the same seed gives the same survey")),
           opt("--no-checks", action="store_true", help=_("do not run the quality checks afterwards")), JSON)

    rs = group(sub, "review", _("quality flags, approval and indicators"), "review_command")
    for verb, text in (("approve", _("approve a session")), ("reject", _("reject a session")),
                         ("reopen", _("undo an approval or rejection"))):
        a = rs.add_parser(verb, help=text)
        a.add_argument("session_id")
        a.add_argument("--comment", default="", help=_("why (required to reject)"))
        a.add_argument("--reviewer", help=_("reviewer name (default: the reviewer of the last decision made in "
                                            "the window; never the surveyor in settings)"))
        a.add_argument("--json", action="store_true", help=_("print JSON"))
        a.set_defaults(handler=run_decide, decision=verb)
    action(rs, "flags", run_flags, _("sessions with quality flags and the reasons"),
           opt("--session", help=_("only this session")),
           opt("--code", help=_("only this kind of flag")), JSON)
    action(rs, "summary", run_summary, _("indicator table: one row per unit and the city"),
           opt("--all", action="store_true", help=_("use every session that is not rejected, not only approved")),
           opt("--team", action="append", default=[], metavar="NAME", help=_("only this team (repeatable)")),
           opt("--from", dest="date_from", metavar="DATE", help=_("first day, YYYY-MM-DD or dd/mm/yyyy")),
           opt("--to", dest="date_to", metavar="DATE", help=_("last day, YYYY-MM-DD or dd/mm/yyyy")), JSON)
    action(rs, "check", run_check, _("run the quality checks again on every session"), JSON)
    from survey_app.commands.evidence import register_kpi

    register_kpi(rs)

    bs = group(sub, "boundaries", _("import unit boundaries and locate points"), "boundaries_command")
    action(bs, "import", run_boundaries_import, _("import a GeoJSON file of unit boundaries (property `code`)"),
           opt("file"), JSON)
    action(bs, "locate", run_locate, _("which unit a point lies in"),
           opt("lon", type=float),
           opt("lat", type=float), JSON)


def run_demo_data(ctx, args) -> int:
    """Make the synthetic survey, then run the checks."""
    from survey_app.commands import print_json
    from survey_app.demo.survey import DemoSpec, generate

    spec = DemoSpec(households=args.households, readings=args.readings, speedtests=args.speedtests, seed=args.seed)
    gen = generate(ctx.db, spec, ctx.record_context())
    labels = {"sessions": _("sessions"), "households": _("households"), "signal_readings": _("signal readings"),
              "speed_tests": _("speed tests"), "indexes": _("indexes")}
    while True:
        try:
            p = next(gen)
        except StopIteration as stop:
            result = stop.value
            break
        if not args.json:
            print(_("{what}: {done} of {total}").format(what=labels[p.stage], done=p.done, total=p.total),
                  file=sys.stderr)
    out = {"counts": result.counts, "seconds": round(result.seconds, 1)}
    if not args.no_checks:
        from survey_app.review.checks import refresh

        out["checks"] = refresh(ctx.db, ctx.settings, full=True).to_json()
    if args.json:
        print_json(out)
    else:
        c = result.counts
        print(_("Made {sessions} sessions, {households} households ({members} members), {readings} signal readings "
                "and {tests} speed tests in {seconds} s.").format(
            sessions=c.get("sessions", 0), households=c.get("households", 0), members=c.get("members", 0),
            readings=c.get("signal_readings", 0), tests=c.get("speed_tests", 0), seconds=out["seconds"]))
    return 0


def run_decide(ctx, args) -> int:
    """Approve, reject or reopen a session."""
    from survey_app.commands import emit
    from survey_app.review.decisions import decide

    # Not the surveyor from the settings: a reviewer taken silently from there approves their own work.
    reviewer = args.reviewer if args.reviewer is not None else ctx.settings.extra.get("reviewer", "")
    d = decide(ctx.db, ctx.record_context(reviewer), args.session_id, args.decision, args.comment)
    return emit(args, d.to_json(), d.describe())


def run_flags(ctx, args) -> int:
    """Print the flags with their reasons."""
    from survey_app.commands import print_json
    from survey_app.review.checks import flag_list, refresh

    refresh(ctx.db, ctx.settings)
    flags = flag_list(ctx.db, session_id=args.session, code=args.code)
    if args.json:
        print_json([f.to_json() for f in flags])
        return 0
    for f in flags:
        print(f"{f.session_id}  {f.unit_code}  {f.team_name}  [{f.code}]  {f.reason}")
    print(_("{n} flags").format(n=len(flags)))
    return 0


def run_check(ctx, args) -> int:
    """Recompute every session's checks."""
    from survey_app.commands import emit
    from survey_app.review.checks import refresh

    result = refresh(ctx.db, ctx.settings, full=True)
    return emit(args, result.to_json(),
                _("Checked {sessions} sessions in {seconds} s: {flags} flags.").format(
                    sessions=result.sessions, seconds=round(result.seconds, 1), flags=result.flags))


def run_summary(ctx, args) -> int:
    """Print the indicator table."""
    from survey_app.commands import emit
    from survey_app.commands.export import build_filters, parse_date
    from survey_app.review.indicators import compute, format_table

    filters = None  # sessions of these teams, started on these Vietnam days (the dashboard's filters too)
    if args.team or args.date_from or args.date_to:
        filters = build_filters(ctx.db, [], args.team, parse_date(args.date_from), parse_date(args.date_to), "all")
    table = compute(ctx.db, ctx.settings, include_all=args.all, filters=filters)
    return emit(args, table.to_json(), format_table(table))


def run_boundaries_import(ctx, args) -> int:
    """Import boundaries from a GeoJSON file."""
    from survey_app.commands import print_json
    from survey_app.review.boundaries import import_geojson

    report = import_geojson(ctx.db, args.file)
    if args.json:
        print_json(report.to_json())
    else:
        for line in report.lines():
            print(line)
    return 0


def run_locate(ctx, args) -> int:
    """Print the unit a point lies in."""
    from survey_app.commands import print_json
    from survey_app.review.boundaries import locate

    hit = locate(ctx.db, args.lon, args.lat)
    if args.json:
        print_json(hit)
    elif hit["unit_code"]:
        print(_("{lon}, {lat} lies in {name} ({code}), by {method}.").format(
            lon=args.lon, lat=args.lat, name=hit["unit_name"], code=hit["unit_code"], method=hit["method_label"]))
    else:
        print(_("{lon}, {lat} lies in none of the 40 units.").format(lon=args.lon, lat=args.lat))
    return 0
