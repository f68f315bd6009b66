"""The bulk parts of the hexagon summaries agree with the direct ones: H3 cells of many points at once, the
hexadecimal sample blocks (exact positions), the parallel read, one-key sorts and the histogram blobs."""
from __future__ import annotations

import h3
import numpy as np

from survey_app.coverage import cell_lookup, histograms as hg, inputs, partitions, summaries
from survey_app.coverage.summaries import rebuild

from coverage_support import BOUNDARIES, demo

_api = h3.api.numpy_int


def _direct(lats, lons, res):
    return np.array([_api.latlng_to_cell(a, b, res) for a, b in zip(lats.tolist(), lons.tolist())], dtype=np.int64)


def test_cells_of_many_points_are_h3s_own_even_on_sides_and_corners():
    rng = np.random.default_rng(4)
    # a dense walk-like cloud (the grid of squares pays off) plus points on, next to and near cell sides
    lats, lons = rng.uniform(16.45, 16.47, 20_000), rng.uniform(107.58, 107.60, 20_000)
    edge = []
    for cell in _api.grid_disk(_api.latlng_to_cell(16.46, 107.59, 9), 4).tolist():
        ring = np.array(_api.cell_to_boundary(cell))
        for a, b in zip(ring, np.roll(ring, -1, axis=0)):
            for t in (0.0, 0.5, 0.9):
                p = a + (b - a) * t
                edge += [p, p + rng.normal(0, 1e-10, 2), p + rng.normal(0, 1e-8, 2), p + rng.normal(0, 1e-6, 2)]
    edge = np.array(edge)
    lats, lons = np.concatenate([lats, edge[:, 0]]), np.concatenate([lons, edge[:, 1]])
    for res in (8, 9):
        fast = cell_lookup.cells_of(lats, lons, res)
        assert fast.dtype == np.int64
        assert np.array_equal(fast, _direct(lats, lons, res))
    # across icosahedron edges, pentagons, the poles and the antimeridian: the one-by-one look-up takes over
    world = rng.uniform(-89.9, 89.9, 3000), rng.uniform(-180, 180, 3000)
    assert np.array_equal(cell_lookup.cells_of(*world, 3), _direct(*world, 3))


def test_cells_of_scattered_points_skip_the_grid_and_still_agree():
    rng = np.random.default_rng(5)
    lats, lons = rng.uniform(10, 20, 5000), rng.uniform(100, 110, 5000)
    assert np.array_equal(cell_lookup.cells_of(lats, lons, 9), _direct(lats, lons, 9))


def _partitions(db):
    return db.execute("SELECT * FROM hex_partitions ORDER BY res, cell, unit_code, operator, technology, "
                      "session_id, day").fetchall()


def test_parallel_bulk_read_equals_the_single_reader(db, monkeypatch):
    from survey_app.review.boundaries import import_geojson

    if BOUNDARIES.exists():
        import_geojson(db, BOUNDARIES)
    demo(db, readings=4000, tests=200)
    rebuild(db)
    single = _partitions(db)
    monkeypatch.setattr(summaries, "PARALLEL_MIN", 1)       # two reader threads with their own connections
    rebuild(db)
    assert _partitions(db) == single


def test_positions_that_do_not_fit_the_integer_scale_are_read_exactly(db):
    """Near the equator or the prime meridian x * 2^52 loses bits: those rows are read again as REAL."""
    demo(db, readings=300, tests=10)
    row = db.execute("SELECT * FROM signal_readings LIMIT 1").fetchone()
    cols = [d[0] for d in db.execute("SELECT * FROM signal_readings LIMIT 0").description]
    odd = [(0.123456789012345, 107.5), (16.4, -0.000123456789), (-0.5, 0.25), (1500.0, 107.5)]
    base = dict(zip(cols, row))
    db.table("signal_readings").insert_all(dict(base, id=f"odd-{k}", lat=lat, lon=lon)
                                           for k, (lat, lon) in enumerate(odd))
    inputs.fill(db)
    got = summaries._read(db, "signal_readings", 0, 10 ** 9)
    by_pos = set(zip(got["lat"].tolist(), got["lon"].tolist()))
    for lat, lon in odd:
        assert (lat, lon) in by_pos
    stored_rows = db.execute("SELECT lat, lon FROM signal_readings WHERE lat IS NOT NULL AND lon IS NOT NULL "
                             "ORDER BY rowid").fetchall()
    assert list(zip(got["lat"].tolist(), got["lon"].tolist())) == stored_rows


def test_one_key_sorts_and_blobs_equal_the_lexicographic_ones():
    rng = np.random.default_rng(9)
    groups, bins = rng.integers(0, 300, 20_000), rng.integers(-1200, -400, 20_000)
    g, b, c = hg.grouped(groups, bins)
    ref = np.unique(np.column_stack([groups, bins]), axis=0, return_counts=True)
    assert np.array_equal(np.column_stack([g, b]), ref[0]) and np.array_equal(c, ref[1])
    huge = bins.astype(np.int64) * (1 << 50)                 # too wide for one key: the lexsort path
    g2, b2, c2 = hg.grouped(groups, huge)
    assert np.array_equal(g2, g) and np.array_equal(b2, b * (1 << 50)) and np.array_equal(c2, c)
    blobs = hg.encode_many(g, b, c, 300)
    for k in (0, 17, 299):
        sel = g == k
        assert blobs[k] == hg.encode(b[sel], c[sel])
    cols = [rng.integers(-(1 << 60), 1 << 60, 5000), rng.integers(0, 3, 5000), rng.integers(0, 4, 5000)]
    order, starts = partitions.group_rows(cols)
    wide = [cols[0], cols[1] * (1 << 40), cols[2] * (1 << 40)]   # forces the lexsort fallback
    order2, starts2 = partitions.group_rows(wide)
    assert np.array_equal(starts, starts2)
    keys = np.column_stack(cols)[order]
    assert (np.diff(keys[starts], axis=0) != 0).any(axis=1).all()


def test_the_grid_decides_most_points_on_both_sides_of_greenwich():
    """Negative longitudes must find their own squares (else every point falls to the one-by-one look-up)."""
    rng = np.random.default_rng(6)
    step = h3.average_hexagon_edge_length(9, "km") / 111.0 / cell_lookup.GRID_STEPS[0]
    for lon0 in (107.58, -74.02):
        lats, lons = rng.uniform(16.45, 16.47, 20_000), rng.uniform(lon0, lon0 + 0.02, 20_000)
        found, cells = cell_lookup._inside_square_cell(lats, lons, cell_lookup._unit_vectors(lats, lons), 9, step)
        assert found.mean() > 0.8
        assert np.array_equal(cells[found], _direct(lats[found], lons[found], 9))


def test_unique_of_runs_equals_numpys_unique():
    from survey_app.coverage.arrays import unique_inverse

    rng = np.random.default_rng(3)
    runs = np.repeat(rng.integers(-50, 50, 400), rng.integers(1, 40, 400))       # walk-like: long runs
    walk = rng.normal(size=300) + 1j * np.repeat(rng.normal(size=30), 10)
    for x in (runs, rng.integers(0, 10**12, 5000), walk, np.zeros(0, dtype=np.int64), np.array([7])):
        uniq, inv = unique_inverse(x)
        want, want_inv = np.unique(x, return_inverse=True)
        assert np.array_equal(uniq, want) and np.array_equal(inv, want_inv.ravel()) and inv.shape == (len(x),)
