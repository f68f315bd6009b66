"""Load-proof cost of storing a signal reading in PostgreSQL (issue 19 throughput): instructions the server
spends per record in COPY ... FROM (callgrind on a single-user backend, counting CopyFrom and what it calls:
jsonb input, generated columns, CHECKs, indexes, heap, WAL). CPU seconds on this shared 2-core machine vary
by 30 % with the load; instruction counts do not.

    .venv/bin/python bench/bench_central_pg_cost.py [--readings 10000] [--variants v5,v6,v6keys,v6random]

Variants: vN = the receiver schema at migration N (v5 = before the cheaper table-name CHECK of 0006);
`keys` = data keys in jsonb's order as the PostgreSQL store now sends them (JsonbKeyOrder), else as the laptop
sent them; `random` = version-4-like record ids instead of the app's ordered ones. Rows are what the store
writes (central.parse + the ingest rule's fresh rows), from the load test's simulated device.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests")]

from central_load import device_batches  # noqa: E402
from pg_support import PgCluster  # noqa: E402

from survey_app.central.revisions import RECORD_COLUMNS  # noqa: E402

COLUMNS = ", ".join(RECORD_COLUMNS)


def rows_of(readings: int, random_ids: bool, keys: bool) -> list[tuple]:
    """The rows the store COPYs for one device's readings (as text: the order of the data keys kept)."""
    from survey_app.central.ingest_pg import JsonbKeyOrder
    from survey_app.central.parse import parse_batch

    order = JsonbKeyOrder() if keys else None
    out = []
    for _, body, _ in device_batches(0, readings, 5000, random_ids=random_ids):
        for r in parse_batch(gzip.decompress(body), order)[1]:
            out.append((r.table, r.id, r.revision, r.device_id, r.updated_at, r.text, "b", "2026-12-03T00:00:00Z"))
    return out


def prepare(cluster: PgCluster, variant: str, readings: int) -> tuple[str, str]:
    """A database at the variant's schema and a COPY file of its rows; (database name, file)."""
    import psycopg

    from survey_app.central import migrate
    from survey_app.clock import utc_now

    version = int(re.match(r"v(\d+)", variant).group(1))
    url = cluster.new_database(migrated=False)
    path = f"{cluster.root}/rows_{variant}.txt"
    with psycopg.connect(url, autocommit=True) as conn:
        migrate.migrate_postgresql(conn, utc_now(), target=version)
        conn.execute("CREATE TABLE stage (table_name text, id text, revision bigint, device_id text, "
                     "updated_at text, data text, batch_id text, received_at text)")
        with conn.cursor().copy(f"COPY stage ({COLUMNS}) FROM STDIN") as copy:
            for row in rows_of(readings, "random" in variant, "keys" in variant):
                copy.write_row(row)
        conn.execute(f"COPY stage ({COLUMNS}) TO '{path}'")  # the server writes it (it reads it back later)
        conn.execute("DROP TABLE stage")
    return url.rsplit("/", 1)[1], path


def instructions(cluster: PgCluster, dbname: str, path: str) -> int:
    """Instructions of one COPY into records, in a single-user backend under callgrind."""
    out = f"{cluster.root}/callgrind.{dbname}"
    cmd = ["valgrind", "--tool=callgrind", "--toggle-collect=CopyFrom", f"--callgrind-out-file={out}",
           str(cluster.bin / "postgres"), "--single", "-D", str(cluster.data), "-c", "fsync=off", dbname]
    if cluster.user:
        cmd = ["runuser", "-u", cluster.user, "--"] + cmd
    subprocess.run(cmd, input=f"COPY records ({COLUMNS}) FROM '{path}'\n", capture_output=True, text=True, check=True)
    summary = subprocess.run(["callgrind_annotate", out], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", summary).group(1).replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--readings", type=int, default=10_000)
    ap.add_argument("--variants", default="v5,v6,v6keys")
    args = ap.parse_args()
    cluster = PgCluster().start()
    try:
        prepared = {v: prepare(cluster, v, args.readings) for v in args.variants.split(",")}
        cluster.stop_server("fast")  # the single-user backends need the data folder to themselves
        result = {v: round(instructions(cluster, db, path) / (args.readings + 1)) for v, (db, path) in prepared.items()}
    finally:
        cluster.close()
    print(json.dumps({"readings": args.readings, "instructions_per_record": result}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
