"""A verdict's reasons in plain words, in the user's language, only where they are shown."""
from __future__ import annotations

from survey_app.evidence.conditions import environment_label
from survey_app.i18n import _, number


def _n(v, digits=None) -> str:
    return number(v, digits) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)


def _missing(code: str) -> str:
    return {
        "completed": _("The test did not complete."),
        "time_of_day": _("The time of the test is unknown."),
        "conditions": _("The conditions were not declared (indoor, outdoor fixed or outdoor moving)."),
        "position_accuracy": _("The position's accuracy is unknown."),
        "distance_moved": _("No position: how far the device moved is unknown."),
        "speed": _("No position: how fast the device moved is unknown."),
        "phase_duration": _("The download or the upload did not run."),
        "server": _("The server's location is unknown, so its distance cannot be checked."),
        "interface": _("The network interface of the test is unknown."),
    }.get(code, _("{code}: value missing.").format(code=code))


def reason_text(reason: dict) -> str:
    """One reason ({"code", "params"}) as a sentence."""
    code, p = reason.get("code", ""), reason.get("params") or {}
    if p.get("missing") and code not in ("position_present", "modem_present"):
        return _missing(code)
    env = environment_label(p.get("environment"))
    v = p.get("value")
    texts = {
        "completed": lambda: _("The test did not complete ({status}).").format(status=v),
        "time_of_day": lambda: _("Taken at {hour} h local time, outside {start}-{end} h.").format(
            hour=_n(v, 1), start=_n(p.get("min")), end=_n(p.get("max"))),
        "position_present": lambda: _("No position during {missing} of {seconds} s (the GPS lost its fix or was "
                                      "not connected).").format(missing=p.get("seconds_without_position"),
                                                                seconds=p.get("seconds")),
        "position_accuracy": lambda: _("Position too coarse: accuracy {value} m, at most {max} m allowed.").format(
            value=_n(v), max=_n(p.get("max"))),
        "distance_moved": lambda: _("Moved {value} m during the test; at most {max} m for \u201c{env}\u201d.").format(
            value=_n(round(v)), max=_n(p.get("max")), env=env),
        "speed": lambda: _("Moving at up to {value} km/h; at most {max} km/h for \u201c{env}\u201d.").format(
            value=_n(round(v)), max=_n(p.get("max")), env=env),
        "connectivity_changes": lambda: _("The connection changed technology or lost service {value} time(s) "
                                          "during the test.").format(value=v),
        "handovers": lambda: _("{value} cell change(s) during the test; at most {max} for \u201c{env}\u201d.").format(
            value=v, max=_n(p.get("max")), env=env),
        "modem_present": lambda: _("No modem reading during {missing} of {seconds} s (the modem stopped "
                                   "answering).").format(missing=p.get("seconds_without_cell"),
                                                         seconds=p.get("seconds")),
        "phase_duration": lambda: _("A phase ran only {value} s; at least {min} s needed.").format(
            value=_n(v, 1), min=_n(p.get("min"))),
        "server": lambda: _("The server is {value} km away; at most {max} km.").format(
            value=_n(round(v)), max=_n(p.get("max"))),
        "interface": lambda: _("Measured over {value}, not over a mobile modem.").format(value=_interface(v)),
    }
    make = texts.get(code)
    return make() if make else _("Rule {code} not met.").format(code=code)


def _interface(kind) -> str:
    return {"wifi": _("Wi-Fi"), "ethernet": _("Ethernet"), "loopback": _("the computer itself"),
            "other": _("another interface")}.get(kind, str(kind))


def verdict_text(verdict: dict | None) -> str:
    """'Valid' or the failed rules, one per line; '' when there is no verdict."""
    if not verdict:
        return ""
    if verdict.get("valid"):
        return _("Valid")
    return "\n".join(reason_text(r) for r in verdict.get("reasons") or [])
