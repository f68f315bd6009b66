"""What an HTTP answer means: the receiver's documented JSON contract, or something else in the way.

Only `application/json` bodies of the contract's shape are the receiver's word. A redirect, a web page, a
proxy's 407, a 404, 5xx or any other answer is a transport failure: it carries a hint naming the likely cause
(a Wi-Fi login page, a proxy, a wrong address) and never marks a record rejected or drops the token.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping
from urllib.parse import urlsplit

from survey_app.i18n import _

MAX_ANSWER_BYTES = 16 * 1024 * 1024  # an answer lists at most a batch's ids; more is hostile


class TransientError(Exception):
    """Worth retrying later (records stay waiting); `hint` tells the user the likely cause."""

    def __init__(self, message: str, retry_after: float | None = None, *, hint: str = "") -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.hint = hint or message


class NotReceiver(TransientError):
    """Something other than the receiver answered (captive portal, proxy, wrong address, web page)."""


class AuthError(Exception):
    """The receiver itself says the token is unknown or revoked (401 JSON, `Bearer error="invalid_token"`)."""


class TooLarge(Exception):
    """413: the batch must be split; `from_receiver` when the receiver (not a proxy) said it."""

    def __init__(self, detail: str, *, from_receiver: bool) -> None:
        super().__init__(detail)
        self.from_receiver = from_receiver


class Refused(Exception):
    """400/409/422 with the receiver's JSON error: it will not take this body as it is."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"HTTP {status}: {detail}")
        self.status = status
        self.detail = detail


@dataclass
class Answer:
    """A 2xx answer in the JSON contract."""

    status: int
    body: Any


def _json_body(headers: Mapping[str, str], raw: bytes) -> Any:
    """The parsed body if the answer declares JSON and is JSON, else None."""
    ctype = (headers.get("content-type") or "").split(";")[0].strip().lower()
    if ctype != "application/json" and not (ctype.startswith("application/") and ctype.endswith("+json")):
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def _looks_like_html(headers: Mapping[str, str], raw: bytes) -> bool:
    ctype = (headers.get("content-type") or "").lower()
    head = raw[:512].lstrip().lower()
    return "html" in ctype or head.startswith((b"<!doctype", b"<html", b"<head", b"<body"))


def _detail(body: Any) -> str | None:
    """The receiver's error text, when the body is its `{"detail": ...}` shape."""
    if not isinstance(body, dict) or "detail" not in body:
        return None
    detail = body["detail"]
    return (detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False))[:500]


def _retry_after(value: str | None) -> float | None:
    try:
        return min(max(float(value), 0.0), 120.0) if value else None
    except ValueError:
        return None


def portal_hint() -> str:
    """The message for a Wi-Fi login page in the way."""
    return _("A login page answered instead of the central system: open a browser and sign in to this Wi-Fi "
             "first, then sync again.")


def classify(status: int, headers: Mapping[str, str], raw: bytes, url: str) -> Answer:
    """The receiver's 2xx JSON answer, or raise the failure this answer stands for."""
    body = _json_body(headers, raw)
    host = urlsplit(url).hostname or url
    if 300 <= status < 400:
        where = urlsplit(headers.get("location") or "").hostname or headers.get("location") or "?"
        raise NotReceiver(f"HTTP {status} redirect to {where}", hint=portal_hint() + " " + _(
            "(The answer was a redirect to {where}.)").format(where=where))
    if status == 407:
        raise NotReceiver("HTTP 407 proxy authentication required", hint=_(
            "A proxy on this network asks for a user name and password (HTTP 407): set them in the system's proxy "
            "settings (for example HTTPS_PROXY=http://user:password@proxy:port), then sync again."))
    if 200 <= status < 300:
        if body is not None:
            return Answer(status, body)
        if _looks_like_html(headers, raw):
            raise NotReceiver(f"HTTP {status} web page", hint=portal_hint())
        raise NotReceiver(f"HTTP {status} answer that is not JSON", hint=_(
            "{host} answered, but not as the central system does: check the server address.").format(host=host))
    detail = _detail(body)
    if status == 401 and detail is not None and "invalid_token" in (headers.get("www-authenticate") or ""):
        raise AuthError(detail)
    if status == 413:
        raise TooLarge(detail or f"HTTP {status}", from_receiver=detail is not None)
    if status == 429 or status >= 500:
        raise TransientError(f"HTTP {status}", _retry_after(headers.get("retry-after")), hint=_(
            "The central system (or a proxy before it) is busy or failing (HTTP {status}); it will be tried "
            "again.").format(status=status))
    if status in (400, 409, 422) and detail is not None:
        raise Refused(status, detail)
    if _looks_like_html(headers, raw) and status in (401, 403, 511):
        raise NotReceiver(f"HTTP {status} web page", hint=portal_hint())
    if status == 404:
        raise NotReceiver("HTTP 404", hint=_(
            "There is no central system at {url} (HTTP 404): check the server address in the sync "
            "settings.").format(url=url.rsplit("/api/", 1)[0]))
    raise NotReceiver(f"HTTP {status}", hint=_(
        "{host} answered HTTP {status}, which is not an answer of the central system: check the server address "
        "and the network.").format(host=host, status=status))
