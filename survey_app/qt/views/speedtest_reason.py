"""A stored failure reason shown in the reader's language.

A speed test's `error` is stored already worded in the language of whoever ran it; a supervisor reading the
list in the other language should not get a mix. The reason is matched against the core message templates
(English and Vietnamese, placeholders as wildcards) and reworded; text that matches none is shown as stored.
"""
from __future__ import annotations

import re
from functools import lru_cache

from survey_app.i18n import vietnamese_catalogue

_FIELD = re.compile(r"\{(\w*)\}")


def _pattern(template: str) -> re.Pattern | None:
    names = _FIELD.findall(template)
    if not names or len(set(names)) != len(names) or "" in names or len(_FIELD.sub("", template).strip()) < 6:
        return None   # a template that is (almost) only placeholders would match any text
    parts, pos = [], 0
    for m in _FIELD.finditer(template):
        parts.append(re.escape(template[pos:m.start()]))
        parts.append(f"(?P<{m.group(1)}>.+?)")
        pos = m.end()
    parts.append(re.escape(template[pos:]))
    return re.compile("".join(parts), re.S)


@lru_cache(maxsize=2)
def _templates(lang: str) -> tuple[dict[str, str], list[tuple[re.Pattern, str]]]:
    """(exact text -> text in `lang`, [(pattern of a template in the other language, template in `lang`)])."""
    pairs = list(vietnamese_catalogue().items())            # (english, vietnamese)
    if lang == "vi":
        pairs = [(en, vi) for en, vi in pairs]               # stored English -> Vietnamese
    else:
        pairs = [(vi, en) for en, vi in pairs]               # stored Vietnamese -> English
    exact = {src: dst for src, dst in pairs if src != dst}
    patterns = []
    for src, dst in sorted(pairs, key=lambda p: -len(p[0])):   # longer, more specific templates first
        pattern = _pattern(src)
        if pattern is not None and set(_FIELD.findall(src)) == set(_FIELD.findall(dst)):
            patterns.append((pattern, dst))
    return exact, patterns


@lru_cache(maxsize=512)
def reason_in(text: str, lang: str, depth: int = 0) -> str:
    """`text` (a stored reason) reworded in `lang` ('vi' or 'en') when it is a known core message."""
    if not text or depth > 3:
        return text
    exact, patterns = _templates(lang)
    if text in exact:
        return exact[text]
    for pattern, target in patterns:
        m = pattern.fullmatch(text)
        if m:
            return target.format(**{k: reason_in(v, lang, depth + 1) for k, v in m.groupdict().items()})
    return text
