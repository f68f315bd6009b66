"""The receiver's read side on both back ends: indicators equal to `review summary`, the OData service read by
a client the project did not write (python-odata), CSV/GeoJSON downloads with the privacy defaults."""
from __future__ import annotations

import csv
import io
import json

import pytest

pytest.importorskip("fastapi")

from central_support import comparable, review_summary, synced_demo, team_and_days  # noqa: E402


@pytest.fixture
def demo(cli, db, home, tmp_path, central_db):
    receiver = synced_demo(cli, home, tmp_path, central_db)
    yield receiver
    receiver.stop()


def _store(target):
    from survey_app.central.backend import open_store

    return open_store(target)


def test_indicators_equal_review_summary(cli, demo):
    from survey_app.central.indicators import IndicatorCache

    store = _store(demo.db_path)
    try:
        cache = IndicatorCache(store)
        for include_all, scope in ((False, "approved"), (True, "all")):
            local = review_summary(cli, include_all=include_all)
            central = cache.table(scope)
            assert central["scope"] == local["scope"] == scope
            assert comparable(central) == comparable(local)
        assert local["rows"][-1]["readings"] > 1000  # the comparison covered real data
    finally:
        store.close()


def test_filtered_indicators_equal_review_summary(cli, db, demo):
    """The dashboard's team and day filters give `review summary --team --from --to`'s figures."""
    from starlette.datastructures import QueryParams

    from survey_app.central.dashboard import summary_filters
    from survey_app.central.indicators import IndicatorCache

    team, unit, first, last = team_and_days(db)
    store = _store(demo.db_path)
    try:
        cache = IndicatorCache(store)
        assert team in cache.teams("all")
        filters = summary_filters(QueryParams({"team": team, "from": first, "to": last}))
        central = cache.table("all", filters)
        local = review_summary(cli, "--team", team, "--from", first, "--to", last, include_all=True)
        assert comparable(central) == comparable(local)
        part = {r["code"]: r for r in central["rows"]}
        assert part["city"]["readings"] == part[unit]["readings"] > 0  # only that team's unit
        days = cache.table("all", summary_filters(QueryParams({"from": first, "to": last})))
        assert comparable(days) == comparable(review_summary(cli, "--from", first, "--to", last, include_all=True))
        whole = cache.table("all")["rows"][-1]["readings"]
        assert part[unit]["readings"] < days["rows"][-1]["readings"] < whole  # each filter left records out
    finally:
        store.close()
    for bad in ("from=31/02/2026", "from=2026-02-31", f"from={last}&to={first}", "&".join(["team=t"] * 21)):
        assert isinstance(summary_filters(QueryParams(bad)), str), bad  # a 422 with this text


def test_postgis_indicator_views_match(cli, demo):
    if not str(demo.db_path).startswith("postgresql://"):
        pytest.skip("PostGIS views are the PostgreSQL edition's")
    from sync_support import receiver_sql

    local = {r["code"]: r for r in review_summary(cli)["rows"]}
    rows = receiver_sql(demo.db_path, "SELECT unit_code, readings, households, speed_tests, download_median, "
                                      "fibre_available, internet_users, ST_SRID(point) FROM unit_indicators")
    assert len(rows) == 40
    for code, readings, households, tests, down, fibre, users, srid in rows:
        u = local[code]
        assert (readings, households, tests, srid) == (u["readings"], u["households"], u["speed_tests"], 4326)
        assert down == (None if u["download_median"] is None else pytest.approx(u["download_median"], abs=0.006))
        assert fibre == pytest.approx(u["fibre_available"]) and users == pytest.approx(u["internet_users"])
    op = receiver_sql(demo.db_path, "SELECT unit_code, operator, readings, coverage_share FROM operator_indicators "
                                    "WHERE readings > 0")
    for code, operator, readings, share in op:
        assert (readings, share) == (local[code]["coverage"][operator]["readings"],
                                     pytest.approx(local[code]["coverage"][operator]["share"]))
    # Observations carry an indexed PostGIS geometry that QGIS reads straight from the view.
    (n, srid), = receiver_sql(demo.db_path, "SELECT count(geom), max(ST_SRID(geom)) FROM signal_readings")
    assert n > 1000 and srid == 4326
    assert receiver_sql(demo.db_path, "SELECT indexdef FROM pg_indexes WHERE indexname = 'records_geom'")[0][0] \
        .lower().count("gist") == 1


def _odata_client(url: str, token: str):
    import requests
    from odata import ODataService

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return ODataService(url + "/api/v1/odata/", reflect_entities=True, session=session)


def test_odata_read_by_python_odata(cli, demo, home):
    """$metadata parses in python-odata; a $filter on unit and date returns the rows review summary counts."""
    store = _store(demo.db_path)
    try:
        token = store.add_read_token("power-bi")
    finally:
        store.close()
    local = {r["code"]: r for r in review_summary(cli, include_all=True)["rows"]}
    from survey_app.paths import db_path
    from survey_app.storage.db import connect

    laptop = connect(db_path(home))
    code, day = laptop.execute("SELECT s.unit_code, substr(min(x.measured_at), 1, 10) FROM signal_readings x "
                               "JOIN sessions s ON s.id = x.session_id WHERE s.status != 'rejected' "
                               "GROUP BY s.unit_code ORDER BY count(*) DESC LIMIT 1").fetchone()
    in_day = laptop.execute("SELECT count(*) FROM signal_readings x JOIN sessions s ON s.id = x.session_id "
                            "WHERE s.unit_code = ? AND s.status != 'rejected' AND x.measured_at >= ? "
                            "AND x.measured_at < ?", [code, day + "T00:00:00.000Z", day + "T23:59:59.999Z"]
                            ).fetchone()[0]
    laptop.close()
    service = _odata_client(demo.url, token)
    assert {"signal_readings", "speed_tests", "sessions", "households", "members"} <= set(service.entities)
    Readings, Sessions = service.entities["signal_readings"], service.entities["sessions"]
    sessions = {s.id: s.status for s in service.query(Sessions).filter(Sessions.unit_code == code)}
    counted = [s for s, st in sessions.items() if st != "rejected"]
    q = service.query(Readings).filter(f"unit_code eq '{code}' and measured_at ge {day}T00:00:00Z "
                                       f"and measured_at lt {day}T23:59:59.999Z")
    rows = [r for r in q if r.session_id in counted]
    assert len(rows) == in_day > 0
    # All the unit's rows (over several pages of 5000? no: fewer) equal the readings review summary counts.
    everything = [r for r in service.query(Readings).filter(Readings.unit_code == code) if r.session_id in counted]
    assert len(everything) == local[code]["readings"]
    assert service.query(Readings).filter(Readings.unit_code == code).count() >= len(everything)
    first = rows[0]
    assert isinstance(first.rsrp_dbm, float) and first.measured_at.year >= 2020  # typed by $metadata


def test_odata_options_paging_and_errors(demo):
    import httpx

    store = _store(demo.db_path)
    try:
        token = store.add_read_token("excel")
    finally:
        store.close()
    base = demo.url + "/api/v1/odata"
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
        page = c.get(base + "/signal_readings", params={"$count": "true", "$select": "id,rsrp_dbm", "$top": "3",
                                                        "$skip": "2", "$orderby": "rsrp_dbm desc"}).json()
        assert page["@odata.count"] == 4000 and len(page["value"]) == 3 and set(page["value"][0]) == {"id", "rsrp_dbm"}
        assert page["value"][0]["rsrp_dbm"] >= page["value"][-1]["rsrp_dbm"]
        first = c.get(base + "/signal_readings").json()
        assert len(first["value"]) == 4000 and "@odata.nextLink" not in first
        for bad in ({"$filter": "nope eq 1"}, {"$filter": "unit_code eq"}, {"$select": "phone"}, {"$top": "-1"},
                    {"$filter": "(" * 100 + "1 eq 1" + ")" * 100}, {"$orderby": "id; DROP TABLE records"}):
            r = c.get(base + "/households", params=bad)
            assert r.status_code in (400, 422), (bad, r.status_code, r.text)
            assert "error" in r.json() or "detail" in r.json()
        assert c.get(base + "/records").status_code == 404  # only the approved tables
        # Excel/Power BI style: HTTP Basic with the token as password.
        assert httpx.get(base + "/$metadata", auth=("any", token)).status_code == 200
    assert httpx.get(base + "/sessions").status_code == 401
    assert httpx.get(base + "/sessions", headers={"Authorization": f"Bearer {demo.token}"}).status_code == 401


def test_downloads_keep_the_privacy_defaults(demo):
    import httpx

    store = _store(demo.db_path)
    try:
        plain, full = store.add_read_token("gis"), store.add_read_token("audit", personal=True, precise=True)
    finally:
        store.close()
    url = demo.url + "/api/v1/feeds/"
    r = httpx.get(url + "households.csv", headers={"Authorization": f"Bearer {plain}"}, timeout=60)
    assert r.status_code == 200 and r.text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert len(rows) == 200 and "phone" not in rows[0] and "respondent_name" not in rows[0]
    assert all(len(x["lat"].split(".")[-1]) <= 3 for x in rows if x["lat"])  # rounded (~110 m)
    assert rows[0]["started_at"].endswith("+07:00")
    r = httpx.get(url + "households.csv", headers={"Authorization": f"Bearer {full}"}, timeout=60)
    assert "phone" in r.text.splitlines()[0]
    geo = httpx.get(url + "speed_tests.geojson", params={"status": "approved"},
                    headers={"Authorization": f"Bearer {plain}"}, timeout=60).json()
    assert geo["type"] == "FeatureCollection" and 0 < len(geo["features"]) < 120
    assert "surveyor" not in geo["features"][0]["properties"]
    assert httpx.get(url + "members.geojson", headers={"Authorization": f"Bearer {plain}"}).status_code == 404
    assert httpx.get(url + "signal_readings.csv", params={"unit": "x"},
                     headers={"Authorization": f"Bearer {plain}"}).status_code in (400, 422)
    assert json.loads(httpx.get(url + "sessions.csv").text)["detail"]
