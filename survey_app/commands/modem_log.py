"""The headless logging loop of `survey-app modem log`: monitors feed a recorder on this thread."""
from __future__ import annotations

import queue
import signal
import sys
import threading
import time
from contextlib import contextmanager

from survey_app.devices.monitor import GpsMonitor, GpsUpdate, ModemMonitor, ModemSample, ModemStatus
from survey_app.devices.position import PositionHolder
from survey_app.devices.recorder import SignalRecorder
from survey_app.i18n import _


def log_modems(ctx, args) -> int:
    """Poll every --port until --duration (or Ctrl+C); print one line per reading; store them in batches."""
    from survey_app.storage.sessions import require_open

    interval = args.interval if args.interval is not None else ctx.settings.signal_interval_s
    session = require_open(ctx.db, args.session) if args.session else None
    events: queue.Queue = queue.Queue()
    latest = PositionHolder()
    rec = SignalRecorder(ctx.db, ctx.record_context(), session_id=session.id if session else None,
                         unit_code=session.unit_code if session else None, position=latest.current)
    monitors: list = [ModemMonitor(p, events, interval_s=interval) for p in args.port]
    if args.gps:
        monitors.append(GpsMonitor(args.gps, events))
    for m in monitors:
        m.start()
    end = time.monotonic() + args.duration if args.duration else None
    print(_("Logging {n} modem(s) every {s:.1f} s{session}. Ctrl+C stops.").format(
        n=len(args.port), s=monitors[0].interval_s,
        session=_(" into session {id}").format(id=session.id[:8]) if session else ""), file=sys.stderr)
    with _ctrl_c_sets() as stopping:
        return _loop(monitors, events, rec, latest, end, stopping)


@contextmanager
def _ctrl_c_sets():
    """Ctrl+C (SIGINT) and SIGTERM set an event the loop checks, instead of raising KeyboardInterrupt wherever the
    main thread happens to be: an interrupt inside a queue's or the database's locking can leave a lock held, and
    the stop that follows (which needs those locks to store the last readings) would then hang."""
    stopping = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stopping
        return
    previous = {sig: signal.signal(sig, lambda *_a: stopping.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stopping
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _loop(monitors: list, events: queue.Queue, rec: SignalRecorder, latest: PositionHolder, end: float | None,
          stopping: threading.Event) -> int:
    from survey_app.commands.modem import _summary
    try:
        while not stopping.is_set() and (end is None or time.monotonic() < end):
            try:
                ev = events.get(timeout=0.2)
            except queue.Empty:
                rec.flush_if_due()
                continue
            if isinstance(ev, ModemSample):
                rec.add(ev)
                print(f"{ev.measured_at}  {ev.port}  {_summary(ev.reading.to_json())}", flush=True)
                for change in rec.new_changes:
                    print(f"{ev.measured_at}  {ev.port}  {change_line(change)}", flush=True)
            elif isinstance(ev, ModemStatus):
                print(ev.message, file=sys.stderr, flush=True)
            elif isinstance(ev, GpsUpdate):
                latest.set(ev.fix.position if ev.fix else None)
                if ev.message:
                    print(ev.message, file=sys.stderr, flush=True)
            rec.flush_if_due()
            _report(rec)
    finally:
        if _stop(monitors, events, rec):
            return 3  # unwritten readings: said however logging ended (also on Ctrl+C)
    return 0


def _stop(monitors: list, events: queue.Queue, rec: SignalRecorder) -> int:
    """Stop the monitors, store what they read before stopping, say what was stored; the exit code."""
    for m in monitors:
        m.stop()
    for m in monitors:
        m.join(5)
    while True:  # readings taken before the stop still count
        try:
            ev = events.get_nowait()
        except queue.Empty:
            break
        if isinstance(ev, ModemSample):
            rec.add(ev)
    deadline = time.monotonic() + 10
    while rec.flush() == 0 and rec.status().waiting and time.monotonic() < deadline:
        time.sleep(0.25)  # the database is busy: the readings still wait in memory
    print(_("{n} readings stored.").format(n=rec.written), file=sys.stderr)
    if rec.status().waiting:
        print(_("{n} readings could not be written before logging stopped.").format(n=rec.status().waiting),
              file=sys.stderr)
        return 3
    if rec.changes_seen:
        print(_("{n} cell changes logged.").format(n=rec.changes_seen), file=sys.stderr)
    return 0


_last_reported = {"state": "writing"}  # one logging run per process (the CLI)


def _report(rec: SignalRecorder) -> None:
    """Say on stderr when the recorder's state changes (busy database, cannot write, writing again)."""
    status = rec.status()
    if status.state != _last_reported["state"]:
        _last_reported["state"] = status.state
        print(status.message or _("Readings are written to the database again."), file=sys.stderr, flush=True)


def change_line(change: dict) -> str:
    """One line of the handover log: '<kind>: Viettel LTE PCI 215 -> PCI 87'."""
    def cell(side: str) -> str:
        parts = [change.get(f"{side}_operator"), change.get(f"{side}_technology"), change.get(f"{side}_band")]
        if change.get(f"{side}_pci") is not None:
            parts.append(f"PCI {change[f'{side}_pci']}")
        return " ".join(str(p) for p in parts if p) or _("no service")

    kind = {"handover": _("cell change"), "technology": _("technology change"), "lost": _("service lost"),
            "regained": _("service regained")}.get(change.get("kind"), change.get("kind"))
    return _("{kind}: {before} -> {after}").format(kind=kind, before=cell("from"), after=cell("to"))
