"""The worker threads of a measurement: download and upload streams and the loaded-latency pinger."""
from __future__ import annotations

import os
import socket
import threading
import time
from typing import Callable

from survey_app.speedtest import httpio
from survey_app.speedtest.protocols import NotASpeedTestServer, Protocol

READ_BUFFER = 256 * 1024
UPLOAD_BLOCK = os.urandom(1 << 20)  # incompressible, shared read-only by every upload stream
UPLOAD_MIN = 256 * 1024
UPLOAD_MAX = 32 << 20
SMALL_SEND_BUFFER = 64 * 1024  # upload sockets where TCP_INFO is missing
MAX_FAILURES = 3  # consecutive connection failures before a stream gives up


class _Stream(threading.Thread):
    """A thread that moves bytes until `stop` is set; `error` holds what ended it otherwise."""

    def __init__(self, ep: httpio.Endpoint, proto: Protocol, timeout: float, stop: threading.Event):
        super().__init__(daemon=True, name=f"speedtest-{type(self).__name__}")
        self.ep, self.proto, self.timeout, self.stop = ep, proto, timeout, stop
        self.error: BaseException | None = None
        self.sock: socket.socket | None = None
        self.lock = threading.Lock()
        self.drops = 0
        self.use_kernel = httpio.tcp_acks_supported()
        self.kernel_closed = 0  # kernel-counted bytes of sockets already closed

    def run(self) -> None:
        failures = 0
        while not self.stop.is_set():
            try:
                self.one_request()
                failures = 0
            except (OSError, httpio.ProtocolError, httpio.TruncatedError, NotASpeedTestServer) as exc:
                if self.stop.is_set():
                    break
                if isinstance(exc, (httpio.ProtocolError, NotASpeedTestServer)):
                    self.error = exc
                    break
                failures += 1
                self.drops += 1
                if failures >= MAX_FAILURES:
                    self.error = exc
                    break
            finally:
                self._drop_socket()

    def _drop_socket(self) -> None:
        with self.lock:
            sock, self.sock = self.sock, None
            if sock is not None:
                self.retire(sock)
                sock.close()

    # Counting at the kernel (TCP_INFO: Linux) instead of in this thread keeps the count free of the lumps the
    # GIL puts into a thread's reads and writes; without it (Windows, macOS) `local_count` is what there is.
    kernel_count: Callable[[socket.socket], int | None] | None = None

    def count(self) -> int:
        """Bytes moved so far: counted by the kernel where it can, else by this thread."""
        if not self.use_kernel:
            return self.local_count()
        with self.lock:
            live = type(self).kernel_count(self.sock) if self.sock is not None else 0
        return self.kernel_closed + (live or 0)

    def local_count(self) -> int:
        raise NotImplementedError

    def retire(self, sock: socket.socket) -> None:
        """Account for a socket about to be closed."""
        if self.use_kernel:
            self.kernel_closed += type(self).kernel_count(sock) or 0

    def interrupt(self) -> None:
        """Wake the thread from a blocking socket call (after `stop` is set)."""
        with self.lock:
            if self.sock is not None:
                try:
                    self.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def one_request(self) -> None:
        raise NotImplementedError


class DownloadStream(_Stream):
    """Fetches the protocol's download object over and over, counting bytes as the kernel receives them."""

    kernel_count = staticmethod(httpio.bytes_received)

    def __init__(self, *args):
        super().__init__(*args)
        self.received = 0  # read by this thread
        self.buffer = bytearray(READ_BUFFER)

    def local_count(self) -> int:
        return self.received

    def one_request(self) -> None:
        sock = httpio.connect(self.ep, self.timeout)
        with self.lock:
            self.sock = sock
        # Connection: close ends every body at EOF whatever its transfer coding
        sock.sendall(httpio.request_bytes("GET", self.ep.host, self.proto.download(), close=True))
        resp = httpio.read_head(sock)
        if resp.status != 200:
            raise NotASpeedTestServer("http_status", status=resp.status)
        got = len(resp.extra)
        self.received += got
        length = resp.length
        view = memoryview(self.buffer)
        recv_into = sock.recv_into
        while not self.stop.is_set():
            n = recv_into(view)
            if not n:
                break
            got += n
            self.received += n
        if length is not None and got < length and not self.stop.is_set():
            raise httpio.TruncatedError("download cut short")
        if length is None and got == 0:
            raise httpio.TruncatedError("empty download")


class UploadStream(_Stream):
    """POSTs incompressible data; counts bytes the server's TCP acknowledged.

    Without TCP_INFO (Windows, macOS) it counts bytes handed to a socket whose send buffer is kept small: the
    buffer is full at both ends of the measured window, so the difference equals what was delivered.
    """

    kernel_count = staticmethod(httpio.bytes_acked)

    def __init__(self, *args):
        super().__init__(*args)
        self.sent = 0  # handed to the socket
        self.confirmed = 0  # bodies the server answered for
        self.size = UPLOAD_MIN

    def local_count(self) -> int:
        return self.sent

    def one_request(self) -> None:
        sock = httpio.connect(self.ep, self.timeout, send_buffer=None if self.use_kernel else SMALL_SEND_BUFFER)
        with self.lock:
            self.sock = sock
        while not self.stop.is_set():
            started = time.perf_counter()
            size = self.size
            sock.sendall(httpio.request_bytes("POST", self.ep.host, self.proto.upload(), length=size,
                                              content_type="application/octet-stream"))
            block = memoryview(UPLOAD_BLOCK)
            left = size
            while left and not self.stop.is_set():
                n = sock.send(block[: min(left, len(block))])
                left -= n
                self.sent += n
            if self.stop.is_set():
                return
            resp = httpio.read_head(sock)
            httpio.read_small_body(sock, resp)
            if resp.status != 200:
                raise NotASpeedTestServer("http_status", status=resp.status)
            self.confirmed += size
            # grow bodies to a second or more: fewer request gaps, which would otherwise idle the link
            if time.perf_counter() - started < 1.0:
                self.size = min(self.size * 2, UPLOAD_MAX)
            if resp.headers.get("connection", "").lower() == "close":
                return


class Pinger(threading.Thread):
    """Measures HTTP round trips on its own connection about every `interval` seconds until `stop`."""

    def __init__(self, ep: httpio.Endpoint, proto: Protocol, timeout: float, stop: threading.Event,
                 t0: float, interval: float = 0.2):
        super().__init__(daemon=True, name="speedtest-pinger")
        self.ep, self.proto, self.timeout, self.stop, self.t0, self.interval = ep, proto, timeout, stop, t0, interval
        self.samples: list[tuple[float, float]] = []
        self.errors = 0
        self.sock: socket.socket | None = None

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.sock, _resp, _body, rtt = httpio.request(self.ep, self.sock, "GET", self.proto.ping(),
                                                              self.timeout)
                self.samples.append((round(time.perf_counter() - self.t0, 3), round(rtt * 1000, 3)))
            except (OSError, httpio.ProtocolError, httpio.TruncatedError):
                self.errors += 1  # a lost probe under load is expected; the phase's streams decide failure
                if self.sock is not None:
                    self.sock.close()
                    self.sock = None
            self.stop.wait(self.interval)
        if self.sock is not None:
            self.sock.close()

    def interrupt(self) -> None:
        sock = self.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
