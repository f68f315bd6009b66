"""`survey-app central ...` operations of the city edition: migrate, status, accounts, read tokens, boundaries,
backup and restore (the `central` parser itself and serve/add-device/revoke-device live in commands.sync)."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

from survey_app.commands import emit
from survey_app.commands.options import JSON, action, group, opt
from survey_app.i18n import _

DB_HELP = "receiver database: a SQLite file or postgresql://user@host/db"


@contextmanager
def central_store(target: str) -> Iterator:
    """The receiver store for --db, closed afterwards, or a clear UserError (server unreachable, driver missing)."""
    from survey_app.errors import UserError

    try:
        from survey_app.central.backend import open_store
        from survey_app.central.store_base import DatabaseUnavailable

        store = open_store(target, max_size=2)
    except ImportError as exc:
        raise UserError(_("PostgreSQL needs the optional part: pip install 'survey-app[central]'.")) from exc
    except DatabaseUnavailable as exc:
        raise UserError(_("The receiver database cannot be reached: {error}").format(error=str(exc).strip())) from exc
    try:
        yield store
    finally:
        store.close()


def is_duplicate(exc: BaseException) -> bool:
    """Whether an exception is a unique-constraint violation (either back end)."""
    from survey_app.storage.driver import sqlite

    return isinstance(exc, sqlite.IntegrityError) or getattr(exc, "sqlstate", None) == "23505"


def register_actions(cs) -> None:
    """Add the city-edition actions to the `central` subparsers."""
    db = _(DB_HELP)
    action(cs, "migrate", run_migrate, _("bring the receiver database to the current schema (safe to repeat)"),
           opt("--db", required=True, help=db), JSON)
    action(cs, "status", run_status, _("schema version, records, batches and devices of the receiver"),
           opt("--db", required=True, help=db), JSON)

    acs = group(cs, "account", _("dashboard accounts (roles viewer and admin)"), "account_command")
    for verb, text in (("add", _("add an account (the password is read from standard input)")),
                         ("passwd", _("set a new password (read from standard input)")),
                         ("disable", _("disable an account and end its sessions")),
                         ("list", _("list the accounts"))):
        a = acs.add_parser(verb, help=text)
        if verb != "list":
            a.add_argument("--name", required=True)
        if verb == "add":
            a.add_argument("--role", choices=("viewer", "admin"), default="viewer")
        a.add_argument("--db", required=True, help=db)
        a.add_argument("--json", action="store_true", help=_("print JSON"))
        a.set_defaults(handler=run_account, action=verb)

    rts = group(cs, "read-token", _("tokens for the read feeds (OData, CSV, GeoJSON)"), "token_command")
    for verb, text in (("add", _("make a read token and print it once")), ("revoke", _("revoke a read token")),
                         ("list", _("list the read tokens"))):
        a = rts.add_parser(verb, help=text)
        if verb != "list":
            a.add_argument("--name", required=True)
        if verb == "add":
            a.add_argument("--personal", action="store_true", help=_("include personal columns (names, phones)"))
            a.add_argument("--precise-locations", action="store_true",
                           help=_("household-linked positions unrounded"))
        a.add_argument("--db", required=True, help=db)
        a.add_argument("--json", action="store_true", help=_("print JSON"))
        a.set_defaults(handler=run_read_token, action=verb)

    action(cs, "boundaries", run_boundaries, _("import the units' boundaries (GeoJSON, property `code`) for the map"),
           opt("file"),
           opt("--db", required=True, help=db))

    action(cs, "backup", run_backup, _("back up the receiver database (pg_dump, or the SQLite backup API)"),
           opt("--db", required=True, help=db),
           opt("--out", required=True, help=_("backup file to write")))
    action(cs, "restore", run_restore, _("restore a backup into an empty receiver database"),
           opt("--db", required=True, help=db),
           opt("--from", dest="source", required=True, help=_("backup file to read")),
           opt("--force", action="store_true", help=_("replace a SQLite file that already holds data")))


def run_migrate(ctx, args) -> int:
    """Open (and so migrate) the receiver database; print its schema version."""
    with central_store(args.db) as store:
        info = store.ping()
    return emit(args, info, _("Receiver schema version {v}: up to date.").format(v=info["schema_version"]))


def run_status(ctx, args) -> int:
    """Print counts of the receiver database."""
    with central_store(args.db) as store:
        info = dict(store.ping(), **store.counts())
    return emit(args, info, _("Schema {v}: {records} records in {batches} batches from {devices} devices.").format(
        v=info["schema_version"], records=info["records"], batches=info["batches"], devices=info["devices"]))


def _password() -> str:
    from survey_app.errors import UserError

    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(_("Password: "))
        if getpass.getpass(_("Password again: ")) != first:
            raise UserError(_("The two passwords differ."))
        text = first
    else:
        text = sys.stdin.readline().rstrip("\r\n")
    from survey_app.central.accounts import check_password_rules

    check_password_rules(text)
    return text


def run_account(ctx, args) -> int:
    """Add, re-key, disable or list dashboard accounts."""
    from survey_app.central.accounts import hash_password
    from survey_app.errors import UserError

    with central_store(args.db) as store:
        if args.action == "list":
            rows = store.accounts()
            emit(args, rows, "\n".join(f"{r['name']}\t{r['role']}" + ("\t(disabled)" if r["disabled"] else "")
                                         for r in rows))
        elif args.action == "add":
            try:
                store.add_account(args.name, args.role, hash_password(_password()))
            except Exception as exc:
                if not is_duplicate(exc):
                    raise
                raise UserError(_("An account named {name} already exists.").format(name=args.name)) from exc
            emit(args, {"name": args.name, "role": args.role}, _("Account {name} added.").format(name=args.name))
        elif args.action == "passwd":
            if not store.set_password(args.name, hash_password(_password())):
                raise UserError(_("No account named {name}.").format(name=args.name))
        elif not store.disable_account(args.name):
            raise UserError(_("No active account named {name}.").format(name=args.name))
    return 0


def run_read_token(ctx, args) -> int:
    """Add, revoke or list read tokens."""
    from survey_app.errors import UserError

    with central_store(args.db) as store:
        if args.action == "list":
            rows = store.read_tokens()
            emit(args, rows, "\n".join(r["name"] + ("\t(revoked)" if r["revoked"] else "") for r in rows))
        elif args.action == "add":
            try:
                token = store.add_read_token(args.name, personal=args.personal, precise=args.precise_locations)
            except Exception as exc:
                if not is_duplicate(exc):
                    raise
                raise UserError(_("A read token named {name} already exists.").format(name=args.name)) from exc
            emit(args, {"name": args.name, "token": token}, token)
        elif not store.revoke_read_token(args.name):
            raise UserError(_("No active read token named {name}.").format(name=args.name))
    return 0


def run_boundaries(ctx, args) -> int:
    """Import unit boundaries into the receiver (the dashboard map and the PostGIS views use them)."""
    from survey_app.central.ops import import_boundaries

    with central_store(args.db) as store:
        n, missing = import_boundaries(store, args.file)
    print(_("Imported boundaries of {n} units; {m} units still have none.").format(n=n, m=len(missing)))
    return 0


def run_backup(ctx, args) -> int:
    """Write a backup of the receiver database."""
    from survey_app.central.ops import backup

    out = backup(args.db, args.out)
    print(_("Backup written: {path}").format(path=out))
    return 0


def run_restore(ctx, args) -> int:
    """Restore a backup into the receiver database."""
    from survey_app.central.ops import restore

    restore(args.db, args.source, force=args.force)
    print(_("Restored {path} into the receiver database.").format(path=args.source))
    return 0
