"""Run the reference receiver with uvicorn on a socket we bind ourselves (so port 0 reports the real port)."""
from __future__ import annotations

import socket
import threading
from pathlib import Path


def bind(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A listening TCP socket (SO_REUSEADDR, so a restarted receiver can take the same port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must say TCP: asyncio only sets TCP_NODELAY on such sockets (else 40 ms delayed-ACK stalls)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _deadlines(config, header_timeout_s: float | None):
    """Cut off clients that send their request headers too slowly (central/slow_clients.py)."""
    from survey_app.central.slow_clients import HEADER_TIMEOUT_S, HeaderDeadlineProtocol

    config.http = HeaderDeadlineProtocol
    config.header_timeout_s = HEADER_TIMEOUT_S if header_timeout_s is None else header_timeout_s
    return config


def make_server(db_path: Path | str, *, log_level: str = "warning", certfile: str | None = None,
                keyfile: str | None = None, header_timeout_s: float | None = None):
    """A uvicorn.Server for the app over `db_path` (TLS when a certificate and key are given)."""
    import logging.config

    import uvicorn

    from survey_app.central.app import create_app
    from survey_app.central.logs import log_config

    logging.config.dictConfig(log_config(log_level))  # before the app opens (and maybe migrates) its database
    config = uvicorn.Config(create_app(db_path), log_level=log_level, access_log=False, lifespan="on",
                            log_config=log_config(log_level),
                            timeout_keep_alive=30, ssl_certfile=certfile, ssl_keyfile=keyfile)
    return uvicorn.Server(_deadlines(config, header_timeout_s))


def app_from_env():
    """The app over $SURVEY_CENTRAL_DB (what each worker process of `serve --workers N` builds)."""
    import os

    from survey_app.central.app import create_app

    return create_app(os.environ["SURVEY_CENTRAL_DB"])


def serve_workers(db_path: Path | str, sock: socket.socket, workers: int, *, certfile: str | None = None,
                  keyfile: str | None = None, announce: str = "") -> int:
    """Serve with `workers` processes on one listening socket (uvicorn's supervisor restarts a dead one)."""
    import os

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from survey_app.central.logs import log_config

    os.environ["SURVEY_CENTRAL_DB"] = str(db_path)
    from survey_app.central.backend import open_store

    open_store(db_path).close()  # migrate once before the workers start
    config = uvicorn.Config("survey_app.central.server:app_from_env", factory=True, workers=workers,
                            log_level="info", access_log=False, lifespan="on", timeout_keep_alive=30,
                            log_config=log_config("info"),
                            ssl_certfile=certfile, ssl_keyfile=keyfile)
    if announce:
        print(announce, flush=True)
    Multiprocess(_deadlines(config, None), sockets=[sock]).run()
    return 0


class ThreadedReceiver:
    """The receiver in a background thread (tests, demo, benchmarks); `url` is known once started."""

    def __init__(self, db_path: Path | str, host: str = "127.0.0.1", port: int = 0, *,
                 certfile: str | None = None, keyfile: str | None = None,
                 header_timeout_s: float | None = None) -> None:
        self.sock = bind(host, port)
        self.port = self.sock.getsockname()[1]
        self.url = f"{'https' if certfile else 'http'}://{host}:{self.port}"
        self.server = make_server(db_path, certfile=certfile, keyfile=keyfile, header_timeout_s=header_timeout_s)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True,
                                       name="central-receiver")

    def start(self, timeout: float = 30.0) -> "ThreadedReceiver":
        """Start serving and wait until uvicorn is ready."""
        self.thread.start()
        import time

        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the receiver did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.server.should_exit = True
        self.thread.join(30)
        self.sock.close()
