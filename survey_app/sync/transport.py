"""HTTP to the central system (httpx, system trust store, system proxy, HTTP/2 when offered).

Only the documented JSON contract counts as the receiver's answer (see `answers.classify`): a captive
portal, a proxy, a wrong address or a web page in between is a transport failure that leaves the records
waiting, never a verdict on them.
"""
from __future__ import annotations

import ipaddress
import logging
import ssl
from typing import Any, Iterable
from urllib.parse import urlsplit

from survey_app.errors import UserError
from survey_app.i18n import _
from survey_app.sync.answers import (MAX_ANSWER_BYTES, Answer, AuthError, NotReceiver, Refused, TooLarge,
                                     TransientError, classify)

logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per request is noise in the app's log

__all__ = ["Answer", "AuthError", "NotReceiver", "Refused", "TooLarge", "TransientError", "Transport",
           "ssl_context", "is_loopback"]


def ssl_context(ca_file: str | None) -> ssl.SSLContext:
    """A verifying context on the operating system's certificate store; `ca_file` adds the city's own CA."""
    import truststore

    ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file:
        try:
            ctx.load_verify_locations(cafile=ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise UserError(_("The CA certificate file {path} cannot be used: {reason}").format(
                path=ca_file, reason=exc)) from exc
    return ctx


def is_loopback(host: str) -> bool:
    """Whether `host` is this machine (localhost, 127.0.0.0/8, ::1)."""
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def system_proxy(url: str) -> str | None:
    """The proxy the operating system names for `url` (environment on Linux, registry on Windows,
    System Configuration on macOS), or None when the host is bypassed or none is set."""
    import urllib.request

    parts = urlsplit(url)
    try:
        if urllib.request.proxy_bypass(parts.hostname or ""):
            return None
        proxies = urllib.request.getproxies()
    except OSError:
        return None
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    if proxy and "://" not in proxy:
        proxy = "http://" + proxy
    return proxy or None


class Transport:
    """One HTTP client (keep-alive, HTTP/2 over TLS when the receiver offers it) for one base URL."""

    def __init__(self, base_url: str, token: str, *, ca_file: str | None = None, timeout: float = 30.0,
                 allow_insecure_http: bool = False) -> None:
        parts = urlsplit((base_url or "").strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UserError(_("The server address {url} is not a valid http(s) URL.").format(url=base_url))
        if parts.scheme == "http" and not allow_insecure_http and not is_loopback(parts.hostname):
            raise UserError(_("The server address {url} uses plain http: the token and the records would travel "
                              "unencrypted. Use https, or pass --allow-insecure-http if this network is "
                              "trusted.").format(url=base_url))
        self.base = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
        self.host = parts.hostname
        self.token = token
        self.timeout = timeout
        self._verify: ssl.SSLContext | bool = ssl_context(ca_file) if parts.scheme == "https" else True
        self._proxy = system_proxy(self.base)
        self._client = None
        self.http_version = ""  # of the last answer ("HTTP/1.1", "HTTP/2")

    def _http(self):
        if self._client is None:
            import httpx

            self._client = httpx.Client(verify=self._verify, http2=True, proxy=self._proxy, trust_env=False,
                                        follow_redirects=False, timeout=httpx.Timeout(self.timeout),
                                        limits=httpx.Limits(max_connections=2, max_keepalive_connections=1))
        return self._client

    def close(self) -> None:
        """Close the connections."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def request(self, method: str, path: str, body: bytes | Iterable[bytes] | None = None,
                headers: dict[str, str] | None = None) -> Answer:
        """Send one request; the receiver's 2xx JSON answer, or one of the typed failures."""
        import httpx

        all_headers = {"Accept": "application/json", "Authorization": f"Bearer {self.token}"}
        all_headers.update(headers or {})
        url = self.base + path
        try:
            with self._http().stream(method, url, content=body, headers=all_headers) as resp:
                self.http_version = resp.http_version
                raw = _read_limited(resp)
                return classify(resp.status_code, resp.headers, raw, url)
        except httpx.ConnectError as exc:
            self.close()
            if _cert_failure(exc):
                raise UserError(_("The server's certificate could not be verified ({reason}). A Wi-Fi login page "
                                  "may be intercepting the connection (sign in with a browser first), or the "
                                  "city's CA file is missing in the sync settings.").format(reason=_cert_reason(exc))
                                ) from exc
            raise TransientError(f"{type(exc).__name__}: {exc}", hint=_(
                "The central system cannot be reached ({reason}): check the network connection.").format(
                reason=exc or type(exc).__name__)) from exc
        except httpx.TimeoutException as exc:
            self.close()
            raise TransientError(f"{type(exc).__name__}: {exc}", hint=_(
                "The central system did not answer in time: the network may be slow or down.")) from exc
        except (httpx.TransportError, httpx.DecodingError, OSError) as exc:
            self.close()
            raise TransientError(f"{type(exc).__name__}: {exc}", hint=_(
                "The connection broke off ({reason}): check the network connection.").format(
                reason=type(exc).__name__)) from exc


def _read_limited(resp: Any) -> bytes:
    """The (decoded) body, refusing more than MAX_ANSWER_BYTES while it streams in."""
    length = resp.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_ANSWER_BYTES:
        raise TransientError(f"answer too large ({length} bytes)", hint=_too_large_hint())
    parts, size = [], 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            raise TransientError("answer too large", hint=_too_large_hint())
        parts.append(chunk)
    return b"".join(parts)


def _too_large_hint() -> str:
    return _("Something that is not the central system answered with far too much data.")


def _cert_failure(exc: Exception) -> bool:
    seen = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _cert_reason(exc: Exception) -> str:
    seen = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen.verify_message or str(seen)
        seen = seen.__cause__ or seen.__context__
    return str(exc)
