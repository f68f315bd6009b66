"""`survey-app speedtest`: measure, print (or --json) and store the result like the window does.

Session: --session ID must be open; without it the result goes into the most recent open session (a note on
stderr says which), and with no open session at all it is stored without one (also said). Exit status 0 only
for "ok"; 1 for a failed test; 130 when cancelled (Ctrl+C); 2 for bad arguments.
"""
from __future__ import annotations

import sys
import threading

from survey_app.commands.options import JSON, action, opt
from survey_app.evidence.conditions import ENVIRONMENTS, PLACEMENTS
from survey_app.i18n import _, number


def register(sub) -> None:
    """Add the `speedtest` subcommand."""
    action(sub, "speedtest", run, _("measure download, upload and latency and store the result"),
           opt("--server", help=_("server URL (LibreSpeed base URL or Ookla .../upload.php); default: "
                                  "from settings, else the best speedtest.net server")),
           opt("--protocol", choices=["ookla", "librespeed"], help=_("server protocol (default: from the URL "
                                                                     "or settings)")),
           opt("--interface", help=_("network interface to measure over (e.g. wwan0, wlan0)")),
           opt("--duration", type=float, help=_("longest run in seconds of each of download and upload (default "
                                               "10; each stops sooner once its reading is stable)")),
           opt("--session", help=_("open session to store the result in (default: the latest open one)")),
           opt("--modem", help=_("serial port of the modem to read each second for the passport (default: "
                                 "from settings)")),
           opt("--gps", help=_("serial port of the GPS receiver (default: from settings)")),
           opt("--environment", choices=ENVIRONMENTS, help=_("where the test is taken (default: as last time)")),
           opt("--placement", choices=PLACEMENTS, help=_("how the device is carried (default: as last time)")),
           opt("--server-location", help=_("the server's position as LAT,LON, to check its distance")), JSON)


def guess_protocol(url: str, default: str) -> str:
    """Ookla if the URL names an Ookla file, LibreSpeed if it names a LibreSpeed one, else `default`."""
    from survey_app.speedtest.protocols import LIBRESPEED_FILES, OOKLA_FILES

    tail = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    if tail in OOKLA_FILES:
        return "ookla"
    if tail in LIBRESPEED_FILES:
        return "librespeed"
    return default


def _choose_session(ctx, session_id: str | None):
    from survey_app.storage.sessions import list_sessions, require_open

    if session_id:
        return require_open(ctx.db, session_id)
    sessions = list_sessions(ctx.db, status="open", limit=1)
    return sessions[0] if sessions else None


def _server(ctx, args):
    from survey_app.errors import UserError
    from survey_app.speedtest.errors import SpeedTestFailed
    from survey_app.speedtest.model import Server

    url = (args.server or ctx.settings.speedtest_server or "").strip()
    if url:
        protocol = args.protocol or guess_protocol(url, ctx.settings.speedtest_protocol or "librespeed")
        return Server(url=url, protocol=protocol)
    if args.protocol == "librespeed":
        raise UserError(_("A LibreSpeed test needs --server URL."))
    from survey_app.speedtest.ookla_cli import discover

    print(_("Finding the best speedtest.net server..."), file=sys.stderr)
    try:
        return discover()[0]
    except (SpeedTestFailed, IndexError) as exc:
        raise UserError(str(exc) or _("speedtest.net found no server.")) from None


def run(ctx, args) -> int:
    """Run one test with its passport, judge it, store it and report it."""
    from survey_app.commands import print_json
    from survey_app.errors import UserError
    from survey_app.evidence.capture import assess
    from survey_app.storage.speedtests import insert_result

    duration = args.duration if args.duration is not None else ctx.settings.speedtest_duration_s
    if not 1 <= duration <= 120:
        raise UserError(_("The duration must be between 1 and 120 seconds."))
    session = _choose_session(ctx, args.session)
    server = _server(ctx, args)
    conditions, server_location = _conditions(ctx, args), _server_location(ctx, args)
    result, passport = _measure(ctx, args, server, duration)
    capture = assess(result, passport, conditions, server_location=server_location)
    test_id = insert_result(ctx.db, ctx.record_context(), result, session=session, operator=capture.operator,
                            technology=capture.technology, evidence=capture.columns(result))
    _remember(ctx, conditions)
    if session is not None and not args.session:
        print(_("Stored in the open session {id} ({unit}).").format(id=session.id[:8], unit=session.unit_name
                                                                     or session.unit_code), file=sys.stderr)
    elif session is None:
        print(_("No open session: the result is stored without a session."), file=sys.stderr)
    if args.json:
        print_json(dict(result.to_json(), id=test_id, session_id=session.id if session else None,
                        operator=capture.operator, technology=capture.technology, verdict=capture.verdict,
                        conditions=conditions.as_columns(), passport=passport.to_json()))
    else:
        _print_human(result)
        _print_verdict(capture)
    return {"ok": 0, "cancelled": 130}.get(result.status, 1)


def _measure(ctx, args, server, duration):
    """The test, with the modem and GPS read every second for its passport; (result, passport)."""
    from survey_app.evidence.passport import PassportRecorder
    from survey_app.evidence.recording import DeviceFeed, run_with_passport
    from survey_app.speedtest.measurement import run_speedtest
    from survey_app.speedtest.reasons import phase_label

    cancel = threading.Event()
    recorder = PassportRecorder()
    feed = DeviceFeed(recorder, modem_port=args.modem or ctx.settings.modem_port or None,
                      gps_port=args.gps or ctx.settings.gps_port or None).start()
    feed.wait_ready()  # the passport starts with a reading and a position, if the devices give them in time
    gen = run_with_passport(run_speedtest(server, interface=args.interface, duration_s=duration, cancel=cancel),
                            recorder)
    try:
        while True:
            try:
                progress = next(gen)
                if not args.json and progress.mbps is not None:
                    print(f"\r{phase_label(progress.phase)}: {progress.mbps:8.2f} Mbit/s", end="", file=sys.stderr)
            except StopIteration as stop:
                return stop.value
            except KeyboardInterrupt:
                cancel.set()  # the generator notices at its next step and returns a cancelled result
    finally:
        feed.stop()
        if not args.json:
            print(file=sys.stderr)


def _conditions(ctx, args):
    """The declared conditions: the options given, else those of the last test."""
    from survey_app.evidence.conditions import Conditions

    last = Conditions.from_settings(ctx.settings.extra)
    return Conditions.from_choice(args.environment or last.environment, args.placement or last.placement)


def _remember(ctx, conditions) -> None:
    """Keep the conditions for the next test."""
    from survey_app.paths import settings_path

    if conditions.to_settings() != {k: ctx.settings.extra.get(k, "") for k in conditions.to_settings()}:
        ctx.settings.extra.update(conditions.to_settings())
        ctx.settings.save(settings_path(ctx.home))


def _server_location(ctx, args):
    from survey_app.errors import UserError
    from survey_app.latlon import PositionError, parse_position

    text = (args.server_location or ctx.settings.extra.get("speedtest_server_location") or "").strip()
    try:
        return parse_position(text) if text else None
    except PositionError as err:
        raise UserError(_("Not a position: {text}. {why}").format(text=text, why=err)) from None


def _print_verdict(capture) -> None:
    from survey_app.evidence.conditions import environment_label, placement_label
    from survey_app.evidence.reasons import verdict_text

    c = capture.conditions
    print(_("Conditions: {env}, {placement}").format(env=environment_label(c.environment),
                                                     placement=placement_label(c.placement)))
    print(_("Passport: {n} seconds, {events} events").format(n=len(capture.passport.records),
                                                             events=len(capture.passport.events)))
    print(_("Evidence: {verdict}").format(verdict=verdict_text(capture.verdict).replace("\n", "\n  ")))


def _print_human(result) -> None:
    def fmt(v, unit):
        return "-" if v is None else f"{v:.2f} {unit}"

    if result.status != "ok":
        label = _("Cancelled") if result.status == "cancelled" else _("Failed")
        print(_("{status}: {error}").format(status=label, error=result.error))
    print(_("Server: {name} ({url}, {protocol})").format(name=result.server.name, url=result.server.url,
                                                        protocol=result.server.protocol))
    print(_("Download: {v}").format(v=fmt(result.download_mbps, "Mbit/s")))
    print(_("Upload: {v}").format(v=fmt(result.upload_mbps, "Mbit/s")))
    print(_("Latency: {v} (jitter {j})").format(v=fmt(result.ping_ms, "ms"), j=fmt(result.jitter_ms, "ms")))
    print(_("Latency under load: download {d}, upload {u}").format(d=fmt(result.loaded_ping_download_ms, "ms"),
                                                                   u=fmt(result.loaded_ping_upload_ms, "ms")))
    print(_("Data used: {mb:.1f} MB").format(mb=(result.bytes_received + result.bytes_sent) / 1e6))
    runs = result.phase_runs
    if runs:
        print(_("Ran: download {d}, upload {u}").format(d=_ran(runs.get("download")), u=_ran(runs.get("upload"))))


def _ran(run: dict | None) -> str:
    """'5.2 s (stable)' / '10.0 s (longest run)' / '-'."""
    if not run:
        return "-"
    why = _("stable") if run.get("stopped") == "stable" else _("longest run")
    return _("{s} s ({why})").format(s=number(run["ran_s"], 1), why=why)
