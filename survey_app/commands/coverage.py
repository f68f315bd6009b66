"""`survey-app coverage ...` (hexagon summaries) and `survey-app basemap ...` (offline basemaps)."""
from __future__ import annotations

from survey_app.commands.options import JSON, action, group, opt
from survey_app.i18n import _


def register(sub) -> None:
    """Add the `coverage` and `basemap` subcommands."""
    cs = group(sub, "coverage", _("hexagon summaries of signal and speed"), "coverage_command")
    action(cs, "update", run_update, _("add the readings and tests recorded since the last update"),
           opt("--rebuild", action="store_true", help=_("forget the summaries and count everything again")), JSON)
    action(cs, "hexagons", run_hexagons, _("hexagon statistics for an operator and technology"),
           opt("--res", type=int, choices=[8, 9], default=9, help=_("H3 resolution (default 9)")),
           opt("--operator", help=_("only this operator (default: all)")),
           opt("--technology", help=_("only this technology (default: all)")),
           opt("--status", choices=["approved", "all"], default="all",
               help=_("approved: only records of approved sessions (default: all)")), JSON)

    bs = group(sub, "basemap", _("offline basemaps (raster MBTiles) for the maps"), "basemap_command")
    action(bs, "import", run_basemap_import, _("check and import a raster MBTiles file, and use it"),
           opt("file"), JSON)
    action(bs, "select", run_basemap_select, _("choose the basemap the maps draw (none: no basemap)"),
           opt("name"))
    action(bs, "list", run_basemap_list, _("imported basemaps"), JSON)
    action(bs, "make-test", run_basemap_make_test,
           _("write a small test tile set of Huế made from the app's unit list"),
           opt("file"))


def run_update(ctx, args) -> int:
    """Bring the hexagon summaries up to date."""
    from survey_app.commands import print_json
    from survey_app.coverage.summaries import rebuild, update

    result = rebuild(ctx.db) if args.rebuild else update(ctx.db)
    if args.json:
        print_json(result.to_json())
    else:
        text = (_("{readings} readings and {tests} tests counted again in {seconds} s: {partitions} partitions "
                  "changed.") if result.rebuilt else
                _("{readings} readings and {tests} tests added to {partitions} partitions in {seconds} s."))
        print(text.format(readings=result.readings, tests=result.tests, partitions=result.partitions,
                          seconds=round(result.seconds, 2)))
    return 0


def run_hexagons(ctx, args) -> int:
    """Print the hexagons of one resolution."""
    from survey_app.commands import print_json
    from survey_app.coverage.hexagons import hexagons
    from survey_app.models.export_spec import Filters

    hexes = hexagons(ctx.db, args.res, args.operator, args.technology, Filters(status=args.status))
    if args.json:
        print_json([h.to_json() for h in hexes])
        return 0
    for h in hexes:
        print(_("{h3} {unit}: {readings} readings, {tests} tests, RSRP median {rsrp} dBm").format(
            h3=h.h3, unit=h.unit_code or "-", readings=h.readings, tests=h.tests,
            rsrp="-" if h.rsrp_median is None else h.rsrp_median))
    return 0


def run_basemap_import(ctx, args) -> int:
    """Import a tile set (nothing changes when it is refused)."""
    from survey_app.commands import emit
    from survey_app.coverage.basemap import import_file

    info = import_file(ctx.home, args.file)
    return emit(args, info.to_json(),
                _("Imported basemap {name}: {tiles} tiles, zoom {zmin}-{zmax}.").format(
                    name=info.name, tiles=info.tiles, zmin=info.min_zoom, zmax=info.max_zoom))


def run_basemap_select(ctx, args) -> int:
    """Choose the basemap by name."""
    from survey_app.coverage.basemap import available, select
    from survey_app.errors import UserError

    name = None if args.name.lower() == "none" else args.name
    if name is not None and name not in available(ctx.home):
        raise UserError(_("No basemap named {name}; imported: {names}").format(
            name=name, names=", ".join(available(ctx.home)) or "-"))
    select(ctx.home, name)
    return 0


def run_basemap_list(ctx, args) -> int:
    """List the imported basemaps, the selected one marked."""
    from survey_app.commands import print_json
    from survey_app.coverage.basemap import available, selected

    names, chosen = available(ctx.home), selected(ctx.home)
    if args.json:
        print_json({"basemaps": names, "selected": chosen})
    else:
        for n in names:
            print(("* " if n == chosen else "  ") + n)
    return 0


def run_basemap_make_test(ctx, args) -> int:
    """Write the test tile set."""
    from pathlib import Path

    from survey_app.coverage.demo_tiles import make
    from survey_app.errors import UserError

    path = Path(args.file)
    if path.exists():
        raise UserError(_("{path} already exists; nothing was changed.").format(path=path))
    n = make(path)
    print(_("{n} tiles written to {path}").format(n=n, path=path))
    return 0
