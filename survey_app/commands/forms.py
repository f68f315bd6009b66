"""`survey-app forms check|import|list` (households: commands/households.py)."""
from __future__ import annotations

import sys

from survey_app.commands.options import JSON, action, group, opt
from survey_app.i18n import _


def register(sub) -> None:
    """Add the `forms` subcommands."""
    fs = group(sub, "forms", _("check and import questionnaires (XLSForm .xlsx)"), "forms_command")
    action(fs, "check", run_check, _("check an XLSForm; lists every problem with its sheet, row and column"),
           opt("file"), JSON)
    action(fs, "import", run_import,
           _("make an XLSForm available to surveyors (a new version keeps old answers tied to the old one)"),
           opt("file"), JSON)
    action(fs, "list", run_list_forms, _("list the installed forms"), JSON)


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

    from survey_app.commands import emit
    from survey_app.forms.compiler import check_file
    from survey_app.storage.forms import import_form

    ctx.settings  # noqa: B018
    form, problems = check_file(args.file)
    if problems:
        _report(form, problems, args.json, args.file)
        return 1
    sha = hashlib.sha256(Path(args.file).read_bytes()).hexdigest()
    row = import_form(ctx.db, ctx.record_context(), form, source_sha256=sha)
    return emit(args, {k: row[k] for k in ("form_id", "version", "title", "imported_at")},
                _("Imported form {form_id} version {version}.").format(form_id=row["form_id"], version=row["version"]))


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
