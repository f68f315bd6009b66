"""What every emulated modem profile is made of: drifting signal values, the state an answer may depend on
(including which of the profile's cells serves), and the profile itself."""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Callable


class Signal:
    """A value that drifts smoothly over time with a little noise (deterministic per seed)."""

    def __init__(self, base: float, amplitude: float, period_s: float, noise: float, seed: int):
        self.base, self.amplitude, self.period_s, self.noise = base, amplitude, period_s, noise
        self._rng = random.Random(seed)

    def at(self, t: float) -> float:
        """The value t seconds after start."""
        return self.base + self.amplitude * math.sin(2 * math.pi * t / self.period_s) + self._rng.uniform(
            -self.noise, self.noise)


@dataclass
class ModemState:
    """What an answer may depend on: seconds since start and the drifting signal values."""

    t: float
    rsrp: float
    rsrq: float
    sinr: float
    rssi: float
    nr_rsrp: float
    nr_rsrq: float
    nr_sinr: float
    gnss_fix: bool = True
    cell: int = 0  # index into the profile's cells: a handover changes it


@dataclass
class Profile:
    """One emulated modem model: identity answers, USB ids, echo style and per-command answers."""

    name: str
    manufacturer: str
    model: str
    revision: str
    ati: list[str]
    usb_vid_pid: str
    answers: dict[str, Callable[[ModemState], list[str]]]
    echo_style: bytes = b"\r\r\n"  # what follows the echoed command: b"\r\r\n" or b"\r\n\r\n"
    echo: bool = True
    rsrp: tuple[float, float] = (-92.0, 8.0)  # base, amplitude
    rsrq: tuple[float, float] = (-11.0, 2.0)
    sinr: tuple[float, float] = (12.0, 5.0)
    nr_rsrp: tuple[float, float] = (-95.0, 7.0)
    expected: dict = field(default_factory=dict)  # fixed values `modem read` must report (tests)
    cells: tuple[dict, ...] = ()  # the cells the emulator can hand over between (ModemEmulator.handover)

    def state_maker(self, seed: int = 1) -> Callable[[float], ModemState]:
        """A function t -> ModemState for this profile."""
        s = {k: Signal(b, a, p, n, seed + i) for i, (k, b, a, p, n) in enumerate([
            ("rsrp", *self.rsrp, 60.0, 1.0), ("rsrq", *self.rsrq, 45.0, 0.5), ("sinr", *self.sinr, 50.0, 1.0),
            ("nr_rsrp", *self.nr_rsrp, 40.0, 1.0)])}

        def make(t: float) -> ModemState:
            rsrp = s["rsrp"].at(t)
            nr_rsrp = s["nr_rsrp"].at(t)
            return ModemState(t=t, rsrp=rsrp, rsrq=s["rsrq"].at(t), sinr=s["sinr"].at(t), rssi=rsrp + 27,
                              nr_rsrp=nr_rsrp, nr_rsrq=-11 + (nr_rsrp + 95) / 6, nr_sinr=s["sinr"].at(t + 7) + 3)
        return make


def rnd(x: float) -> int:
    """A drifting value as the integer a modem prints."""
    return int(round(x))


def csq(st: ModemState) -> list[str]:
    """`+CSQ` for the current RSSI (3GPP TS 27.007 scale)."""
    n = max(0, min(31, rnd((st.rssi + 113) / 2)))
    return [f"+CSQ: {n},99"]
