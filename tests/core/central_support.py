"""Helpers of the central (city edition) tests: a synced demo survey on a receiver of either back end."""
from __future__ import annotations

import json

from sync_support import Receiver, fast_config, sync

from survey_app.paths import db_path

PASSWORD = "correct horse battery staple"


def synced_demo(cli, home, tmp_path, central_db, *, households=200, readings=4000, speedtests=120, seed=7):
    """Demo survey on the laptop of `home` (a supervisor's: it holds the review decisions), synced to a running
    receiver on `central_db`; returns the receiver."""
    r = cli("demo-data", "--households", households, "--readings", readings, "--speedtests", speedtests,
            "--seed", seed, "--json")
    assert r.returncode == 0, r.stderr
    receiver = Receiver(tmp_path, db=central_db, role="supervisor")  # its approvals count at the centre
    result = sync(db_path(home), fast_config(receiver.url, receiver.token))
    assert result.status == "ok" and result.rejected == 0, result
    return receiver


def review_summary(cli, *args: str, include_all: bool = False) -> dict:
    """`survey-app review summary --json` of the laptop (`args`: its filters, e.g. "--team", name)."""
    r = cli("review", "summary", "--json", *(["--all"] if include_all else []), *args)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def team_and_days(db) -> tuple[str, str, str, str]:
    """A team, its unit, and a day range (YYYY-MM-DD, Vietnam days) that keeps that team's first session and
    leaves out the city's earlier half: filters that change the figures."""
    from datetime import datetime, timedelta

    rows = db.execute("SELECT team_name, unit_code, started_at FROM sessions WHERE status != 'rejected' "
                      "ORDER BY started_at").fetchall()
    day = lambda s: (datetime.fromisoformat(s.replace("Z", "+00:00")) + timedelta(hours=7)).date().isoformat()  # noqa: E731
    team, unit, _started = rows[3 * len(rows) // 4]
    return team, unit, day(rows[len(rows) // 2][2]), day(rows[-1][2])


def comparable(table: dict) -> list[dict]:
    """The rows of an indicator table (its timing left out)."""
    return table["rows"]
