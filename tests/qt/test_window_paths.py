"""Issue 17's paths through the real window, driven with clicks and keys: bundles written and imported, closing
during work, quitting the demo, the session prompt's unit, and what a window that cannot open says."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))

from sync_support import add_readings  # noqa: E402
from window_driver import go_to, press_in_message_box, type_into_file_dialog, visible_message_box, when_modal  # noqa: E402


@pytest.fixture
def laptop_b(qtbot, tmp_path):
    """A second laptop (a supervisor's): its own home, database and main window."""
    from survey_app.qt.context import AppContext
    from survey_app.qt.main_window import MainWindow
    from survey_app.settings import Settings
    from survey_app.storage.db import open_db

    home = tmp_path / "supervisor"
    home.mkdir()
    db = open_db(home / "survey.db")
    ctx = AppContext(home, db, Settings())
    window = MainWindow(ctx)
    window.show()
    qtbot.waitExposed(window)
    yield window
    from survey_app.qt.qt import is_alive

    if is_alive(window):
        window.close_now()
    ctx.close()
    db.close()


def _trust_each_other(surveyor_ctx, supervisor_ctx) -> None:
    """The surveyor's laptop seals bundles to the supervisor, who trusts the surveyor's signature (issue 15)."""
    from survey_app.trust.keyring import Keyring

    now = "2026-01-05T08:00:00Z"
    a = Keyring.for_db(surveyor_ctx.db_path, surveyor_ctx.db)
    b = Keyring.for_db(supervisor_ctx.db_path, supervisor_ctx.db)
    a.trust.trust(b.identity.public.text, "Chị Hoa", "supervisor", now=now)
    a.trust.save()
    b.trust.trust(a.identity.public.text, "Lan", "surveyor", now=now)
    b.trust.save()


def test_write_a_bundle_then_import_it_on_another_laptop_and_see_the_counts(main_window, laptop_b, qtbot, tmp_path):
    ctx = main_window.ctx
    add_readings(ctx.db, 25)
    _trust_each_other(ctx, laptop_b.ctx)
    panel = go_to(qtbot, main_window, "transfer").panels["SyncPanel"]
    out = tmp_path / "commune.bundle"
    type_into_file_dialog(out)
    with qtbot.waitSignal(panel.bundle_finished, timeout=60000) as written:
        qtbot.mouseClick(panel.export_button, Qt.LeftButton)      # clicked(bool) must not arrive as the path
    assert isinstance(written.args[0], dict) and written.args[0]["records"] == 27 and out.exists()
    assert "27" in panel.result_label.text()

    sessions_b = go_to(qtbot, laptop_b, "session")
    assert sessions_b.table.rowCount() == 0
    panel_b = go_to(qtbot, laptop_b, "transfer").panels["SyncPanel"]
    type_into_file_dialog(out)
    with qtbot.waitSignal(panel_b.bundle_finished, timeout=60000) as imported:
        qtbot.mouseClick(panel_b.import_button, Qt.LeftButton)
    assert isinstance(imported.args[0], dict), imported.args[0]
    assert imported.args[0]["changed"] > 0
    sessions_b = go_to(qtbot, laptop_b, "session")
    qtbot.waitUntil(lambda: sessions_b.table.rowCount() == 1, timeout=5000)
    assert sessions_b.table.item(0, 0).text() == "Phường Phú Xuân"
    assert sessions_b.table.item(0, 7).text() == "25"          # signal readings of the imported session


def test_a_file_that_is_not_a_bundle_says_so_in_vietnamese(main_window, qtbot, tmp_path):
    junk = tmp_path / "photos.zip"
    junk.write_bytes(b"this is not a bundle at all, nor a zip file")
    panel = go_to(qtbot, main_window, "transfer").panels["SyncPanel"]
    type_into_file_dialog(junk)
    with qtbot.waitSignal(panel.bundle_finished, timeout=30000):
        qtbot.mouseClick(panel.import_button, Qt.LeftButton)
    text = panel.result_label.text()
    assert text.startswith("photos.zip") and "không phải gói dữ liệu" in text
    assert "zip file" not in text and "Error" not in text


def test_closing_during_a_speed_test_asks_and_stops_it_only_when_told(main_window, qtbot):
    from survey_app.speedtest.server import LocalSpeedTestServer
    from survey_app.storage.sessions import new_session
    from survey_app.storage.speedtests import list_for_session

    ctx = main_window.ctx
    session = new_session(ctx.db, ctx.record_context(), unit_code="19753", team="T", surveyors=["An"])
    ctx.set_session(session)
    page = go_to(qtbot, main_window, "speedtest")
    with LocalSpeedTestServer(rate_mbps=20) as server:
        page.url_edit.setText(server.base_url)
        page.duration_spin.setValue(20)
        qtbot.mouseClick(page.start_button, Qt.LeftButton)
        assert page.is_running()
        assert not main_window.close()                              # asked instead of closing
        box = visible_message_box("quitQuestion")
        assert box is not None and "đang đo tốc độ" in box.text()
        QTest.keyClick(box, Qt.Key_Escape)                          # "Keep working"
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
        assert main_window.isVisible() and page.is_running()
        assert not main_window.close()
        box = visible_message_box("quitQuestion")
        stop = next(b for b in box.buttons() if b.text().replace("&", "") == "Dừng và thoát")
        with qtbot.waitSignal(main_window.destroyed, timeout=30000):
            qtbot.mouseClick(stop, Qt.LeftButton)
    rows = list_for_session(ctx.db, session.id)
    assert [r["status"] for r in rows] == ["cancelled"]        # what was measured is kept


def test_closing_while_logging_asks_and_keeps_the_readings(main_window, qtbot, tmp_path):
    from survey_app.devices.emulator.modem_emulator import ModemEmulator
    from survey_app.storage.sessions import new_session

    ctx = main_window.ctx
    modem = ModemEmulator("quectel_lte", tmp_path / "ttyEMU0").start()
    try:
        ctx.settings.modem_port = str(modem.link)
        ctx.settings.signal_interval_s = 0.5
        ctx.set_session(new_session(ctx.db, ctx.record_context(), unit_code="19753", team="T", surveyors=["An"]))
        page = go_to(qtbot, main_window, "signal")
        qtbot.waitUntil(lambda: page.plot.series_count() == 1, timeout=15000)
        qtbot.mouseClick(page.log_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: page.bridge.logged >= 2, timeout=15000)
        assert not main_window.close()
        box = visible_message_box("quitQuestion")
        assert box is not None and "đang ghi số đo tín hiệu" in box.text()
        stop = next(b for b in box.buttons() if b.text().replace("&", "") == "Dừng và thoát")
        with qtbot.waitSignal(main_window.destroyed, timeout=30000):
            qtbot.mouseClick(stop, Qt.LeftButton)
    finally:
        modem.stop()
    assert ctx.db.execute("SELECT count(*) FROM signal_readings").fetchone()[0] >= 2


def test_quitting_the_demo_takes_under_two_seconds(qtbot, home):
    """The emulated GPS fills its pty while nobody reads it; quitting used to wait on its write for good."""
    import threading

    from survey_app.commands import CliContext
    from survey_app.devices.emulator.nmea_emulator import NmeaEmulator
    from survey_app.qt.app import open_main_window

    window, cleanup = open_main_window(CliContext(home_arg=str(home), demo=True))
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle().startswith("[THỬ NGHIỆM]") and window.ui.demoBanner.isVisible()
    assert window.findChild(type(window.ui.unitCaption), "status_demo").text() == "THỬ NGHIỆM"
    go_to(qtbot, window, "signal")                         # modems polled, GPS read: the demo in use
    qtbot.wait(1500)
    gps = next(d for h in window.ctx.demo_services.handles for d in getattr(h, "devices", [])
               if isinstance(d, NmeaEmulator))
    filler = threading.Thread(target=lambda: [gps.write(b"$GPGGA,garbage*00\r\n" * 400) for _ in range(40)],
                              daemon=True)
    filler.start()                                         # ~750 KB: far more than a pty holds
    filler.join(10)
    assert not filler.is_alive(), "a write to the emulated GPS blocked"
    started = time.monotonic()
    gone = []
    window.destroyed.connect(lambda *_: gone.append(True))   # not waitSignal: it disconnects from the dead window
    window.close_now()
    qtbot.waitUntil(lambda: bool(gone), timeout=10000)
    cleanup()
    assert time.monotonic() - started < 2.0


def test_speed_test_prompt_opens_the_session_in_the_unit_of_the_top_bar(main_window, qtbot):
    from survey_app.qt.views.session_dialog import SessionDialog

    main_window.ctx.set_session(None)
    combo = main_window.ui.unitCombo
    combo.setCurrentIndex(combo.findData("19774"))
    page = go_to(qtbot, main_window, "speedtest")
    page.url_edit.setText("http://127.0.0.1:9/")
    seen = []

    def in_session_dialog(dialog) -> None:
        seen.append(dialog.ui.unitCombo.currentData())
        QTest.keyClick(dialog, Qt.Key_Escape)

    press_in_message_box(Qt.Key_Return)                       # "Open a session now?" — Yes, the default
    when_modal(in_session_dialog, SessionDialog)
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen == ["19774"] and not page.is_running()


def test_lang_en_is_for_this_run_only(home):
    settings = home / "settings.json"
    env = dict(os.environ, SURVEY_APP_HOME=str(home), SURVEY_APP_QUIT_AFTER_SHOW="1")
    out = subprocess.run([sys.executable, "-m", "survey_app", "--lang", "en"], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(settings.read_text(encoding="utf-8")).get("language", "vi") == "vi"


def test_without_a_display_one_clear_line_and_exit_status_2(home):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["SURVEY_APP_HOME"] = str(home)
    out = subprocess.run([sys.executable, "-m", "survey_app"], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: Không có màn hình"), out.stderr
    out = subprocess.run([sys.executable, "-m", "survey_app", "--lang", "en"], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 2 and out.stderr.startswith("Error: There is no screen"), out.stderr


def test_display_check_leaves_chosen_platforms_and_real_displays_alone():
    from survey_app.qt.app import display_problem

    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"DISPLAY": "remote:10"}, "linux") is None
    assert display_problem({}, "win32") is None
    assert display_problem({}, "linux") and display_problem({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert display_problem({"DISPLAY": ":987"}, "linux")     # no X server there


def test_views_follow_changes_made_elsewhere_without_being_reopened(main_window, qtbot, cli):
    """A decision taken on the command line shows in the open Review page; a new test on the speed-test card."""
    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import close_session, new_session

    ctx = main_window.ctx
    rc = context_for(ctx.db, "Lan")
    s = new_session(ctx.db, rc, unit_code="19753", team="Tổ 1", surveyors=["Lan"])
    close_session(ctx.db, rc, s.id)
    review = go_to(qtbot, main_window, "review")
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=10000)
    assert review.model.index(0, 3).data() == "đã đóng"
    out = cli("review", "approve", s.id, "--reviewer", "Hoa", "--json")
    assert out.returncode == 0, out.stderr
    qtbot.waitUntil(lambda: review.model.index(0, 3).data() == "đã duyệt", timeout=10000)

    s2 = new_session(ctx.db, rc, unit_code="19753", team="Tổ 2", surveyors=["Lan"])
    ctx.set_session(s2)
    page = go_to(qtbot, main_window, "speedtest")
    assert page.card["download"].text() == "–"
    ctx.db.table("speed_tests").insert(rc.stamp({"session_id": s2.id, "unit_code": "19753", "code_set": "VN-2025-07",
                                                 "started_at": "2026-05-01T02:00:00.000Z", "status": "ok",
                                                 "protocol": "librespeed", "download_mbps": 42.5, "bytes_received": 0,
                                                 "bytes_sent": 0}))
    from survey_app.storage import changes

    changes.changed(ctx.db, "speed_tests")
    qtbot.waitUntil(lambda: page.card["download"].text() == "42,50 Mbit/s", timeout=5000)
    ctx.set_session(s)                                         # another session: its (empty) results, not stale
    assert page.card["download"].text() == "–"
