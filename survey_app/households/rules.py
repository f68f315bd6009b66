"""Household rules: indicator columns derived from answers, the refusal outcome, what is still missing."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from survey_app.clock import utc_now
from survey_app.forms.interview import FormState
from survey_app.i18n import _

FIXED_TYPES = ("fibre", "adsl", "cable", "fixed_wireless")
MEMBER_FLAGS = {"uses_internet": "uses_internet", "owns_mobile_phone": "owns_mobile",
                "uses_computer": "uses_computer", "has_vneid_level2": "vneid_level2",
                "has_digital_signature": "digital_signature", "uses_online_public_services": "online_public_services",
                "uses_hue_s": "hue_s"}


def _yes(v: Any) -> int | None:
    """'yes' -> 1, 'no' -> 0, anything else (unanswered, don't know) -> NULL."""
    return {"yes": 1, "no": 0}.get(v) if isinstance(v, str) else None


def derive_household(answers: dict, member_count: int) -> dict:
    """Indicator columns of a household row from its answers (1/0/NULL)."""
    internet = _yes(answers.get("internet_at_home"))
    types = answers.get("conn_types") or []
    fixed = fibre = None
    if internet == 0:
        fixed = fibre = 0
    elif internet == 1 and types:
        fixed = int(any(t in types for t in FIXED_TYPES))
        fibre = int("fibre" in types)
    num = lambda k: float(answers[k]) if isinstance(answers.get(k), (int, float)) else None  # noqa: E731
    return {"consent": answers.get("consent"), "hamlet": answers.get("hamlet"),
            "respondent_name": answers.get("respondent_name"), "phone": answers.get("phone"),
            "internet_at_home": internet, "fixed_broadband": fixed, "fibre": fibre, "isp": answers.get("isp"),
            "plan_mbps": num("plan_mbps"), "monthly_cost_vnd": num("monthly_cost_vnd"), "member_count": member_count}


def derive_member(inst: dict) -> dict:
    """Indicator columns of a member row from its answers (1/0/NULL)."""
    age = inst.get("age")
    out = {"name": inst.get("name"), "sex": inst.get("sex"), "age": age if isinstance(age, int) else None}
    out.update({col: _yes(inst.get(field)) for col, field in MEMBER_FLAGS.items()})
    return out


def _location_columns(answers: dict, source: str | None, at: str | None) -> dict | None:
    loc = answers.get("location")
    if not isinstance(loc, str) or not loc.strip():
        return None
    parts = [float(p) for p in loc.split()]
    return {"lat": parts[0], "lon": parts[1], "position_source": source or "manual",
            "position_accuracy_m": parts[3] if len(parts) > 3 and parts[3] > 0 else None,
            "position_at": at or utc_now()}


def record_rows(hh_id: str, data: dict, location_source: str | None, location_at: str | None = None
                ) -> tuple[dict, list[dict]]:
    """The household row changes and member rows to store for FormState data."""
    answers = dict(data.get("answers") or {})
    if data.get("invalid"):
        answers["_invalid"] = data["invalid"]
    members = (data.get("repeats") or {}).get("members") or []
    hh = derive_household(answers, len(members))
    hh["answers"] = json.dumps(answers, ensure_ascii=False)
    loc = _location_columns(answers, location_source, location_at)
    if loc:
        hh.update(loc)
    mrows = []
    for pos, inst in enumerate(members, 1):
        ans = {k: v for k, v in inst.items() if k != "_id"}
        mrows.append(dict(derive_member(inst), id=inst["_id"], household_id=hh_id, position=pos,
                          answers=json.dumps(ans, ensure_ascii=False)))
    return hh, mrows


def outcome(state: FormState) -> str:
    """The status a complete interview ends in: 'refused' when consent was refused, else 'finalized'."""
    return "refused" if state.value("consent") == "no" else "finalized"


def missing_answers_message(state: FormState, errors: list) -> str:
    """'N answers are missing or not allowed', naming the first one and why."""
    name, inst, message = errors[0]
    where = state.label(name, inst)
    if inst is not None:
        where = _("Member {n}").format(n=inst + 1) + ": " + where
    return _("{n} answers are missing or not allowed. First: {where} — {message}").format(
        n=len(errors), where=where, message=message)


def duration_s(started: str | None, ended: str) -> float | None:
    """Seconds between two stored timestamps, to a tenth; None without a start."""
    if not started:
        return None
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return round((parse(ended) - parse(started)).total_seconds(), 1)
