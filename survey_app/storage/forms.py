"""Forms repository: compiled questionnaires by form_id and version (the only SQL for forms)."""
from __future__ import annotations

import json
from importlib import resources

import sqlite_utils

from survey_app.errors import NotFound, UserError
from survey_app.i18n import _
from survey_app.clock import utc_now
from survey_app.storage import changes
from survey_app.storage.records import RecordContext

BUILTIN_FORM_ID = "household"


def builtin_definition() -> dict:
    """The compiled household form shipped in the package."""
    text = resources.files("survey_app.data").joinpath("forms/household.json").read_text(encoding="utf-8")
    return json.loads(text)


def _canonical(form: dict) -> str:
    return json.dumps(form, ensure_ascii=False, sort_keys=True)


def import_form(db: sqlite_utils.Database, rctx: RecordContext, form: dict, *, source_sha256: str = "") -> dict:
    """Store a compiled form; the same version again is a no-op, a changed form needs a new version."""
    row = db.execute("SELECT definition FROM forms WHERE form_id = ? AND version = ?",
                     [form["form_id"], form["version"]]).fetchone()
    if row is not None:
        if _canonical(json.loads(row[0])) == _canonical(form):
            return get_form_row(db, form["form_id"], form["version"])
        raise UserError(_("Version {version} of form {form_id} is already installed with different content; "
                          "raise the version in the settings sheet and import again.").format(
            version=form["version"], form_id=form["form_id"]))
    record = rctx.stamp({"form_id": form["form_id"], "version": form["version"], "title": form.get("title", ""),
                         "definition": json.dumps(form, ensure_ascii=False), "source_sha256": source_sha256,
                         "imported_at": utc_now()})
    db.table("forms").insert(record)
    changes.changed(db, "forms")
    return get_form_row(db, form["form_id"], form["version"])


def ensure_builtin(db: sqlite_utils.Database, rctx: RecordContext) -> dict:
    """Install the built-in household form on first start (and when the package brings a new version)."""
    return import_form(db, rctx, builtin_definition(), source_sha256="builtin")


def get_form_row(db: sqlite_utils.Database, form_id: str, version: str) -> dict:
    """One stored form (metadata and definition)."""
    row = db.execute("SELECT id, form_id, version, title, definition, imported_at FROM forms "
                     "WHERE form_id = ? AND version = ?", [form_id, version]).fetchone()
    if row is None:
        raise NotFound(_("No form {form_id} version {version}.").format(form_id=form_id, version=version))
    return {"id": row[0], "form_id": row[1], "version": row[2], "title": row[3], "definition": json.loads(row[4]),
            "imported_at": row[5]}


def get_definition(db: sqlite_utils.Database, form_id: str, version: str) -> dict:
    """The compiled definition of one form version."""
    return get_form_row(db, form_id, version)["definition"]


def current_version(db: sqlite_utils.Database, form_id: str = BUILTIN_FORM_ID) -> str | None:
    """The most recently imported version of a form, or None."""
    row = db.execute("SELECT version FROM forms WHERE form_id = ? ORDER BY imported_at DESC, rowid DESC LIMIT 1",
                     [form_id]).fetchone()
    return row[0] if row else None


def current_form(db: sqlite_utils.Database, form_id: str = BUILTIN_FORM_ID) -> dict:
    """The most recently imported version of a form."""
    version = current_version(db, form_id)
    if version is None:
        raise NotFound(_("No form {form_id} is installed.").format(form_id=form_id))
    return get_form_row(db, form_id, version)


def list_forms(db: sqlite_utils.Database) -> list[dict]:
    """Every stored form version (without definitions), newest first."""
    rows = db.execute("SELECT form_id, version, title, imported_at FROM forms ORDER BY imported_at DESC").fetchall()
    return [{"form_id": r[0], "version": r[1], "title": r[2], "imported_at": r[3]} for r in rows]
