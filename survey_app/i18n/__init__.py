"""Qt-free translations of core messages (CLI output, errors raised by core).

Source strings are English; Vietnamese is the default language. Each area keeps its
catalogue in its own module `survey_app/i18n/vi_<area>.py` defining `MESSAGES = {english: vietnamese}`,
so areas never edit the same file. Use `_("Unknown unit code: {code}").format(code=c)`:
translate the template first, then format.
"""
from __future__ import annotations

import importlib
import os
import pkgutil

SUPPORTED = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_language = os.environ.get("SURVEY_APP_LANG", DEFAULT_LANGUAGE)
_catalogue: dict[str, str] | None = None


def set_language(lang: str | None) -> None:
    """Choose the language of core messages ('vi' or 'en')."""
    global _language
    if lang:
        _language = lang if lang in SUPPORTED else DEFAULT_LANGUAGE


def get_language() -> str:
    """The language core messages are given in."""
    return _language


def vietnamese_catalogue() -> dict[str, str]:
    """All Vietnamese messages of every area, loaded once."""
    global _catalogue
    if _catalogue is None:
        merged: dict[str, str] = {}
        for info in pkgutil.iter_modules(__path__):
            if info.name.startswith("vi_"):
                merged.update(importlib.import_module(f"{__name__}.{info.name}").MESSAGES)
        _catalogue = merged
    return _catalogue


def _(message: str, lang: str | None = None) -> str:
    """The message in the current language, or in `lang` (English source text falls through)."""
    if (lang or _language) == "vi":
        return vietnamese_catalogue().get(message, message)
    return message


def number(value: float | int | None, digits: int | None = None) -> str:
    """A number as the current language writes it: decimal comma in Vietnamese (16,7), '-' when unknown;
    `digits` fixes the decimals, else a useless .0 is dropped."""
    if value is None:
        return "-"
    text = f"{value:.{digits}f}" if digits is not None else f"{value:g}"
    return text.replace(".", ",") if _language == "vi" else text
