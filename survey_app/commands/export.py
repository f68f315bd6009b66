"""`survey-app export`: CSV or GeoJSON files (and a manifest) of the survey, privacy-safe by default."""
from __future__ import annotations

import sys
import time
from datetime import date, datetime

from survey_app.commands.options import action, opt
from survey_app.errors import UserError
from survey_app.i18n import _


def register(sub) -> None:
    """Add the `export` subcommand."""
    from survey_app.exports.layers import LAYER_NAMES

    action(sub, "export", run, _("export the survey as CSV or GeoJSON files with a manifest"),
           opt("--format", dest="fmt", required=True, choices=["csv", "geojson", "gpkg", "evidence"],
               help=_("file format (gpkg: one GeoPackage file with every layer; evidence: speed tests with "
                      "their passports and verdicts, FCC BDC layout)")),
           opt("--out", required=True, help=_("existing output folder (gpkg: the .gpkg file to write)")),
           opt("--layers", help=_("comma-separated layers (default: all of the format): {layers}").format(
    layers=",".join(LAYER_NAMES))),
           opt("--unit", action="append", default=[], nargs="+", metavar="CODE",
               help=_("only these unit codes (repeatable)")),
           opt("--team", action="append", default=[], metavar="NAME", help=_("only this team (repeatable)")),
           opt("--from", dest="date_from", metavar="DATE", help=_("first day, YYYY-MM-DD or dd/mm/yyyy")),
           opt("--to", dest="date_to", metavar="DATE", help=_("last day, YYYY-MM-DD or dd/mm/yyyy")),
           opt("--status", choices=["approved", "all"], default="all",
               help=_("approved: only records of approved sessions (default: all)")),
           opt("--include-personal", action="store_true",
               help=_("include names and phone numbers (left out by default)")),
           opt("--precise-locations", action="store_true",
               help=_("keep household positions exact (rounded to about 100 m by default)")),
           opt("--zip", action="store_true", help=_("pack the files and the manifest into one .zip archive")),
           opt("--force", action="store_true",
               help=_("replace export files already in the folder (gpkg: the file)")),
           opt("--valid-only", action="store_true", help=_("evidence: only tests whose verdict is valid")),
           opt("--json", action="store_true", help=_("print the manifest as JSON")))


def parse_date(text: str | None) -> date | None:
    """A date given as YYYY-MM-DD or dd/mm/yyyy (UserError otherwise)."""
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            pass
    raise UserError(_("Cannot read the date {text}; write it as YYYY-MM-DD or dd/mm/yyyy.").format(text=text))


def build_filters(db, units, teams, date_from, date_to, status):
    """Checked filters: known unit codes and team names, a date range that is not reversed."""
    from survey_app.models.export_spec import Filters
    from survey_app.storage.export_queries import list_teams
    from survey_app.storage.units import get_unit

    codes = tuple(dict.fromkeys(get_unit(db, u).code for u in units))
    known = set(list_teams(db))
    for t in teams:
        if t not in known:
            raise UserError(_("No session belongs to a team named {team}.").format(team=t))
    if date_from and date_to and date_from > date_to:
        raise UserError(_("The first day {start} is after the last day {end}.").format(
            start=date_from.strftime("%d/%m/%Y"), end=date_to.strftime("%d/%m/%Y")))
    return Filters(units=codes, date_from=date_from, date_to=date_to, teams=tuple(dict.fromkeys(teams)),
                   status=status)


def run(ctx, args) -> int:
    """Run the export, showing progress on stderr."""
    from pathlib import Path

    from survey_app.commands import print_json
    from survey_app.exports.run import ExportOptions, run_export

    units = [code for group in args.unit for code in group]
    if args.fmt == "evidence":
        return run_evidence(ctx, args, units)
    filters = build_filters(ctx.db, units, args.team, parse_date(args.date_from), parse_date(args.date_to),
                            args.status)
    layers = tuple(x.strip() for x in (args.layers or "").split(",") if x.strip())
    options = ExportOptions(args.fmt, Path(args.out), layers, filters, args.include_personal,
                            args.precise_locations, args.zip, overwrite=args.force)
    if args.fmt == "gpkg":
        return _run_gpkg(ctx, args, options)
    gen = run_export(ctx.db_path, options, settings=ctx.settings)
    result = _drive(gen)
    if args.json:
        print_json(result.manifest)
        return 0
    for f in result.manifest["files"]:
        print(_("{file}: {rows} rows").format(file=f["file"], rows=f["rows"]))
    for path in result.files:
        print(path)
    return 0


def _run_gpkg(ctx, args, options) -> int:
    """The GeoPackage export: one file, every layer."""
    from pathlib import Path

    from survey_app.commands import print_json
    from survey_app.exports.gpkg import run_gpkg_export

    result = _drive(run_gpkg_export(ctx.db_path, options, Path(args.out), force=args.force, settings=ctx.settings))
    if args.json:
        print_json(result.to_json())
        return 0
    for name, rows in result.layers.items():
        print(_("{file}: {rows} rows").format(file=name, rows=rows))
    print(result.path)
    return 0


def _drive(gen):
    """Run an export generator, showing progress on a terminal's stderr; returns its result."""
    last = 0.0
    tty = sys.stderr.isatty()
    try:
        while True:
            p = next(gen)
            now = time.monotonic()
            if tty and now - last > 0.2:
                last = now
                sys.stderr.write("\r" + _("{layer}: {done}/{total} rows ({percent}%)").format(
                    layer=p.layer, done=p.done, total=p.total, percent=int(100 * p.fraction)) + " " * 8)
                sys.stderr.flush()
    except StopIteration as stop:
        result = stop.value
    finally:
        gen.close()   # on Ctrl+C this removes the temporary files
        if tty:
            sys.stderr.write("\r" + " " * 70 + "\r")
    return result


def run_evidence(ctx, args, units: list[str]) -> int:
    """The evidence export: JSON (FCC BDC layout) and CSV of the judged speed tests."""
    from pathlib import Path

    from survey_app.commands import print_json
    from survey_app.exports.evidence import run_evidence_export
    from survey_app.storage.units import get_unit

    codes = tuple(dict.fromkeys(get_unit(ctx.db, u).code for u in units))
    gen = run_evidence_export(ctx.db_path, Path(args.out), units=codes, only_valid=args.valid_only,
                              precise_locations=args.precise_locations, overwrite=args.force)
    result = _drive(gen)
    if args.json:
        print_json(result.manifest)
        return 0
    print(_("{n} speed tests ({valid} valid), {s} seconds, {e} events.").format(
        n=result.manifest["tests"], valid=result.manifest["valid_tests"], s=result.manifest["seconds"],
        e=result.manifest["events"]))
    for path in result.files:
        print(path)
    return 0
