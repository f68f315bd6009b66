"""Table-driven parser tests on real transcripts (tests/fixtures/modems/*.json, source noted per case)."""
from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from modem_support import expect_values

from survey_app.devices.dialects import dialect_for
from survey_app.devices.discovery import classify, interface_number, PortInfo
from survey_app.devices.parsers import ParseError
from survey_app.devices.parsers.generic import parse_registration
from survey_app.devices.plmn import operator_name

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "modems"


def _cases():
    for path in sorted(FIXTURES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        module, func = data["parser"].split(":")
        for case in data["cases"]:
            yield pytest.param(module, func, case, id=f"{path.stem}:{case['name']}")


@pytest.mark.parametrize("module,func,case", list(_cases()))
def test_real_transcript(module, func, case):
    assert case["source"], "every fixture names where it was published"
    parser = getattr(importlib.import_module(module), func)
    expect_values(parser(case["response"]), case["expected"])


def test_fixture_tables_cover_every_dialect():
    names = {p.stem for p in FIXTURES.glob("*.json")}
    assert {"quectel_qeng", "huawei_hcsq", "simcom_cpsi", "sierra_gstatus", "ublox_ucged",
            "generic_cesq", "generic_registration"} <= names
    assert sum(len(json.loads(p.read_text())["cases"]) for p in FIXTURES.glob("*.json")) >= 40


@pytest.mark.parametrize("mcc,mnc,name", [
    ("452", "01", "MobiFone"), ("452", "02", "VinaPhone"), ("452", "04", "Viettel"), ("452", "05", "Vietnamobile"),
    ("452", "06", "Viettel"), ("452", "07", "Gmobile"), ("452", "08", "I-Telecom"), ("452", "09", "Reddi"),
    ("452", "03", "452-03"), ("310", "260", "310-260"), (None, "04", None)])
def test_operator_names(mcc, mnc, name):
    assert operator_name(mcc, mnc) == name


@pytest.mark.parametrize("bad", ["", "+CSQ: abc,99", "+CSQ: 45,99", "+CESQ: 1,2,3", "+COPS: 9", "+CREG: x",
                                 '+QENG: "servingcell","NOCONN","FOO",1', "^HCSQ: \"LTE\",1", "+CPSI: LTE,Online,4x",
                                 "+UCGED: 5", "OK", "+QGPSLOC: 1,2"])
def test_malformed_answers_raise_parse_error(bad):
    from survey_app.devices.parsers import generic, huawei, quectel, simcom, ublox

    parsers = [generic.parse_csq, generic.parse_cesq, generic.parse_cops, parse_registration,
               quectel.parse_qeng_servingcell, huawei.parse_hcsq, simcom.parse_cpsi, ublox.parse_ucged,
               quectel.parse_qgpsloc]
    raised = 0
    for p in parsers:
        try:
            p(bad)
        except ParseError:
            raised += 1
    assert raised == len(parsers)


def test_registration_answer_and_unsolicited_forms_agree():
    answer = parse_registration('+CEREG: 2,1,"2F4B","1A2D01F",7')
    unsolicited = parse_registration('+CEREG: 1,"2F4B","1A2D01F",7')
    assert answer == unsolicited == {"registration": "home", "tac": 0x2F4B, "cell_id": 0x1A2D01F, "technology": "LTE"}
    assert parse_registration("+CREG: 0,3") == {"registration": "denied"}


@pytest.mark.parametrize("manufacturer,model,vid,dialect", [
    ("Quectel", "EC25", None, "quectel"), ("huawei", "E3372", None, "huawei"),
    ("SIMCOM INCORPORATED", "SIMCOM_SIM7600E-H", None, "simcom"), ("Sierra Wireless, Incorporated", "EM7455", None, "sierra"),
    ("u-blox", "SARA-R510M8S", None, "ublox"), ("ZTE INCORPORATED", "MF627", None, "generic"),
    (None, None, "2c7c", "quectel"), ("Fibocom", "FM150", "2cb7", "generic")])
def test_dialect_choice(manufacturer, model, vid, dialect):
    assert dialect_for(manufacturer, model, vid) == dialect


def test_discovery_interface_from_location_and_known_table():
    assert interface_number("1-1.2:1.2", None) == 2
    assert interface_number("3-4:1.0", None) == 0
    assert interface_number(None, 5) == 5
    at = classify(PortInfo("/dev/ttyUSB2", "2c7c:0125", 2))
    nmea = classify(PortInfo("/dev/ttyUSB1", "2c7c:0125", 1))
    em060k = classify(PortInfo("/dev/ttyUSB5", "2c7c:0128", 5))
    assert (at.role, nmea.role, em060k.role) == ("modem", "other", "modem")
    assert classify(PortInfo("/dev/ttyUSB0", "12d1:14dc", 0)).role == "other"  # HiLink: no AT port
