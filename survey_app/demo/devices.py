"""Demo starter: two emulated modems (Viettel LTE, VinaPhone 5G NSA) and an NMEA GPS under <home>/devices."""
from __future__ import annotations

from pathlib import Path

from survey_app.devices.emulator.modem_emulator import ModemEmulator
from survey_app.devices.emulator.nmea_emulator import NmeaEmulator


class DemoDevices:
    """The running emulators; stop() unplugs them all."""

    def __init__(self, devices: list):
        self.devices = devices

    def stop(self) -> None:
        """Stop every emulator."""
        for d in reversed(self.devices):
            d.stop()


def start(home: Path, settings) -> DemoDevices:
    """Start the emulators and point the settings at their stable symlink paths."""
    folder = Path(home) / "devices"
    m0 = ModemEmulator("quectel_lte", folder / "ttyEMU0", seed=4).start()
    m1 = ModemEmulator("quectel_nsa", folder / "ttyEMU1", seed=2).start()
    gps = NmeaEmulator(folder / "ttyGPS0").start()
    settings.modem_port = str(m0.link)
    settings.extra["modem_ports"] = [str(m1.link)]
    settings.gps_port = str(gps.link)
    return DemoDevices([m0, m1, gps])
