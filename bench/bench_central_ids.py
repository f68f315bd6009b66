"""Benchmark (issue 20): what the record-id layout costs the SQLite receiver as it grows. The same readings go
into a fresh receiver store (encrypted, the real parse + ingest rule + store, batches of 500 as the app sends
them), once with random version 4 ids (the app before round two) and once with clock.new_id()'s ordered ids;
CPU per record is reported per slice of the run, so a cost that grows with the table shows.

    .venv/bin/python bench/bench_central_ids.py [--records 1000000] [--slices 5] [--json-out FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import secrets
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("SURVEY_APP_DB_KEY", secrets.token_hex(32))

BATCH = 500


def _bodies(n: int, make_id, device: str, session: str):
    """Batch bodies of `n` readings like the app's (about 850 bytes of data each)."""
    from survey_app.codec import dumps_bytes

    now = "2026-12-03T08:00:00.000Z"
    for start in range(0, n, BATCH):
        recs = [{"table": "signal_readings", "id": make_id(), "revision": 1, "updated_at": now, "data": {
            "created_at": now, "device_id": device, "surveyor": "Lan", "app_version": "0.1.0",
            "session_id": session, "unit_code": "19753", "code_set": "VN-2025-07", "measured_at": now,
            "technology": "LTE", "operator": "Viettel", "rsrp_dbm": -80.0 - i % 40, "rsrq_db": -10.5,
            "sinr_db": 12.0, "band": "B3", "pci": 101, "cell_id": 1234567, "tac": 4501, "lat": 16.46 + i * 1e-6,
            "lon": 107.59, "position_source": "gps", "position_accuracy_m": 4.5, "position_at": now,
            "raw": '+QENG: "servingcell","NOCONN","LTE","FDD",452,04,12D687,101,1650,3,5,5,4501,-80,-10,-52,12,'
                   + str(i).rjust(420, "0")}} for i in range(start, min(n, start + BATCH))]
        yield dumps_bytes({"batch_id": str(uuid.uuid4()), "device_id": device, "schema_version": 9,
                           "created_at": now, "records": recs})


def run(label: str, make_id, n: int, slices: int) -> dict:
    """Ingest n readings into a fresh store; CPU per record per slice."""
    from survey_app.central.app import _ingest_body
    from survey_app.central.store import CentralStore

    work = Path(tempfile.mkdtemp(prefix="bench_ids_"))
    try:
        store = CentralStore(work / "central.db")
        device, session = str(uuid.uuid4()), str(uuid.uuid4())
        token = store.add_device("bench", role="supervisor")
        dev = store.device_for(token)
        per_slice, done, mark, cpu, wall, slice_cpu = [], 0, 0, 0.0, 0.0, 0.0
        for body in _bodies(n, make_id, device, session):  # (making the bodies is not counted)
            c0, w0 = time.process_time(), time.perf_counter()
            answer = _ingest_body(store, dev, body)
            spent = time.process_time() - c0
            cpu, wall, slice_cpu = cpu + spent, wall + time.perf_counter() - w0, slice_cpu + spent
            assert isinstance(answer, dict) and not answer["rejected"], answer
            done += len(answer["accepted"])
            if done - mark >= n // slices or done == n:
                per_slice.append(round(slice_cpu * 1e6 / (done - mark), 1))
                slice_cpu, mark = 0.0, done
        held = store.counts()["records"]
        store.close()
        size = sum(p.stat().st_size for p in work.iterdir())
        return {"label": label, "records": held, "ingest_cpu_s": round(cpu, 1), "ingest_wall_s": round(wall, 1), "db_mb": round(size / 2 ** 20),
                "cpu_us_per_record_by_slice": per_slice}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--slices", type=int, default=5)
    ap.add_argument("--json-out")
    args = ap.parse_args()
    from survey_app.clock import new_id

    out = {"load_average_at_start": [round(x, 2) for x in os.getloadavg()],
           "runs": [run("ordered ids (clock.new_id)", new_id, args.records, args.slices),
                    run("random v4 ids", lambda: str(uuid.uuid4()), args.records, args.slices)],
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
           "load_average_at_end": [round(x, 2) for x in os.getloadavg()]}
    print(json.dumps(out, indent=2))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
