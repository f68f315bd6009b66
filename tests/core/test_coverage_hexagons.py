"""Hexagon summaries: statistics against a direct calculation, and incremental updates equal to a recount."""
from __future__ import annotations

import json

import h3
import numpy as np
import pytest

from survey_app.coverage import histograms as hg
from survey_app.coverage.hexagons import hexagons
from survey_app.coverage.summaries import rebuild, update
from survey_app.models.export_spec import Filters

from coverage_support import BOUNDARIES, demo

def stored(db) -> list[tuple]:
    return db.execute("SELECT * FROM hex_partitions ORDER BY res, cell, unit_code, operator, technology, "
                      "session_id, day").fetchall()


def direct(db, cell: int, unit: str, res: int, operator: str, tech: str):
    """Values of the readings in one hexagon, computed straight from the records."""
    rows = db.execute("SELECT lat, lon, unit_code, coalesce(rsrp_dbm, nr_rsrp_dbm), coalesce(sinr_db, nr_sinr_db), "
                      "technology IS NULL OR registration IN ('none', 'searching', 'denied') FROM signal_readings "
                      "WHERE lat IS NOT NULL AND operator = ? AND technology = ?", [operator, tech]).fetchall()
    mine = [r for r in rows if r[2] == unit and h3.api.numpy_int.latlng_to_cell(r[0], r[1], res) == cell]
    return mine


def test_statistics_match_a_direct_calculation_for_sampled_cells(db):
    demo(db)
    hexes = hexagons(db, 9, "Viettel", "LTE")
    assert len(hexes) > 50
    rng = np.random.default_rng(7)
    busy = [h for h in hexes if h.readings >= 5]
    for h in [busy[i] for i in rng.choice(len(busy), 12, replace=False)]:
        rows = direct(db, h.cell, h.unit_code, 9, "Viettel", "LTE")
        assert h.readings == len(rows)
        rsrp = [round(r[3], 1) for r in rows if r[3] is not None]
        sinr = [round(r[4], 1) for r in rows if r[4] is not None]
        assert h.rsrp_median == hg.nearest_rank(rsrp, 50) == float(np.percentile(rsrp, 50, method="inverted_cdf"))
        assert h.rsrp_p10 == hg.nearest_rank(rsrp, 10)
        assert h.sinr_median == hg.nearest_rank(sinr, 50)
        assert h.sinr_p10 == hg.nearest_rank(sinr, 10)
        assert h.no_service_share == round(sum(r[5] for r in rows) / len(rows), 4)
    tested = [h for h in hexagons(db, 8, refresh=False) if h.tests >= 3]
    assert tested
    for h in tested[:8]:
        rows = db.execute("SELECT lat, lon, unit_code, download_mbps, upload_mbps FROM speed_tests "
                          "WHERE status = 'ok' AND lat IS NOT NULL").fetchall()
        mine = [r for r in rows if r[2] == h.unit_code   # res 8 = the parent of the res-9 cell (H3's hierarchy)
                and h3.api.numpy_int.cell_to_parent(h3.api.numpy_int.latlng_to_cell(r[0], r[1], 9), 8) == h.cell]
        assert h.tests == len(mine)
        assert h.down_median == hg.nearest_rank([round(r[3], 2) for r in mine], 50)
        assert h.up_p10 == hg.nearest_rank([round(r[4], 2) for r in mine if r[4] is not None], 10)


def test_incremental_update_after_1000_readings_equals_a_full_recount(db):
    from survey_app.review.boundaries import import_geojson

    if BOUNDARIES.exists():   # clipped to the real boundaries: points near a line take the polygon test
        import_geojson(db, BOUNDARIES)
    demo(db, readings=5000, tests=200)
    first = update(db)
    assert first.readings > 4000 and not first.rebuilt
    demo(db, readings=1000, tests=40, households=30, seed=2)
    added = update(db)
    assert 950 <= added.readings <= 1000 and not added.rebuilt
    incremental = stored(db)
    full = rebuild(db)
    assert full.rebuilt and full.readings == first.readings + added.readings
    assert stored(db) == incremental
    assert update(db).partitions == 0   # nothing new: nothing written


def test_resolution_8_is_the_sum_of_its_children(db):
    demo(db, readings=2000, tests=100, households=120)
    fine = hexagons(db, 9)
    for h in hexagons(db, 8, refresh=False)[:30]:
        kids = [k for k in fine if k.unit_code == h.unit_code
                and h3.api.numpy_int.cell_to_parent(k.cell, 8) == h.cell]
        assert h.readings == sum(k.readings for k in kids) and h.tests == sum(k.tests for k in kids)


def test_removed_rows_or_new_boundaries_trigger_a_rebuild(db):
    demo(db, readings=800, tests=20, households=60)
    update(db)
    before = sum(h.readings for h in hexagons(db, 9, refresh=False))
    rid = db.execute("SELECT id FROM signal_readings WHERE lat IS NOT NULL LIMIT 1").fetchone()[0]
    from survey_app.storage.revisions import delete

    delete(db, "signal_readings", rid, deleted_by="test", reason="a reading taken by mistake")  # a tombstone travels
    assert update(db).rebuilt
    assert sum(h.readings for h in hexagons(db, 9, refresh=False)) == before - 1


def test_a_rebuild_writes_only_the_partitions_that_differ(db):
    demo(db, readings=800, tests=20, households=60)
    update(db)
    good = stored(db)
    assert rebuild(db).partitions == 0 and stored(db) == good          # nothing changed: nothing written
    cell, unit = good[0][1], good[0][2]
    with db.conn:   # a damaged partition and one that no sample makes
        db.execute("UPDATE hex_partitions SET readings = readings + 5 WHERE res = ? AND cell = ? AND unit_code = ?",
                   [good[0][0], cell, unit])
        db.execute("INSERT INTO hex_partitions SELECT res, cell + 1, unit_code, operator, technology, session_id, "
                   "day, readings, no_service, tests, newest, rsrp, sinr, down, up FROM hex_partitions LIMIT 1")
    assert stored(db) != good
    result = rebuild(db)
    assert stored(db) == good and result.partitions >= 1 and result.rebuilt
    assert {"read", "cells", "units", "partitions", "write", "commit"} <= set(result.stages)


def test_filters_select_partitions(db):
    demo(db, readings=3000, tests=100)
    everything = sum(h.readings for h in hexagons(db, 9))
    approved = sum(h.readings for h in hexagons(db, 9, filters=Filters(status="approved"), refresh=False))
    expected = db.execute("SELECT count(*) FROM signal_readings r JOIN sessions s ON s.id = r.session_id "
                          "WHERE s.status = 'approved' AND r.lat IS NOT NULL").fetchone()[0]
    assert approved == expected < everything
    team = db.execute("SELECT team_name FROM sessions LIMIT 1").fetchone()[0]
    by_team = sum(h.readings for h in hexagons(db, 9, filters=Filters(teams=(team,)), refresh=False))
    assert by_team == db.execute("SELECT count(*) FROM signal_readings r JOIN sessions s ON s.id = r.session_id "
                                 "WHERE s.team_name = ? AND r.lat IS NOT NULL", [team]).fetchone()[0]
    from datetime import date

    day = date(2026, 4, 1)
    recent = sum(h.readings for h in hexagons(db, 9, filters=Filters(date_from=day), refresh=False))
    from survey_app.clock import utc_bound

    assert recent == db.execute("SELECT count(*) FROM signal_readings WHERE measured_at >= ? AND lat IS NOT NULL",
                                [utc_bound(day)]).fetchone()[0]


@pytest.mark.parametrize("values", [[1], [5, 1], [3, 3, 3, 1, 2], list(range(100))])
def test_histogram_percentiles_are_nearest_rank(values):
    bins, counts = np.unique(values, return_counts=True)
    groups = np.zeros(len(bins), dtype=np.int64)
    med, p10 = hg.percentiles(groups, bins.astype(np.int64), counts, 1)
    assert med[0] == hg.nearest_rank(values, 50) and p10[0] == hg.nearest_rank(values, 10)
    assert hg.decode(hg.encode(bins, counts))[1].tolist() == counts.tolist()
    assert hg.decode(b"garbage") == hg.EMPTY


def test_cli_says_how_many_partitions_a_rebuild_changed(db, cli):
    demo(db, readings=300, tests=10, households=30)
    first = cli("coverage", "update", "--json", check=True)
    assert json.loads(first.stdout)["partitions"] > 0
    again = cli("coverage", "update", "--rebuild", lang="vi", check=True)
    assert "0 phần thay đổi" in again.stdout and "Đã đếm lại 300 số đo tín hiệu" in again.stdout
