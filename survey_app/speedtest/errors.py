"""Turn network failures into one clear, translated sentence."""
from __future__ import annotations

import errno
import socket

from survey_app.i18n import _
from survey_app.speedtest import httpio
from survey_app.speedtest.protocols import NotASpeedTestServer


class SpeedTestFailed(Exception):
    """The test cannot run or complete; the message is already translated."""


def phase_label(phase: str) -> str:
    """A test phase in the user's language."""
    return {"connect": _("connection"), "ping": _("latency test"), "download": _("download"),
            "upload": _("upload")}.get(phase, phase)


def describe(exc: BaseException, server, phase: str, timeout_s: float) -> str:
    """A sentence for the user saying what went wrong, with the server and the phase."""
    host = server.name or server.url
    where = phase_label(phase)
    if isinstance(exc, NotASpeedTestServer):
        return _("{url} is not a {protocol} speed-test server ({detail}).").format(
            url=server.url, protocol=server.protocol, detail=exc)
    if isinstance(exc, httpio.ProtocolError):
        return _("The server {host} answered with data that is not HTTP during the {phase}.").format(
            host=host, phase=where)
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return _("The server {host} did not answer within {seconds} s during the {phase}.").format(
            host=host, seconds=f"{timeout_s:g}", phase=where)
    if isinstance(exc, ConnectionRefusedError):
        return _("The server {host} refused the connection during the {phase}.").format(host=host, phase=where)
    if isinstance(exc, socket.gaierror):
        return _("The server name {host} cannot be resolved (no network, or a wrong address).").format(host=host)
    if isinstance(exc, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError, httpio.TruncatedError)):
        return _("The server {host} dropped the connection during the {phase}.").format(host=host, phase=where)
    if isinstance(exc, OSError) and exc.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN):
        return _("No network route to {host} ({detail}).").format(host=host, detail=exc.strerror or exc)
    if isinstance(exc, OSError) and exc.errno == errno.EADDRNOTAVAIL:
        return _("The chosen interface's address cannot reach {host} ({detail}).").format(
            host=host, detail=exc.strerror or exc)
    return _("Network error during the {phase}: {detail}").format(phase=where, detail=exc)
