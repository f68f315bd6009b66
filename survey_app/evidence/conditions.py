"""The conditions a surveyor declares for a speed test, in two taps: where (QCVN 81:2019 splits its samples into
indoor, outdoor fixed and outdoor moving) and, in a vehicle, whether an external antenna was used (FCC BDC)."""
from __future__ import annotations

from dataclasses import dataclass

from survey_app.i18n import _

ENVIRONMENTS = ("indoor", "outdoor_fixed", "outdoor_moving")
# the second tap: how the device was carried (a vehicle only when moving outdoors)
PLACEMENTS = ("handheld", "vehicle", "vehicle_external_antenna")


@dataclass(frozen=True)
class Conditions:
    """Environment plus, for tests on the move, vehicle and external antenna (None = not declared)."""

    environment: str | None = None
    in_vehicle: bool | None = None
    external_antenna: bool | None = None

    @classmethod
    def from_choice(cls, environment: str | None, placement: str | None = None) -> "Conditions":
        """From the two taps; an unknown choice counts as not declared."""
        env = environment if environment in ENVIRONMENTS else None
        if placement not in PLACEMENTS or env is None:
            return cls(env, None, None)
        vehicle = placement != "handheld"
        return cls(env, vehicle, placement == "vehicle_external_antenna" if vehicle else False)

    @property
    def placement(self) -> str | None:
        """The second tap's choice back from the flags."""
        if self.in_vehicle is None:
            return None
        if not self.in_vehicle:
            return "handheld"
        return "vehicle_external_antenna" if self.external_antenna else "vehicle"

    @property
    def declared(self) -> bool:
        """Whether the surveyor said where the test was taken."""
        return self.environment is not None

    def as_columns(self) -> dict:
        """The speed_tests columns."""
        return {"environment": self.environment,
                "in_vehicle": None if self.in_vehicle is None else int(self.in_vehicle),
                "external_antenna": None if self.external_antenna is None else int(self.external_antenna)}

    def to_settings(self) -> dict:
        """What is remembered for the next test."""
        return {"speedtest_environment": self.environment or "", "speedtest_placement": self.placement or ""}

    @classmethod
    def from_settings(cls, extra: dict) -> "Conditions":
        """The conditions remembered from the last test (none on a new laptop)."""
        return cls.from_choice(extra.get("speedtest_environment") or None, extra.get("speedtest_placement") or None)


def environment_label(env: str | None) -> str:
    """The environment in the user's language."""
    return {"indoor": _("Indoor"), "outdoor_fixed": _("Outdoor, fixed"), "outdoor_moving": _("Outdoor, moving"),
            None: _("Not declared")}.get(env, env or "")


def placement_label(placement: str | None) -> str:
    """How the device was carried, in the user's language."""
    return {"handheld": _("Handheld"), "vehicle": _("In a vehicle"),
            "vehicle_external_antenna": _("In a vehicle, external antenna"), None: _("Not declared")}.get(
        placement, placement or "")
