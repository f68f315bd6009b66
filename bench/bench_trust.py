"""Benchmark (issue 15): sealed bundles and the receiver under hostile or heavy input.

Measured in one run (anchors from the issue):
  * seal + open of a bundle of N MB of readings (age + Ed25519, streamed) against plain zlib of the same lines;
  * a 100 MB sealed bundle verified by the receiver while device B sends batches: each batch answered < 1 s;
  * a gzip body inflating to 10 GB: 413 in < 1 s, receiver peak RSS < 300 MB (receiver in its own process).

    .venv/bin/python bench/bench_trust.py [--megabytes 100]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zlib
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
LINES_PER_FILE_MB = 1.65  # the generated lines (random hex) compress about 1.65:1
sys.path.insert(0, str(ROOT / "tests" / "core"))

from trust_support import Laptop, big_bundle  # noqa: E402
from test_trust_receiver import _batch, _bomb, _post_until_answer, _rec  # noqa: E402

from survey_app.central.server import ThreadedReceiver  # noqa: E402
from survey_app.central.store import CentralStore  # noqa: E402
from survey_app.trust.container import BundleOpener  # noqa: E402
from survey_app.trust.keys import central_identity  # noqa: E402


def _post(url, path, body, token, timeout=900):
    u = urlsplit(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        c.request("POST", path, body=body, headers={"Authorization": f"Bearer {token}"})
        r = c.getresponse()
        return r.status, json.loads(r.read())
    finally:
        c.close()


def seal_and_open(work: Path, megabytes: float) -> dict:
    """Seal then open+verify a bundle; the anchor is plain zlib (level 1) of the same JSON lines, both ways."""
    lan = Laptop(work / "lan")
    t0 = time.perf_counter()
    path, n = big_bundle(work / "seal.bundle", lan, [lan.keyring.identity.public], megabytes * LINES_PER_FILE_MB)
    seal_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    opener = BundleOpener(path, lan.keyring.identity)
    opener.open()
    chunks = [data for _table, data in opener.chunks()]
    open_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for data in chunks:
        zlib.decompress(zlib.compress(data, 1))
    zlib_s = time.perf_counter() - t0
    lan.close()
    return {"records": n, "file_mb": round(path.stat().st_size / 2**20, 1),
            "lines_mb": round(sum(map(len, chunks)) / 2**20, 1), "seal_s_incl_generating_lines": round(seal_s, 2),
            "open_and_verify_s": round(open_s, 2), "anchor_zlib_compress_and_inflate_s": round(zlib_s, 2)}


def verify_while_batches(work: Path, megabytes: float) -> dict:
    lan = Laptop(work / "lan2")
    db = work / "central.db"
    store = CentralStore(db)
    token = store.add_device("Lan", public_key=lan.key)
    token_b = store.add_device("B")
    store.close()
    rec = ThreadedReceiver(db).start()
    app = rec.server.config.app
    try:
        path, n = big_bundle(work / "big.bundle", lan, [central_identity(db).public], megabytes * LINES_PER_FILE_MB)
        body = path.read_bytes()
        answer: list = []
        t0 = time.perf_counter()
        up = threading.Thread(target=lambda: answer.append(_post(rec.url, "/api/v1/bundles", body, token)))
        up.start()
        while app.state.verifying == 0 and up.is_alive():
            time.sleep(0.002)
        verify_start = time.perf_counter()
        latencies = []
        device_b = str(uuid.uuid4())
        while app.state.verifying:
            s = time.perf_counter()
            status, _ = _post(rec.url, "/api/v1/batches", _batch(device_b, [
                _rec("signal_readings", str(uuid.uuid4()), 1, device_b, rsrp_dbm=-80.0)]), token_b)
            assert status == 200
            if app.state.verifying:
                latencies.append(time.perf_counter() - s)
            time.sleep(0.2)
        verify_s = time.perf_counter() - verify_start
        up.join()
        total_s = time.perf_counter() - t0
        assert answer[0][0] == 200 and len(answer[0][1]["accepted"]) == n
        latencies.sort()
        return {"bundle_mb": round(len(body) / 2**20, 1), "records": n, "verify_s": round(verify_s, 1),
                "upload_total_s": round(total_s, 1), "batches_during_verify": len(latencies),
                "batch_median_s": round(latencies[len(latencies) // 2], 3) if latencies else None,
                "batch_max_s": round(latencies[-1], 3) if latencies else None}
    finally:
        rec.stop()
        lan.close()


def bomb(work: Path) -> dict:
    db = work / "bomb.db"
    store = CentralStore(db)
    token = store.add_device("A")
    store.close()
    proc = subprocess.Popen([sys.executable, "-m", "survey_app", "central", "serve", "--db", str(db), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = proc.stdout.readline().split()[-1]
        import urllib.request

        urllib.request.urlopen(url + "/api/v1/health", timeout=30)
        body = _bomb(10 << 30)
        runs = [_post_until_answer(url, "/api/v1/batches", {"Authorization": f"Bearer {token}",
                                                            "Content-Encoding": "gzip"}, body) for _ in range(3)]
        hwm = int(next(line.split()[1] for line in open(f"/proc/{proc.pid}/status") if line.startswith("VmHWM")))
        return {"body_mb": round(len(body) / 2**20, 1), "inflates_to_gb": 10, "statuses": [r[0] for r in runs],
                "seconds": [round(r[2], 2) for r in runs], "receiver_peak_rss_mb": round(hwm / 1024)}
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--megabytes", type=float, default=100, help="size of the sealed bundle file")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_trust_"))
    results = {"load_average_at_start": [round(x, 2) for x in os.getloadavg()],
               "seal_open": seal_and_open(work, args.megabytes),
               "verify_while_batches": verify_while_batches(work, args.megabytes),
               "gzip_bomb": bomb(work)}
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    v, b = results["verify_while_batches"], results["gzip_bomb"]
    checks = {"every batch during verification < 1 s": v["batch_max_s"] is not None and v["batch_max_s"] < 1.0,
              "bomb 413 < 1 s": all(s == 413 for s in b["statuses"]) and max(b["seconds"]) < 1.0,
              "bomb receiver RSS < 300 MB": b["receiver_peak_rss_mb"] < 300}
    results["checks"] = checks
    print(json.dumps(results, indent=1))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
