"""Emulated modem profiles. Each answer keeps the exact layout of a real transcript (source noted beside it);
only the numbers move over time, so the parsers meet what real modems print.
"""
from __future__ import annotations

import math

from survey_app.devices.emulator.profile_base import ModemState, Profile, csq as _csq, rnd as _r


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
# -104,-9,-78,11,23" and its neighbour list "+QENG: \"neighbourcell intra\",\"LTE\",6300,188,-12,-105,-75,-20,23,4,
# 12,10,62" / "+QENG: \"neighbourcell inter\",\"LTE\",1501,-,-,-,-,-,-,0,10,7" (github.com/Biktorgj/
# pinephone_modem_sdk, src cell.h comment) and the RG500Q/EC2x manuals. Two cells of one site: handover() swaps them.
EC25_CELLS = ({"pci": 215, "cell_id": "1A2D01F", "arfcn": 1650, "tac": "2F4B"},
              {"pci": 87, "cell_id": "1A2D020", "arfcn": 1650, "tac": "2F4B"})


def _quectel_lte_qeng(st: ModemState) -> list[str]:
    c = EC25_CELLS[st.cell]
    return [f'+QENG: "servingcell","NOCONN","LTE","FDD",452,04,{c["cell_id"]},{c["pci"]},{c["arfcn"]},3,5,5,'
            f'{c["tac"]},{_r(st.rsrp)},{_r(st.rsrq)},{_r(st.rssi)},{_r(st.sinr)},11,-,-52']


def _quectel_lte_neighbours(st: ModemState) -> list[str]:
    other = EC25_CELLS[1 - st.cell]
    return [f'+QENG: "neighbourcell intra","LTE",1650,{other["pci"]},{_r(st.rsrq - 3)},{_r(st.rsrp - 6)},'
            f'{_r(st.rssi - 4)},{_r(st.sinr - 6)},23,4,12,10,62',
            f'+QENG: "neighbourcell intra","LTE",1650,301,{_r(st.rsrq - 6)},{_r(st.rsrp - 14)},{_r(st.rssi - 9)},'
            f'{_r(st.sinr - 11)},9,4,12,10,62',
            '+QENG: "neighbourcell inter","LTE",9360,-,-,-,-,-,-,0,10,7']


def _quectel_lte_qcainfo(st: ModemState) -> list[str]:
    # Cat 4: the primary carrier only. Layout: RM520N-GL capture "+QCAINFO: \"PCC\",275,75,\"LTE BAND 1\",1,280,-99,
    # -14,-67,-4" (github.com/vjt/quectel-5g-tools, CLAUDE.md sample outputs).
    c = EC25_CELLS[st.cell]
    return [f'+QCAINFO: "PCC",{c["arfcn"]},100,"LTE BAND 3",1,{c["pci"]},{_r(st.rsrp)},{_r(st.rsrq)},'
            f'{_r(st.rssi)},{_r(st.sinr)}']


QUECTEL_LTE = Profile(
    name="quectel_lte", manufacturer="Quectel", model="EC25", revision="EC25EFAR06A06M4G",
    ati=["Quectel", "EC25", "Revision: EC25EFAR06A06M4G"], usb_vid_pid="2c7c:0125",
    answers={
        'AT+QENG="SERVINGCELL"': _quectel_lte_qeng,
        'AT+QENG="NEIGHBOURCELL"': _quectel_lte_neighbours,
        "AT+QCAINFO": _quectel_lte_qcainfo,
        "AT+COPS?": lambda st: ['+COPS: 0,2,"45204",7'],
        "AT+QNWINFO": lambda st: ['+QNWINFO: "FDD LTE","45204","LTE BAND 3",1650'],
        "AT+CSQ": _csq,
        "AT+CEREG?": lambda st: [f'+CEREG: 2,1,"2F4B","{EC25_CELLS[st.cell]["cell_id"]}",7'],
        "AT+CREG?": lambda st: [f'+CREG: 2,1,"2F4B","{EC25_CELLS[st.cell]["cell_id"]}",7'],
        "AT+QCSQ": lambda st: [f'+QCSQ: "LTE",{_r(st.rssi)},{_r(st.rsrp)},{_r((st.sinr + 20) * 5)},{_r(st.rsrq)}'],
        "AT+QGPSLOC=2": _qgpsloc,
    },
    expected={"manufacturer": "Quectel", "model": "EC25", "technology": "LTE", "mcc": "452", "mnc": "04",
              "operator": "Viettel", "band": "B3", "arfcn": 1650, "pci": 215, "cell_id": 0x1A2D01F, "tac": 0x2F4B,
              "neighbours": [{"relation": "intra", "arfcn": 1650, "pci": 87}, {"relation": "intra", "pci": 301}],
              "carriers": [{"role": "pcc", "band": "B3", "arfcn": 1650, "pci": 215, "bandwidth_mhz": 20.0}]},
    cells=EC25_CELLS,
)


# --- Quectel RM500Q, 5G NSA (VinaPhone, B3 anchor + n78) ---------------------------------------------------
# Three-line EN-DC layout of a real RM520N capture: "+QENG: \"servingcell\",\"NOCONN\" / +QENG: \"LTE\",\"FDD\",222,
# 01,4940206,427,1350,3,5,5,BFF,-94,-15,-58,9,5,100,- / +QENG: \"NR5G-NSA\",222,01,920,-96,18,-10,648768,78,10,1";
# its QCAINFO ("PCC" B1, "SCC" B3, "SCC" n78 in the short NR form) and neighbour lists from the same capture
# (github.com/vjt/quectel-5g-tools, CLAUDE.md sample outputs).
def _quectel_nsa_qeng(st: ModemState) -> list[str]:
    return ['+QENG: "servingcell","NOCONN"',
            f'+QENG: "LTE","FDD",452,02,6C3A20B,301,1275,3,5,5,3A9C,{_r(st.rsrp)},{_r(st.rsrq)},{_r(st.rssi)},'
            f'{_r(st.sinr)},9,-,-',
            f'+QENG: "NR5G-NSA",452,02,512,{_r(st.nr_rsrp)},{_r(st.nr_sinr)},{_r(st.nr_rsrq)},650016,78,12,1']


def _quectel_nsa_qcainfo(st: ModemState) -> list[str]:
    return [f'+QCAINFO: "PCC",1275,75,"LTE BAND 3",1,301,{_r(st.rsrp)},{_r(st.rsrq)},{_r(st.rssi)},{_r(st.sinr)}',
            f'+QCAINFO: "SCC",275,100,"LTE BAND 1",1,301,{_r(st.rsrp - 4)},{_r(st.rsrq - 2)},{_r(st.rssi - 3)},'
            f'{_r(st.sinr - 5)},0,-,-',
            '+QCAINFO: "SCC",650016,12,"NR5G BAND 78",512']


def _quectel_nsa_neighbours(st: ModemState) -> list[str]:
    return [f'+QENG: "neighbourcell intra","LTE",1275,118,{_r(st.rsrq - 5)},{_r(st.rsrp - 9)},{_r(st.rssi - 5)},'
            '-,-,-,-,-,-',
            f'+QENG: "neighbourcell inter","LTE",275,301,{_r(st.rsrq - 2)},{_r(st.rsrp - 4)},{_r(st.rssi - 3)},'
            '-,-,-,-,-']


QUECTEL_NSA = Profile(
    name="quectel_nsa", manufacturer="Quectel", model="RM500Q-GL", revision="RM500QGLABR11A06M4G",
    ati=["Quectel", "RM500Q-GL", "Revision: RM500QGLABR11A06M4G"], usb_vid_pid="2c7c:0800",
    echo_style=b"\r\n\r\n",
    answers={
        'AT+QENG="SERVINGCELL"': _quectel_nsa_qeng,
        'AT+QENG="NEIGHBOURCELL"': _quectel_nsa_neighbours,
        "AT+QCAINFO": _quectel_nsa_qcainfo,
        "AT+COPS?": lambda st: ['+COPS: 0,2,"45202",13'],
        "AT+QNWINFO": lambda st: ['+QNWINFO: "FDD LTE","45202","LTE BAND 3",1275'],
        "AT+CSQ": _csq,
        "AT+CEREG?": lambda st: ['+CEREG: 2,1,"3A9C","6C3A20B",13'],
        "AT+QGPSLOC=2": lambda st: ["+CME ERROR: 516"],
    },
    rsrp=(-88.0, 6.0), nr_rsrp=(-90.0, 8.0),
    expected={"manufacturer": "Quectel", "model": "RM500Q-GL", "technology": "NR-NSA", "mcc": "452", "mnc": "02",
              "operator": "VinaPhone", "band": "B3", "arfcn": 1275, "pci": 301, "cell_id": 0x6C3A20B,
              "tac": 0x3A9C, "nr_band": "n78", "nr_arfcn": 650016, "nr_pci": 512,
              "neighbours": [{"relation": "intra", "arfcn": 1275, "pci": 118}, {"relation": "inter", "arfcn": 275}],
              "carriers": [{"role": "pcc", "band": "B3", "arfcn": 1275, "pci": 301},
                           {"role": "scc", "band": "B1", "arfcn": 275, "state": "active"},
                           {"role": "scc", "technology": "NR", "band": "n78", "arfcn": 650016, "pci": 512}]},
)


# --- Huawei ME909s-120, LTE (MobiFone) -----------------------------------------------------------------------
# ^HCSQ layout: Huawei ME906 log "^HCSQ: \"LTE\",59,55,105,20" (rssi, rsrp, sinr, rsrq indices); ^SYSINFOEX layout:
# ModemManager test-modem-helpers-huawei.c "^SYSINFOEX:2,4,5,1,,3,\"WCDMA\",41,\"HSPA+\"" (here in LTE mode).
def _hcsq(st: ModemState) -> list[str]:
    return [f'^HCSQ: "LTE",{_r(st.rssi + 121)},{_r(st.rsrp + 141)},{_r((st.sinr + 20.2) * 5)},{_r((st.rsrq + 20) * 2)}']


# ^MONSC/^MONNC layouts: Huawei Balong AT source ("^MONNC: LTE,%u,%X,%d,%d,%d": ARFCN, PCI in hex, RSRP, RSRQ, RSSI)
# and captures in OpenWrt scripts for Huawei 5G modules ("^MONSC: NR,460,00,636648,0,10321,1FA,2F01,-82,-9",
# "^MONNC: LTE,1650,12A,-93,-12,-65"); ^HFREQINFO: "^HFREQINFO: 0,7,41,513000,2565000,100000,513000,2565000,100000"
# from the same scripts, one group of seven fields per carrier (the ME909s is Cat 4: one carrier, no CA).
def _monnc(st: ModemState) -> list[str]:
    return [f"^MONNC: LTE,1444,95,{_r(st.rsrp - 7)},{_r(st.rsrq - 3)},{_r(st.rssi - 5)}",
            f"^MONNC: LTE,1444,1C5,{_r(st.rsrp - 12)},{_r(st.rsrq - 5)},{_r(st.rssi - 8)}"]


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
        "AT^MONSC": lambda st: [f"^MONSC: LTE,452,01,1444,0B4E2A1,1C4,1F0C,{_r(st.rsrp)},{_r(st.rsrq)},{_r(st.rssi)}"],
        "AT^MONNC": _monnc,
        "AT^HFREQINFO?": lambda st: ["^HFREQINFO: 0,6,3,1444,1844400,20000,19444,1749400,20000"],
    },
    rsrp=(-98.0, 7.0),
    expected={"manufacturer": "Huawei Technologies Co., Ltd.", "model": "ME909s-120", "technology": "LTE",
              "mcc": "452", "mnc": "01", "operator": "MobiFone", "tac": 0x1F0C, "cell_id": 0x0B4E2A1, "pci": 0x1C4,
              "arfcn": 1444, "neighbours": [{"arfcn": 1444, "pci": 0x95}, {"arfcn": 1444, "pci": 0x1C5}],
              "carriers": [{"role": "pcc", "band": "B3", "arfcn": 1444, "bandwidth_mhz": 20.0}]},
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
              "tac": 0x2A1F, "neighbours": [], "carriers": []},
)

from survey_app.devices.emulator.profiles_sierra_ublox import SIERRA_LTE, UBLOX_R4, UBLOX_R5  # noqa: E402

PROFILES = {p.name: p for p in (QUECTEL_LTE, QUECTEL_NSA, HUAWEI_LTE, SIMCOM_LTE, SIERRA_LTE, UBLOX_R4, UBLOX_R5)}
