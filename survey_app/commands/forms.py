"""`survey-app forms check|import|list` (households: commands/households.py)."""
from __future__ import annotations

import sys

from survey_app.i18n import _


def register(sub) -> None:
    """Add the `forms` subcommands."""
    p = sub.add_parser("forms", help=_("check and import questionnaires (XLSForm .xlsx)"))
    fs = p.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    c = fs.add_parser("check", help=_("check an XLSForm; lists every problem with its sheet, row and column"))
    c.add_argument("file")
    c.add_argument("--json", action="store_true", help=_("print JSON"))
    c.set_defaults(handler=run_check)
    i = fs.add_parser("import", help=_("make an XLSForm available to surveyors (a new version keeps old answers "
                                       "tied to the old one)"))
    i.add_argument("file")
    i.add_argument("--json", action="store_true", help=_("print JSON"))
    i.set_defaults(handler=run_import)
    ls = fs.add_parser("list", help=_("list the installed forms"))
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(handler=run_list_forms)


def _report(form, problems, as_json: bool, path: str) -> None:
    from survey_app.commands import print_json

    if as_json:
        print_json({"file": path, "usable": not problems, "problems": [p.to_json() for p in problems],
                    "form_id": form and form["form_id"], "version": form and form["version"],
                    "questions": form and sum(1 for f in form["fields"] if f["type"] not in ("group", "repeat"))})
        return
    if problems:
        print(_("{path}: the form cannot be used ({n} problems):").format(path=path, n=len(problems)),
              file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
    else:
        n = sum(1 for f in form["fields"] if f["type"] not in ("group", "repeat"))
        print(_("{path}: usable. Form {form_id}, version {version}, {n} questions, languages: {langs}.").format(
            path=path, form_id=form["form_id"], version=form["version"], n=n, langs=", ".join(form["languages"])))


def run_check(ctx, args) -> int:
    """Check an XLSForm: exit 0 when usable, 1 with every problem otherwise."""
    from survey_app.forms.compiler import check_file

    ctx.settings  # noqa: B018 - sets the language from the settings
    form, problems = check_file(args.file)
    _report(form, problems, args.json, args.file)
    return 1 if problems else 0


def run_import(ctx, args) -> int:
    """Import an XLSForm as a new form version; a rejected form changes nothing."""
    import hashlib
    from pathlib import Path

    from survey_app.commands import print_json
    from survey_app.forms.compiler import check_file
    from survey_app.storage.forms import import_form

    ctx.settings  # noqa: B018
    form, problems = check_file(args.file)
    if problems:
        _report(form, problems, args.json, args.file)
        return 1
    sha = hashlib.sha256(Path(args.file).read_bytes()).hexdigest()
    row = import_form(ctx.db, ctx.record_context(), form, source_sha256=sha)
    if args.json:
        print_json({k: row[k] for k in ("form_id", "version", "title", "imported_at")})
    else:
        print(_("Imported form {form_id} version {version}.").format(form_id=row["form_id"], version=row["version"]))
    return 0


def run_list_forms(ctx, args) -> int:
    """List installed forms."""
    from survey_app.commands import print_json
    from survey_app.storage.forms import ensure_builtin, list_forms

    ensure_builtin(ctx.db, ctx.record_context())
    forms = list_forms(ctx.db)
    if args.json:
        print_json(forms)
    else:
        for f in forms:
            print(f"{f['form_id']}  {f['version']}  {f['imported_at']}  {f['title']}")
    return 0
