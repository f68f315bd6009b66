"""A deadline for request headers. uvicorn times out an idle keep-alive connection, but a client that has sent
one byte of a request (or connected and sent nothing) may hold its connection for ever, sending the request line
and headers a byte at a time (slowloris): enough of them exhaust the receiver's sockets. This protocol gives each
request's line and headers `header_timeout_s` from the first byte (or from the connection); past it the client
gets a 408 with the contract's JSON error and the connection is closed. Bodies have their own limits
(central/bodies.py).
"""
from __future__ import annotations

import asyncio
import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT_S = 20.0  # a request line and headers are < 8 KiB: even a 2G link sends them in a second or two
_BODY = json.dumps({"detail": "the request headers took too long"}).encode()
_ANSWER = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\n"
           b"content-length: " + str(len(_BODY)).encode() + b"\r\nconnection: close\r\n\r\n" + _BODY)


class HeaderDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's line and headers (`config.header_timeout_s`)."""

    def __init__(self, config, *args, **kwargs) -> None:
        super().__init__(config, *args, **kwargs)
        self.header_timeout_s = float(getattr(config, "header_timeout_s", HEADER_TIMEOUT_S))
        self.header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self.header_deadline is None and self._awaiting_headers():
            self._arm()  # the first byte of the next request on a kept-alive connection
        super().data_received(data)
        if not self._awaiting_headers():
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _awaiting_headers(self) -> bool:
        return self.conn.their_state is h11.IDLE and (self.cycle is None or self.cycle.response_complete)

    def _arm(self) -> None:
        self._disarm()
        self.header_deadline = self.loop.call_later(self.header_timeout_s, self._too_slow)

    def _disarm(self) -> None:
        if self.header_deadline is not None:
            self.header_deadline.cancel()
            self.header_deadline = None

    def _too_slow(self) -> None:
        self.header_deadline = None
        if self.transport.is_closing() or not self._awaiting_headers():
            return
        self._unset_keepalive_if_required()
        self.logger.info("request headers not complete after %.0f s: connection closed", self.header_timeout_s)
        self.transport.write(_ANSWER)
        self.transport.close()
