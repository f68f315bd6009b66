"""The AT channel over the pty modem emulator: echo styles, URCs, garbage, timeouts, CME errors, unplug."""
from __future__ import annotations

import time

import pytest

from survey_app.devices.at_channel import AtChannel, AtError, AtTimeout, PortGone, PortUnavailable
from survey_app.devices.emulator.modem_emulator import ModemEmulator


@pytest.fixture
def emu(tmp_path):
    started = []

    def make(profile="quectel_lte"):
        e = ModemEmulator(profile, tmp_path / f"ttyEMU{len(started)}").start()
        started.append(e)
        return e
    yield make
    for e in started:
        e.stop()


def _open(e, timeout=2.0) -> AtChannel:
    ch = AtChannel(str(e.link), timeout_s=timeout)
    ch.open()
    return ch


@pytest.mark.parametrize("profile,echo", [("quectel_lte", b"\r\r\n"), ("quectel_nsa", b"\r\n\r\n"), ("huawei_lte", None)])
def test_both_echo_styles_and_no_echo(emu, profile, echo):
    e = emu(profile)
    assert e.profile.echo_style == echo or not e.profile.echo
    ch = _open(e)
    assert ch.command("AT+CSQ").lines[0].startswith("+CSQ: ")
    assert ch.command("AT+CGMM").lines == [e.profile.model]
    ch.close()


def test_urcs_interleaved_and_right_after_ok_are_routed_aside(emu):
    e = emu()
    ch = _open(e)
    e.urc_after_ok = ['+CEREG: 1,"2F4B","1A2D01F",7', "+QIND: SMS DONE"]
    first = ch.command("AT+CSQ")
    second = ch.command('AT+QENG="servingcell"')  # the URCs arrive between the two answers
    assert first.lines[0].startswith("+CSQ") and len(second.lines) == 1 and "servingcell" in second.lines[0]
    e.send_urc("RING")
    assert ch.command("AT+CGMI").lines == ["Quectel"]
    assert {'+CEREG: 1,"2F4B","1A2D01F",7', "+QIND: SMS DONE", "RING"} <= set(ch.take_urcs())
    ch.close()


def test_cme_error_and_plain_error(emu):
    e = emu()
    ch = _open(e)
    e.cme_next, e.cme_code = 1, 30
    with pytest.raises(AtError) as info:
        ch.command("AT+CSQ")
    assert info.value.cme == 30
    with pytest.raises(AtError) as info:
        ch.command("AT+NOSUCH")
    assert info.value.cme is None and info.value.text == "ERROR"
    assert ch.command("AT+CSQ").lines  # the channel still works
    ch.close()


def test_garbage_is_counted_and_skipped(emu):
    e = emu()
    ch = _open(e)
    e.garbage_next = 2
    assert ch.command("AT+CSQ").lines[0].startswith("+CSQ")
    e.inject_garbage(40)
    assert ch.command("AT+CGMM").lines == ["EC25"]
    assert ch.garbage_lines >= 3
    ch.close()


def test_timeout_then_resync(emu):
    e = emu()
    ch = _open(e, timeout=0.5)
    e.silent_next = 1
    with pytest.raises(AtTimeout):
        ch.command("AT+CSQ")
    assert ch.command("AT+CGMM").lines == ["EC25"]  # resynchronised before this command
    e.delay_s = 1.0  # slow answer beyond the timeout, then a late answer must not be taken for the next one
    with pytest.raises(AtTimeout):
        ch.command("AT+CSQ", timeout_s=0.3)
    e.delay_s = 0.0
    assert ch.command("AT+CGMI").lines == ["Quectel"]
    ch.close()


def test_unplug_raises_port_gone_and_reopen_after_replug(emu):
    e = emu()
    ch = _open(e)
    assert ch.command("AT").lines == []
    e.unplug()
    with pytest.raises(PortGone):
        for _ in range(3):
            ch.command("AT+CSQ", timeout_s=0.5)
    with pytest.raises(PortUnavailable) as info:
        ch.open()
    assert info.value.kind == "missing"
    e.plug()
    ch.open()
    assert ch.command("AT+CGMM").lines == ["EC25"]
    ch.close()


def test_port_in_use_is_refused(emu):
    e = emu()
    first = _open(e)
    with pytest.raises(PortUnavailable) as info:
        _open(e)
    assert info.value.kind == "busy"
    first.close()


def test_not_a_modem_times_out(tmp_path):
    from survey_app.devices.emulator.nmea_emulator import NmeaEmulator

    gps = NmeaEmulator(tmp_path / "ttyGPS0", period_s=0.2).start()
    try:
        ch = AtChannel(str(gps.link), timeout_s=0.5)
        ch.open()
        start = time.monotonic()
        with pytest.raises(AtTimeout):
            ch.command("AT")
        assert time.monotonic() - start < 2
        assert any(u.startswith("$GP") for u in ch.urcs)  # NMEA flowed: discovery calls this a GPS
        ch.close()
    finally:
        gps.stop()
