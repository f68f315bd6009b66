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


def review_summary(cli, *, include_all: bool = False) -> dict:
    """`survey-app review summary --json` of the laptop."""
    r = cli("review", "summary", "--json", *(["--all"] if include_all else []))
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def comparable(table: dict) -> list[dict]:
    """The rows of an indicator table (its timing left out)."""
    return table["rows"]
