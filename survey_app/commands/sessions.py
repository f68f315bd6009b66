"""`survey-app sessions new|list|close`."""
from __future__ import annotations

from survey_app.i18n import _


def register(sub) -> None:
    """Add the `sessions` subcommands."""
    p = sub.add_parser("sessions", help=_("open, list and close survey sessions"))
    ss = p.add_subparsers(dest="sessions_command", metavar="ACTION", required=True)
    n = ss.add_parser("new", help=_("open a session in a unit"))
    n.add_argument("--unit", required=True, help=_("unit code (see `survey-app units`)"))
    n.add_argument("--team", required=True, help=_("team name"))
    n.add_argument("--surveyor", required=True, action="append", help=_("surveyor name (repeat for several)"))
    n.add_argument("--notes", default="")
    n.add_argument("--json", action="store_true", help=_("print JSON"))
    n.set_defaults(handler=run_new)
    ls = ss.add_parser("list", help=_("list sessions"))
    ls.add_argument("--status", choices=["open", "closed", "approved", "rejected"])
    ls.add_argument("--unit")
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(handler=run_list)
    c = ss.add_parser("close", help=_("close an open session"))
    c.add_argument("id")
    c.add_argument("--json", action="store_true", help=_("print JSON"))
    c.set_defaults(handler=run_close)


def _print_session(s, as_json: bool) -> None:
    from survey_app.commands import print_json
    from survey_app.storage.sessions import status_label

    if as_json:
        print_json(s.to_json())
    else:
        print(f"{s.id}  {s.unit_code} {s.unit_name}  {s.team_name}  {status_label(s.status)}  {s.started_at}")


def run_new(ctx, args) -> int:
    """Open a session."""
    from survey_app.storage.sessions import new_session

    surveyors = args.surveyor
    s = new_session(ctx.db, ctx.record_context(surveyors[0]), unit_code=args.unit, team=args.team,
                    surveyors=surveyors, notes=args.notes)
    _print_session(s, args.json)
    return 0


def run_list(ctx, args) -> int:
    """List sessions."""
    from survey_app.commands import print_json
    from survey_app.storage.sessions import list_sessions

    sessions = list_sessions(ctx.db, status=args.status, unit_code=args.unit)
    if args.json:
        print_json([s.to_json() for s in sessions])
    else:
        for s in sessions:
            _print_session(s, False)
        print(_("{n} sessions").format(n=len(sessions)))
    return 0


def run_close(ctx, args) -> int:
    """Close a session."""
    from survey_app.storage.sessions import close_session

    s = close_session(ctx.db, ctx.record_context(), args.id)
    _print_session(s, args.json)
    return 0
