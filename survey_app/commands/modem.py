"""`survey-app modem list|read|log` and `survey-app gps read`."""
from __future__ import annotations

from survey_app.commands.options import JSON, action, group, opt
from survey_app.i18n import _


def register(sub) -> None:
    """Add the `modem` and `gps` subcommands."""
    ms = group(sub, "modem", _("find USB modems, read their signal, log readings"), "modem_command")
    action(ms, "list", run_list, _("list serial ports and which of them are modems"), JSON,
           opt("--no-probe", action="store_true", help=_("do not open unknown ports to ask them AT")))
    action(ms, "read", run_read, _("identify a modem and take one reading"),
           opt("--port", required=True, help=_("serial port of the modem's AT interface")), JSON,
           opt("--timeout", type=float, default=3.0, help=_("seconds to wait for each answer")))
    action(ms, "log", run_log, _("poll modems and store readings until stopped"),
           opt("--port", required=True, action="append", help=_("modem port (repeat for several modems)")),
           opt("--interval", type=float, default=None, help=_("seconds between readings (0.5-60)")),
           opt("--duration", type=float, default=None, help=_("stop after this many seconds")),
           opt("--session", help=_("session id to attach the readings to")),
           opt("--gps", help=_("NMEA GPS port whose position is attached to each reading")))
    gs = group(sub, "gps", _("read a GPS receiver"), "gps_command")
    action(gs, "read", run_gps_read, _("read NMEA sentences until a fix (or the timeout)"),
           opt("--port", required=True, help=_("serial port of the GPS receiver")), JSON,
           opt("--timeout", type=float, default=10.0, help=_("seconds to wait for a fix")),
           opt("--baud", type=int, default=9600, help=_("baud rate (default 9600)")))


def _configured_ports(ctx) -> list[str]:
    s = ctx.settings
    ports = [s.modem_port] + list(s.extra.get("modem_ports", [])) + [s.gps_port]
    return [p for p in ports if p]


def run_list(ctx, args) -> int:
    """List serial ports."""
    from survey_app.commands import print_json
    from survey_app.devices.discovery import list_serial_ports

    ports = list_serial_ports(probe_unknown=not args.no_probe, extra=_configured_ports(ctx))
    if args.json:
        print_json([p.to_json() for p in ports])
        return 0
    roles = {"modem": _("modem"), "gps": _("GPS"), "other": _("other"), "unknown": _("unknown")}
    for p in ports:
        print(f"{p.device}  {p.vid_pid or '-':9}  if={p.interface if p.interface is not None else '-'}  "
              f"{roles.get(p.role, p.role):8}  {p.vendor or ''} {p.model or ''} {p.description}".rstrip())
    print(_("{n} ports, {m} modems").format(n=len(ports), m=sum(p.role == "modem" for p in ports)))
    return 0


def read_once(port: str, timeout_s: float = 3.0) -> dict:
    """Open, identify and read one modem; the JSON of `modem read` (UserError when it cannot)."""
    from survey_app.devices.at_channel import AtChannel, AtError, AtTimeout, PortGone
    from survey_app.devices.dialects import identify, make_dialect
    from survey_app.errors import UserError
    from survey_app.clock import utc_now

    ch = AtChannel(port, timeout_s=timeout_s)
    ch.open()
    try:
        if not ch.resync():
            raise UserError(_("{port} does not answer AT commands (not a modem, or busy).").format(port=port))
        ident = identify(ch)
        dialect = make_dialect(ident.dialect)
        dialect.setup(ch)
        sim = True
        try:
            ch.command("AT+CPIN?")
        except AtError:
            sim = False
        outcome = dialect.read(ch, ident)
    except AtTimeout as exc:
        raise UserError(_("{port} does not answer AT commands (not a modem, or busy).").format(port=port)) from exc
    except PortGone as exc:
        raise UserError(_("Modem on {port} was unplugged; waiting for it to return.").format(port=port)) from exc
    finally:
        ch.close()
    data = outcome.reading.to_json()
    data.update(port=port, dialect=ident.dialect, measured_at=utc_now(), registration=outcome.registration,
                sim=not (outcome.sim == "absent" or not sim), errors=outcome.failures)
    return data


def _fmt(v, unit: str) -> str:
    return "-" if v is None else f"{v:.1f} {unit}"


def _summary(d: dict) -> str:
    parts = [d.get("operator") or "?", d.get("technology") or "-", d.get("band") or ""]
    if d.get("rsrp_dbm") is not None:
        parts += [f"RSRP {_fmt(d['rsrp_dbm'], 'dBm')}", f"RSRQ {_fmt(d.get('rsrq_db'), 'dB')}",
                  f"SINR {_fmt(d.get('sinr_db'), 'dB')}"]
    elif d.get("rscp_dbm") is not None:
        parts += [f"RSCP {_fmt(d['rscp_dbm'], 'dBm')}", f"Ec/Io {_fmt(d.get('ecio_db'), 'dB')}"]
    elif d.get("rssi_dbm") is not None:
        parts.append(f"RSSI {_fmt(d['rssi_dbm'], 'dBm')}")
    if d.get("nr_rsrp_dbm") is not None:
        parts.append(f"NR {d.get('nr_band') or ''} RSRP {_fmt(d['nr_rsrp_dbm'], 'dBm')}")
    return "  ".join(p for p in parts if p)


def run_read(ctx, args) -> int:
    """Take one reading."""
    from survey_app.commands import print_json

    data = read_once(args.port, args.timeout)
    if args.json:
        print_json(data)
        return 0
    print(f"{data['manufacturer'] or '?'} {data['model'] or ''} ({data['revision'] or '-'})  {args.port}")
    if not data["sim"]:
        print(_("No SIM card."))
    print(_summary(data))
    if data.get("cell_id") is not None:
        print(f"MCC-MNC {data['mcc']}-{data['mnc']}  PCI {data['pci']}  cell {data['cell_id']}  "
              f"TAC {data['tac']}  LAC {data['lac']}  ARFCN {data['arfcn']}")
    return 0


def run_log(ctx, args) -> int:
    """Poll modems and store readings (batched; committed at least twice a second)."""
    from survey_app.commands.modem_log import log_modems

    return log_modems(ctx, args)


def run_gps_read(ctx, args) -> int:
    """Read a GPS until a fix."""
    from survey_app.commands import print_json
    from survey_app.devices.gps_read import read_gps

    fix = read_gps(args.port, timeout_s=args.timeout, baudrate=args.baud)
    data = fix.to_json()
    if args.json:
        print_json(data)
        return 0
    if data["fix"]:
        print(_("Fix: {lat:.6f}, {lon:.6f} (±{acc} m, {sats} satellites, HDOP {hdop})").format(
            lat=data["lat"], lon=data["lon"], acc=data["accuracy_m"], sats=data["satellites"], hdop=data["hdop"]))
    else:
        print(_("No fix yet ({n} sentences, {bad} with bad checksums).").format(n=data["sentences"],
                                                                               bad=data["bad_checksums"]))
    return 0
