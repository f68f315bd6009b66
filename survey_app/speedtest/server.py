"""The project's own speed-test server (LibreSpeed and legacy Ookla endpoints) for tests, demo and benchmarks.

Serves, under any directory: latency.txt, random{N}x{N}.jpg, upload.php (Ookla) and garbage.php, empty.php,
getIP.php (LibreSpeed). `mode` makes it misbehave on purpose: refuse, hang, garbage, drop, notspeedtest.
Run alone: `python -m survey_app.speedtest.server [--port 0] [--mode ok]` prints its base URL.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MODES = ("ok", "refuse", "hang", "garbage", "drop", "notspeedtest")
BLOCK = os.urandom(1 << 20)
DROP_AFTER = 256 * 1024
_RANDOM_JPG = re.compile(r"random(\d+)x(\d+)\.jpg$")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def setup(self):
        super().setup()
        if self.server.rate_mbps:
            # a paced reader with a large kernel buffer would let clients count buffered bytes as delivered
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the client went away (end of a phase, cancel): nothing to report

    def log_message(self, format, *args):  # noqa: A002 - quiet; tests and the demo do not want access logs
        pass

    def _misbehave(self) -> bool:
        mode = self.server.mode
        if mode == "hang":
            self.server.stopping.wait()
            self.close_connection = True
            return True
        if mode == "garbage":
            self.wfile.write(b"\x00\xffNOT-HTTP " + os.urandom(200))
            self.close_connection = True
            return True
        if mode == "notspeedtest":
            page = b"<!doctype html><html><body><h1>It works!</h1>" + b"<p>Welcome.</p>" * 120 + b"</body></html>"
            self._reply(405 if self.command == "POST" else 200, page, "text/html")
            return True
        return False

    def _reply(self, status: int, body: bytes = b"", ctype: str = "text/plain") -> None:
        if self.command == "POST":
            self._drain()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server naming
        if self._misbehave():
            return
        parts = urlsplit(self.path)
        name = parts.path.rsplit("/", 1)[-1]
        if name == "latency.txt":
            return self._reply(200, b"test=test\n")
        if name == "empty.php":
            return self._reply(200)
        if name == "getIP.php":
            ip = self.client_address[0]
            return self._reply(200, json.dumps({"processedString": f"{ip} - localhost", "rawIspInfo": ""}).encode(),
                               "application/json")
        match = _RANDOM_JPG.match(name)
        if match:
            return self._send_bytes(2 * int(match.group(1)) * int(match.group(2)), "image/jpeg")
        if name == "garbage.php":
            try:
                mib = max(1, min(1024, int(parse_qs(parts.query).get("ckSize", ["4"])[0])))
            except ValueError:
                mib = 4
            return self._send_bytes(mib << 20, "application/octet-stream")
        return self._reply(404, b"not found")

    def do_POST(self):  # noqa: N802
        self._drained = False  # one handler serves every request of a keep-alive connection
        if self._misbehave():
            return
        name = urlsplit(self.path).path.rsplit("/", 1)[-1]
        if name not in ("upload.php", "empty.php"):
            return self._reply(404, b"not found")
        got = self._drain()
        if got is None:
            return
        self._reply(200, f"size={got}".encode() if name == "upload.php" else b"")

    def _drain(self) -> int | None:
        """Read the request body (counted), honouring the rate limit and drop mode."""
        length = int(self.headers.get("Content-Length") or 0)
        if getattr(self, "_drained", False):
            return length
        self._drained = True
        buf = memoryview(bytearray(256 * 1024))
        got, pacer = 0, _Pacer(self.server.rate_mbps)
        while got < length:
            n = self.rfile.readinto(buf[: min(len(buf), length - got)])
            if not n:
                self.close_connection = True
                return None
            got += n
            pacer.pace(got)
            if self.server.mode == "drop" and got >= DROP_AFTER:
                self._drop()
                return None
        return got

    def _send_bytes(self, size: int, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(size))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        view, sent, pacer = memoryview(BLOCK), 0, _Pacer(self.server.rate_mbps)
        if self.server.rate_mbps:
            view = view[: 64 * 1024]  # paced in small steps, so the stream is smooth rather than lumpy
        try:
            while sent < size:
                n = min(len(view), size - sent)
                if self.server.mode == "drop" and sent >= DROP_AFTER:
                    return self._drop()
                self.wfile.write(view[:n])
                sent += n
                pacer.pace(sent)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client stopped reading: normal at the end of a phase

    def _drop(self) -> None:
        """Vanish mid-transfer: reset this connection and refuse every later one."""
        self.server.gone = True
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class _Pacer:
    """Sleeps to keep one connection at or under a rate (for tests that should not eat the CPU)."""

    def __init__(self, mbps: float | None):
        self.bps = mbps * 1e6 / 8 if mbps else None
        self.t0 = time.perf_counter()

    def pace(self, done: int) -> None:
        if self.bps:
            ahead = done / self.bps - (time.perf_counter() - self.t0)
            if ahead > 0:
                time.sleep(ahead)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True

    def __init__(self, addr, mode: str, rate_mbps: float | None):
        self.mode, self.rate_mbps, self.gone = mode, rate_mbps, False
        self.stopping = threading.Event()
        super().__init__(addr, _Handler)

    def verify_request(self, request, client_address):
        return not self.gone  # after a drop the server is "gone": connections are cut at once


class LocalSpeedTestServer:
    """A speed-test server on 127.0.0.1 in a background thread; `mode` chooses a misbehaviour."""

    def __init__(self, mode: str = "ok", host: str = "127.0.0.1", port: int = 0, rate_mbps: float | None = None):
        if mode not in MODES:
            raise ValueError(mode)
        self.mode, self.host, self.port, self.rate_mbps = mode, host, port, rate_mbps
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> "LocalSpeedTestServer":
        """Start listening (in 'refuse' mode: reserve a port nobody listens on)."""
        if self.mode == "refuse":
            with socket.socket() as s:
                s.bind((self.host, self.port))
                self.port = s.getsockname()[1]
            return self
        self._httpd = _Server((self.host, self.port), self.mode, self.rate_mbps)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="speedtest-server", daemon=True)
        self._thread.start()
        return self

    @property
    def base_url(self) -> str:
        """The server root (LibreSpeed base URL)."""
        return f"http://{self.host}:{self.port}/"

    @property
    def ookla_url(self) -> str:
        """The Ookla-style upload.php URL."""
        return f"{self.base_url}speedtest/upload.php"

    def url_for(self, protocol: str) -> str:
        """The URL to give the client for a protocol."""
        return self.ookla_url if protocol == "ookla" else self.base_url

    def stop(self) -> None:
        """Stop serving and release hanging handlers."""
        if self._httpd is not None:
            self._httpd.stopping.set()
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted, printing the base URL on the first line."""
    p = argparse.ArgumentParser(description="survey-app local speed-test server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--mode", choices=MODES, default="ok")
    p.add_argument("--rate-mbps", type=float)
    args = p.parse_args(argv)
    server = LocalSpeedTestServer(args.mode, args.host, args.port, args.rate_mbps).start()
    print(server.base_url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
