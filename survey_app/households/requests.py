"""Deadlines of a household's request under Decree 356/2025/NĐ-CP (see docs/privacy.md): acknowledge within 2
working days, complete within 15 days (one extension of up to 15 more, said to the household)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from survey_app.clock import VN_TZ

ACK_WORKING_DAYS = 2
COMPLETE_DAYS = 15


def local_day(utc_text: str) -> date:
    """The Vietnam calendar day of a stored UTC time."""
    return datetime.fromisoformat(utc_text.replace("Z", "+00:00")).astimezone(VN_TZ).date()


def add_working_days(day: date, n: int) -> date:
    """`n` working days (Monday to Friday) after `day`; public holidays are not known here and not skipped."""
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def deadlines(received_utc: str) -> dict[str, date]:
    """The last day to acknowledge and to complete a request received at `received_utc`."""
    day = local_day(received_utc)
    return {"acknowledge_by": add_working_days(day, ACK_WORKING_DAYS),
            "complete_by": day + timedelta(days=COMPLETE_DAYS)}


def with_deadlines(request: dict, today: date | None = None) -> dict:
    """A logged request with its deadlines and whether it is late (ISO dates, for JSON and the window)."""
    today = today or datetime.now(VN_TZ).date()
    d = deadlines(request["received_at"])
    done = request.get("completed_at")
    late = (local_day(done) if done else today) > d["complete_by"]
    return dict(request, acknowledge_by=d["acknowledge_by"].isoformat(), complete_by=d["complete_by"].isoformat(),
                late=late)
