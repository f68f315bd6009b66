"""A misbehaving receiver: a small http.server in front of the real one that drops, fails, garbles and refuses."""
from __future__ import annotations

import http.client
import json
import random
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class ChaosProxy:
    """Forwards to `upstream` unless `behave(n, path, body)` says otherwise.

    behave returns one of: 'pass', 'drop_before' (close without forwarding), 'drop_after' (forward, so the
    receiver commits, then close without answering), 'e500' (answer 500 without forwarding), 'e500_after'
    (forward, then answer 500), 'e413', 'e429', 'garbage', 'wrong_batch', 'foreign_ids', 'huge', 'half_body'
    (read half the body, then close: a server dying mid-batch).
    """

    def __init__(self, upstream: str, behave) -> None:
        self.upstream = urlsplit(upstream)
        self.behave = behave
        self.lock = threading.Lock()
        self.requests = 0
        self.log: list[tuple[str, str]] = []
        self.release = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                self._handle(b"")

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                with proxy.lock:
                    proxy.requests += 1
                    n = proxy.requests
                action = proxy.behave(n, self.path, length)
                if action == "half_body":
                    self.rfile.read(length // 2)
                    self._drop()
                    return
                body = self.rfile.read(length)
                proxy.log.append((self.path, action))
                self._handle(body, action)

            def _drop(self):
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

            def _answer(self, status: int, payload: bytes, ctype="application/json"):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _handle(self, body: bytes, action: str = "pass"):
                if action == "drop_before":
                    return self._drop()
                if action == "hang":  # longer than the client's timeout, then give up
                    proxy.release.wait(5)
                    return self._drop()
                if action in ("e500", "e413", "e429"):
                    status = {"e500": 500, "e413": 413, "e429": 429}[action]
                    return self._answer(status, json.dumps({"detail": action}).encode())
                status, payload = proxy.forward(self.command, self.path, body, dict(self.headers))
                if action == "drop_after":
                    return self._drop()
                if action == "e500_after":
                    return self._answer(500, b'{"detail":"oops"}')
                if action == "garbage":
                    return self._answer(200, b"<html>not json</html>", "text/html")
                if action == "wrong_batch":
                    doc = json.loads(payload)
                    doc["batch_id"] = "00000000-0000-4000-8000-000000000000"
                    return self._answer(200, json.dumps(doc).encode())
                if action == "foreign_ids":
                    doc = json.loads(payload)
                    kept = doc["accepted"][: len(doc["accepted"]) // 2]  # half the real ones are "forgotten"
                    fake = [{"table": "signal_readings", "id": "deadbeef-0000-4000-8000-000000000000",
                             "revision": 1}, {"table": 5, "id": None}, "nonsense"]
                    doc["accepted"] = kept + fake
                    return self._answer(200, json.dumps(doc).encode())
                if action == "huge":
                    return self._answer(200, b"[" + b"0," * (9 * 1024 * 1024) + b"0]")
                return self._answer(status, payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def forward(self, method: str, path: str, body: bytes, headers: dict) -> tuple[int, bytes]:
        """Send the request to the real receiver; returns (status, body)."""
        conn = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port, timeout=60)
        try:
            keep = {k: v for k, v in headers.items() if k.lower() in ("authorization", "content-type",
                                                                        "content-encoding")}
            conn.request(method, path, body=body or None, headers=keep)
            resp = conn.getresponse()
            return resp.status, resp.read()
        finally:
            conn.close()

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def flaky(rate: float, seed: int = 7):
    """A behaviour answering `rate` of batch requests with a 500 (half before, half after committing)."""
    rng = random.Random(seed)

    def behave(n, path, length):
        if not path.endswith("/batches"):
            return "pass"
        x = rng.random()
        if x < rate / 2:
            return "e500"
        if x < rate:
            return "e500_after"
        return "pass"

    return behave
