"""Sierra Wireless and u-blox emulator profiles: real transcript layouts (source beside each), moving numbers."""
from __future__ import annotations

from survey_app.devices.emulator.profile_base import ModemState, Profile, csq, rnd

# --- Sierra Wireless EM7455, LTE with carrier aggregation (Viettel, B3 + B1) ---------------------------------
# Layouts of AT!GSTATUS? (with "LTE CA state: ACTIVE" and the SCell lines) and AT!LTEINFO? (Serving, IntraFreq,
# InterFreq tables) as captured on an EM7455 in github.com/danielewood/sierra-wireless-modems (README, "Useful
# Commands"); two cells of one site so that handover() can swap them.
EM7455_CELLS = ({"pci": 404, "cell_id": "01A2D101", "tac": 12107}, {"pci": 402, "cell_id": "01A2D102", "tac": 12107})


def _gstatus(st: ModemState) -> list[str]:
    c = EM7455_CELLS[st.cell]
    cid = int(c["cell_id"], 16)
    return ["!GSTATUS: ",
            "Current Time:  22016\t\tTemperature: 40",
            "Reset Counter: 1\t\tMode:        ONLINE         ",
            "System mode:   LTE        \tPS state:    Attached     ",
            "LTE band:      B3     \t\tLTE bw:      20 MHz  ",
            "LTE Rx chan:   1650\t\tLTE Tx chan: 19650",
            "LTE CA state:  ACTIVE      \t\tLTE Scell band:B1    ",
            "LTE Scell bw:10 MHz  \t\tLTE Scell chan:300",
            "EMM state:     Registered     \tNormal Service ",
            "RRC state:     RRC Connected  ",
            "IMS reg state: No Srv  \t\t",
            "",
            f"PCC RxM RSSI:  {rnd(st.rssi)}\t\tRSRP (dBm):  {rnd(st.rsrp)}",
            f"PCC RxD RSSI:  {rnd(st.rssi + 1)}\t\tRSRP (dBm):  {rnd(st.rsrp + 2)}",
            f"SCC RxM RSSI:  {rnd(st.rssi - 7)}\t\tRSRP (dBm):  {rnd(st.rsrp - 3)}",
            f"SCC RxD RSSI:  {rnd(st.rssi - 6)}\t\tRSRP (dBm):  {rnd(st.rsrp - 1)}",
            f"Tx Power:      15\t\tTAC:         {c['tac']:04X} ({c['tac']})",
            f"RSRQ (dB):     {st.rsrq:.1f}\t\tCell ID:     {c['cell_id']} ({cid})",
            f"SINR (dB):     {st.sinr:.1f}"]


def _lteinfo(st: ModemState) -> list[str]:
    c, other = EM7455_CELLS[st.cell], EM7455_CELLS[1 - st.cell]
    return ["!LTEINFO: ",
            "Serving:   EARFCN MCC MNC   TAC      CID Bd D U SNR PCI  RSRQ   RSRP   RSSI RXLV",
            f"             1650 452  04 {c['tac']:5d} {c['cell_id']}  3 5 5 {rnd(st.sinr):3d} {c['pci']:3d} "
            f"{st.rsrq:5.1f} {st.rsrp:6.1f} {st.rssi:6.1f} --",
            "",
            "IntraFreq:                                          PCI  RSRQ   RSRP   RSSI RXLV",
            f"                                                    {c['pci']:3d} {st.rsrq:5.1f} {st.rsrp:6.1f} "
            f"{st.rssi:6.1f} --",
            f"                                                    {other['pci']:3d} {st.rsrq - 4:5.1f} "
            f"{st.rsrp - 8:6.1f} {st.rssi - 6:6.1f} --",
            "",
            "InterFreq: EARFCN ThresholdLow ThresholdHi Priority PCI  RSRQ   RSRP   RSSI RXLV",
            f"              300            0           0        0 {c['pci']:3d} {st.rsrq - 2:5.1f} {st.rsrp - 3:6.1f} "
            f"{st.rssi - 7:6.1f}   0"]


SIERRA_LTE = Profile(
    name="sierra_lte", manufacturer="Sierra Wireless, Incorporated", model="EM7455", revision="SWI9X30C_02.24.05.06",
    ati=["Manufacturer: Sierra Wireless, Incorporated", "Model: EM7455", "Revision: SWI9X30C_02.24.05.06 r7040",
         "IMEI: 014582000000000", "+GCAP: +CGSM"], usb_vid_pid="1199:9071",
    answers={
        "AT!GSTATUS?": _gstatus,
        "AT!LTEINFO?": _lteinfo,
        "AT+COPS?": lambda st: ['+COPS: 0,2,"45204",7'],
        "AT+CSQ": csq,
    },
    rsrp=(-86.0, 6.0),
    expected={"manufacturer": "Sierra Wireless, Incorporated", "model": "EM7455", "technology": "LTE",
              "mcc": "452", "mnc": "04", "operator": "Viettel", "band": "B3", "arfcn": 1650, "pci": 404,
              "cell_id": 0x01A2D101, "tac": 12107,
              "neighbours": [{"relation": "intra", "arfcn": 1650, "pci": 402}, {"relation": "inter", "arfcn": 300}],
              "carriers": [{"role": "pcc", "band": "B3", "arfcn": 1650, "bandwidth_mhz": 20.0},
                           {"role": "scc", "band": "B1", "arfcn": 300, "bandwidth_mhz": 10.0}]},
    cells=EM7455_CELLS,
)


# --- u-blox SARA-R410M-02B, LTE-M, AT+UCGED=5 (Viettel) ------------------------------------------------------
# Layout of the mode-5 answer "+RSRP: 476,5110,\"-096.50\"," / "+RSRQ: 476,5110,\"-20.00\"," (Particle device-os,
# SARA-R410 trace in a source comment; the same form in an LTE-M tutorial: "+RSRP: 175,6400,\"-053.70\",");
# the SARA-R4 AT manual lets <cell>,<EARFCN>,<value> repeat for the neighbour cells.
def _ucged5(st: ModemState) -> list[str]:
    return [f'+RSRP: 162,1650,"{st.rsrp:07.2f}",301,1650,"{st.rsrp - 11:07.2f}",87,9360,"{st.rsrp - 16:07.2f}",',
            f'+RSRQ: 162,1650,"{st.rsrq:06.2f}",301,1650,"{st.rsrq - 5:06.2f}",87,9360,"{st.rsrq - 7:06.2f}",']


UBLOX_R4 = Profile(
    name="ublox_r4", manufacturer="u-blox", model="SARA-R410M-02B", revision="L0.0.00.00.05.08",
    ati=["Manufacturer: u-blox", "Model: SARA-R410M-02B", "Revision: L0.0.00.00.05.08 [Apr 17 2019 19:34:02]"],
    usb_vid_pid="1546:01a8", echo_style=b"\r\n\r\n",
    answers={
        "AT+UCGED?": _ucged5,
        "AT+COPS?": lambda st: ['+COPS: 0,2,"45204",8'],
        "AT+CEREG?": lambda st: ['+CEREG: 2,1,"2F4B","01A2D3C",8'],
        "AT+CSQ": csq,
    },
    rsrp=(-96.0, 6.0),
    expected={"manufacturer": "u-blox", "model": "SARA-R410M-02B", "technology": "LTE", "mcc": "452", "mnc": "04",
              "operator": "Viettel", "arfcn": 1650, "pci": 162, "tac": 0x2F4B, "cell_id": 0x01A2D3C,
              "neighbours": [{"relation": "intra", "arfcn": 1650, "pci": 301},
                             {"relation": "inter", "arfcn": 9360, "pci": 87}], "carriers": []},
)


# --- u-blox SARA-R510M8S, LTE-M, AT+UCGED? in mode 2 (MobiFone) -----------------------------------------------
# Layout from u-blox ubxlib (u_cell_info.c comment): "+UCGED: 2" / "6,4,001,01" / "2525,5,50,50,e8fe,1a2d001,1,
# d60814d1,8001,01,28,31,13.75,3,1,10,28,-50,-6,0,255,255,0" (RSRP and RSRQ as 3GPP indices, SINR in dB).
def _ucged2(st: ModemState) -> list[str]:
    return ["+UCGED: 2", "6,4,452,01",
            f"1444,3,50,50,1f0c,b4e2a1,452,d60814d1,8001,01,{max(0, min(97, rnd(st.rsrp + 141)))},"
            f"{max(0, min(34, rnd((st.rsrq + 20) * 2)))},{st.sinr:.2f},3,1,10,28,-50,-6,0,255,255,0"]


UBLOX_R5 = Profile(
    name="ublox_r5", manufacturer="u-blox", model="SARA-R510M8S", revision="03.15",
    ati=["Manufacturer: u-blox", "Model: SARA-R510M8S", "Revision: 03.15"], usb_vid_pid="1546:0502",
    answers={
        "AT+UCGED?": _ucged2,
        "AT+COPS?": lambda st: ['+COPS: 0,2,"45201",7'],
        "AT+CEREG?": lambda st: ['+CEREG: 2,1,"1F0C","0B4E2A1",7'],
        "AT+CSQ": csq,
    },
    rsrp=(-99.0, 5.0),
    expected={"manufacturer": "u-blox", "model": "SARA-R510M8S", "technology": "LTE", "mcc": "452", "mnc": "01",
              "operator": "MobiFone", "band": "B3", "arfcn": 1444, "pci": 452, "tac": 0x1F0C, "cell_id": 0xB4E2A1},
)
