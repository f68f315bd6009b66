"""Find serial ports, recognise known modem AT interfaces by USB id, and probe the others with AT."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

from serial.tools import list_ports

# (VID, PID) -> the USB interface number of the AT port (reference README, vendor manuals).
KNOWN_AT_INTERFACE = {
    ("2c7c", "0125"): 2,  # Quectel EC25/EG25
    ("2c7c", "0800"): 2,  # Quectel RM500Q
    ("2c7c", "0801"): 2,  # Quectel RM520N
    ("2c7c", "0128"): 5,  # Quectel EM060K
    ("1e0e", "9001"): 2,  # SIMCom SIM7600
    ("2cb7", "0104"): 1,  # Fibocom FM150
    ("1199", "9071"): 3,  # Sierra EM7455
}
VENDORS = {"2c7c": "Quectel", "12d1": "Huawei", "1e0e": "SIMCom", "19d2": "ZTE", "2cb7": "Fibocom",
           "1199": "Sierra Wireless", "1546": "u-blox", "067b": "Prolific", "1a86": "QinHeng (CH340)",
           "10c4": "Silicon Labs", "0403": "FTDI"}
HUAWEI_AT_CLASSES = {("ff", "01", "02"), ("ff", "02", "02")}
HILINK_PIDS = {("12d1", "14dc")}  # Huawei HiLink sticks: a web API, no AT port


@dataclass
class PortInfo:
    """A serial port and what we know or found out about it."""

    device: str
    vid_pid: str | None = None
    interface: int | None = None
    vendor: str | None = None
    description: str = ""
    role: str = "unknown"   # 'modem' (AT answers or known AT interface), 'gps', 'other', 'unknown'
    reason: str = ""
    model: str | None = None

    def to_json(self) -> dict:
        """JSON of `modem list`."""
        return asdict(self)


def interface_number(location: str | None, interface: object = None) -> int | None:
    """The USB interface number: pyserial's `interface` when numeric, else the tail of `location` ('1-1.2:1.2' -> 2)."""
    if isinstance(interface, int):
        return interface
    if isinstance(interface, str) and interface.isdigit():
        return int(interface)
    if location:
        m = re.search(r":\d+\.(\d+)$", location)
        if m:
            return int(m.group(1))
    return None


def _usb_class(device: str) -> tuple[str, str, str] | None:
    """(class, subclass, protocol) of the USB interface behind a tty, read from sysfs (Linux only)."""
    try:
        base = Path("/sys/class/tty") / Path(device).name / "device"
        iface = base.resolve().parent if not (base / "bInterfaceClass").exists() else base.resolve()
        return tuple((iface / f).read_text().strip().lower() for f in
                     ("bInterfaceClass", "bInterfaceSubClass", "bInterfaceProtocol"))  # type: ignore[return-value]
    except OSError:
        return None


def classify(p: PortInfo) -> PortInfo:
    """Mark a port as a modem AT port when its USB ids say so (without opening it)."""
    if not p.vid_pid:
        return p
    vid, pid = p.vid_pid.split(":")
    p.vendor = VENDORS.get(vid, p.vendor)
    if (vid, pid) in HILINK_PIDS:
        p.role, p.reason = "other", "HiLink (web interface, no AT port)"
    elif (vid, pid) in KNOWN_AT_INTERFACE:
        want = KNOWN_AT_INTERFACE[(vid, pid)]
        p.role = "modem" if p.interface == want else "other"
        p.reason = f"known AT interface {want}"
    elif vid == "12d1":
        cls = _usb_class(p.device)
        if cls is not None:
            p.role = "modem" if cls in HUAWEI_AT_CLASSES else "other"
            p.reason = "USB class " + "/".join(cls)
    return p


def probe(device: str, timeout_s: float = 0.6) -> tuple[str, str | None]:
    """Open a port briefly: ('modem', model) if it answers AT, ('gps', None) if NMEA flows, else ('other', None)."""
    from survey_app.devices.at_channel import AtChannel, AtError, AtTimeout, PortGone, PortUnavailable

    ch = AtChannel(device, timeout_s=timeout_s)
    try:
        ch.open()
    except PortUnavailable as exc:
        return "unknown", str(exc)
    try:
        try:
            ch.command("AT", timeout_s=timeout_s)
        except (AtTimeout, AtError):
            heard = " ".join(ch.urcs)
            return ("gps", None) if re.search(r"\$G[PNL][A-Z]{3},", heard) else ("other", None)
        try:
            model = ch.command("AT+CGMM", timeout_s=timeout_s).text.strip() or None
        except (AtTimeout, AtError):
            model = None
        return "modem", model
    except PortGone:
        return "other", None
    finally:
        ch.close()


def list_serial_ports(*, probe_unknown: bool = True, extra: list[str] | None = None,
                      timeout_s: float = 0.6) -> list[PortInfo]:
    """Every serial port with its USB id and interface; unknown USB ports (and `extra` paths) probed with AT."""
    out: list[PortInfo] = []
    for cp in list_ports.comports():
        vid_pid = f"{cp.vid:04x}:{cp.pid:04x}" if cp.vid is not None and cp.pid is not None else None
        info = classify(PortInfo(cp.device, vid_pid, interface_number(cp.location, cp.interface),
                                 cp.manufacturer, cp.description or ""))
        if info.role == "unknown" and probe_unknown and vid_pid:
            info.role, info.model = probe(cp.device, timeout_s)
            info.reason = "probed"
        out.append(info)
    for path in extra or []:
        if path and not any(p.device == path for p in out) and Path(path).exists():
            info = PortInfo(path, description="configured")
            if probe_unknown:
                info.role, info.model = probe(path, timeout_s)
                info.reason = "probed"
            out.append(info)
    return out
