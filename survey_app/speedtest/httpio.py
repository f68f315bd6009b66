"""A minimal HTTP/1.1 client over plain sockets: preallocated buffers, recv_into, bound source address.

http.client buffers and copies each read; at 500 Mbit/s in one Python thread that costs a core, so the
measurement streams read straight from the socket into one reusable buffer.
"""
from __future__ import annotations

import socket
import ssl
import struct
import sys
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

HEAD_LIMIT = 64 * 1024
USER_AGENT = "survey-app-speedtest/1"


class ProtocolError(Exception):
    """The peer did not answer with HTTP."""


class TruncatedError(Exception):
    """The connection ended before the announced body did."""


@dataclass(frozen=True)
class Endpoint:
    """Where to connect: host, port, TLS, and the local address/interface to bind."""

    host: str
    port: int
    tls: bool = False
    source: str | None = None
    device: str | None = None

    @classmethod
    def from_url(cls, url: str, source: str | None = None, device: str | None = None) -> "Endpoint":
        """The endpoint of an http(s) URL."""
        parts = urlsplit(url)
        tls = parts.scheme == "https"
        return cls(parts.hostname or "", parts.port or (443 if tls else 80), tls, source, device)


def connect(ep: Endpoint, timeout: float, send_buffer: int | None = None) -> socket.socket:
    """A connected (and, for https, TLS-wrapped) socket bound to the endpoint's source address/device."""
    family = socket.AF_INET6 if ep.source and ":" in ep.source else (socket.AF_INET if ep.source else 0)
    infos = socket.getaddrinfo(ep.host, ep.port, family, socket.SOCK_STREAM)
    last: Exception | None = None
    for fam, kind, proto, _name, addr in infos:
        sock = socket.socket(fam, kind, proto)
        try:
            sock.settimeout(timeout)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if send_buffer:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, send_buffer)
            if ep.device and sys.platform.startswith("linux") and ep.device != "lo":
                try:  # route through the chosen interface (Linux >= 5.7 allows it unprivileged)
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, ep.device.encode())
                except OSError:
                    pass  # fall back to the source address alone
            if ep.source:
                sock.bind((ep.source, 0))
            sock.connect(addr)
            if ep.tls:
                sock = ssl.create_default_context().wrap_socket(sock, server_hostname=ep.host)
            return sock
        except BaseException as exc:
            sock.close()
            last = exc
            if not isinstance(exc, OSError):
                raise
    raise last or OSError("no address for " + ep.host)


def request_bytes(method: str, host: str, target: str, *, length: int | None = None, close: bool = False,
                  content_type: str | None = None) -> bytes:
    """The request line and headers."""
    lines = [f"{method} {target} HTTP/1.1", f"Host: {host}", f"User-Agent: {USER_AGENT}",
             "Accept-Encoding: identity", "Cache-Control: no-cache"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    lines.append("Connection: close" if close else "Connection: keep-alive")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class Response:
    """Status, headers and the body bytes already read past the headers."""

    def __init__(self, status: int, headers: dict[str, str], extra: bytes):
        self.status = status
        self.headers = headers
        self.extra = extra

    @property
    def length(self) -> int | None:
        """Content-Length, if given."""
        value = self.headers.get("content-length")
        return int(value) if value and value.strip().isdigit() else None

    @property
    def chunked(self) -> bool:
        """Whether the body uses chunked transfer coding."""
        return "chunked" in self.headers.get("transfer-encoding", "").lower()


def read_head(sock: socket.socket) -> Response:
    """Read the status line and headers; ProtocolError if the peer does not speak HTTP."""
    data = bytearray()
    while True:
        end = data.find(b"\r\n\r\n")
        if end >= 0:
            break
        if len(data) >= 5 and not data.startswith(b"HTTP/"):
            raise ProtocolError(bytes(data[:40]))
        if len(data) > HEAD_LIMIT:
            raise ProtocolError(b"header too long")
        chunk = sock.recv(16384)
        if not chunk:
            if data:
                raise ProtocolError(bytes(data[:40]))
            raise TruncatedError("closed before answering")
        data += chunk
    head = bytes(data[:end]).decode("latin-1").split("\r\n")
    parts = head[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise ProtocolError(head[0][:40].encode("latin-1"))
    headers = {}
    for line in head[1:]:
        key, _sep, value = line.partition(":")
        headers[key.strip().lower()] = value.strip()
    return Response(int(parts[1]), headers, bytes(data[end + 4:]))


def read_small_body(sock: socket.socket, resp: Response, limit: int = 1 << 20) -> bytes:
    """The whole (small) body of a response, de-chunked."""
    data = bytearray(resp.extra)
    if resp.chunked:
        out = bytearray()
        while True:
            while b"\r\n" not in data:
                _more(sock, data)
            line, _sep, rest = bytes(data).partition(b"\r\n")
            size = int(line.split(b";")[0].strip() or b"0", 16)
            data = bytearray(rest)
            while len(data) < size + 2:
                _more(sock, data)
            out += data[:size]
            data = data[size + 2:]
            if size == 0:
                return bytes(out)
            if len(out) > limit:
                raise ProtocolError(b"body too long")
    length = resp.length
    if length is None:
        if resp.headers.get("connection", "").lower() != "close":
            return bytes(data)  # nothing announced: treat as empty (keep-alive servers must announce)
        while len(data) <= limit:
            chunk = sock.recv(65536)
            if not chunk:
                return bytes(data)
            data += chunk
        raise ProtocolError(b"body too long")
    if length > limit:
        raise ProtocolError(b"body too long")
    while len(data) < length:
        _more(sock, data)
    return bytes(data[:length])


def _more(sock: socket.socket, data: bytearray) -> None:
    chunk = sock.recv(65536)
    if not chunk:
        raise TruncatedError("closed mid-body")
    data += chunk


def request(ep: Endpoint, sock: socket.socket | None, method: str, target: str, timeout: float,
            body: bytes = b"") -> tuple[socket.socket, Response, bytes, float]:
    """One small keep-alive request: (socket, response, body, round-trip seconds); reconnects once if stale."""
    for attempt in (0, 1):
        fresh = sock is None
        if sock is None:
            sock = connect(ep, timeout)
        started = time.perf_counter()
        try:
            sock.sendall(request_bytes(method, ep.host, target, length=len(body) if method == "POST" else None)
                         + body)
            resp = read_head(sock)
            rtt = time.perf_counter() - started
            data = read_small_body(sock, resp)
            if resp.headers.get("connection", "").lower() == "close":
                sock.close()
                sock = None
            return sock, resp, data, rtt
        except (TruncatedError, ConnectionResetError, BrokenPipeError):
            sock.close()
            sock = None
            if fresh or attempt:
                raise
        except BaseException:
            sock.close()
            raise
    raise AssertionError("unreachable")


# struct tcp_info (linux/tcp.h): tcpi_bytes_acked and tcpi_bytes_received are u64s at offsets 120 and 128
# (Linux >= 4.1)
_TCP_INFO = getattr(socket, "TCP_INFO", 11 if sys.platform.startswith("linux") else None)
_U64 = struct.Struct("=Q")


def _tcp_info_u64(sock: socket.socket, offset: int) -> int | None:
    if _TCP_INFO is None or not sys.platform.startswith("linux"):
        return None
    try:
        raw = sock.getsockopt(socket.IPPROTO_TCP, _TCP_INFO, 136)
    except OSError:
        return None
    if len(raw) < offset + 8:
        return None
    return _U64.unpack_from(raw, offset)[0]


def bytes_acked(sock: socket.socket) -> int | None:
    """Bytes the peer has acknowledged on this TCP connection (Linux), else None."""
    return _tcp_info_u64(sock, 120)


def bytes_received(sock: socket.socket) -> int | None:
    """Bytes this TCP connection has received in order (Linux), whether or not the program has read them yet."""
    return _tcp_info_u64(sock, 128)


_ACKS_SUPPORTED: bool | None = None


def tcp_acks_supported() -> bool:
    """Whether this system reports TCP-acknowledged bytes (so uploads are counted as delivered)."""
    global _ACKS_SUPPORTED
    if _ACKS_SUPPORTED is None:
        with socket.socket() as probe:
            _ACKS_SUPPORTED = bytes_acked(probe) is not None
    return _ACKS_SUPPORTED
