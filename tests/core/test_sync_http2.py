"""HTTP/2 where the receiver offers it: the reference app behind an HTTP/2 server (hypercorn) over verified TLS."""
from __future__ import annotations

import asyncio
import threading

import pytest

pytest.importorskip("fastapi")
hypercorn = pytest.importorskip("hypercorn")

from sync_support import add_readings, fast_config, local_keys, make_ca, receiver_counts, sync, unsynced  # noqa: E402

from survey_app.paths import db_path  # noqa: E402


class Http2Receiver:
    """create_app() served by hypercorn (ALPN h2 + http/1.1) on 127.0.0.1 in a thread of its own."""

    def __init__(self, central_db, cert, key) -> None:
        from hypercorn.asyncio import serve
        from hypercorn.config import Config

        from survey_app.central.app import create_app

        config = Config()
        config.bind = ["127.0.0.1:0"]
        config.certfile, config.keyfile = str(cert), str(key)
        config.alpn_protocols = ["h2", "http/1.1"]
        config.loglevel = "WARNING"
        self.loop = asyncio.new_event_loop()
        self.stopped = asyncio.Event()
        self.ready = threading.Event()
        self.port = None

        async def main():
            import socket

            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
            sock.close()
            config.bind = [f"127.0.0.1:{self.port}"]
            task = asyncio.ensure_future(serve(create_app(central_db), config, shutdown_trigger=self.stopped.wait))
            while not _listening(self.port):
                await asyncio.sleep(0.02)
            self.ready.set()
            await task

        self.thread = threading.Thread(target=self.loop.run_until_complete, args=(main(),), daemon=True)
        self.thread.start()
        assert self.ready.wait(30), "hypercorn did not start"
        self.url = f"https://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.stopped.set)
        self.thread.join(30)
        self.loop.close()   # its self-pipe is a socket pair


def _listening(port: int) -> bool:
    import socket

    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_http2_is_used_when_the_receiver_offers_it(db, home, tmp_path):
    from survey_app.central.store import CentralStore
    from survey_app.sync.transport import Transport

    ca, cert, key = make_ca(tmp_path)
    central = tmp_path / "h2.db"
    s = CentralStore(central)
    token = s.add_device("h2")
    s.close()
    server = Http2Receiver(central, cert, key)
    try:
        t = Transport(server.url, token, ca_file=str(ca))
        try:
            assert t.request("GET", "/api/v1/health").body["status"] == "ok"
            assert t.http_version == "HTTP/2"
        finally:
            t.close()
        add_readings(db, 300)
        result = sync(db_path(home), fast_config(server.url, token, ca_file=str(ca), max_records=50))
        assert (result.status, result.accepted) == ("ok", 302)
        assert receiver_counts(central)["revisions"] == local_keys(db) and unsynced(db) == 0
    finally:
        server.stop()
