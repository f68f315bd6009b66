"""The measurement method shared by both protocols, as a generator that yields Progress and returns the result.

Method (id model.METHOD_ID): idle latency from >= 10 HTTP round trips on a warm connection (median, min,
jitter); then download and upload, each for a fixed duration over several parallel TCP streams, sampled every
250 ms as cumulative bytes; the first part of each phase (TCP slow start, shaper bursts) is discarded; upload
bytes count when the server's TCP acknowledged them, not when they were handed to the socket; latency is
probed on a separate connection during both phases. Raw samples are kept with the result.
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Generator

from survey_app.i18n import _
from survey_app.speedtest import errors, httpio, protocols
from survey_app.speedtest.interfaces import InterfaceError, interface_for_address, resolve
from survey_app.speedtest.model import Progress, Server, SpeedTestResult, latency_stats, rate_mbps
from survey_app.speedtest.reasons import Reason
from survey_app.speedtest.stability import StableStop
from survey_app.speedtest.streams import DownloadStream, Pinger, UploadStream
from survey_app.clock import utc_now

SAMPLE_INTERVAL_S = 0.25
IDLE_PINGS = 12
# share of the whole test per phase, for the progress bar
_SPAN = {"ping": (0.0, 0.1), "download": (0.1, 0.55), "upload": (0.55, 1.0)}


def warmup_for(duration_s: float) -> float:
    """Seconds discarded at the start of a phase."""
    return min(3.0, max(0.5, 0.2 * duration_s))


class Cancelled(Exception):
    """The user cancelled the test."""


def run_speedtest(server: Server | str, protocol: str | None = None, *, interface: str | None = None,
                  duration_s: float = 10.0, streams_download: int = 4, streams_upload: int = 4,
                  timeout_s: float = 5.0, cancel: threading.Event | None = None, stable_stop: bool = True,
                  ) -> Generator[Progress, None, SpeedTestResult]:
    """Measure latency, download and upload against a server; failures come back as a failed result.

    `duration_s` is each throughput phase's longest run; with `stable_stop` a phase ends sooner once its
    reading holds still (speedtest/stability.py); the result says how long each ran and why it stopped.
    """
    cancel = cancel or threading.Event()
    if isinstance(server, str):
        server = Server(url=server, protocol=protocol or "librespeed")
    elif protocol:
        server.protocol = protocol
    result = SpeedTestResult(status="failed", server=server, started_at=utc_now(), interface_name=interface,
                             duration_s=duration_s, streams_download=streams_download,
                             streams_upload=streams_upload)
    phase = "connect"
    proto = None
    try:
        proto = protocols.make(server.protocol, server.url)
        server.name = server.name or proto.netloc
        source = None
        if interface:
            iface = resolve(interface)
            result.interface_kind = iface.kind
            source = iface.ipv4 or iface.addresses[0]
            result.source_address = source
        ep = httpio.Endpoint.from_url(proto.url, source=source, device=interface)
        yield Progress("connect", 0.0, message=_("Connecting to {server}").format(server=server.name))
        phase = "ping"
        yield from _idle_latency(ep, proto, result, timeout_s, cancel)
        phase = "download"
        down, loaded_down = yield from _phase("download", ep, proto, duration_s, streams_download, timeout_s,
                                              cancel, result, stable_stop)
        phase = "upload"
        up, loaded_up = yield from _phase("upload", ep, proto, duration_s, streams_upload, timeout_s,
                                          cancel, result, stable_stop)
        warm = warmup_for(duration_s)
        result.download_mbps = _round(rate_mbps(down, warm))
        result.upload_mbps = _round(rate_mbps(up, warm, fit=not httpio.tcp_acks_supported()))
        result.loaded_ping_download_ms = _round(latency_stats([s[1] for s in loaded_down])[0])
        result.loaded_ping_upload_ms = _round(latency_stats([s[1] for s in loaded_up])[0])
        result.samples.update({"warmup_s": warm, "interval_s": SAMPLE_INTERVAL_S, "upload_counted_as":
                               "tcp_acked" if httpio.tcp_acks_supported() else "sent_small_buffer"})
        if not result.download_mbps or not result.upload_mbps:
            raise errors.SpeedTestFailed("no_data")
        result.status, result.reason = "ok", None
    except Cancelled:
        result.status, result.reason = "cancelled", Reason("cancelled")
        result.download_mbps = result.upload_mbps = None
    except (errors.SpeedTestFailed, protocols.BadServer, InterfaceError) as exc:
        result.status, result.reason = "failed", exc.reason
    except (OSError, httpio.ProtocolError, httpio.TruncatedError, protocols.NotASpeedTestServer) as exc:
        result.status, result.reason = "failed", errors.describe(exc, server, phase, timeout_s)
    finally:
        result.ended_at = utc_now()
    if result.status != "ok":  # never report a rate for a test that did not complete
        result.download_mbps = result.upload_mbps = None
    return result


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def _idle_latency(ep, proto, result, timeout_s, cancel):
    """First request checks the server speaks the protocol; then IDLE_PINGS timed round trips."""
    sock, resp, body, _rtt = httpio.request(ep, None, "GET", proto.ping(), timeout_s)
    try:
        proto.check_ping(resp.status, body)
        _note_local_address(result, sock)
        if isinstance(proto, protocols.LibreSpeed):
            try:
                sock, resp, body, _rtt = httpio.request(ep, sock, "GET", proto.ip_target(), timeout_s)
                if resp.status == 200:
                    result.client_ip = proto.client_ip(body)
            except (OSError, httpio.ProtocolError, httpio.TruncatedError):
                sock = None  # the address is informative only
        pings: list[float] = []
        for i in range(IDLE_PINGS):
            if cancel.is_set():
                raise Cancelled()
            sock, resp, body, rtt = httpio.request(ep, sock, "GET", proto.ping(), timeout_s)
            proto.check_ping(resp.status, body)
            _note_local_address(result, sock)
            pings.append(round(rtt * 1000, 3))
            yield Progress("ping", 0.1 * (i + 1) / IDLE_PINGS, ping_ms=pings[-1])
            cancel.wait(0.02)
    finally:
        if sock is not None:
            sock.close()
    result.ping_ms, result.ping_min_ms, result.jitter_ms = (_round(v) for v in latency_stats(pings))
    result.samples["idle_ping_ms"] = pings


def _note_local_address(result, sock) -> None:
    """The address and family the test's connections actually use (once, from a live connection), and, when
    no interface was chosen, the interface that owns that address."""
    if result.local_address is None and sock is not None:
        try:
            result.local_address = sock.getsockname()[0]
        except OSError:
            return
        result.address_family = "IPv6" if sock.family == socket.AF_INET6 else "IPv4"
        if result.interface_name is None and (iface := interface_for_address(result.local_address)):
            result.interface_name, result.interface_kind = iface.name, iface.kind


def _phase(name, ep, proto, duration_s, n_streams, timeout_s, cancel, result, stable_stop=True):
    """Run one throughput phase; returns (cumulative byte samples, loaded latency samples)."""
    stop = threading.Event()
    stopper = StableStop(warmup_for(duration_s)) if stable_stop else None
    kind = DownloadStream if name == "download" else UploadStream
    streams = [kind(ep, proto, timeout_s, stop) for _ in range(n_streams)]
    t0 = time.perf_counter()
    pinger = Pinger(ep, proto, timeout_s, stop, t0)
    series: list[tuple[float, int]] = [(0.0, 0)]
    lo, hi = _SPAN[name]
    for s in streams:
        s.start()
    pinger.start()
    try:
        next_tick = t0 + SAMPLE_INTERVAL_S
        while True:
            if cancel.wait(max(0.0, next_tick - time.perf_counter())):
                raise Cancelled()
            now = time.perf_counter()
            t = now - t0
            total = sum(s.count() for s in streams)
            last_t, last_b = series[-1]
            series.append((round(t, 4), total))
            failed = next((s.error for s in streams if s.error is not None), None)
            if failed is not None:
                raise failed
            mbps = (total - last_b) * 8 / max(t - last_t, 1e-6) / 1e6
            ping = pinger.samples[-1][1] if pinger.samples else None
            yield Progress(name, lo + (hi - lo) * min(1.0, t / duration_s), elapsed_s=t, mbps=mbps, ping_ms=ping)
            stable = stopper is not None and stopper.update(t, total)
            if stable or t >= duration_s:
                result.phase_runs[name] = {"ran_s": round(t, 3), "stopped": "stable" if stable else "max_duration"}
                break
            next_tick += SAMPLE_INTERVAL_S
    finally:
        stop.set()
        for s in streams:
            s.interrupt()
        pinger.interrupt()
        for s in streams:
            s.join(timeout_s + 1)
        pinger.join(timeout_s + 1)
        if name == "download":
            result.bytes_received += sum(s.received for s in streams)
        else:
            result.bytes_sent += sum(s.sent for s in streams)
        result.samples[f"{name}_bytes"] = series
        result.samples[f"{name}_loaded_ping_ms"] = pinger.samples
        result.samples[f"{name}_stream_drops"] = sum(s.drops for s in streams)
    return series, pinger.samples
