"""Building subcommands: `group` for a command with actions, `action` for one action with its options in the
order `--help` lists them (`opt(...)` as for add_argument, `JSON` where the common --json flag stands)."""
from __future__ import annotations

import argparse
from typing import Any, Callable

from survey_app.i18n import _

JSON = object()   # stands for `--json` (print JSON) in an action's options


def opt(*flags: str, **kw: Any) -> tuple[tuple[str, ...], dict[str, Any]]:
    """One option or positional argument of an action: what `add_argument` takes."""
    return flags, kw


def group(subs, name: str, help_text: str, dest: str):
    """Add the command `name` whose actions are required; returns its subparsers (add actions to it)."""
    parser = subs.add_parser(name, help=help_text)
    return parser.add_subparsers(dest=dest, metavar="ACTION", required=True)


def action(subs, name: str, handler: Callable, help_text: str, *options) -> argparse.ArgumentParser:
    """Add the action `name` run by `handler(ctx, args)`, with its options in order; returns its parser."""
    parser = subs.add_parser(name, help=help_text)
    for option in options:
        if option is JSON:
            parser.add_argument("--json", action="store_true", help=_("print JSON"))
        else:
            flags, kw = option
            parser.add_argument(*flags, **kw)
    parser.set_defaults(handler=handler)
    return parser
