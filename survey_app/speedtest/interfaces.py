"""Network interfaces the surveyor can measure over, with their kind (modem, Wi-Fi, Ethernet) and addresses.

Linux: names from /sys/class/net, addresses from `ip -j addr`; elsewhere (or without `ip`): psutil.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from survey_app.speedtest.reasons import ReasonError

SYS_NET = Path("/sys/class/net")
MODEM_PREFIXES = ("wwan", "usb", "cdc", "ppp", "wwp", "rmnet", "mbim", "qmi", "mbb")
WIFI_PREFIXES = ("wl", "wlan", "ath", "wifi")
ETHERNET_PREFIXES = ("en", "eth", "em")


@dataclass
class Interface:
    """One network interface."""

    name: str
    kind: str  # 'modem' | 'wifi' | 'ethernet' | 'loopback' | 'other'
    addresses: list[str] = field(default_factory=list)  # IPv4 first, then IPv6
    up: bool = True

    @property
    def ipv4(self) -> str | None:
        """The first IPv4 address, if any."""
        return next((a for a in self.addresses if ":" not in a), None)


class InterfaceError(ReasonError):
    """The chosen interface cannot be used (Reason no_interface or interface_no_address)."""


def classify(name: str, sys_net: Path = SYS_NET) -> str:
    """The kind of an interface from its name and /sys entries."""
    low = name.lower()
    if low == "lo" or low.startswith("loopback"):
        return "loopback"
    if (sys_net / name / "wireless").exists() or (sys_net / name / "phy80211").exists():
        return "wifi"
    if low.startswith(MODEM_PREFIXES):
        return "modem"
    if low.startswith(WIFI_PREFIXES):
        return "wifi"
    if low.startswith(ETHERNET_PREFIXES):
        return "ethernet"
    # Windows friendly names
    if "wi-fi" in low or "wireless" in low or "wlan" in low:
        return "wifi"
    if "cellular" in low or "mobile" in low or "modem" in low:
        return "modem"
    if "ethernet" in low:
        return "ethernet"
    return "other"


def _addresses_ip_json() -> dict[str, tuple[list[str], bool]]:
    ip = shutil.which("ip") or ("/sbin/ip" if os.path.exists("/sbin/ip") else None)
    if not ip:
        return {}
    try:
        out = subprocess.run([ip, "-j", "addr"], capture_output=True, text=True, timeout=5, check=True).stdout
        data = json.loads(out or "[]")
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}
    result = {}
    for item in data:
        infos = item.get("addr_info", [])
        v4 = [a["local"] for a in infos if a.get("family") == "inet" and "local" in a]
        v6 = [a["local"] for a in infos if a.get("family") == "inet6" and "local" in a]
        result[item.get("ifname", "")] = (v4 + v6, "UP" in item.get("flags", []))
    return result


def _with_psutil() -> dict[str, Interface]:
    """Windows and macOS: names like "Wi-Fi", "Cellular", "Ethernet" with their addresses (psutil)."""
    try:
        import psutil
    except ImportError:
        return {name: Interface(name, classify(name), [], True) for _i, name in socket.if_nameindex()}
    stats = psutil.net_if_stats()
    found = {}
    for name, addrs in psutil.net_if_addrs().items():
        v4 = [a.address for a in addrs if a.family == socket.AF_INET]
        v6 = [a.address.split("%")[0] for a in addrs if a.family == socket.AF_INET6]
        up = stats[name].isup if name in stats else True
        found[name] = Interface(name, classify(name), v4 + v6, up)
    return found


def list_interfaces() -> list[Interface]:
    """The interfaces of this computer, modems first, then Wi-Fi, Ethernet, others, loopback last."""
    found: dict[str, Interface] = {}
    if sys.platform.startswith("linux") and (addrs := _addresses_ip_json()):
        names = sorted(p.name for p in SYS_NET.iterdir()) if SYS_NET.exists() else sorted(addrs)
        for name in names:
            a, up = addrs.get(name, ([], True))
            if not up and (SYS_NET / name / "operstate").exists():
                up = (SYS_NET / name / "operstate").read_text().strip() in ("up", "unknown")
            found[name] = Interface(name, classify(name), list(a), up)
    else:
        found = _with_psutil()
    order = {"modem": 0, "wifi": 1, "ethernet": 2, "other": 3, "loopback": 4}
    return sorted(found.values(), key=lambda i: (order.get(i.kind, 3), i.name))


def resolve(name: str) -> Interface:
    """The named interface with an address to bind to; InterfaceError if unusable."""
    for iface in list_interfaces():
        if iface.name == name:
            if not iface.addresses:
                raise InterfaceError("interface_no_address", name=name)
            return iface
    raise InterfaceError("no_interface", name=name)


def interface_for_address(address: str | None) -> Interface | None:
    """The interface that owns a local address (the one a test's connections actually left from), if any."""
    if not address:
        return None
    bare = address.split("%")[0]
    return next((i for i in list_interfaces() if bare in i.addresses), None)
