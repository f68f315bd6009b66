"""Short version of the load benchmark (bench/bench_central.py load): 20 simulated devices sync at once into
two receiver processes on one database (one of them `--workers 2`); one receiver is killed with SIGKILL
mid-load and restarted. Every record is stored once, every batch once, nothing is lost."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from central_load import ReceiverProcess, device_batches, run_load  # noqa: E402
from sync_support import receiver_sql  # noqa: E402

DEVICES, READINGS, PER_BATCH = 20, 1000, 250


@pytest.mark.slow
def test_twenty_devices_two_receivers_one_killed(central_db):
    from survey_app.central.backend import open_store

    store = open_store(central_db)
    tokens = [store.add_device(f"laptop-{i}") for i in range(DEVICES)]  # each bound to its device id by its first batch
    store.close()
    devices = [device_batches(i, READINGS, PER_BATCH) for i in range(DEVICES)]
    receivers = [ReceiverProcess(central_db), ReceiverProcess(central_db, workers=2)]
    try:
        result = run_load(receivers, tokens, devices, kill_after=0.4)
    finally:
        for r in receivers:
            r.stop()
    assert not result["failures"], result["failures"][:5]
    assert result["killed_after_batches"] is not None and result["retries"] >= 0
    expected = DEVICES * (READINGS + 1)
    (n, distinct), = receiver_sql(central_db, "SELECT count(*), count(DISTINCT id) FROM records")
    assert n == distinct == expected  # nothing lost, nothing doubled
    assert receiver_sql(central_db, "SELECT count(*) FROM batches")[0][0] == result["batches"]
    ids = {i for d in devices for _, _, batch in d for i in batch}
    assert {r for (r,) in receiver_sql(central_db, "SELECT id FROM records")} == ids
    peaks = [max(s[1][k] for s in result["rss_samples"]) for k in range(2)]
    assert max(peaks) < 600, peaks  # MB, whole receiver (the --workers one counts its supervisor and workers)
