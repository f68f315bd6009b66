"""The recorder never dies quietly: a database held by another writer, a database that cannot be written, and
stale GPS positions (real modem and GPS emulators on pseudo-terminals, a real SQLite file)."""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone

import pytest

from survey_app.devices.emulator.modem_emulator import ModemEmulator
from survey_app.devices.emulator.nmea_emulator import NmeaEmulator
from survey_app.devices.monitor import ModemMonitor, ModemSample
from survey_app.devices.position import POSITION_MAX_AGE_S, PositionHolder
from survey_app.devices.recorder import STATE_FAILED, STATE_WAITING, STATE_WRITING, RecorderThread
from survey_app.models.base import Position
from survey_app.paths import db_path
from survey_app.storage.driver import connect_file
from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session


def _wait(cond, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


class Pump(threading.Thread):
    """Hands every sample the monitors produce to the recorder (what the window's bridge does), counting them."""

    def __init__(self, events: queue.Queue, recorder: RecorderThread) -> None:
        super().__init__(daemon=True)
        self.events, self.recorder = events, recorder
        self.ids: list[str] = []
        self.stop_event = threading.Event()

    def run(self) -> None:
        while not (self.stop_event.is_set() and self.events.empty()):
            try:
                ev = self.events.get(timeout=0.1)
            except queue.Empty:
                continue
            if isinstance(ev, ModemSample):
                self.ids.append(ev.measured_at)
                self.recorder.inbox.put(ev)


@pytest.mark.slow
def test_database_held_30_s_by_another_writer_loses_no_reading(db, home, tmp_path):
    session = new_session(db, context_for(db, "Lan"), unit_code="19753", team="A", surveyors=["Lan"])
    modems = [ModemEmulator("quectel_lte", tmp_path / "ttyEMU0").start(),
              ModemEmulator("huawei_lte", tmp_path / "ttyEMU1").start()]
    events: queue.Queue = queue.Queue()
    monitors = [ModemMonitor(str(m.link), events, interval_s=0.1, min_interval_s=0.1) for m in modems]
    rec = RecorderThread(db_path(home), context_for(db, "Lan"), session_id=session.id, unit_code="19753",
                         position=lambda: None)
    pump = Pump(events, rec)
    for t in (rec, pump, *monitors):
        t.start()
    try:
        _wait(lambda: rec.status().written >= 20, 30, "the first readings")
        blocker = connect_file(db_path(home), isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        held_from, before = time.monotonic(), len(pump.ids)
        written_before = rec.status().written
        _wait(lambda: rec.status().state == STATE_WAITING, 10, "the recorder to say it waits")
        states = set()
        while time.monotonic() - held_from < 30:
            states.add(rec.status().state)
            time.sleep(0.2)
        during = len(pump.ids) - before
        waiting = rec.status().waiting
        blocker.execute("ROLLBACK")
        blocker.close()
        assert states == {STATE_WAITING} and rec.is_alive()
        assert during >= 2 * 30 * 5, f"only {during} readings in 30 s"  # two modems near 10 Hz each
        assert waiting >= during * 0.9  # they waited in memory, and the window was told how many
        # Readings keep arriving at ~20 a second, so "waiting" never has to touch 0: the backlog is gone once
        # every reading that waited has been written, and the recorder says it writes again.
        _wait(lambda: rec.status().written >= written_before + during and rec.status().state == STATE_WRITING,
              20, "the backlog")
    finally:
        for m in monitors:
            m.stop()
        for m in monitors:
            m.join(5)
        pump.stop_event.set()
        pump.join(10)
        rec.stop()
        rec.join(30)
        for m in modems:
            m.stop()
    assert rec.error is None and rec.status().lost == 0
    stored = db.execute("SELECT count(*), count(DISTINCT id) FROM signal_readings WHERE session_id = ?",
                        [session.id]).fetchone()
    assert stored == (len(pump.ids), len(pump.ids))  # 0 readings lost, none twice


def test_a_database_that_cannot_be_written_says_so_at_once(db, home, tmp_path):
    session = new_session(db, context_for(db, "Lan"), unit_code="19753", team="A", surveyors=["Lan"])
    modem = ModemEmulator("quectel_lte", tmp_path / "ttyEMU0").start()
    events: queue.Queue = queue.Queue()
    monitor = ModemMonitor(str(modem.link), events, interval_s=0.5)
    rec = RecorderThread(db_path(home), context_for(db, "Lan"), session_id=session.id, unit_code="19753",
                         position=lambda: None, stop_grace_s=1.0)
    pump = Pump(events, rec)
    # A trigger stands in for a disk that refuses writes (SQLITE_FULL or a read-only medium behave alike).
    db.execute("CREATE TRIGGER refuse BEFORE INSERT ON signal_readings BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    for t in (rec, pump, monitor):
        t.start()
    try:
        _wait(lambda: rec.status().state == STATE_FAILED, 15, "the failure to be reported")
        assert "disk full" in rec.status().message and rec.status().waiting >= 1 and rec.is_alive()
        db.execute("DROP TRIGGER refuse")  # space was freed
        _wait(lambda: rec.status().state == STATE_WRITING and rec.status().written >= 1, 15, "writing again")
    finally:
        monitor.stop()
        monitor.join(5)
        pump.stop_event.set()
        pump.join(10)
        rec.stop()
        rec.join(30)
        modem.stop()
    assert rec.error is None
    assert db.execute("SELECT count(*) FROM signal_readings").fetchone()[0] == len(pump.ids)


def test_a_position_older_than_the_limit_is_never_handed_out():
    now = [100.0]
    holder = PositionHolder(clock=lambda: now[0])
    fix = Position(16.46, 107.59, "gps", at="2026-11-27T10:00:00Z")
    holder.set(fix)
    now[0] += POSITION_MAX_AGE_S
    assert holder.current() == fix
    now[0] += 0.01
    assert holder.current() is None  # a receiver that went silent
    holder.set(fix)
    holder.set(None)
    assert holder.current() is None  # the fix was lost
    hand = Position(16.46, 107.59, "manual")
    holder.set(hand)
    now[0] += 3600
    assert holder.current() == hand  # typed in by the surveyor: where the team stands until changed


def _utc(ts: str) -> float:
    return datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp()


def test_gps_unplugged_no_position_attached_after_the_limit(tmp_path):
    home = tmp_path / "home"
    env = dict(os.environ, SURVEY_APP_HOME=str(home))
    run = lambda *a: subprocess.run([sys.executable, "-m", "survey_app", *a], env=env, capture_output=True,  # noqa
                                    text=True, timeout=60)
    sid = json.loads(run("sessions", "new", "--unit", "19753", "--team", "A", "--surveyor", "Lan", "--json").stdout)["id"]
    modem = ModemEmulator("quectel_lte", tmp_path / "ttyEMU0").start()
    gps = NmeaEmulator(tmp_path / "ttyGPS0", period_s=0.2).start()
    proc = subprocess.Popen([sys.executable, "-m", "survey_app", "modem", "log", "--port", str(modem.link),
                             "--gps", str(gps.link), "--interval", "0.5", "--session", sid, "--duration", "30"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    conn = connect_file(home / "survey.db")
    count = lambda sql: conn.execute(sql, [sid]).fetchone()[0]  # noqa: E731
    try:
        _wait(lambda: count("SELECT count(*) FROM signal_readings WHERE session_id = ? AND lat IS NOT NULL") >= 3,
              30, "readings with a position")
        unplugged = datetime.now(timezone.utc).timestamp()
        gps.unplug()
        limit = unplugged + POSITION_MAX_AGE_S
        _wait(lambda: any(_utc(t) > limit + 2 for (t,) in conn.execute(
            "SELECT measured_at FROM signal_readings WHERE session_id = ?", [sid])), 30, "readings after the limit")
    finally:
        proc.terminate()
        proc.wait(15)
        proc.stdout.close()
        modem.stop()
        gps.stop()
    rows = conn.execute("SELECT measured_at, lat, position_at FROM signal_readings WHERE session_id = ?",
                        [sid]).fetchall()
    conn.close()
    late = [r for r in rows if _utc(r[0]) > limit]
    assert late and all(lat is None for _, lat, _ in late)
    assert any(lat is not None for t, lat, _ in rows if _utc(t) < unplugged)
