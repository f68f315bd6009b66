"""`survey-app keys show|trust|list|revoke`: this installation's identity and the keys it trusts."""
from __future__ import annotations

from survey_app.commands.options import JSON, action, group, opt
from survey_app.i18n import _


def register(sub) -> None:
    """Add the keys subcommands."""
    ks = group(sub, "keys", _("this installation's keys and the keys it trusts"), "keys_command")
    action(ks, "show", run_show, _("print this installation's device id, public key and fingerprint"), JSON)
    action(ks, "trust", run_trust, _("trust another installation's public key"),
           opt("public_key", metavar="PUBLIC_KEY"),
           opt("--name", required=True, help=_("whose key it is")),
           opt("--role", required=True, choices=("surveyor", "supervisor", "central")), JSON)
    action(ks, "list", run_list, _("list the trusted keys"), JSON)
    action(ks, "revoke", run_revoke, _("stop trusting a key"),
           opt("fingerprint", metavar="FINGERPRINT"))


def identity_json(ident) -> dict:
    """What `keys show --json` prints."""
    return {"device_id": ident.device_id, "public_key": ident.public.text, "fingerprint": ident.public.fingerprint}


def run_show(ctx, args) -> int:
    """Print this installation's public identity."""
    from survey_app.commands import emit
    from survey_app.trust.keys import home_identity

    ident = home_identity(ctx.home, ctx.db)
    return emit(args, identity_json(ident),
                _("Device: {device}").format(device=ident.device_id),
                _("Fingerprint: {fp}").format(fp=ident.public.fingerprint),
                _("Public key (give it to whoever must trust this installation):"),
                ident.public.text)


def _entry_json(e) -> dict:
    return {"fingerprint": e.fingerprint, "name": e.name, "role": e.role, "device_id": e.device_id,
            "public_key": e.public_key, "added_at": e.added_at, "revoked_at": e.revoked_at}


def run_trust(ctx, args) -> int:
    """Add a key to the trust list."""
    from survey_app.commands import emit
    from survey_app.clock import utc_now
    from survey_app.trust.trustlist import home_trust_list, role_label

    trust = home_trust_list(ctx.home)
    entry = trust.trust(args.public_key, args.name, args.role, now=utc_now())
    trust.save()
    return emit(args, _entry_json(entry),
                _("Trusted {name} ({role}), fingerprint {fp}.").format(
                    name=entry.name, role=role_label(entry.role), fp=entry.fingerprint))


def run_list(ctx, args) -> int:
    """Print the trust list."""
    from survey_app.commands import print_json
    from survey_app.trust.trustlist import home_trust_list, role_label

    entries = home_trust_list(ctx.home).entries
    if args.json:
        print_json([_entry_json(e) for e in entries])
        return 0
    if not entries:
        print(_("No trusted keys yet (survey-app keys trust PUBLIC_KEY --name NAME --role ROLE)."))
    for e in entries:
        state = _("revoked {at}").format(at=e.revoked_at) if e.revoked_at else _("trusted")
        print(f"{e.fingerprint}  {role_label(e.role):<14}  {e.name}  ({state})")
    return 0


def run_revoke(ctx, args) -> int:
    """Revoke a trusted key."""
    from survey_app.clock import utc_now
    from survey_app.trust.trustlist import home_trust_list

    trust = home_trust_list(ctx.home)
    entry = trust.revoke(args.fingerprint, now=utc_now())
    trust.save()
    print(_("{name} ({fp}) is no longer trusted.").format(name=entry.name, fp=entry.fingerprint))
    return 0
