"""A device on a pseudo-terminal with a stable symlink path that disappears on unplug and returns on replug."""
from __future__ import annotations

import os
import select
import threading
import time
import tty
from pathlib import Path


class PtyDevice:
    """Base of the emulators: owns the pty master, a serving thread, and the symlink users open."""

    def __init__(self, link: Path | str):
        self.link = Path(link)
        self._master: int | None = None
        self._slave: int | None = None
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.plugged = False

    # -- life cycle -----------------------------------------------------------------------------
    def start(self) -> "PtyDevice":
        """Plug in and start serving."""
        self.plug()
        self._thread = threading.Thread(target=self._run, name=f"emu-{self.link.name}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and unplug."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        self.unplug()

    def plug(self) -> None:
        """Create a new pty and point the symlink at its slave (like a device appearing)."""
        with self._lock:
            if self.plugged:
                return
            master, slave = os.openpty()
            tty.setraw(slave)  # no echo or CR/NL translation by the line discipline: the device does its own
            # A real serial device drops what nobody reads; a blocking write here would hold the lock for
            # good once the pty buffer (about 20 KB) is full, and unplug() (quitting the demo) would wait on it.
            os.set_blocking(master, False)
            self._master, self._slave = master, slave
            self.link.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.link.with_name(self.link.name + ".tmp")
            if tmp.is_symlink() or tmp.exists():
                tmp.unlink()
            os.symlink(os.ttyname(slave), tmp)
            os.replace(tmp, self.link)
            self.plugged = True
            self.on_plug()

    def unplug(self) -> None:
        """Close the pty and remove the symlink (readers get an I/O error, like a pulled USB stick)."""
        with self._lock:
            if not self.plugged:
                return
            self.plugged = False
            try:
                if self.link.is_symlink():
                    self.link.unlink()
            except OSError:
                pass
            for fd in (self._master, self._slave):
                if fd is not None:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            self._master = self._slave = None

    def replug(self, after_s: float = 0.0) -> None:
        """Unplug, wait, plug again at the same path."""
        self.unplug()
        if after_s:
            time.sleep(after_s)
        self.plug()

    # -- I/O --------------------------------------------------------------------------------------
    def write(self, data: bytes) -> None:
        """Send bytes to whoever has the port open (dropped while unplugged, or when nobody reads them)."""
        with self._lock:
            fd = self._master
            if fd is None:
                return
            try:
                os.write(fd, data)
            except OSError:   # BlockingIOError when the buffer is full: the bytes are lost, as on a real line
                pass

    def _run(self) -> None:
        while not self._stop.is_set():
            fd = self._master
            if fd is None:
                time.sleep(0.05)
                self.tick()
                continue
            try:
                ready, _w, _x = select.select([fd], [], [], 0.05)
                data = os.read(fd, 4096) if ready else b""
            except (OSError, ValueError):
                time.sleep(0.05)  # unplugged under our feet, or nobody has the port open
                continue
            if data:
                self.on_data(data)
            self.tick()

    # -- to override ------------------------------------------------------------------------------
    def on_plug(self) -> None:
        """Called after each plug (reset per-connection state)."""

    def on_data(self, data: bytes) -> None:
        """Bytes written by the user of the port."""

    def tick(self) -> None:
        """Called about 20 times a second (periodic output such as NMEA)."""
