"""The receiver's refusals in the user's language. The receiver answers in English (its words are kept as they
came, as evidence, in sync_rejections and next to a refused bundle file); what the sync panel and `sync --status`
show is this module's reading of them: each known answer (the ownership rule of trust/policy.py, newest-wins
"stale"/"conflict", contract checks, whole-file refusals of a forwarded bundle) becomes a message of the user's
language; an answer it does not know is shown as the receiver's own text, said to be so.
"""
from __future__ import annotations

import re
from functools import lru_cache

from survey_app.i18n import _, vietnamese_catalogue

NOT_ALLOWED = "not allowed: "
MAX_SHOWN = 300  # a receiver's text is not ours: show at most this much
NUMBERS = ("rev", "status")  # placeholders that stand for a number

# The English texts of trust/policy.py's refusal() (the receiver sends them after NOT_ALLOWED); their Vietnamese
# is vi_trust's. tests/core/test_sync_reasons.py checks every refusal the policy can give is known here.
POLICY = (
    "a deletion of a review decision or form not signed by a supervisor",
    "a deletion of a record that belongs to device {device}",
    "a review decision not signed by a supervisor",
    "a form not signed by a supervisor or the central system",
    "a session marked approved or rejected by someone who is not a supervisor",
    "a record of device {device}, not of the sender",
    "a record that belongs to device {device}",
)
# (what the receiver says about one record, what the user reads)
RECORD = (
    ("stale: the central system holds revision {rev}",
     "older than the copy at the central system (it holds revision {rev}): a newer revision is there"),
    ("stale: the central system holds revision {rev} of {table} {id}",
     "older than the copy at the central system (it holds revision {rev}): a newer revision is there"),
    ("conflict: the central system holds revision {rev} with different content",
     "in conflict: the central system holds the same revision ({rev}) with other content"),
    ("conflict: the central system holds revision {rev} of {table} {id} with content",
     "in conflict: the central system holds the same revision ({rev}) with other content"),
    ("conflict: the central system holds revision {rev} as deleted",
     "in conflict: the central system holds this revision ({rev}) as deleted"),
    ("not allowed: a record keeps the device it was made on",
     "not allowed: a record keeps the device it was made on (its device_id cannot change)"),
    ("unknown table", "a kind of record the central system does not know (update the receiver)"),
    ("invalid table name", "a kind of record the central system does not know (update the receiver)"),
    ("unknown columns: {columns}", "fields the central system does not know: {columns} (update the receiver)"),
    ("invalid tombstone: {why}", "an incomplete deletion record"),
    ("{column}: integer out of range", "{column}: a number too large for the central system"),
    ("{column}: number not finite", "{column}: not a finite number"),
    ("{column}: not a plain value", "{column}: not a plain value (text, number or empty)"),
    ("too large for the central system", "too large for the central system"),
    ("HTTP {status}: {detail}", "the central system refused it (HTTP {status}): {detail}"),
)
# (what the receiver says about a whole forwarded bundle file, what the user reads)
BUNDLE = (
    ("{path} is signed by a key this installation does not trust (fingerprint {fp}). If you know whose it is, "
     "trust it first: survey-app keys trust PUBLIC_KEY --name NAME --role surveyor|supervisor|central",
     "the central system does not know the key that signed it (fingerprint {fp}): ask its operator to register "
     "that device (survey-app central add-device --public-key ...), then send it again"),
    ("{path} was refused: signed by {name} ({role}), it holds {why} (record {id}). Nothing was imported.",
     "signed by {name} ({role}), it holds {why} (record {id}); the central system took nothing from it"),
    ("{path} is damaged: {why}", "the central system found the file damaged; import it again from the USB stick"),
    ("this bundle was uploaded by another device", "another device sent this bundle to the central system first"),
    ("request body too large", "too large for the central system"),
)


def _regex(template: str) -> re.Pattern:
    """`template` with each {name} as a named group (numbers as digits, the last one greedy)."""
    parts = re.split(r"\{(\w+)\}", template)
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(re.escape(part))
        else:
            out.append(rf"(?P<{part}>\d+)" if part in NUMBERS else f"(?P<{part}>.+)" if i == len(parts) - 2
                       else f"(?P<{part}>.+?)")
    return re.compile("".join(out), re.DOTALL)


@lru_cache(maxsize=None)
def _patterns(kind: str) -> tuple[tuple[re.Pattern, str], ...]:
    """Compiled (receiver's text, message) pairs, in English and in Vietnamese (a receiver set to Vietnamese)."""
    pairs = {"policy": [(t, t) for t in POLICY], "record": RECORD, "bundle": BUNDLE}[kind]
    vi = vietnamese_catalogue()
    out = []
    for said, message in pairs:
        for text in {said, vi.get(said, said)}:
            out.append((_regex(text), message))
    return tuple(out)


def _match(kind: str, text: str) -> str | None:
    for pattern, message in _patterns(kind):
        if found := pattern.fullmatch(text):
            values = {k: v[:MAX_SHOWN] for k, v in found.groupdict().items()}
            if "why" in values and kind == "bundle":
                values["why"] = _policy(values["why"]) or values["why"]
            if "role" in values:
                values["role"] = _(values["role"])
            if "detail" in values:
                values["detail"] = explain(values["detail"])
            return _(message).format(**values)
    return None


def _policy(text: str) -> str | None:
    for pattern, message in _patterns("policy"):
        if found := pattern.fullmatch(text):
            return _(message).format(**{k: v[:36] for k, v in found.groupdict().items()})
    return None


def explain(reason: str | None) -> str:
    """Why the receiver refused one record, in the user's language."""
    text = str(reason or "").strip()
    if not text:
        return ""
    if text.startswith(NOT_ALLOWED) and (why := _policy(text[len(NOT_ALLOWED):])):
        return _("not allowed: {why}").format(why=why)
    return _match("record", text) or _unknown(text)


def explain_bundle(detail: str | None) -> str:
    """Why the receiver refused a whole forwarded bundle file, in the user's language."""
    text = str(detail or "").strip()
    return _match("bundle", text) or explain(text)


def _unknown(text: str) -> str:
    if text != _(text):  # one of our own messages (stored by an earlier version)
        return _(text)
    return _("the central system's words: {reason}").format(reason=text[:MAX_SHOWN])
