"""`survey-app gps read`: read NMEA from a port until a fix or a timeout."""
from __future__ import annotations

import time

import serial

from survey_app.devices.at_channel import PortUnavailable
from survey_app.devices.gps import GpsFix, NmeaDecoder
from survey_app.i18n import _


def read_gps(port: str, *, timeout_s: float = 10.0, baudrate: int = 9600) -> GpsFix:
    """The first fix seen (after at least one GGA), or the fix state at the timeout."""
    try:
        ser = serial.serial_for_url(port, baudrate=baudrate, timeout=0.2)
    except (serial.SerialException, OSError, ValueError) as exc:
        raise PortUnavailable(_("Cannot open port {port}: {reason}").format(port=port, reason=exc)) from exc
    dec = NmeaDecoder()
    buf = b""
    end = time.monotonic() + timeout_s
    try:
        while time.monotonic() < end:
            buf += ser.read(ser.in_waiting or 1)
            *lines, buf = buf.split(b"\n")
            for raw in lines:
                dec.feed(raw.decode("ascii", errors="replace"))
            if dec.fix.position is not None and dec.fix.satellites is not None:
                break
    except (serial.SerialException, OSError) as exc:
        raise PortUnavailable(_("GPS on {port} was unplugged; waiting for it to return.").format(port=port)) from exc
    finally:
        ser.close()
    return dec.fix
