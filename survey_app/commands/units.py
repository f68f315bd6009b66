"""`survey-app units`: the 40 wards and communes."""
from __future__ import annotations

from survey_app.commands.options import JSON, action
from survey_app.i18n import _


def register(sub) -> None:
    """Add the `units` subcommand."""
    action(sub, "units", run, _("list the 40 wards and communes with their codes"), JSON)


def run(ctx, args) -> int:
    """Print the units."""
    from survey_app.commands import print_json
    from survey_app.storage.units import list_units

    units = list_units(ctx.db)
    if args.json:
        print_json([{"code": u.code, "name": u.name, "kind": u.kind, "code_set": u.code_set,
                     "inside": [u.inside_lon, u.inside_lat], "bbox": list(u.bbox)} for u in units])
        return 0
    kinds = {"ward": _("ward"), "commune": _("commune")}
    for u in units:
        print(f"{u.code}  {u.name}  ({kinds[u.kind]})")
    print(_("{n} units, code set {code_set}").format(n=len(units), code_set=units[0].code_set if units else ""))
    return 0
