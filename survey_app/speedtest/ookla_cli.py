"""speedtest-cli 2.1.3 integration: speedtest.net server discovery, and its own measurement for comparison.

speedtest-cli is used only to find servers (and as the benchmark's anchor); our engine does the measuring.
"""
from __future__ import annotations

import io
import sys
import threading

from survey_app.speedtest.errors import SpeedTestFailed
from survey_app.speedtest.model import Server

# What speedtest.net's speedtest-config.php has long answered; used when we must not ask it.
OFFLINE_CONFIG = {"threadcount": 4, "threadsperurl": 4, "upload_threads": 2, "ratio": 5, "maxchunkcount": 50,
                  "testlength": 10}


def import_speedtest():
    """`import speedtest` safely: it wraps sys.stdout at import time and crashes where that is None (GUI builds)."""
    if "speedtest" in sys.modules:
        return sys.modules["speedtest"]
    saved = sys.stdout, sys.stderr
    try:
        if sys.stdout is None:
            sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        if sys.stderr is None:
            sys.stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        import speedtest
    finally:
        sys.stdout, sys.stderr = saved
    return speedtest


def discover(*, source_address: str | None = None, timeout: float = 10.0, limit: int = 5,
             cancel: threading.Event | None = None) -> list[Server]:
    """The closest speedtest.net servers, best (lowest latency) first; SpeedTestFailed (translated) if offline."""
    st = import_speedtest()
    try:
        client = st.Speedtest(source_address=source_address, timeout=timeout, secure=True)
        if cancel is not None and cancel.is_set():
            return []
        client.get_servers()
        closest = client.get_closest_servers(limit=limit)
        if cancel is not None and cancel.is_set():
            return []
        best = client.get_best_server(closest)
    except Exception as exc:  # speedtest-cli raises many unrelated types for "no internet"
        raise SpeedTestFailed("no_speedtest_net", detail=type(exc).__name__) from None
    servers = [_server(s) for s in closest]
    for s in servers:
        if s.id == str(best.get("id")):
            s.latency_ms = round(float(best.get("latency", 0.0)), 1)
    servers.sort(key=lambda s: (s.latency_ms is None, s.latency_ms or 0.0, s.distance_km or 0.0))
    return servers


def _server(d: dict) -> Server:
    return Server(url=d["url"], protocol="ookla", name=d.get("name", ""), sponsor=d.get("sponsor", ""),
                  id=str(d.get("id", "")), distance_km=round(float(d["d"]), 1) if "d" in d else None)


def given_server_client(url: str, *, source_address: str | None = None, timeout: float = 10.0):
    """A speedtest-cli Speedtest measuring against `url` (.../upload.php) without contacting speedtest.net."""
    st = import_speedtest()

    class GivenServerSpeedtest(st.Speedtest):
        """speedtest-cli with its configuration given here instead of fetched from speedtest.net."""

        def get_config(self):
            c = OFFLINE_CONFIG
            up_sizes = [32768, 65536, 131072, 262144, 524288, 1048576, 7340032][c["ratio"] - 1:]
            count = -(-c["maxchunkcount"] // len(up_sizes))
            self.config.update({
                "client": {"ip": "127.0.0.1", "lat": "0", "lon": "0", "isp": "", "isprating": "", "rating": "",
                           "ispdlavg": "", "ispulavg": "", "loggedin": ""},
                "ignore_servers": [],
                "sizes": {"upload": up_sizes, "download": [350, 500, 750, 1000, 1500, 2000, 2500, 3000, 3500, 4000]},
                "counts": {"upload": count, "download": c["threadsperurl"]},
                "threads": {"upload": c["upload_threads"], "download": c["threadcount"] * 2},
                "length": {"upload": c["testlength"], "download": c["testlength"]},
                "upload_max": count * len(up_sizes),
            })
            self.lat_lon = (0.0, 0.0)
            return self.config

    client = GivenServerSpeedtest(source_address=source_address, timeout=timeout)
    client._best = {"url": url, "name": "given", "sponsor": "", "id": "0", "latency": 0.0, "d": 0.0,
                    "host": url.split("/")[2]}
    client.results.server = client._best
    return client
