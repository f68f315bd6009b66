"""Review thresholds: defaults with their sources, overridable in settings.extra["review"]."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from survey_app.i18n import _


@dataclass(frozen=True)
class ReviewConfig:
    """Thresholds of the quality checks and indicators (all configurable)."""

    # Quality checks
    max_no_position_share: float = 0.05
    max_outside_share: float = 0.02
    poor_accuracy_m: float = 50.0
    max_poor_accuracy_share: float = 0.10
    max_speed_mbps: float = 2500.0
    max_ping_ms: float = 5000.0
    gap_minutes: float = 15.0
    min_interview_minutes: float = 5.0
    max_refused_share: float = 0.10
    # Indicators
    usable_rsrp_dbm: float = -110.0
    covered_share: float = 0.95
    broadband_down_mbps: float = 25.0
    min_speed_samples: int = 300
    min_signal_samples: int = 300
    min_residents: int = 100
    target_coverage: float = 1.00
    target_fibre_available: float = 1.00
    target_internet_users: float = 0.95
    target_fibre_households: float = 0.80
    target_digital_signature: float = 0.70

    @classmethod
    def from_settings(cls, settings) -> "ReviewConfig":
        """Defaults, overridden by numbers found in settings.extra['review'] (bad values ignored)."""
        raw = {}
        extra = getattr(settings, "extra", None) if settings is not None else None
        if isinstance(extra, dict) and isinstance(extra.get("review"), dict):
            raw = extra["review"]
        values = {}
        for f in dataclasses.fields(cls):
            v = raw.get(f.name)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                values[f.name] = type(f.default)(v)
        return cls(**values)

    def key(self) -> str:
        """A string that changes when a cached threshold changes (checks and indicator partials depend on it)."""
        names = ("max_no_position_share", "max_outside_share", "poor_accuracy_m", "max_poor_accuracy_share",
                 "max_speed_mbps", "max_ping_ms", "gap_minutes", "min_interview_minutes", "max_refused_share",
                 "usable_rsrp_dbm")
        return ";".join(f"{n}={getattr(self, n)}" for n in names)


def sources() -> list[tuple[str, str, str]]:
    """(setting, default, where it comes from) for the indicator thresholds and targets, translated."""
    c = ReviewConfig()
    return [
        ("usable_rsrp_dbm", f"{c.usable_rsrp_dbm:g} dBm", _(
            "Usable 4G/5G signal: RSRP at or above this. About the LTE cell edge; the grading in the reference "
            "notes calls below −100 dBm poor, so −110 dBm counts only signal still able to carry data.")),
        ("covered_share", f"{c.covered_share:.0%}", _(
            "A unit counts as covered by an operator when this share of its readings has usable signal.")),
        ("broadband_down_mbps", f"{c.broadband_down_mbps:g} Mbit/s", _(
            "Download speed counted as broadband in the speed-test indicator (a practical floor; the ITU's "
            "statistical definition is only 256 kbit/s).")),
        ("min_speed_samples", str(c.min_speed_samples), _(
            "Speed tests needed per unit before its speeds are reported as reliable (VNNIC i-Speed needs at "
            "least 300 samples per ward or commune).")),
        ("min_signal_samples", str(c.min_signal_samples), _(
            "Signal readings needed per unit and operator before coverage is reported as reliable.")),
        ("target_coverage", f"{c.target_coverage:.0%}", _(
            "Plan 455/KH-UBND: by 2030, 100% of wards and communes covered by 4G/5G mobile broadband.")),
        ("target_fibre_available", f"{c.target_fibre_available:.0%}", _(
            "Plan 455/KH-UBND: by 2030, 100% of wards and communes reached by high-speed fibre.")),
        ("target_internet_users", f"{c.target_internet_users:.0%}", _(
            "Plan 455/KH-UBND: by 2030, more than 95% of residents use broadband Internet.")),
        ("target_fibre_households", f"{c.target_fibre_households:.0%}", _(
            "Decision 411/QĐ-TTg: 80% of households with fibre broadband (2025 target).")),
        ("target_digital_signature", f"{c.target_digital_signature:.0%}", _(
            "Decision 411/QĐ-TTg: 70% of adults with a digital signature by 2030.")),
    ]
