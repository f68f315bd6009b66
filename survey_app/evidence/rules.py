"""Validity rules as data (survey_app/data/evidence/validity_rules.json): load, check and apply them.

A verdict is {"valid": bool, "rules_version": str, "reasons": [{"code", "params"}]}: the codes are rule ids
and the parameters the measured value and the limit, so that the reason is translated only where it is shown
(evidence/reasons.py) and an export can carry it as data.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from survey_app.evidence.conditions import ENVIRONMENTS
from survey_app.evidence.data_files import read_json

CHECKS = ("equals", "between", "present", "min", "max", "max_by_environment")


class RulesError(ValueError):
    """The rules file is not what the app can apply."""


@dataclass(frozen=True)
class Rule:
    """One check of one metric, with whose rule it is and where it comes from."""

    id: str
    check: str
    metric: str
    authority: str
    source: str
    limits: dict = field(default_factory=dict)  # min / max / value; max may be per environment
    report: tuple[str, ...] = ()  # further metrics a failure carries, for its explanation
    needs: tuple[str, ...] = ()  # rules that must hold for this one to be judged (no position: no accuracy)


@dataclass(frozen=True)
class RuleSet:
    """A versioned list of rules."""

    version: str
    rules: tuple[Rule, ...]


def load_rules(text: str | None = None) -> RuleSet:
    """The shipped rules (or `text`, a rules JSON); RulesError when malformed."""
    data = read_json("validity_rules.json", text, RulesError)
    if not isinstance(data, dict) or not isinstance(data.get("version"), str) or not isinstance(data.get("rules"), list):
        raise RulesError("rules file needs a version and a list of rules")
    return RuleSet(data["version"], tuple(_rule(r) for r in data["rules"]))


def _rule(raw: Any) -> Rule:
    if not isinstance(raw, dict):
        raise RulesError("a rule is not an object")
    try:
        rid, check, metric = str(raw["id"]), str(raw["check"]), str(raw["metric"])
        authority, source = str(raw["authority"]), str(raw["source"])
    except KeyError as exc:
        raise RulesError(f"rule without {exc}") from None
    if check not in CHECKS:
        raise RulesError(f"rule {rid}: unknown check {check!r}")
    limits = {k: raw[k] for k in ("min", "max", "value") if k in raw}
    if check == "max_by_environment" and not (isinstance(limits.get("max"), dict)
                                              and set(limits["max"]) >= set(ENVIRONMENTS)):
        raise RulesError(f"rule {rid}: needs a max for every environment")
    for k in ("min", "max"):
        v = limits.get(k)
        if v is not None and not isinstance(v, (int, float, dict)):
            raise RulesError(f"rule {rid}: {k} is not a number")
    report = raw.get("report", [])
    if not isinstance(report, list) or not all(isinstance(x, str) for x in report):
        raise RulesError(f"rule {rid}: report is not a list of metric names")
    needs = raw.get("needs", [])
    if not isinstance(needs, list) or not all(isinstance(x, str) for x in needs):
        raise RulesError(f"rule {rid}: needs is not a list of rule ids")
    return Rule(rid, check, metric, authority, source, limits, tuple(report), tuple(needs))


def evaluate(metrics: dict, rules: RuleSet) -> dict:
    """The verdict of one test's metrics (evidence/metrics.py) under a rule set."""
    reasons, failed_ids = [], set()
    for rule in rules.rules:
        if failed_ids.intersection(rule.needs):
            continue  # its value depends on what another failed rule already says is missing
        failed = _failure(rule, metrics)
        if failed is not None:
            failed.update({k: metrics.get(k) for k in rule.report})
            reasons.append({"code": rule.id, "params": failed})
            failed_ids.add(rule.id)
    return {"valid": not reasons, "rules_version": rules.version, "reasons": reasons}


def _failure(rule: Rule, m: dict) -> dict | None:
    """None when the rule holds; else the parameters that say why not ('missing' when the value is unknown)."""
    value = m.get(rule.metric)
    lim = rule.limits
    if rule.check == "present":
        return None if value is not None else {"missing": True}
    if rule.check == "equals":
        return None if value == lim["value"] else {"value": value, "expected": lim["value"]}
    limit = lim.get("max")
    if rule.check == "max_by_environment":
        env = m.get("environment")
        if env is None:
            return None  # the 'conditions' rule already says the environment is missing
        limit = lim["max"][env]
    if value is None:
        return {"missing": True, **({"max": limit} if limit is not None else {"min": lim.get("min")})}
    params = {"value": value}
    if rule.check == "max_by_environment":
        params["environment"] = m.get("environment")
    if rule.check in ("max", "max_by_environment") and value > limit:
        return dict(params, max=limit)
    if rule.check in ("min", "between") and value < lim["min"]:
        return dict(params, min=lim["min"], **({"max": lim["max"]} if rule.check == "between" else {}))
    if rule.check == "between" and value >= lim["max"]:
        return dict(params, min=lim["min"], max=lim["max"])
    return None
