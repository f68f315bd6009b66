"""A shaped link for speed-test accuracy tests and benchmarks: two network namespaces of the caller's own,
joined by a veth pair, each direction shaped by its own `tc tbf` (as on a real access link, where the
download's ACKs travel on the uplink instead of eating the download's tokens, as they do when loopback is
shaped). Needs root, `ip` and `tc`; names carry the caller's tag so parallel runs do not collide.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

SERVER_IP, CLIENT_IP = "10.213.7.1", "10.213.7.2"


def available() -> bool:
    """Whether this process can make namespaces and shape links."""
    return os.geteuid() == 0 and bool(shutil.which("ip")) and bool(shutil.which("tc"))


def _sh(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True, text=True)


class ShapedLink:
    """Server namespace <-> client namespace over veth (MTU 1500), tbf on both ends."""

    def __init__(self, tag: str, *, client_prefix: str = "svc"):
        """`client_prefix` names the client's interface ('wwan' makes it classify as a mobile modem's)."""
        tag = "".join(ch for ch in tag if ch.isalnum())[-8:]
        self.server_ns, self.client_ns = f"svy_lk_s{tag}", f"svy_lk_c{tag}"
        self.server_if, self.client_if = f"svs{tag}", f"{client_prefix}{tag}"[:15]

    def up(self) -> "ShapedLink":
        """Create the namespaces and the veth pair, addresses and loopbacks up."""
        _sh("ip", "netns", "add", self.server_ns)
        try:
            _sh("ip", "netns", "add", self.client_ns)
            _sh("ip", "link", "add", self.server_if, "type", "veth", "peer", "name", self.client_if)
            for ns, dev, ip in ((self.server_ns, self.server_if, SERVER_IP), (self.client_ns, self.client_if, CLIENT_IP)):
                _sh("ip", "link", "set", dev, "netns", ns)
                _sh("ip", "-n", ns, "addr", "add", f"{ip}/24", "dev", dev)
                _sh("ip", "-n", ns, "link", "set", dev, "mtu", "1500", "up")
                _sh("ip", "-n", ns, "link", "set", "lo", "up")
        except (subprocess.CalledProcessError, OSError):
            self.down()
            raise
        return self

    def shape(self, rate_mbit: float, burst_bytes: int, latency_ms: int = 50) -> None:
        """Both directions at `rate_mbit` through a token bucket of `burst_bytes`."""
        for ns, dev in ((self.server_ns, self.server_if), (self.client_ns, self.client_if)):
            _sh("ip", "netns", "exec", ns, "tc", "qdisc", "replace", "dev", dev, "root", "tbf", "rate",
                f"{rate_mbit}mbit", "burst", str(burst_bytes), "latency", f"{latency_ms}ms")

    def shape_loopback(self, rate_mbit: float, burst_bytes: int, latency_ms: int = 50) -> None:
        """The older set-up, for comparison: loopback of the client namespace shaped, where both directions
        and every ACK share one bucket (GSO frames kept to one segment, as on an MTU-1500 link)."""
        ns = self.client_ns
        _sh("ip", "-n", ns, "link", "set", "lo", "mtu", "1500", "up")
        _sh("ip", "-n", ns, "link", "set", "lo", "gso_max_segs", "1")
        _sh("ip", "netns", "exec", ns, "tc", "qdisc", "replace", "dev", "lo", "root", "tbf", "rate",
            f"{rate_mbit}mbit", "burst", str(burst_bytes), "latency", f"{latency_ms}ms")

    def down(self) -> None:
        """Delete both namespaces (the veth pair goes with them)."""
        for ns in (self.server_ns, self.client_ns):
            subprocess.run(["ip", "netns", "del", ns], capture_output=True)

    def server_process(self, cwd, port: int = 8765, *, loopback: bool = False) -> subprocess.Popen:
        """The project's speed-test server in the server namespace (or on the client namespace's loopback);
        its first stdout line is the base URL."""
        ns, host = (self.client_ns, "127.0.0.1") if loopback else (self.server_ns, SERVER_IP)
        return subprocess.Popen(["ip", "netns", "exec", ns, sys.executable, "-m", "survey_app.speedtest.server",
                                 "--host", host, "--port", str(port)], stdout=subprocess.PIPE, text=True, cwd=cwd)

    @staticmethod
    def stop_server(server: subprocess.Popen) -> None:
        """Stop a server_process and close its pipe (a strict test fails on an unclosed one)."""
        server.terminate()
        server.wait(10)
        server.stdout.close()

    def in_client(self, args: list[str], **kw) -> subprocess.CompletedProcess:
        """Run a command in the client namespace."""
        return subprocess.run(["ip", "netns", "exec", self.client_ns, *args], **kw)

    def __enter__(self) -> "ShapedLink":
        return self.up()

    def __exit__(self, *exc) -> None:
        self.down()
