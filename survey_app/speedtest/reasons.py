"""Why a speed test did not complete, as a code and its parameters, worded only where it is shown.

A failed test is stored with `error_code` and `error_params` (JSON) and, for exports and older readers, the
English wording in `error`; a list shows the reason in its reader's language. Rows stored before codes
existed have only the text they were worded in, which is shown as stored.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from survey_app.i18n import _


@dataclass(frozen=True)
class Reason:
    """A failure code and its parameters (plain JSON values; "detail" may hold a nested reason)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """{"code": ..., "params": {...}}."""
        return {"code": self.code, "params": self.params}


class ReasonError(Exception):
    """An error that carries a Reason; str() words it in the current language."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.reason = Reason(code, params)

    def __str__(self) -> str:
        return text(self.reason)


def phase_label(phase: str, lang: str | None = None) -> str:
    """A test phase in the user's language."""
    return {"connect": _("connection", lang), "ping": _("latency test", lang), "download": _("download", lang),
            "upload": _("upload", lang)}.get(phase, phase)


def _templates(lang: str | None) -> dict[str, str]:
    return {
        "cancelled": _("Cancelled by the user.", lang),
        "no_data": _("No data moved after the warm-up; the result would be meaningless.", lang),
        "bad_url": _("Not an http(s) URL: {url}", lang),
        "unknown_protocol": _("Unknown speed-test protocol {protocol} (use ookla or librespeed).", lang),
        "no_interface": _("The network interface {name} does not exist on this computer.", lang),
        "interface_no_address": _("The network interface {name} has no IP address (is it connected?).", lang),
        "no_speedtest_net": _("speedtest.net cannot be reached to find a server ({detail}). Enter a server "
                              "URL instead.", lang),
        "ookla_ping_reply": _("latency.txt answered HTTP {status} without 'test=test'", lang),
        "librespeed_empty_reply": _("empty.php answered HTTP {status} with {n} bytes", lang),
        "http_status": "HTTP {status}",
        "not_a_server": _("{url} is not a {protocol} speed-test server ({detail}).", lang),
        "not_http": _("The server {host} answered with data that is not HTTP during the {phase}.", lang),
        "timeout": _("The server {host} did not answer within {seconds} s during the {phase}.", lang),
        "refused": _("The server {host} refused the connection during the {phase}.", lang),
        "no_name": _("The server name {host} cannot be resolved (no network, or a wrong address).", lang),
        "dropped": _("The server {host} dropped the connection during the {phase}.", lang),
        "no_route": _("No network route to {host} ({detail}).", lang),
        "bad_source": _("The chosen interface's address cannot reach {host} ({detail}).", lang),
        "network": _("Network error during the {phase}: {detail}", lang),
    }


def text(reason: Reason | None, lang: str | None = None) -> str:
    """The reason worded in `lang` (default: the current language); unknown codes show as they are."""
    if reason is None:
        return ""
    values = {}
    for key, value in reason.params.items():
        if key == "phase":
            value = phase_label(str(value), lang)
        elif isinstance(value, dict) and isinstance(value.get("code"), str):
            value = text(Reason(value["code"], value.get("params") or {}), lang)
        values[key] = value
    template = _templates(lang).get(reason.code)
    try:
        return template.format(**values) if template else reason.code
    except (KeyError, IndexError, ValueError):   # parameters of another app version: still say something
        return template


def stored_text(row: dict[str, Any], lang: str | None = None) -> str:
    """The reason of a stored speed_tests row in `lang`: from its code when it has one, else its text."""
    code = row.get("error_code")
    if not code:
        return row.get("error") or ""
    try:
        params = json.loads(row.get("error_params") or "{}")
    except ValueError:
        params = {}
    return text(Reason(code, params if isinstance(params, dict) else {}), lang)
