"""Vendor dialects: which commands to send and which parsers to use, chosen from the modem's identification."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Callable

from survey_app.devices.at_channel import AtChannel, AtError, AtTimeout
from survey_app.devices.parsers import generic, huawei, quectel, quectel_cells, sierra, simcom, ublox
from survey_app.devices.parsers.common import ParseError
from survey_app.devices.reading import ModemIdentity, SignalReading

SLOW_REFRESH_S = 5.0  # registration and operator change slowly: ask at most this often


@dataclass
class Step:
    """One command of a reading and the parser of its answer."""

    command: str
    parser: Callable[[str], dict]
    slow: bool = False       # refreshed every SLOW_REFRESH_S, not every poll
    primary: bool = False    # its values win over the others'


@dataclass
class ReadOutcome:
    """A reading plus what is not a radio value: registration, SIM state, the commands that failed."""

    reading: SignalReading
    registration: str | None = None
    sim: str | None = None
    failures: list[str] = field(default_factory=list)


class Dialect:
    """3GPP generic: +COPS, +CSQ, +CESQ and the registration commands."""

    name = "generic"
    setup_commands = ("AT+CMEE=1", "AT+COPS=3,2")
    steps = (
        Step("AT+COPS?", generic.parse_cops, slow=True),
        Step("AT+CSQ", generic.parse_csq),
        Step("AT+CESQ", generic.parse_cesq, primary=True),
        Step("AT+CEREG?", lambda t: generic.parse_registration(t, "+CEREG"), slow=True),
        Step("AT+CREG?", lambda t: generic.parse_registration(t, "+CREG"), slow=True),
    )

    def __init__(self) -> None:
        self._slow_cache: dict[str, tuple[float, dict, str]] = {}
        self._unsupported: set[str] = set()

    def setup(self, ch: AtChannel) -> None:
        """Commands sent once per connection (errors ignored: not every firmware knows them)."""
        for cmd in self.setup_commands:
            try:
                ch.command(cmd)
            except AtError:
                pass

    def read(self, ch: AtChannel, identity: ModemIdentity | None = None) -> ReadOutcome:
        """One reading: every step's answer parsed and merged; raw text of this poll kept."""
        reading = SignalReading()
        if identity:
            reading.manufacturer, reading.model, reading.revision = (identity.manufacturer, identity.model,
                                                                      identity.revision)
        outcome = ReadOutcome(reading)
        merged: dict = {}
        primary: dict = {}
        raw: list[str] = []
        now = time.monotonic()
        for step in self.steps:
            if step.command in self._unsupported:
                continue
            cached = self._slow_cache.get(step.command)
            if step.slow and cached and now - cached[0] < SLOW_REFRESH_S:
                values, text = cached[1], cached[2]
            else:
                try:
                    resp = ch.command(step.command)
                except AtError as exc:
                    if exc.cme is None and exc.text.upper() == "ERROR":
                        self._unsupported.add(step.command)  # plain ERROR: this firmware lacks the command
                    outcome.failures.append(f"{step.command}: {exc.text}")
                    if exc.cme == 10 or exc.cme == 13:
                        outcome.sim = "absent"
                    raw.append(f"{step.command}\n{exc.text}")
                    continue
                text = self.clean_raw(resp.text)
                try:
                    values = step.parser(resp.text)
                except ParseError as exc:
                    outcome.failures.append(f"{step.command}: {exc}")
                    raw.append(f"{step.command}\n{text}")
                    continue
                if step.slow:
                    self._slow_cache[step.command] = (now, values, text)
            raw.append(f"{step.command}\n{text}")
            skipped = (values.get("neighbours_skipped") or 0) + (values.get("carriers_skipped") or 0)
            if skipped:  # a cell list with unreadable lines: the readable ones are kept, the loss is said
                outcome.failures.append(f"{step.command}: {skipped} unreadable line(s) skipped")
            (primary if step.primary else merged).update({k: v for k, v in values.items() if v is not None})
            if "registration" in values and values["registration"] and outcome.registration in (None, "none"):
                outcome.registration = values["registration"]
            if values.get("sim"):
                outcome.sim = values["sim"]
        merged.update(primary)
        if primary and "technology" in primary:
            merged["technology"] = primary["technology"]
        self.finish(merged)
        reading.update(merged, overwrite=True)
        reading.raw = "\n".join(raw)
        return outcome

    def finish(self, values: dict) -> None:
        """Dialect fix-ups after merging (e.g. an SA cell's NR values belong in the main fields)."""
        if values.get("technology") == "NR-SA" and values.get("rsrp_dbm") is None:
            for k in ("rsrp_dbm", "rsrq_db", "sinr_db"):
                if values.get("nr_" + k) is not None:
                    values[k] = values.pop("nr_" + k)

    def clean_raw(self, text: str) -> str:
        """The answer text as stored (dialects drop temporary identities)."""
        return text

    def reset(self) -> None:
        """Forget cached answers (after a replug)."""
        self._slow_cache.clear()
        self._unsupported.clear()


class QuectelDialect(Dialect):
    """Quectel: +QENG="servingcell" for the cell, +QNWINFO and +CSQ to fill in, neighbours and CA carriers."""

    name = "quectel"
    steps = (
        Step("AT+COPS?", generic.parse_cops, slow=True),
        Step('AT+QENG="servingcell"', quectel.parse_qeng_servingcell, primary=True),
        Step("AT+CSQ", generic.parse_csq),
        Step("AT+QNWINFO", quectel.parse_qnwinfo, slow=True),
        Step("AT+CEREG?", lambda t: generic.parse_registration(t, "+CEREG"), slow=True),
        Step('AT+QENG="neighbourcell"', quectel_cells.parse_qeng_neighbourcell),
        Step("AT+QCAINFO", quectel_cells.parse_qcainfo),
    )


class HuaweiDialect(Dialect):
    """Huawei: ^HCSQ for the signal, ^SYSINFOEX for service and SIM, ^MONSC/^MONNC cells, ^HFREQINFO carriers."""

    name = "huawei"
    steps = (
        Step("AT+COPS?", generic.parse_cops, slow=True),
        Step("AT^SYSINFOEX", huawei.parse_sysinfoex, slow=True),
        Step("AT^HCSQ?", huawei.parse_hcsq, primary=True),
        Step("AT+CEREG?", lambda t: generic.parse_registration(t, "+CEREG"), slow=True),
        Step("AT^MONSC", huawei.parse_monsc),
        Step("AT^MONNC", huawei.parse_monnc),
        Step("AT^HFREQINFO?", huawei.parse_hfreqinfo),
    )


class SimcomDialect(Dialect):
    """SIMCom: +CPSI? carries the cell and the signal; +CCINFO the neighbours where the firmware has it."""

    name = "simcom"
    steps = (
        Step("AT+COPS?", generic.parse_cops, slow=True),
        Step("AT+CPSI?", simcom.parse_cpsi, primary=True),
        Step("AT+CREG?", lambda t: generic.parse_registration(t, "+CREG"), slow=True),
        Step("AT+CCINFO", simcom.parse_ccinfo),
    )


class SierraDialect(Dialect):
    """Sierra Wireless: AT!GSTATUS? (signal, CA carriers) and AT!LTEINFO? (cell identity, neighbours)."""

    name = "sierra"
    steps = (
        Step("AT+COPS?", generic.parse_cops, slow=True),
        Step("AT!GSTATUS?", sierra.parse_gstatus, primary=True),
        Step("AT!LTEINFO?", sierra.parse_lteinfo),
        Step("AT+CSQ", generic.parse_csq),
    )


class UbloxDialect(Dialect):
    """u-blox: AT+UCGED? in mode 2."""

    name = "ublox"
    setup_commands = ("AT+CMEE=1", "AT+COPS=3,2", "AT+UCGED=2")
    steps = (
        Step("AT+COPS?", generic.parse_cops, slow=True),
        Step("AT+UCGED?", ublox.parse_ucged, primary=True),
        Step("AT+CEREG?", lambda t: generic.parse_registration(t, "+CEREG"), slow=True),
    )

    def clean_raw(self, text: str) -> str:
        # The LTE line carries the m-TMSI (a temporary subscriber identity): keep it out of the database.
        lines = text.split("\n")
        for i, ln in enumerate(lines):
            parts = ln.split(",")
            if len(parts) > 8 and re.fullmatch(r"[0-9a-fA-F]{8}", parts[7].strip()):
                parts[7] = "********"
                lines[i] = ",".join(parts)
        return "\n".join(lines)


class UbloxR4Dialect(UbloxDialect):
    """u-blox SARA-R4: AT+UCGED? in mode 5 (RSRP/RSRQ of the serving and the neighbour cells)."""

    name = "ublox_r4"
    setup_commands = ("AT+CMEE=1", "AT+COPS=3,2", "AT+UCGED=5")
    steps = (
        Step("AT+COPS?", generic.parse_cops, slow=True),
        Step("AT+UCGED?", ublox.parse_ucged5, primary=True),
        Step("AT+CEREG?", lambda t: generic.parse_registration(t, "+CEREG"), slow=True),
        Step("AT+CSQ", generic.parse_csq),
    )


DIALECTS = {d.name: d for d in (Dialect, QuectelDialect, HuaweiDialect, SimcomDialect, SierraDialect, UbloxDialect,
                                UbloxR4Dialect)}
_VENDOR_WORDS = (("quectel", "quectel"), ("huawei", "huawei"), ("simcom", "simcom"), ("sierra", "sierra"),
                 ("u-blox", "ublox"), ("ublox", "ublox"))
USB_VENDOR_DIALECT = {"2c7c": "quectel", "12d1": "huawei", "1e0e": "simcom", "1199": "sierra", "1546": "ublox"}


def dialect_for(manufacturer: str | None, model: str | None = None, usb_vid: str | None = None) -> str:
    """The dialect name for an identification; 'generic' when nothing matches."""
    text = f"{manufacturer or ''} {model or ''}".lower()
    if "sara-r4" in text:
        return "ublox_r4"  # SARA-R4 answers AT+UCGED only in mode 5
    for word, name in _VENDOR_WORDS:
        if word in text:
            return name
    if re.search(r"\bsim(7[0-9]{3}|8[0-9]{3})", text):
        return "simcom"
    if re.search(r"\b(ec2[015]|eg[0-9]{2}|em[0-9]{2,3}|rm5[0-9]{2}|rg5[0-9]{2}|bg9[0-9])", text):
        return "quectel"
    return USB_VENDOR_DIALECT.get((usb_vid or "").lower(), "generic")


def _answer_value(text: str) -> str | None:
    """'+CGMI: "Quectel"' / 'Manufacturer: X' / 'X' -> the bare value."""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        line = re.sub(r"^\+?(CGMI|CGMM|CGMR|GMI|GMM|GMR)\s*:\s*", "", line, flags=re.IGNORECASE)
        line = re.sub(r"^(Manufacturer|Model|Revision)\s*:\s*", "", line, flags=re.IGNORECASE)
        return line.strip().strip('"') or None
    return None


def identify(ch: AtChannel, usb_vid: str | None = None) -> ModemIdentity:
    """Ask +CGMI/+CGMM/+CGMR (falling back to ATI) and choose a dialect; AtTimeout if nothing answers."""
    values: dict[str, str | None] = {}
    for key, cmd in (("manufacturer", "AT+CGMI"), ("model", "AT+CGMM"), ("revision", "AT+CGMR")):
        try:
            values[key] = _answer_value(ch.command(cmd).text)
        except AtError:
            values[key] = None
    if not values.get("manufacturer") or not values.get("model"):
        try:
            ati = ch.command("ATI").text
        except AtError:
            ati = ""
        for line in ati.split("\n"):
            k, sep, v = line.partition(":")
            if sep and k.strip().lower() in ("manufacturer", "model", "revision"):
                values.setdefault(k.strip().lower(), None)
                values[k.strip().lower()] = values[k.strip().lower()] or v.strip()
        plain = [ln.strip() for ln in ati.split("\n") if ln.strip() and ":" not in ln]
        if plain and not values.get("manufacturer"):
            values["manufacturer"] = plain[0]
        if len(plain) > 1 and not values.get("model"):
            values["model"] = plain[1]
    name = dialect_for(values.get("manufacturer"), values.get("model"), usb_vid)
    return ModemIdentity(values.get("manufacturer"), values.get("model"), values.get("revision"), name)


def make_dialect(name: str) -> Dialect:
    """A fresh dialect object (it caches slow answers per connection)."""
    return DIALECTS.get(name, Dialect)()


__all__ = ["AtTimeout", "Dialect", "DIALECTS", "ReadOutcome", "dialect_for", "identify", "make_dialect"]
