"""Plain data of a speed test: server, progress events, samples and the result."""
from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass, field
from typing import Any

from survey_app.speedtest import reasons
from survey_app.speedtest.reasons import Reason

PROTOCOLS = ("ookla", "librespeed")
METHOD_ID = "svy-fixed-duration/1"  # measurement method id and version, stored with every result


@dataclass
class Server:
    """A speed-test server: its URL as the user gave it and how to talk to it."""

    url: str
    protocol: str  # 'ookla' | 'librespeed'
    name: str = ""
    sponsor: str = ""
    id: str = ""
    distance_km: float | None = None
    latency_ms: float | None = None

    def to_json(self) -> dict:
        """JSON-ready dictionary."""
        return asdict(self)


@dataclass
class Progress:
    """One step of a running test, yielded by the engine about every 250 ms."""

    phase: str  # 'connect' | 'ping' | 'download' | 'upload'
    fraction: float  # 0..1 of the whole test
    elapsed_s: float = 0.0  # since the phase started
    mbps: float | None = None  # throughput in the last sampling interval
    ping_ms: float | None = None  # the latest latency sample
    message: str = ""


@dataclass
class SpeedTestResult:
    """A finished, failed or cancelled speed test with its raw samples."""

    status: str  # 'ok' | 'failed' | 'cancelled'
    server: Server
    started_at: str
    ended_at: str = ""
    reason: Reason | None = None       # why it failed or stopped (worded when shown: `error`)
    method: str = METHOD_ID
    interface_name: str | None = None
    interface_kind: str | None = None
    source_address: str | None = None
    download_mbps: float | None = None
    upload_mbps: float | None = None
    ping_ms: float | None = None
    ping_min_ms: float | None = None
    jitter_ms: float | None = None
    loaded_ping_download_ms: float | None = None
    loaded_ping_upload_ms: float | None = None
    bytes_received: int = 0
    bytes_sent: int = 0
    duration_s: float | None = None
    streams_download: int | None = None
    streams_upload: int | None = None
    client_ip: str | None = None
    local_address: str | None = None  # the address the test's connections actually left from
    address_family: str | None = None  # 'IPv4' | 'IPv6', of those connections
    # per throughput phase: how long it ran and why it stopped ('stable' early, or 'max_duration')
    phase_runs: dict[str, dict] = field(default_factory=dict)
    # raw samples: idle pings (ms), per-phase throughput samples [t_s, cumulative_bytes], loaded pings [t_s, ms]
    samples: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict:
        """The CLI's JSON object (see issue 3)."""
        return {
            "status": self.status, "download_mbps": self.download_mbps, "upload_mbps": self.upload_mbps,
            "ping_ms": self.ping_ms, "ping_min_ms": self.ping_min_ms, "jitter_ms": self.jitter_ms,
            "loaded_ping_download_ms": self.loaded_ping_download_ms,
            "loaded_ping_upload_ms": self.loaded_ping_upload_ms,
            "bytes_received": self.bytes_received, "bytes_sent": self.bytes_sent,
            "server": self.server.to_json(), "interface": self.interface_name,
            "interface_kind": self.interface_kind, "source_address": self.source_address,
            "method": self.method, "duration_s": self.duration_s, "client_ip": self.client_ip,
            "started_at": self.started_at, "ended_at": self.ended_at, "error": self.error,
            "error_code": self.reason.code if self.reason else None,
            "local_address": self.local_address, "address_family": self.address_family,
            "download_s": self.phase_runs.get("download", {}).get("ran_s"),
            "upload_s": self.phase_runs.get("upload", {}).get("ran_s"),
            "download_stopped": self.phase_runs.get("download", {}).get("stopped"),
            "upload_stopped": self.phase_runs.get("upload", {}).get("stopped"),
        }

    def error_columns(self) -> dict[str, Any]:
        """error (English, for exports and older readers), error_code and error_params (JSON) as stored."""
        if self.status == "ok":
            return {"error": None, "error_code": None, "error_params": None}
        if self.reason is None:
            return {"error": self.status, "error_code": None, "error_params": None}
        return {"error": reasons.text(self.reason, "en"), "error_code": self.reason.code,
                "error_params": json.dumps(self.reason.params, ensure_ascii=False)}

    @property
    def error(self) -> str | None:
        """Why the test failed or stopped, in the current language (None for a completed test)."""
        return reasons.text(self.reason) if self.reason else None


def latency_stats(samples: list[float]) -> tuple[float | None, float | None, float | None]:
    """(median, min, jitter) of latency samples in ms; jitter is the mean absolute difference of successive samples."""
    if not samples:
        return None, None, None
    jitter = None
    if len(samples) > 1:
        jitter = statistics.fmean(abs(b - a) for a, b in zip(samples, samples[1:]))
    return statistics.median(samples), min(samples), jitter


def rate_mbps(series: list[tuple[float, int]], warmup_s: float, *, fit: bool = False) -> float | None:
    """Throughput in Mbit/s from cumulative (t, bytes) samples, ignoring the first `warmup_s` seconds.

    Bytes over time between the first and last kept sample; with `fit`, the least-squares slope instead, for
    counts that arrive in lumps (bytes handed to a send buffer) whose phase at the window's ends is arbitrary.
    """
    kept = [p for p in series if p[0] >= warmup_s]
    if len(kept) < 2 or kept[-1][0] - kept[0][0] <= 0:
        return None
    if not fit or len(kept) < 3:
        return (kept[-1][1] - kept[0][1]) * 8 / (kept[-1][0] - kept[0][0]) / 1e6
    mt = statistics.fmean(t for t, _b in kept)
    mb = statistics.fmean(b for _t, b in kept)
    slope = sum((t - mt) * (b - mb) for t, b in kept) / sum((t - mt) ** 2 for t, _b in kept)
    return slope * 8 / 1e6
