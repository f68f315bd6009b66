"""Unit and city indicators against the Plan 455 (2030) and Decision 411 targets (Qt-free).

Computed from approved sessions by default (`include_all` adds open and closed ones; rejected data never
counts). Each indicator has a traffic light: green (target met), amber (within 10 points), red, or grey when
there are too few samples to say.
"""
from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field

import numpy as np
import sqlite_utils

from survey_app.i18n import _
from survey_app.review.config import ReviewConfig
from survey_app.storage import review_indicators as store
from survey_app.storage.units import list_units

OPERATOR_NAMES = ("Viettel", "VinaPhone", "MobiFone")   # the three national networks, by subscribers
TECH_ORDER = ("NR-SA", "NR-NSA", "LTE", "UMTS", "GSM")
AMBER_MARGIN = 0.10
CITY = "city"


def light(value: float | None, target: float, enough: bool = True, strict: bool = False) -> str:
    """'green' | 'amber' | 'red' | 'grey' (no value or too few samples)."""
    if value is None or not enough:
        return "grey"
    met = value > target if strict else value >= target - 1e-9
    if met:
        return "green"
    return "amber" if value >= target - AMBER_MARGIN else "red"


def _share(yes, n):
    return (yes / n) if n else None


def _median(values):
    return round(float(np.median(values)), 2) if values else None


@dataclass
class UnitIndicators:
    """One row of the indicator table (a unit, or the whole city)."""

    code: str
    name: str
    kind: str
    readings: int = 0
    coverage: dict = field(default_factory=dict)        # operator -> {readings, usable, share, share_5g}
    technologies: dict = field(default_factory=dict)    # technology -> {readings, share, usable_share}
    coverage_best: float | None = None
    operators_covering: int = 0
    households: int = 0
    hamlets: int = 0
    hamlets_with_fibre: int = 0
    fibre_available: float | None = None
    fibre_households: float | None = None
    internet_households: float | None = None
    residents: int = 0
    internet_users: float | None = None
    mobile_owners: float | None = None
    digital_signature: float | None = None
    vneid_level2: float | None = None
    online_public_services: float | None = None
    hue_s: float | None = None
    speed_tests: int = 0
    download_median: float | None = None
    upload_median: float | None = None
    broadband_share: float | None = None
    speed_by_operator: dict = field(default_factory=dict)     # operator -> {n, download, upload}
    speed_by_technology: dict = field(default_factory=dict)   # technology -> {n, download, upload}
    fixed_download_median: float | None = None
    enough_speed: bool = False
    enough_signal: bool = False
    enough_residents: bool = False
    lights: dict = field(default_factory=dict)


@dataclass
class IndicatorTable:
    """The table: 40 unit rows then the city row, with the settings used."""

    rows: list[UnitIndicators]
    scope: str
    config: ReviewConfig
    seconds: float = 0.0

    @property
    def city(self) -> UnitIndicators:
        """The city row."""
        return self.rows[-1]

    def to_json(self) -> dict:
        """JSON-ready dictionary (CLI)."""
        return {"scope": self.scope, "seconds": round(self.seconds, 3), "config": asdict(self.config),
                "rows": [asdict(r) for r in self.rows]}


def compute(db: sqlite_utils.Database, settings=None, *, include_all: bool = False,
            config: ReviewConfig | None = None, filters=None, source=None) -> IndicatorTable:
    """The indicator table from the database (approved sessions unless include_all); `filters`
    (models.export_spec.Filters) keeps the sessions of its teams that started in its date range.

    `source` gives the rows from elsewhere (the central receiver's store): an object with the functions of
    storage.review_indicators, called with `db` as their first argument.
    """
    t0 = time.perf_counter()
    cfg = config or ReviewConfig.from_settings(settings)
    if source is None:
        from survey_app.review.checks import refresh

        refresh(db, settings, config=cfg)  # brings the per-session partials up to date (incremental)
    src = source or store
    scope = "all" if include_all else "approved"
    listing = source.unit_list(db) if source is not None else [(u.code, u.name, u.kind) for u in list_units(db)]
    units = [UnitIndicators(c, n, k) for c, n, k in listing]
    city = UnitIndicators(CITY, _("Huế City"), "city")
    by_code = {u.code: u for u in units}
    _coverage(src.coverage_rows(db, scope, filters), cfg, by_code, city)
    _households(src.hamlet_rows(db, scope, filters), by_code, city)
    _members(src.member_rows(db, scope, filters), by_code, city)
    _speeds(src.speed_rows(db, scope, cfg.max_speed_mbps, filters), cfg, by_code, city)
    for u in units:
        _lights(u, cfg)
    _city_lights(city, units, cfg)
    return IndicatorTable(units + [city], scope, cfg, time.perf_counter() - t0)


def _coverage(rows, cfg, by_code, city):
    acc = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    techs = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for unit, op, tech, n, usable, usable5 in rows:
        for key in (unit, CITY):
            c = acc[key][op or "?"]
            c[0] += n
            c[1] += usable or 0
            c[2] += usable5 or 0
            t = techs[key][tech or "none"]
            t[0] += n
            t[1] += usable or 0
    for key, ops in acc.items():
        u = city if key == CITY else by_code.get(key)
        if u is None:
            continue
        u.readings = sum(c[0] for c in ops.values())
        u.technologies = {t: {"readings": c[0], "share": _share(c[0], u.readings), "usable_share": _share(c[1], c[0])}
                          for t, c in sorted(techs[key].items())}
        u.coverage = {op: {"readings": c[0], "usable": c[1], "share": _share(c[1], c[0]),
                           "share_5g": _share(c[2], c[0])} for op, c in ops.items() if op in OPERATOR_NAMES}
        # The best operator's share is shown whenever there are readings; it is judged (its light is not grey)
        # only when that operator has enough of them. Showing "—" for a unit with readings read as "no data".
        shares = [v["share"] for v in u.coverage.values() if v["share"] is not None]
        judged = [v["share"] for v in u.coverage.values() if v["readings"] >= cfg.min_signal_samples]
        u.enough_signal = bool(judged)
        u.coverage_best = max(judged or shares) if shares else None
        u.operators_covering = sum(1 for share in judged if share >= cfg.covered_share)


def _households(rows, by_code, city):
    acc = defaultdict(lambda: np.zeros(7, dtype=np.int64))
    hamlets = defaultdict(lambda: [0, 0])
    for unit, hamlet, *nums in rows:
        vals = np.array([x or 0 for x in nums], dtype=np.int64)
        for key in (unit, CITY):
            acc[key] += vals
            hamlets[key][0] += 1
            hamlets[key][1] += 1 if (nums[1] or 0) > 0 else 0
    for key, v in acc.items():
        u = city if key == CITY else by_code.get(key)
        if u is None:
            continue
        u.households = int(v[0])
        u.fibre_households = _share(v[1], v[2])
        u.internet_households = _share(v[3], v[4])
        u.hamlets, u.hamlets_with_fibre = hamlets[key]
        u.fibre_available = _share(u.hamlets_with_fibre, u.hamlets)


def _members(rows, by_code, city):
    total = np.zeros(2 * len(store.MEMBER_FIELDS), dtype=np.int64)
    for unit, *nums in rows:
        vals = np.array([x or 0 for x in nums], dtype=np.int64)
        total += vals
        if unit in by_code:
            _set_members(by_code[unit], vals)
    _set_members(city, total)


def _set_members(u, v):
    u.residents = int(v[0])
    u.internet_users, u.mobile_owners, u.digital_signature, u.vneid_level2, u.online_public_services, \
        u.hue_s = (_share(v[2 * i + 1], v[2 * i]) for i in range(6))


def _speeds(rows, cfg, by_code, city):
    groups = defaultdict(lambda: {"down": [], "up": [], "op": defaultdict(lambda: ([], [])),
                                  "tech": defaultdict(lambda: ([], [])), "fixed": []})
    for unit, kind, op, tech, down, up in rows:
        for key in (unit, CITY):
            g = groups[key]
            g["down"].append(down)
            if up is not None:
                g["up"].append(up)
            if kind == "modem" and op:
                g["op"][op][0].append(down)
                if up is not None:
                    g["op"][op][1].append(up)
            if kind == "modem" and tech:
                g["tech"][tech][0].append(down)
                if up is not None:
                    g["tech"][tech][1].append(up)
            if kind in ("wifi", "ethernet"):
                g["fixed"].append(down)
    for key, g in groups.items():
        u = city if key == CITY else by_code.get(key)
        if u is None:
            continue
        u.speed_tests = len(g["down"])
        u.download_median, u.upload_median = _median(g["down"]), _median(g["up"])
        u.broadband_share = _share(sum(1 for d in g["down"] if d >= cfg.broadband_down_mbps), len(g["down"]))
        u.speed_by_operator = {op: {"n": len(d), "download": _median(d), "upload": _median(p)}
                               for op, (d, p) in sorted(g["op"].items())}
        u.speed_by_technology = {t: {"n": len(d), "download": _median(d), "upload": _median(p)}
                                 for t, (d, p) in sorted(g["tech"].items(),
                                                         key=lambda kv: TECH_ORDER.index(kv[0])
                                                         if kv[0] in TECH_ORDER else 99)}
        u.fixed_download_median = _median(g["fixed"])


def _lights(u: UnitIndicators, cfg: ReviewConfig) -> None:
    u.enough_speed = u.speed_tests >= cfg.min_speed_samples
    u.enough_residents = u.residents >= cfg.min_residents
    enough_hh = u.households >= cfg.min_residents // 4
    u.lights = {
        "coverage": light(u.coverage_best, cfg.covered_share, u.enough_signal),
        "fibre_available": light(u.fibre_available, cfg.target_fibre_available, enough_hh),
        "fibre_households": light(u.fibre_households, cfg.target_fibre_households, enough_hh),
        "internet_users": light(u.internet_users, cfg.target_internet_users, u.enough_residents, strict=True),
        "digital_signature": light(u.digital_signature, cfg.target_digital_signature, u.enough_residents),
        "speed": light(u.broadband_share, cfg.covered_share, u.enough_speed),
    }


def _city_lights(city: UnitIndicators, units: list[UnitIndicators], cfg: ReviewConfig) -> None:
    """The city's coverage and fibre lights count units meeting the target (Plan 455: 100% of units)."""
    _lights(city, cfg)
    judged = [u for u in units if u.lights["coverage"] != "grey"]
    city.coverage_best = _share(sum(1 for u in judged if u.lights["coverage"] == "green"), len(judged))
    city.operators_covering = sum(1 for u in judged if u.lights["coverage"] == "green")
    city.lights["coverage"] = light(city.coverage_best, cfg.target_coverage, bool(judged))
    judged = [u for u in units if u.lights["fibre_available"] != "grey"]
    city.fibre_available = _share(sum(1 for u in judged if u.lights["fibre_available"] == "green"), len(judged))
    city.lights["fibre_available"] = light(city.fibre_available, cfg.target_fibre_available, bool(judged))


def light_symbol(name: str) -> str:
    """A traffic light as text for terminals."""
    return {"green": "●G", "amber": "●A", "red": "●R", "grey": "○?"}[name]


def pct(x: float | None) -> str:
    """A share as a whole percentage, or a dash."""
    return "—" if x is None else f"{100 * x:.0f}%"


def format_table(table: IndicatorTable) -> str:
    """The indicator table as aligned text (CLI)."""
    head = [_("Code"), _("Unit"), "Viettel", "VinaPhone", "MobiFone", _("4G/5G"), _("Fibre avail."),
            _("Fibre HH"), _("Internet users"), _("Down Mbit/s"), _("Up Mbit/s"), _("Tests"), _("Enough")]
    lines = []
    for u in table.rows:
        ops = [pct(u.coverage.get(op, {}).get("share")) for op in OPERATOR_NAMES]
        lines.append([u.code if u.code != CITY else "", u.name, *ops,
                      f"{pct(u.coverage_best)} {light_symbol(u.lights['coverage'])}",
                      f"{pct(u.fibre_available)} {light_symbol(u.lights['fibre_available'])}",
                      f"{pct(u.fibre_households)} {light_symbol(u.lights['fibre_households'])}",
                      f"{pct(u.internet_users)} {light_symbol(u.lights['internet_users'])}",
                      "—" if u.download_median is None else f"{u.download_median:.1f}",
                      "—" if u.upload_median is None else f"{u.upload_median:.1f}",
                      str(u.speed_tests), _("yes") if u.enough_speed else _("no")])
    widths = [max(len(str(r[i])) for r in [head] + lines) for i in range(len(head))]
    fmt = "  ".join("{:<%d}" % w for w in widths)
    out = [fmt.format(*head)] + [fmt.format(*r) for r in lines]
    scope = _("approved sessions only") if table.scope == "approved" else _("all sessions except rejected")
    out.append(_("Data: {scope}. ●G target met, ●A within 10 points, ●R below, ○? too few samples.").format(scope=scope))
    out.append(_("City row: 4G/5G and fibre availability = share of units meeting the target."))
    return "\n".join(out)
