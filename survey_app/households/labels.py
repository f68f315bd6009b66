"""Interview statuses in the user's language (the one place they are named)."""
from __future__ import annotations

from survey_app.i18n import _


def status_label(status: str, *, capital: bool = False) -> str:
    """An interview status ('draft', 'finalized', 'refused') in the user's language; `capital` for a heading."""
    text = {"draft": _("draft"), "finalized": _("finalized"), "refused": _("refused")}.get(status, status)
    return text[:1].upper() + text[1:] if capital else text
