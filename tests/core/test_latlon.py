"""One latitude/longitude parser (survey_app.latlon) for every position people type: the household form's
geopoint, the speed-test server's position (CLI and window). Vietnamese decimal commas and English points alike."""
from __future__ import annotations

import json

import pytest

from survey_app.evidence.geo import parse_lat_lon
from survey_app.forms.interview import FormState
from survey_app.latlon import PositionError, checked_position, parse_position
from survey_app.storage.forms import builtin_definition

HUE = (16.4637, 107.5909)
NOT_A_NUMBER = {"en": "Each coordinate is a number of degrees such as 16,4637 or 16.4637 (no letters, no NaN or "
                      "infinity).",
                "vi": "Mỗi tọa độ là một số độ như 16,4637 hoặc 16.4637 (không có chữ, không NaN hay vô cực)."}


@pytest.mark.parametrize("typed", [
    "16,4637 107,5909", "16,4637; 107,5909", "16,4637;107,5909", "16,4637, 107,5909", "16,4637,107,5909",
    "16.4637 107.5909", "16.4637, 107.5909", "16.4637,107.5909", " 16.4637 ,  107.5909 ", "16.4637°, 107.5909°",
    "16,4637\t107.5909", "+16.4637 +107.5909",
])
def test_what_people_type_in_both_languages(typed):
    assert parse_position(typed) == HUE


def test_signs_ranges_and_more_numbers():
    assert parse_position("−16,5 −107,25") == (-16.5, -107.25)      # a typographic minus
    assert parse_position("90 180") == (90.0, 180.0) and parse_position("-90, -180") == (-90.0, -180.0)
    assert parse_position("16,4637 107,5909 12 5,5", most=4) == (16.4637, 107.5909, 12.0, 5.5)
    assert checked_position([16.4637, 107.5909, 12.0], most=4) == (16.4637, 107.5909, 12.0)


@pytest.mark.parametrize("typed, why", [
    ("", "Write the latitude"), ("16,4637", "Write the latitude"), ("16.46 107.59 12", "Write the latitude"),
    ("nan nan", "no NaN"), ("inf 107", "no NaN"), ("16.46 infinity", "no NaN"), ("1e1 107", "no NaN"),
    ("16,46 north", "no letters"), ("16.4.6 107", "no letters"), ("1_6 107", "no letters"),
    ("95 107", "latitude (the first number)"), ("107.5909 16.4637", "latitude (the first number)"),
    ("16 181", "longitude (the second number)"), ("16,5 -180,5", "longitude (the second number)"),
])
def test_refusals_say_why(typed, why):
    with pytest.raises(PositionError, match=why.replace("(", r"\(").replace(")", r"\)")):
        parse_position(typed, "en")


def test_refusals_in_vietnamese():
    with pytest.raises(PositionError) as err:
        parse_position("95 107", "vi")
    assert str(err.value) == "Vĩ độ (số thứ nhất) phải nằm trong khoảng -90 đến 90 độ; kinh độ ghi sau."
    with pytest.raises(PositionError, match="không có chữ"):
        parse_position("16,46 bắc", "vi")
    with pytest.raises(PositionError, match="Kinh độ"):
        checked_position([16.0, 190.0], "vi")


def test_speed_test_server_position_reads_the_same():
    assert parse_lat_lon("16,4620 107,5850") == (16.4620, 107.5850) == parse_lat_lon("16.4620, 107.5850")
    assert parse_lat_lon("") is None and parse_lat_lon("16,46 north") is None and parse_lat_lon("nan 1") is None


@pytest.mark.parametrize("lang, typed, message", [
    ("vi", "95 107", "Vĩ độ (số thứ nhất) phải nằm trong khoảng -90 đến 90 độ; kinh độ ghi sau."),
    ("en", "16,46 nan", NOT_A_NUMBER["en"]),
])
def test_household_geopoint_errors_in_the_form_language(lang, typed, message):
    state = FormState(builtin_definition(), lang=lang)
    state.set("consent", "yes")
    state.set("consent_location", "yes")
    state.set("location", typed)
    assert state.value("location") is None and state.text("location") == typed
    assert state.error("location") == message
    state.set("location", "16,4637;107,5909")
    assert state.value("location") == "16.4637 107.5909 0 0" and state.error("location") is None
    state.set("location", [16.4637, 107.5909, float("nan")])    # a fix with a broken altitude
    assert state.value("location") is None and state.error("location") == NOT_A_NUMBER[lang]


@pytest.mark.parametrize("lang, text", [("vi", "Không phải một vị trí: 16,46 bắc. Mỗi tọa độ"),
                                        ("en", "Not a position: 16,46 bắc. Each coordinate")])
def test_speedtest_command_refuses_a_bad_server_position_before_measuring(cli, lang, text):
    done = cli("speedtest", "--server", "http://127.0.0.1:9/", "--server-location", "16,46 bắc", lang=lang)
    assert done.returncode == 2 and text in done.stderr and "Traceback" not in done.stderr


def test_speedtest_command_takes_a_vietnamese_server_position(cli, tmp_path):
    from survey_app.devices.emulator.nmea_emulator import NmeaEmulator
    from survey_app.speedtest.server import LocalSpeedTestServer

    gps = NmeaEmulator(tmp_path / "ttyG").start()
    server = LocalSpeedTestServer(rate_mbps=20).start()
    try:
        done = cli("speedtest", "--server", server.base_url, "--duration", "1", "--gps", gps.link,
                   "--server-location", "16,4620 107,5850", "--json", lang="vi")
    finally:
        server.stop()
        gps.stop()
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["server"]["distance_km"] == pytest.approx(0.7, abs=0.1)   # the GPS is 650 m away
