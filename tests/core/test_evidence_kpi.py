"""KPIs on demo data: one unit's figures checked against a hand calculation from its valid tests, 'not enough
tests' below the minimum, thresholds and sampling rules reported without any claim of compliance."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import pytest

from survey_app.demo.survey import DemoSpec, generate
from survey_app.evidence.kpi import ThresholdsError, compute_kpis, load_thresholds
from survey_app.storage.db import open_db
from survey_app.storage.records import context_for


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("kpi") / "home"
    home.mkdir()
    db = open_db(home / "survey.db")
    for _ in generate(db, DemoSpec(households=60, readings=300, speedtests=2400, seed=11), context_for(db, "Lan")):
        pass
    db.close()
    return home


@pytest.fixture
def demo_db(demo_home):
    db = open_db(demo_home / "survey.db")
    yield db
    db.close()


def _cli(home, *args, lang="en"):
    env = dict(os.environ, SURVEY_APP_HOME=str(home), SURVEY_APP_LANG=lang)
    return subprocess.run([sys.executable, "-m", "survey_app", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def _percentile(values: list[float], q: float) -> float:
    """By hand: linear interpolation between the closest ranks (what spreadsheets call PERCENTILE.INC)."""
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def test_one_units_figures_match_a_hand_calculation(demo_db):
    table = compute_kpis(demo_db)
    group = max((g for g in table["groups"] if g["enough_tests"] and g["technology"] == "LTE"),
                key=lambda g: g["valid_tests"])
    rows = demo_db.execute(
        "SELECT download_mbps, upload_mbps, ping_ms, environment FROM speed_tests WHERE unit_code = ? AND operator = ? "
        "AND technology = ? AND verdict = 'valid' AND status = 'ok'",
        [group["unit_code"], group["operator"], group["technology"]]).fetchall()
    down, up, ping = ([r[i] for r in rows] for i in range(3))
    assert group["valid_tests"] == len(rows) >= table["min_tests"]
    assert group["download_median_mbps"] == pytest.approx(_percentile(down, 50), abs=1e-3)
    assert group["download_p10_mbps"] == pytest.approx(_percentile(down, 10), abs=1e-3)
    assert group["upload_median_mbps"] == pytest.approx(_percentile(up, 50), abs=1e-3)
    assert group["upload_p10_mbps"] == pytest.approx(_percentile(up, 10), abs=1e-3)
    assert group["latency_median_ms"] == pytest.approx(_percentile(ping, 50), abs=1e-3)
    assert group["latency_p90_ms"] == pytest.approx(_percentile(ping, 90), abs=1e-3)
    invalid = demo_db.execute(
        "SELECT count(*) FROM speed_tests WHERE unit_code = ? AND operator = ? AND technology = ? "
        "AND verdict = 'invalid' AND status = 'ok'", [group["unit_code"], group["operator"], group["technology"]]
    ).fetchone()[0]
    assert group["invalid_tests"] == invalid  # counted, never used for a figure
    mean = sum(down) / len(down)
    d1110 = next(t for t in group["thresholds"] if t["id"] == "d1110_4g_download")
    assert d1110["value"] == pytest.approx(mean, abs=1e-3) and d1110["reached"] == (mean >= 40)
    broadband = next(t for t in group["thresholds"] if t["id"] == "city_broadband")
    assert broadband["tests_reaching"] == sum(1 for x in down if x >= 25)
    assert broadband["share"] == pytest.approx(broadband["tests_reaching"] / len(down), abs=1e-4)
    split = next(s for s in group["sampling"] if s["id"] == "qcvn81_split")
    assert split["by_environment"] == {e: sum(1 for r in rows if r[3] == e)
                                       for e in ("indoor", "outdoor_fixed", "outdoor_moving")}
    assert next(s for s in group["sampling"] if s["id"] == "qcvn81_samples")["met"] is False  # far from 1,500
    assert "comply" not in json.dumps(table).lower()


def test_below_the_minimum_there_is_no_figure_only_the_count(demo_db, demo_home):
    table = compute_kpis(demo_db)
    few = next(g for g in table["groups"] if 0 < g["valid_tests"] < table["min_tests"])
    assert few["download_median_mbps"] is None and few["latency_p90_ms"] is None
    assert all(t == {"id": t["id"], "not_enough_tests": few["valid_tests"]} for t in few["thresholds"])
    out = _cli(demo_home, "review", "kpi", "--unit", few["unit_code"])
    assert out.returncode == 0, out.stderr
    line = next(ln for ln in out.stdout.splitlines()
                if ln.startswith(few["unit_code"]) and f"· {few['operator']} · {few['technology']}:" in ln)
    assert line.endswith(f"not enough tests ({few['valid_tests']})")
    vi = _cli(demo_home, "review", "kpi", "--unit", few["unit_code"], lang="vi")
    assert f"chưa đủ số lần đo ({few['valid_tests']})" in vi.stdout
    data = json.loads(_cli(demo_home, "review", "kpi", "--json").stdout)
    assert data["groups"] == json.loads(json.dumps(table["groups"]))


def test_a_broken_thresholds_file_is_refused():
    for bad in ("[]", '{"version": "x"}', "{", '{"version": "v", "min_tests": 5, "thresholds": [{"id": "a"}]}'):
        with pytest.raises(ThresholdsError):
            load_thresholds(bad)
    assert load_thresholds()["min_tests"] == 10
