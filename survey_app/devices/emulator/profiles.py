"""Emulated modem profiles. Each answer keeps the exact layout of a real transcript (source noted beside it);
only the numbers move over time, so the parsers meet what real modems print.
"""
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


def _r(x: float) -> int:
    return int(round(x))


def _csq(st: ModemState) -> list[str]:
    n = max(0, min(31, _r((st.rssi + 113) / 2)))
    return [f"+CSQ: {n},99"]


def _qgpsloc(st: ModemState) -> list[str]:
    # Layout of `AT+QGPSLOC=2` answers quoted in public code (e.g. "+QGPSLOC: 113355.0,44.74770,-85.56527,1.2,
    # 192.0,2,277.11,0.0,0.0,250420,10"); the position is a point in Huế's Phú Xuân ward.
    if not st.gnss_fix:
        return ["+CME ERROR: 516"]
    lat = 16.4637 + 0.0004 * math.sin(st.t / 30)
    lon = 107.5909 + 0.0004 * math.cos(st.t / 30)
    return [f"+QGPSLOC: 041530.0,{lat:.5f},{lon:.5f},1.1,12.0,3,0.00,0.0,0.0,271126,09"]


# --- Quectel EC25, LTE only (Viettel, band 3) --------------------------------------------------------------
# QENG layout: EC25 capture "+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",214,01,7676A09,188,6300,20,3,3,603,
# -104,-9,-78,11,23" (github.com/Biktorgj/pinephone_modem_sdk, src cell.h comment) and the RG500Q/EC2x manuals.
def _quectel_lte_qeng(st: ModemState) -> list[str]:
    return [f'+QENG: "servingcell","NOCONN","LTE","FDD",452,04,1A2D01F,215,1650,3,5,5,2F4B,{_r(st.rsrp)},'
            f'{_r(st.rsrq)},{_r(st.rssi)},{_r(st.sinr)},11,-,-52']


QUECTEL_LTE = Profile(
    name="quectel_lte", manufacturer="Quectel", model="EC25", revision="EC25EFAR06A06M4G",
    ati=["Quectel", "EC25", "Revision: EC25EFAR06A06M4G"], usb_vid_pid="2c7c:0125",
    answers={
        'AT+QENG="SERVINGCELL"': _quectel_lte_qeng,
        "AT+COPS?": lambda st: ['+COPS: 0,2,"45204",7'],
        "AT+QNWINFO": lambda st: ['+QNWINFO: "FDD LTE","45204","LTE BAND 3",1650'],
        "AT+CSQ": _csq,
        "AT+CEREG?": lambda st: ['+CEREG: 2,1,"2F4B","1A2D01F",7'],
        "AT+CREG?": lambda st: ['+CREG: 2,1,"2F4B","1A2D01F",7'],
        "AT+QCSQ": lambda st: [f'+QCSQ: "LTE",{_r(st.rssi)},{_r(st.rsrp)},{_r((st.sinr + 20) * 5)},{_r(st.rsrq)}'],
        "AT+QGPSLOC=2": _qgpsloc,
    },
    expected={"manufacturer": "Quectel", "model": "EC25", "technology": "LTE", "mcc": "452", "mnc": "04",
              "operator": "Viettel", "band": "B3", "arfcn": 1650, "pci": 215, "cell_id": 0x1A2D01F, "tac": 0x2F4B},
)


# --- Quectel RM500Q, 5G NSA (VinaPhone, B3 anchor + n78) ---------------------------------------------------
# Three-line EN-DC layout of a real RM520N capture: "+QENG: \"servingcell\",\"NOCONN\" / +QENG: \"LTE\",\"FDD\",222,
# 01,4940206,427,1350,3,5,5,BFF,-94,-15,-58,9,5,100,- / +QENG: \"NR5G-NSA\",222,01,920,-96,18,-10,648768,78,10,1".
def _quectel_nsa_qeng(st: ModemState) -> list[str]:
    return ['+QENG: "servingcell","NOCONN"',
            f'+QENG: "LTE","FDD",452,02,6C3A20B,301,1275,3,5,5,3A9C,{_r(st.rsrp)},{_r(st.rsrq)},{_r(st.rssi)},'
            f'{_r(st.sinr)},9,-,-',
            f'+QENG: "NR5G-NSA",452,02,512,{_r(st.nr_rsrp)},{_r(st.nr_sinr)},{_r(st.nr_rsrq)},650016,78,12,1']


QUECTEL_NSA = Profile(
    name="quectel_nsa", manufacturer="Quectel", model="RM500Q-GL", revision="RM500QGLABR11A06M4G",
    ati=["Quectel", "RM500Q-GL", "Revision: RM500QGLABR11A06M4G"], usb_vid_pid="2c7c:0800",
    echo_style=b"\r\n\r\n",
    answers={
        'AT+QENG="SERVINGCELL"': _quectel_nsa_qeng,
        "AT+COPS?": lambda st: ['+COPS: 0,2,"45202",13'],
        "AT+QNWINFO": lambda st: ['+QNWINFO: "FDD LTE","45202","LTE BAND 3",1275'],
        "AT+CSQ": _csq,
        "AT+CEREG?": lambda st: ['+CEREG: 2,1,"3A9C","6C3A20B",13'],
        "AT+QGPSLOC=2": lambda st: ["+CME ERROR: 516"],
    },
    rsrp=(-88.0, 6.0), nr_rsrp=(-90.0, 8.0),
    expected={"manufacturer": "Quectel", "model": "RM500Q-GL", "technology": "NR-NSA", "mcc": "452", "mnc": "02",
              "operator": "VinaPhone", "band": "B3", "arfcn": 1275, "pci": 301, "cell_id": 0x6C3A20B,
              "tac": 0x3A9C, "nr_band": "n78", "nr_arfcn": 650016, "nr_pci": 512},
)


# --- Huawei ME909s-120, LTE (MobiFone) -----------------------------------------------------------------------
# ^HCSQ layout: Huawei ME906 log "^HCSQ: \"LTE\",59,55,105,20" (rssi, rsrp, sinr, rsrq indices); ^SYSINFOEX layout:
# ModemManager test-modem-helpers-huawei.c "^SYSINFOEX:2,4,5,1,,3,\"WCDMA\",41,\"HSPA+\"" (here in LTE mode).
def _hcsq(st: ModemState) -> list[str]:
    return [f'^HCSQ: "LTE",{_r(st.rssi + 121)},{_r(st.rsrp + 141)},{_r((st.sinr + 20.2) * 5)},{_r((st.rsrq + 20) * 2)}']


HUAWEI_LTE = Profile(
    name="huawei_lte", manufacturer="Huawei Technologies Co., Ltd.", model="ME909s-120", revision="11.617.04.00.00",
    ati=["Manufacturer: Huawei Technologies Co., Ltd.", "Model: ME909s-120", "Revision: 11.617.04.00.00",
         "IMEI: 867223020000000", "+GCAP: +CGSM,+DS,+ES"], usb_vid_pid="12d1:15c1", echo=False,
    answers={
        "AT^HCSQ?": _hcsq,
        "AT^SYSINFOEX": lambda st: ['^SYSINFOEX:2,3,0,1,,6,"LTE",101,"LTE"'],
        "AT+COPS?": lambda st: ['+COPS: 0,2,"45201",7'],
        "AT+CSQ": _csq,
        "AT+CEREG?": lambda st: ["+CEREG: 2,1,\"1F0C\",\"0B4E2A1\""],
    },
    rsrp=(-98.0, 7.0),
    expected={"manufacturer": "Huawei Technologies Co., Ltd.", "model": "ME909s-120", "technology": "LTE",
              "mcc": "452", "mnc": "01", "operator": "MobiFone", "tac": 0x1F0C, "cell_id": 0x0B4E2A1},
)


# --- SIMCom SIM7600E-H, LTE in tenths of dB (Vietnamobile) ---------------------------------------------------
# +CPSI layout: SIM7600E-H capture "+CPSI: LTE,Online,228-02,0x9CA4,20964868,46,EUTRAN-BAND20,6200,3,3,-178,-1089,
# -742,8" (RSRQ, RSRP, RSSI in tenths, SNR in dB).
def _cpsi(st: ModemState) -> list[str]:
    return [f"+CPSI: LTE,Online,452-05,0x2A1F,28614401,77,EUTRAN-BAND3,1850,5,5,{_r(st.rsrq * 10)},"
            f"{_r(st.rsrp * 10)},{_r(st.rssi * 10)},{_r(st.sinr)}"]


SIMCOM_LTE = Profile(
    name="simcom_lte", manufacturer="SIMCOM INCORPORATED", model="SIMCOM_SIM7600E-H", revision="SIM7600M22_V1.1",
    ati=["Manufacturer: SIMCOM INCORPORATED", "Model: SIMCOM_SIM7600E-H", "Revision: SIM7600M22_V1.1",
         "IMEI: 867584030000000", "+GCAP: +CGSM"], usb_vid_pid="1e0e:9001", echo_style=b"\r\n\r\n",
    answers={
        "AT+CPSI?": _cpsi,
        "AT+COPS?": lambda st: ['+COPS: 0,2,"45205",7'],
        "AT+CSQ": _csq,
        "AT+CREG?": lambda st: ["+CREG: 0,1"],
    },
    rsrp=(-101.0, 6.0),
    expected={"manufacturer": "SIMCOM INCORPORATED", "model": "SIMCOM_SIM7600E-H", "technology": "LTE", "mcc": "452",
              "mnc": "05", "operator": "Vietnamobile", "band": "B3", "arfcn": 1850, "pci": 77, "cell_id": 28614401,
              "tac": 0x2A1F},
)

PROFILES = {p.name: p for p in (QUECTEL_LTE, QUECTEL_NSA, HUAWEI_LTE, SIMCOM_LTE)}
