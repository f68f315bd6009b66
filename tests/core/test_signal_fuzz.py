"""Hypothesis fuzzing: every parser raises nothing but its own ParseError, whatever it is fed."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from survey_app.devices.gps import NmeaDecoder
from survey_app.devices.parsers import ParseError, generic, huawei, quectel, quectel_cells, sierra, simcom, ublox

PARSERS = [generic.parse_csq, generic.parse_cesq, generic.parse_cops, generic.parse_registration,
           quectel.parse_qeng_servingcell, quectel.parse_qnwinfo, quectel.parse_qcsq, quectel.parse_qgpsloc,
           huawei.parse_hcsq, huawei.parse_sysinfoex, simcom.parse_cpsi, sierra.parse_gstatus, ublox.parse_ucged,
           quectel_cells.parse_qeng_neighbourcell, quectel_cells.parse_qcainfo, sierra.parse_lteinfo,
           ublox.parse_ucged5, huawei.parse_monsc, huawei.parse_monnc, huawei.parse_hfreqinfo, simcom.parse_ccinfo]
PREFIXES = ["+CSQ: ", "+CESQ: ", "+COPS: ", "+CREG: ", "+CEREG: ", '+QENG: "servingcell",', '+QENG: "LTE",',
            '+QENG: "NR5G-NSA",', "+QNWINFO: ", "+QCSQ: ", "+QGPSLOC: ", "^HCSQ: ", "^SYSINFOEX:", "+CPSI: ",
            "!GSTATUS: \r\n", "+UCGED: 2\r\n", '+QENG: "neighbourcell intra","LTE",', '+QENG: "neighbourcell","WCDMA",',
            '+QCAINFO: "PCC",', '+QCAINFO: "SCC",', "!LTEINFO: \r\nServing: EARFCN PCI RSRP\r\n", "+RSRP: ",
            "^MONSC: LTE,", "^MONNC: LTE,", "^MONNC: NR,", "^HFREQINFO: 0,6,", "+CCINFO:[NCell1],", ""]
field = st.one_of(st.integers(-2**40, 2**40).map(str), st.sampled_from(["-", "", '"LTE"', '"FDD"', "NR5G-NSA", "LTE",
                  "FFFF", "0x1A", "EUTRAN-BAND3", "NR5G_BAND78", "Online", '"servingcell"', "nan", "1e400", "-32768"]),
                  st.text(max_size=8))
body = st.lists(field, max_size=24).map(",".join)
answer = st.builds(lambda p, b, tail: p + b + tail, st.sampled_from(PREFIXES), body,
                   st.sampled_from(["", "\r\nOK", "\r\n+QENG: \"NR5G-NSA\",1,2,3", "\nSystem mode: LTE\tRSRP (dBm): x"]))


@pytest.mark.parametrize("parser", PARSERS, ids=lambda p: p.__name__)
@settings(max_examples=300, deadline=None)
@given(text=st.one_of(answer, st.text(max_size=200)))
def test_parsers_only_raise_parse_error(parser, text):
    try:
        result = parser(text)
    except ParseError:
        return
    assert isinstance(result, dict)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.builds(lambda b: "$GP" + b, st.text(max_size=80))))
def test_nmea_decoder_never_raises(line):
    dec = NmeaDecoder()
    dec.feed(line)
    assert dec.fix.sentences + dec.fix.bad_checksums + dec.fix.unparsable <= 1
