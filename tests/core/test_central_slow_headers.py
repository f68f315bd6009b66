"""The receiver cuts off clients that send their request headers too slowly (slowloris) with a 408 and a JSON
error, on a fresh connection and on a kept-alive one, and answers other devices meanwhile."""
from __future__ import annotations

import json
import select
import socket
import time

import pytest

pytest.importorskip("fastapi")

from survey_app.central.server import ThreadedReceiver  # noqa: E402

DEADLINE_S = 1.5
REQUEST = b"POST /api/v1/batches HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x\r\nContent-Length: 2\r\n"
HEALTH = b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


@pytest.fixture
def receiver(tmp_path):
    r = ThreadedReceiver(tmp_path / "central.db", header_timeout_s=DEADLINE_S).start()
    yield r
    r.stop()


def _connect(receiver) -> socket.socket:
    return socket.create_connection(("127.0.0.1", receiver.port), timeout=10)


def _answer(sock: socket.socket, within: float = 10.0) -> bytes:
    """Everything the receiver sends until it closes the connection (or `within` passes)."""
    out, end = b"", time.monotonic() + within
    while time.monotonic() < end:
        if select.select([sock], [], [], end - time.monotonic())[0]:
            piece = sock.recv(65536)
            if not piece:
                return out
            out += piece
    raise AssertionError(f"the receiver did not close the connection: {out!r}")


def _dribble(sock: socket.socket, data: bytes, gap_s: float = 0.25) -> tuple[bytes, int, float]:
    """Send `data` a byte at a time, `gap_s` apart, until the receiver answers: (answer, bytes sent, seconds)."""
    start = time.monotonic()
    for i, byte in enumerate(data):
        try:
            sock.sendall(bytes([byte]))
        except (BrokenPipeError, ConnectionResetError):
            return _answer(sock), i, time.monotonic() - start
        if select.select([sock], [], [], gap_s)[0]:  # the receiver spoke (or closed): stop sending
            return _answer(sock), i + 1, time.monotonic() - start
        if time.monotonic() - start > DEADLINE_S + 5:
            break
    raise AssertionError("the receiver waited for the whole slow request")


def _ask_health(sock: socket.socket) -> None:
    """One health request and its whole answer (by Content-Length) on `sock`."""
    sock.sendall(HEALTH)
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), head
    length = next(int(line.split(b":")[1]) for line in head.lower().split(b"\r\n")
                  if line.startswith(b"content-length:"))
    while len(body) < length:
        body += sock.recv(65536)
    assert json.loads(body)


def _health(receiver) -> float:
    """Seconds for another client's whole request and answer."""
    start = time.monotonic()
    with _connect(receiver) as other:
        _ask_health(other)
    return time.monotonic() - start


def _is_408(answer: bytes) -> None:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408"), answer
    assert b"content-type: application/json" in head.lower()
    assert json.loads(body) == {"detail": "the request headers took too long"}


def test_headers_sent_byte_by_byte_get_408_and_others_are_answered(receiver):
    with _connect(receiver) as slow:
        slow.sendall(REQUEST[:1])
        assert _health(receiver) < 1.0  # answered while the slow client is at work
        answer, sent, took = _dribble(slow, REQUEST[1:] * 20)
    _is_408(answer)
    assert DEADLINE_S - 0.3 < took < DEADLINE_S + 2 and sent < len(REQUEST) * 20
    assert _health(receiver) < 1.0


def test_a_connection_that_sends_nothing_is_closed_with_408(receiver):
    with _connect(receiver) as idle:
        start = time.monotonic()
        _is_408(_answer(idle))
        assert time.monotonic() - start >= DEADLINE_S - 0.3


def test_the_next_request_on_a_kept_alive_connection_has_its_own_deadline(receiver):
    with _connect(receiver) as sock:
        for _ in range(2):  # quick requests on one connection: the deadline never cuts them
            _ask_health(sock)
        answer, sent, _took = _dribble(sock, REQUEST * 20)
    _is_408(answer)
    assert sent < len(REQUEST) * 20
