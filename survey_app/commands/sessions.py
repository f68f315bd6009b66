"""`survey-app sessions new|list|close`."""
from __future__ import annotations

from survey_app.commands.options import JSON, action, group, opt
from survey_app.i18n import _


def register(sub) -> None:
    """Add the `sessions` subcommands."""
    ss = group(sub, "sessions", _("open, list and close survey sessions"), "sessions_command")
    action(ss, "new", run_new, _("open a session in a unit"),
           opt("--unit", required=True, help=_("unit code (see `survey-app units`)")),
           opt("--team", required=True, help=_("team name")),
           opt("--surveyor", required=True, action="append", help=_("surveyor name (repeat for several)")),
           opt("--notes", default=""), JSON)
    action(ss, "list", run_list, _("list sessions"),
           opt("--status", choices=["open", "closed", "approved", "rejected"]),
           opt("--unit"), JSON)
    action(ss, "close", run_close, _("close an open session"),
           opt("id"), JSON)


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
