"""Network failures of a speed test as a Reason: a code with the server, the phase and the detail."""
from __future__ import annotations

import errno
import socket

from survey_app.speedtest import httpio
from survey_app.speedtest.protocols import NotASpeedTestServer
from survey_app.speedtest.reasons import Reason, ReasonError


class SpeedTestFailed(ReasonError):
    """The test cannot run or complete: SpeedTestFailed(code, **params); str() is the translated reason."""


def describe(exc: BaseException, server, phase: str, timeout_s: float) -> Reason:
    """What went wrong, with the server and the phase, as a Reason."""
    host = server.name or server.url
    if isinstance(exc, NotASpeedTestServer):
        return Reason("not_a_server", {"url": server.url, "protocol": server.protocol,
                                       "detail": exc.reason.to_json()})
    if isinstance(exc, httpio.ProtocolError):
        return Reason("not_http", {"host": host, "phase": phase})
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return Reason("timeout", {"host": host, "seconds": f"{timeout_s:g}", "phase": phase})
    if isinstance(exc, ConnectionRefusedError):
        return Reason("refused", {"host": host, "phase": phase})
    if isinstance(exc, socket.gaierror):
        return Reason("no_name", {"host": host})
    if isinstance(exc, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError, httpio.TruncatedError)):
        return Reason("dropped", {"host": host, "phase": phase})
    if isinstance(exc, OSError) and exc.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN):
        return Reason("no_route", {"host": host, "detail": str(exc.strerror or exc)})
    if isinstance(exc, OSError) and exc.errno == errno.EADDRNOTAVAIL:
        return Reason("bad_source", {"host": host, "detail": str(exc.strerror or exc)})
    return Reason("network", {"phase": phase, "detail": str(exc)})
