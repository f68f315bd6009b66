"""What each protocol calls its endpoints, and how to tell a real speed-test server from another web server."""
from __future__ import annotations

import json
import posixpath
import random
from urllib.parse import urlsplit, urlunsplit

from survey_app.speedtest.model import PROTOCOLS
from survey_app.speedtest.reasons import ReasonError

OOKLA_FILES = ("upload.php", "latency.txt", "speedtest.php")
LIBRESPEED_FILES = ("garbage.php", "empty.php", "getIP.php", "index.html")
OOKLA_DOWNLOAD_SIZE = 4000  # random4000x4000.jpg, about 31 MB on speedtest.net servers
LIBRESPEED_CHUNK_MIB = 100  # garbage.php?ckSize=100


class BadServer(ReasonError):
    """The server URL or protocol cannot be used at all."""


class NotASpeedTestServer(ReasonError):
    """The URL answers, but not like a speed-test server of this protocol (a Reason says how)."""


class Protocol:
    """Paths of one protocol under a server's base path."""

    name = ""

    def __init__(self, url: str):
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BadServer("bad_url", url=url)
        path = parts.path or "/"
        if posixpath.basename(path) in self.known_files():
            path = posixpath.dirname(path)
        self.base = path.rstrip("/") + "/"
        self.url = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
        self.netloc = parts.netloc

    def known_files(self) -> tuple[str, ...]:
        return ()

    def target(self, name: str, query: str = "") -> str:
        """Request target for a file under the base path, with a cache-busting query."""
        q = f"{query}&" if query else ""
        return f"{self.base}{name}?{q}r={random.random():.12f}"

    def ping(self) -> str:
        raise NotImplementedError

    def check_ping(self, status: int, body: bytes) -> None:
        raise NotImplementedError

    def download(self) -> str:
        raise NotImplementedError

    def upload(self) -> str:
        raise NotImplementedError

    def client_ip(self, body: bytes) -> str | None:
        return None


class Ookla(Protocol):
    """Legacy Ookla HTTP: latency.txt, random{N}x{N}.jpg, upload.php."""

    name = "ookla"

    def known_files(self):
        return OOKLA_FILES

    def ping(self):
        return self.target("latency.txt")

    def check_ping(self, status, body):
        if status != 200 or not body.startswith(b"test=test"):
            raise NotASpeedTestServer("ookla_ping_reply", status=status)

    def download(self):
        return self.target(f"random{OOKLA_DOWNLOAD_SIZE}x{OOKLA_DOWNLOAD_SIZE}.jpg")

    def upload(self):
        return self.target("upload.php")


class LibreSpeed(Protocol):
    """LibreSpeed: garbage.php, empty.php, getIP.php."""

    name = "librespeed"

    def known_files(self):
        return LIBRESPEED_FILES

    def ping(self):
        return self.target("empty.php")

    def check_ping(self, status, body):
        # empty.php answers an empty body; a generic web server answers an error or a page
        if status != 200 or len(body.strip()) > 64:
            raise NotASpeedTestServer("librespeed_empty_reply", status=status, n=len(body))

    def download(self):
        return self.target("garbage.php", f"ckSize={LIBRESPEED_CHUNK_MIB}")

    def upload(self):
        return self.target("empty.php")

    def ip_target(self):
        return self.target("getIP.php")

    def client_ip(self, body):
        text = body.decode("utf-8", "replace").strip()
        try:
            data = json.loads(text)
            text = str(data.get("processedString", "")) if isinstance(data, dict) else text
        except ValueError:
            pass
        return text.split(" ")[0][:64] or None


def make(protocol: str, url: str) -> Protocol:
    """The Protocol object for a name and server URL (BadServer if either is unusable)."""
    if protocol not in PROTOCOLS:
        raise BadServer("unknown_protocol", protocol=protocol)
    return (Ookla if protocol == "ookla" else LibreSpeed)(url)
