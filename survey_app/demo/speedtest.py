"""Demo starter: the local speed-test server at a 4G-like rate, made the default speed-test server."""
from __future__ import annotations

from survey_app.speedtest.server import LocalSpeedTestServer

DEMO_RATE_MBPS = 12.5  # per stream: about 50 Mbit/s over the 4 streams, a plausible 4G figure


def start(home, settings) -> LocalSpeedTestServer:
    """Serve on 127.0.0.1 at DEMO_RATE_MBPS and point the settings at it (LibreSpeed protocol)."""
    # Unpaced, loopback gives many Gbit/s: every demo test would be flagged implausible in Review, and a test
    # would keep both CPU cores busy for its whole duration.
    server = LocalSpeedTestServer(rate_mbps=DEMO_RATE_MBPS).start()
    settings.speedtest_server = server.base_url
    settings.speedtest_protocol = "librespeed"
    return server
