"""What is decided at capture, right after a test: server distance, the modem's operator and technology, the
verdict, and the speed_tests columns that carry them."""
from __future__ import annotations

import json
from dataclasses import dataclass

from survey_app.evidence.conditions import Conditions
from survey_app.evidence.geo import distance_m
from survey_app.evidence.metrics import test_metrics
from survey_app.evidence.passport import Passport
from survey_app.evidence.rules import RuleSet, evaluate, load_rules


@dataclass
class Capture:
    """A test's passport, conditions and verdict, and what the test ran over."""

    passport: Passport
    conditions: Conditions
    verdict: dict
    metrics: dict
    operator: str | None = None
    technology: str | None = None

    @property
    def valid(self) -> bool:
        """Whether every rule held."""
        return bool(self.verdict.get("valid"))

    def columns(self, result) -> dict:
        """The evidence columns of the test's speed_tests row (migration 0005)."""
        runs = result.phase_runs
        cols = {"passport": json.dumps(self.passport.to_json(), separators=(",", ":"), ensure_ascii=False),
                "verdict": "valid" if self.valid else "invalid",
                "verdict_reasons": json.dumps(self.verdict.get("reasons") or [], separators=(",", ":")),
                "rules_version": self.verdict.get("rules_version"), "local_address": result.local_address,
                "address_family": result.address_family,
                "download_s": runs.get("download", {}).get("ran_s"), "upload_s": runs.get("upload", {}).get("ran_s")}
        cols.update(self.conditions.as_columns())
        return cols


def first_position(passport: Passport) -> tuple[float, float] | None:
    """Where the test began (the first second with a position)."""
    for r in passport.records:
        if r.get("lat") is not None and r.get("lon") is not None:
            return r["lat"], r["lon"]
    return None


def assess(result, passport: Passport, conditions: Conditions, *,
           server_location: tuple[float, float] | None = None, rules: RuleSet | None = None) -> Capture:
    """Fill the server distance (when the server's location is known), the operator and technology (when the
    test ran over the modem that was read) and judge the test."""
    start = first_position(passport)
    if result.server.distance_km is None and server_location and start:
        result.server.distance_km = round(distance_m(*start, *server_location) / 1000, 1)
    main = passport.main_cell_values() if result.interface_kind == "modem" else {}
    data = dict(result.to_json(), server_distance_km=result.server.distance_km)
    metrics = test_metrics(data, passport, conditions)
    verdict = evaluate(metrics, rules or load_rules())
    return Capture(passport, conditions, verdict, metrics, main.get("operator"), main.get("technology"))
