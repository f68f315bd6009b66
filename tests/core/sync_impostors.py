"""Things that answer in the receiver's place: a captive portal, a proxy asking for a password, a wrong
address, a plain web page. Real HTTP servers on 127.0.0.1 (http.server), as a café or hotel network has them."""
from __future__ import annotations

import base64
import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

LOGIN_PAGE = (b"<!DOCTYPE html><html><head><title>Wi-Fi Cafe Hue</title></head><body><form action=/login "
              b"method=post>Mat khau: <input name=p><button>Dang nhap</button></form></body></html>")
NOT_FOUND = b"<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center></body></html>"


class Impostor:
    """kind: 'portal' (302 to a login page), 'portal403' (403 login page), 'proxy407' (a forward proxy that
    wants `user:password`, then forwards), 'notfound' (404 page), 'notfound_json' (a JSON 404, as a receiver
    under another path prefix gives), 'html200' (a web page with 200)."""

    def __init__(self, kind: str, credentials: str = "lan:matkhau") -> None:
        self.kind = kind
        self.credentials = credentials
        self.requests: list[tuple[str, str]] = []
        self.forwarded = 0
        impostor = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                self._serve()

            def do_POST(self):
                self._serve()

            def _answer(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k.replace("_", "-"), v)
                self.end_headers()
                self.wfile.write(body)

            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                impostor.requests.append((self.command, self.path))
                kind = impostor.kind
                if kind == "portal":
                    if self.path.startswith("/login"):
                        return self._answer(200, LOGIN_PAGE)
                    return self._answer(302, b"", Location=f"http://127.0.0.1:{impostor.port}/login?next=x")
                if kind == "portal403":
                    return self._answer(403, LOGIN_PAGE)
                if kind == "html200":
                    return self._answer(200, LOGIN_PAGE)
                if kind == "notfound":
                    return self._answer(404, NOT_FOUND)
                if kind == "notfound_json":
                    return self._answer(404, b'{"detail":"Not Found"}', "application/json")
                if kind == "proxy407":
                    return self._proxy(body)
                raise AssertionError(kind)

            def _proxy(self, body: bytes):
                expected = "Basic " + base64.b64encode(impostor.credentials.encode()).decode()
                if self.headers.get("Proxy-Authorization") != expected:
                    return self._answer(407, b"<html><body>Proxy authentication required</body></html>",
                                        Proxy_Authenticate='Basic realm="hotel"')
                target = urlsplit(self.path)  # a forward proxy gets the absolute URL
                conn = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
                try:
                    keep = {k: v for k, v in self.headers.items()
                            if k.lower() in ("authorization", "content-type", "content-encoding", "accept")}
                    conn.request(self.command, target.path or "/", body=body or None, headers=keep)
                    resp = conn.getresponse()
                    payload = resp.read()
                    impostor.forwarded += 1
                    headers = {k: v for k, v in resp.getheaders() if k.lower() == "www-authenticate"}
                    self._answer(resp.status, payload, resp.getheader("Content-Type") or "application/json",
                                 **{k.replace("-", "_"): v for k, v in headers.items()})
                finally:
                    conn.close()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
