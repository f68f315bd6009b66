"""`survey-app sync`, `survey-app bundle export|import`, `survey-app central serve|add-device|revoke-device|openapi`."""
from __future__ import annotations

import argparse
import sys

from survey_app.commands.options import JSON, action, group, opt
from survey_app.i18n import _


def register(sub) -> None:
    """Add the sync, bundle and central subcommands."""
    action(sub, "sync", run_sync, _("send unsynced records to the central system"),
           opt("--url", help=_("central system address (default: from settings)")),
           opt("--token-file", help=_("read the device token from this file (readable by you alone)")),
           opt("--token", help=argparse.SUPPRESS),
           opt("--save", action="store_true", help=_("remember the address and the token for later runs")),
           opt("--retry-rejected", action="store_true",
               help=_("send the rejected records and refused bundles again (once their cause is fixed)")),
           opt("--allow-insecure-http", action="store_true",
               help=_("allow plain http to a server other than this computer (the token travels unencrypted)")),
           opt("--batch-records", type=int, default=500, help=_("records per batch at most")),
           opt("--batch-bytes", type=int, default=1024 * 1024, help=_("compressed bytes per batch at most")),
           opt("--status", action="store_true", help=_("only show what waits, was rejected or arrived")), JSON)
    _register_bundle(sub)
    _register_central(sub)


def _register_bundle(sub) -> None:
    """Add the bundle export/import subcommands."""
    bs = group(sub, "bundle", _("write or read bundle files for places without network"), "bundle_command")
    action(bs, "export", run_bundle_export, _("write unsynced records (or one session) to a bundle file"),
           opt("--out", required=True, help=_("bundle file to write (.bundle)")),
           opt("--session", help=_("only this session (id or unique prefix)")),
           opt("--for", dest="recipients", action="append", default=[], metavar="PUBLIC_KEY",
               help=_("also seal the bundle to this public key (repeatable); trusted supervisor and central "
                      "keys always are")), JSON)
    action(bs, "import", run_bundle_import,
           _("import a bundle file (all or nothing; importing twice changes nothing)"),
           opt("file"), JSON)


def _register_central(sub) -> None:
    """Add the central receiver subcommands."""
    cs = group(sub, "central", _("the reference central receiver (needs survey-app[central])"), "central_command")
    action(cs, "serve", run_central_serve, _("run the receiver"),
           opt("--db", required=True, help=_("receiver database: a SQLite file or postgresql://user@host/db")),
           opt("--host", default="127.0.0.1"),
           opt("--port", type=int, default=8750),
           opt("--cert", help=_("TLS certificate file (PEM); with --key serves https")),
           opt("--key", help=_("TLS private key file (PEM)")),
           opt("--workers", type=int, default=1, help=_("receiver processes sharing the port (default 1)")))
    action(cs, "add-device", run_central_add_device, _("register a device and print its token"),
           opt("--name", required=True),
           opt("--db", required=True, help=_("receiver database: a SQLite file or postgresql://user@host/db")),
           opt("--public-key", help=_("the device's public key (survey-app keys show): ties the token to it")),
           opt("--role", default="surveyor", choices=("surveyor", "supervisor", "central")),
           opt("--team", help=_("devices of one team may write each other's records")))
    cks = group(cs, "keys", _("the receiver's own keys"), "central_keys_command")
    action(cks, "show", run_central_keys_show, _("print the receiver's public key (laptops seal bundles to it)"),
           opt("--db", required=True, help=_("receiver database: a SQLite file or postgresql://user@host/db")), JSON)
    action(cs, "revoke-device", run_central_revoke, _("revoke a device's token"),
           opt("--name", required=True),
           opt("--db", required=True, help=_("receiver database: a SQLite file or postgresql://user@host/db")))
    action(cs, "openapi", run_central_openapi, _("write the receiver's OpenAPI document"),
           opt("--out", required=True))
    from survey_app.commands.central import register_actions

    register_actions(cs)


def _progress(line: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r" + line)
        sys.stderr.flush()


def _token(args, tokens) -> str | None:
    """The token from --token-file, --token (with a warning), or None (environment, store, prompt follow)."""
    from survey_app.sync.token import read_token_file

    if args.token_file:
        return read_token_file(args.token_file)
    if args.token:
        print(_("Warning: a token on the command line can be seen by other users of this computer; use "
                "SURVEY_APP_SYNC_TOKEN, --token-file or the prompt instead."), file=sys.stderr)
        return args.token.strip()
    return None


def _prompt_token() -> str:
    """Ask for the token without echoing it, when someone is at the terminal."""
    if not sys.stdin.isatty():
        return ""
    import getpass

    try:
        return getpass.getpass(_("Device token: ")).strip()
    except (EOFError, KeyboardInterrupt):
        return ""


REFUSALS_PRINTED = 10


def _print_status(summary: dict, as_json: bool) -> None:
    from survey_app.commands import print_json

    if as_json:
        print_json(summary)
        return
    print(_("Waiting: {w}, rejected: {r}, arrived: {a}").format(
        w=summary["pending"], r=summary["rejected"], a=summary["arrived"]))
    if summary["imported"]:
        print(_("From other installations: {n} (their own installation sends them, or the forwarded bundle "
                "carries them)").format(n=summary["imported"]))
    for table, c in summary["tables"].items():
        print(f"  {table}: " + _("waiting {w}, rejected {r}, arrived {a}").format(
            w=c["pending"], r=c["rejected"], a=c["arrived"])
            + (_(", from other installations {n}").format(n=c["imported"]) if c["imported"] else ""))
    refusals = summary.get("refusals") or []
    if refusals:
        print(_("Records the central system refused:"))
    for r in refusals[:REFUSALS_PRINTED]:
        whose = _(" (another installation's record: its own installation settles it)") if r["state"] == "imported" \
            else ""
        print(f"  {r['table']} {r['id'][:8]} r{r['revision']}: {r['message']}{whose}")
    if len(refusals) > REFUSALS_PRINTED:
        print(_("  … and {n} more (sync --status --json lists them)").format(n=len(refusals) - REFUSALS_PRINTED))
    files = summary.get("bundles") or {}
    if files.get("waiting"):
        print(_("Bundles of other installations to forward at the next sync: {n}").format(n=files["waiting"]))
    for refusal in files.get("refusals", []):
        print(_("Bundle refused by the central system: {file}: {reason}").format(
            file=refusal["file"], reason=refusal["message"]))


def _print_result(result, as_json: bool) -> None:
    """How the run ended: the JSON shape, or a line in the user's language (errors and notes on stderr)."""
    from survey_app.commands import print_json

    out = {"status": result.status, "batches": result.batches, "sent": result.sent,
           "accepted": result.accepted, "rejected": result.rejected}
    if result.forwarded:  # bundles of other installations, forwarded before this laptop's batches
        out["forwarded"] = {"bundles": result.forwarded, "accepted": result.forwarded_accepted,
                            "refused": result.forwarded_refused}
    for key in ("error", "notes"):
        if getattr(result, key):
            out[key] = getattr(result, key)
    if as_json:
        print_json(out)
    else:
        status = {"ok": _("Sync finished"), "partial": _("Sync partly done"), "failed": _("Sync failed")}[result.status]
        print(_("{status}: {batches} batches, {sent} sent, {accepted} accepted, {rejected} rejected").format(
            status=status, **{k: out[k] for k in ("batches", "sent", "accepted", "rejected")}))
        if result.forwarded:
            print(_("Forwarded {bundles} bundles of other installations: {accepted} of their records accepted, "
                    "{refused} refused (their own installation settles those).").format(
                bundles=result.forwarded, accepted=result.forwarded_accepted, refused=result.forwarded_refused))
        for text in (result.error, result.notes):
            if text:
                print(text, file=sys.stderr)


def run_sync(ctx, args) -> int:
    """Send the outbox; exit 0 ok, 1 partial, 3 failed."""
    from survey_app.errors import UserError
    from survey_app.storage.sync import requeue_rejected
    from survey_app.sync.forward_files import requeue_refused
    from survey_app.sync.service import config_from, status_summary
    from survey_app.sync.token import TokenStore
    from survey_app.sync.upload import drive, run_sync as run

    db = ctx.db  # migrates before the worker connection opens
    if args.status:
        _print_status(status_summary(db, ctx.home), args.json)
        return 0
    config, tokens = config_from(ctx.home, ctx.settings, url=args.url, token=_token(args, TokenStore(ctx.home)))
    config.token = config.token or (_prompt_token() if config.url else "")
    config.allow_insecure_http = config.allow_insecure_http or args.allow_insecure_http
    if not config.url or not config.token:
        raise UserError(_("No central system set up: give --url and the device token (SURVEY_APP_SYNC_TOKEN, "
                          "--token-file FILE, or typed when asked); add --save to remember them."))
    from survey_app.sync.transport import Transport

    Transport(config.url, config.token, allow_insecure_http=config.allow_insecure_http)  # refuse before saving
    if args.save:
        ctx.settings.sync_url = config.url
        from survey_app.paths import settings_path

        ctx.settings.save(settings_path(ctx.home))
        tokens.save(config.token)
    if args.retry_rejected:
        requeued = requeue_rejected(db)
        print(_("{n} rejected records are sent again.").format(n=sum(requeued.values())), file=sys.stderr)
        if files := requeue_refused(ctx.home):
            print(_("{n} refused bundles are forwarded again.").format(n=files), file=sys.stderr)
    config.max_records, config.max_bytes = args.batch_records, args.batch_bytes
    result = drive(run(ctx.db_path, config), lambda p: _progress(
        _("Sent {sent} of {total}, accepted {accepted}, rejected {rejected}").format(
            sent=p.sent, total=p.total, accepted=p.accepted, rejected=p.rejected)))
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    if result.auth_failed:
        tokens.clear()
    _print_result(result, args.json)
    return {"ok": 0, "partial": 1}.get(result.status, 3)


def run_bundle_export(ctx, args) -> int:
    """Write a bundle file."""
    from survey_app.commands import emit
    from survey_app.sync.bundle import export_bundle
    from survey_app.sync.upload import drive

    ctx.db  # noqa: B018  (migrate first)
    manifest = drive(export_bundle(ctx.db_path, args.out, session_id=args.session, recipients=args.recipients,
                                   demo=ctx.demo),
                     lambda n: _progress(_("{n} records written").format(n=n)))
    return emit(args, {"file": str(args.out), "bundle_id": manifest["bundle_id"], "records": manifest["records"],
                       "tables": manifest["tables"], "recipients": manifest["recipients"]},
                _("Bundle {file} written: {n} records").format(file=args.out, n=manifest["records"]))


def run_bundle_import(ctx, args) -> int:
    """Import a bundle file."""
    from survey_app.commands import print_json
    from survey_app.sync.bundle_import import import_bundle
    from survey_app.sync.upload import drive

    ctx.db  # noqa: B018
    result = drive(import_bundle(ctx.db_path, args.file, demo=ctx.demo),
                   lambda n: _progress(_("{n} records read").format(n=n)))
    if args.json:
        print_json(result)
    else:
        print(_("Bundle imported: {records} records, {changed} new or newer, {unchanged} already here").format(
            **result))
        if result.get("forward"):
            print(_("The signed original is kept for the central system: {path}").format(path=result["forward"]))
        if result.get("imported"):
            print(_("These records are {name}'s: its own installation sends them to the central system (this "
                    "laptop does not, unless it revises them).").format(name=result["signer"]))
        if result["stale"] or result["conflict"]:
            print(_("{stale} older than the copy here (kept as history), {conflict} in conflict with it (the copy "
                    "here stays; the bundle's is kept as history).").format(**result))
    return 0


def _need_central():
    from survey_app.errors import UserError

    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise UserError(_("The receiver needs the optional part: pip install 'survey-app[central]'.")) from exc


def run_central_serve(ctx, args) -> int:
    """Serve the receiver until interrupted."""
    _need_central()
    import importlib.util

    from survey_app.central.store_base import DatabaseUnavailable
    from survey_app.central.store_pg import is_postgres_url
    from survey_app.errors import UserError

    if is_postgres_url(str(args.db)) and importlib.util.find_spec("psycopg") is None:  # e.g. the laptop installer
        raise UserError(_("PostgreSQL needs the optional part: pip install 'survey-app[central]'."))
    try:
        return _serve(args)
    except DatabaseUnavailable as exc:
        raise UserError(_("The receiver database cannot be reached: {error}").format(error=str(exc).strip())) from exc


def _serve(args) -> int:
    from survey_app.central.server import bind, make_server, serve_workers

    sock = bind(args.host, args.port)
    host, port = sock.getsockname()[:2]
    if args.workers > 1:
        return serve_workers(args.db, sock, args.workers, certfile=args.cert, keyfile=args.key,
                             announce=f"listening on {'https' if args.cert else 'http'}://{host}:{port}")
    server = make_server(args.db, log_level="info", certfile=args.cert, keyfile=args.key)
    print(f"listening on {'https' if args.cert else 'http'}://{host}:{port}", flush=True)
    server.run(sockets=[sock])
    return 0


def run_central_add_device(ctx, args) -> int:
    """Register a device and print its token once."""
    from survey_app.commands.central import central_store, is_duplicate

    with central_store(args.db) as store:
        try:
            print(store.add_device(args.name, public_key=args.public_key, role=args.role, team=args.team))
        except Exception as exc:
            if not is_duplicate(exc):
                raise
            from survey_app.errors import UserError

            raise UserError(_("A device named {name} already exists.").format(name=args.name)) from exc
    return 0


def run_central_keys_show(ctx, args) -> int:
    """Print the receiver's public identity (made on first use, kept beside its database)."""
    from survey_app.commands import emit
    from survey_app.commands.keys import identity_json
    from survey_app.central.backend import identity_for

    ident = identity_for(args.db)
    return emit(args, identity_json(ident),
                _("Fingerprint: {fp}").format(fp=ident.public.fingerprint),
                ident.public.text)


def run_central_revoke(ctx, args) -> int:
    """Revoke a device's token."""
    from survey_app.commands.central import central_store
    from survey_app.errors import UserError

    with central_store(args.db) as store:
        if not store.revoke_device(args.name):
            raise UserError(_("No active device named {name}.").format(name=args.name))
    return 0


def run_central_openapi(ctx, args) -> int:
    """Write the OpenAPI document the receiver serves."""
    _need_central()
    from survey_app.central.openapi import write_openapi

    write_openapi(args.out)
    return 0
