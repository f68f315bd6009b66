"""Which questionnaire a session uses: chosen when the session opens (or later), kept in the settings.

Each interview stores the form id and version it was started with, so the choice only decides what new
interviews of the session use; without a choice they use the newest version of the built-in household form.
"""
from __future__ import annotations

SETTINGS_KEY = "session_forms"


def form_title(definition: dict, lang: str) -> str:
    """The form's title in `lang` when the form has one, else its default title."""
    return (definition.get("titles") or {}).get(lang) or definition.get("title") or definition.get("form_id", "")


def installed_forms(db, lang: str) -> list[tuple[str, str, str]]:
    """(label, form_id, version) of every installed form version, newest first."""
    from survey_app.storage.forms import get_form_row, list_forms

    out = []
    for f in list_forms(db):
        definition = get_form_row(db, f["form_id"], f["version"])["definition"]
        out.append((f"{form_title(definition, lang)} · {f['version']}", f["form_id"], f["version"]))
    return out


def chosen_form(ctx, session_id: str | None) -> tuple[str, str] | None:
    """(form_id, version) chosen for a session, if any."""
    chosen = ctx.settings.extra.get(SETTINGS_KEY, {}).get(session_id or "")
    return (chosen[0], chosen[1]) if isinstance(chosen, list) and len(chosen) == 2 else None


def choose_form(ctx, session_id: str, form_id: str, version: str) -> None:
    """Use this form version for the session's new interviews."""
    ctx.settings.extra.setdefault(SETTINGS_KEY, {})[session_id] = [form_id, version]
    ctx.save_settings()


def session_form(ctx, session_id: str | None) -> dict:
    """The compiled form new interviews of the session use."""
    from survey_app.errors import NotFound
    from survey_app.storage.forms import current_form, get_definition

    chosen = chosen_form(ctx, session_id)
    if chosen:
        try:
            return get_definition(ctx.db, *chosen)
        except NotFound:
            pass
    return current_form(ctx.db)["definition"]
