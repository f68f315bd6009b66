"""HTTP to the central system (stdlib http.client + ssl): verified TLS, bounded answers, typed failures."""
from __future__ import annotations

import http.client
import json
import socket
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from survey_app.errors import UserError
from survey_app.i18n import _

MAX_ANSWER_BYTES = 16 * 1024 * 1024  # an answer lists at most a batch's ids; more is hostile


class TransientError(Exception):
    """Worth retrying later: timeouts, dropped connections, 429/5xx, garbled answers."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class AuthError(Exception):
    """401/403: the token is unknown or revoked."""


class TooLarge(Exception):
    """413: the batch must be split."""


class Refused(Exception):
    """400/422 and other 4xx: the receiver will not take this body as it is."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"HTTP {status}: {detail}")
        self.status = status
        self.detail = detail


@dataclass
class Answer:
    """A parsed 2xx JSON answer."""

    status: int
    body: Any


def ssl_context(ca_file: str | None) -> ssl.SSLContext:
    """Verifying TLS context; `ca_file` adds the city's own certificate authority."""
    ctx = ssl.create_default_context()
    if ca_file:
        try:
            ctx.load_verify_locations(cafile=ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise UserError(_("The CA certificate file {path} cannot be used: {reason}").format(
                path=ca_file, reason=exc)) from exc
    return ctx


class Transport:
    """One keep-alive connection to the receiver, reopened after any failure."""

    def __init__(self, base_url: str, token: str, *, ca_file: str | None = None, timeout: float = 30.0) -> None:
        parts = urlsplit((base_url or "").strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UserError(_("The server address {url} is not a valid http(s) URL.").format(url=base_url))
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, parts.port
        self.prefix = parts.path.rstrip("/")
        self.token = token
        self.timeout = timeout
        self._ctx = ssl_context(ca_file) if parts.scheme == "https" else None
        self._conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            if self.scheme == "https":
                self._conn = http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout,
                                                         context=self._ctx)
            else:
                self._conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self._conn

    def close(self) -> None:
        """Close the connection."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> Answer:
        """Send one request; returns the JSON answer of a 2xx or raises one of the typed failures."""
        all_headers = {"Accept": "application/json", "Authorization": f"Bearer {self.token}"}
        all_headers.update(headers or {})
        try:
            conn = self._connection()
            conn.request(method, self.prefix + path, body=body, headers=all_headers)
            resp = conn.getresponse()
            status = resp.status
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > MAX_ANSWER_BYTES:
                self.close()
                raise TransientError(f"answer too large ({length} bytes)")
            raw = resp.read(MAX_ANSWER_BYTES + 1)
            if len(raw) > MAX_ANSWER_BYTES:
                self.close()
                raise TransientError("answer too large")
            if resp.will_close:
                self.close()
        except ssl.SSLCertVerificationError as exc:
            self.close()
            raise UserError(_("The server's certificate could not be verified ({reason}). Set the CA file "
                              "of the city's certificate authority in the sync settings.").format(
                reason=exc.verify_message or exc)) from exc
        except (OSError, http.client.HTTPException, socket.timeout) as exc:
            self.close()
            raise TransientError(f"{type(exc).__name__}: {exc}") from exc
        if status in (401, 403):
            raise AuthError(_detail(raw) or f"HTTP {status}")
        if status == 413:
            raise TooLarge(_detail(raw))
        if status == 429 or status >= 500:
            raise TransientError(f"HTTP {status}", _retry_after(resp.getheader("Retry-After")))
        if status >= 400 or status < 200 or status >= 300:
            raise Refused(status, _detail(raw))
        try:
            return Answer(status, json.loads(raw))
        except ValueError as exc:
            raise TransientError("answer is not JSON") from exc


def _detail(raw: bytes) -> str:
    try:
        body = json.loads(raw)
        detail = body.get("detail", body) if isinstance(body, dict) else body
        return (detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False))[:500]
    except ValueError:
        return raw[:200].decode("utf-8", "replace")


def _retry_after(value: str | None) -> float | None:
    try:
        return min(max(float(value), 0.0), 120.0) if value else None
    except ValueError:
        return None
