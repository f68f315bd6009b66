"""Simulated devices and receiver processes for the central load test (tests/core/test_central_load.py) and
benchmarks (bench/bench_central.py).

A simulated device sends what the app sends: gzip JSON batches of one session and its signal readings
(500 per batch by default, the app's default), each batch retried with the same batch_id until a receiver
answers with the contract (a killed receiver, a refused connection or a 5xx are transport failures). Receivers
are real `survey-app central serve` processes on 127.0.0.1.
"""
from __future__ import annotations

import gzip
import http.client
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field

from survey_app.codec import dumps_bytes, loads


BASE_MS = 1_795_000_000_000  # 2026-11-18: when the simulated readings' ids were made


def ordered_id(ns: uuid.UUID, i: int) -> str:
    """The i-th record id a laptop makes, laid out as the app's clock.new_id does (UUID version 8, time-ordered;
    contract/SYNC.md "Record ids"): one id per millisecond, the random bits from `ns` (the same every run)."""
    ms = BASE_MS + i
    tail = int.from_bytes(uuid.uuid5(ns, f"r{i}").bytes[8:], "big") & 0x3FFF_FFFF_FFFF_FFFF
    return str(uuid.UUID(int=((ms & 0xFFFF_FFFF) << 96) | ((ms >> 32 & 0xFFFF) << 80) | (0x8 << 76) | (0b10 << 62)
                         | tail))


def device_batches(device: int, readings: int, per_batch: int = 500, seed: str = "load", *,
                   random_ids: bool = False) -> list[tuple[str, bytes, list[str]]]:
    """(batch_id, gzip body, record ids) of one device's sync: its session first, then its readings, with ids
    made in order as the app makes them since round two (`random_ids`: version-4-like, as older laptops)."""
    ns = uuid.uuid5(uuid.NAMESPACE_URL, f"survey-load/{seed}/{device}")
    dev_id = str(uuid.uuid5(ns, "device"))
    session = str(uuid.uuid5(ns, "session"))
    now = "2026-11-27T03:00:00.000Z"
    common = {"device_id": dev_id, "surveyor": f"Tổ {device}", "app_version": "0.1.0", "created_at": now}
    records = [{"table": "sessions", "id": session, "revision": 1, "updated_at": now,
                "data": dict(common, unit_code="19753", code_set="VN-2025-07", status="closed",
                             team_name=f"Tổ {device}", started_at=now)}]
    for i in range(readings):
        rid = str(uuid.uuid5(ns, f"r{i}")) if random_ids else ordered_id(ns, i)
        records.append({"table": "signal_readings", "id": rid, "revision": 1, "updated_at": now, "data": dict(
            common, session_id=session, unit_code="19753", code_set="VN-2025-07",
            measured_at=f"2026-11-27T03:{(i // 600) % 60:02d}:{(i // 10) % 60:02d}.{i % 10}00Z", technology="LTE",
            operator=("Viettel", "VinaPhone", "MobiFone")[i % 3], mcc="452", mnc="04", registration="home",
            rsrp_dbm=-80.0 - i % 40, rsrq_db=-10.5, sinr_db=12.0, rssi_dbm=-60.0, band="B3", arfcn=1650,
            pci=i % 504, cell_id=123456 + i % 50, tac=12001, lat=16.46 + (i % 1000) * 1e-5,
            lon=107.59 + (i % 997) * 1e-5, position_source="gps", position_accuracy_m=4.0,
            raw=f'+QENG: "servingcell","NOCONN","LTE","FDD",452,04,1E240,{i % 504},1650,3,5,5,2EE1,-{80 + i % 40}')})
    out = []
    for start in range(0, len(records), per_batch):
        chunk = records[start:start + per_batch]
        batch_id = str(uuid.uuid5(ns, f"batch{start}"))
        body = dumps_bytes({"batch_id": batch_id, "device_id": dev_id, "schema_version": 5, "created_at": now,
                            "records": chunk})
        out.append((batch_id, gzip.compress(body, 1), [r["id"] for r in chunk]))
    return out


@dataclass
class Tally:
    """What the devices saw."""

    answer_s: list[float] = field(default_factory=list)
    retries: int = 0
    accepted: int = 0
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def p95(self) -> float:
        """95th percentile of the batch answer times (successful attempts), seconds."""
        xs = sorted(self.answer_s)
        return xs[min(len(xs) - 1, int(0.95 * len(xs)))] if xs else float("nan")


def send_device(batches, ports: list[int], token: str, tally: Tally, *, offset: int = 0,
                deadline_s: float = 600.0) -> None:
    """Send one device's batches in order, alternating receivers; retry each until a contract answer."""
    conns: dict[int, http.client.HTTPConnection] = {}
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Content-Encoding": "gzip"}
    stop_at = time.monotonic() + deadline_s
    for k, (batch_id, body, ids) in enumerate(batches):
        attempt = 0
        while True:
            port = ports[(offset + k + attempt) % len(ports)]
            t0 = time.perf_counter()
            try:
                conn = conns.get(port) or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                conns[port] = conn
                conn.request("POST", "/api/v1/batches", body, headers)
                resp = conn.getresponse()
                raw = resp.read()
                if resp.status == 200 and resp.headers.get("content-type", "").startswith("application/json"):
                    answer = loads(raw)
                    took = time.perf_counter() - t0
                    if answer.get("batch_id") != batch_id or len(answer.get("accepted", [])) != len(ids):
                        with tally.lock:
                            tally.failures.append(f"unexpected answer to {batch_id}: {raw[:200]!r}")
                    with tally.lock:
                        tally.answer_s.append(took)
                        tally.accepted += len(answer.get("accepted", []))
                    break
                reason = f"HTTP {resp.status}"
            except (OSError, http.client.HTTPException) as exc:
                reason = type(exc).__name__
                bad = conns.pop(port, None)
                if bad is not None:
                    bad.close()
            attempt += 1
            with tally.lock:
                tally.retries += 1
            if time.monotonic() > stop_at:
                with tally.lock:
                    tally.failures.append(f"gave up on {batch_id}: {reason}")
                return
            time.sleep(min(0.05 * attempt, 0.5))  # the client's backoff between attempts
    for conn in conns.values():
        conn.close()


def tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children."""
    import psutil

    try:
        p = psutil.Process(pid)
        return sum(sum(x.cpu_times()[:2]) for x in [p] + p.children(recursive=True) if x.is_running())
    except psutil.Error:
        return 0.0


class ReceiverProcess:
    """`survey-app central serve --db DB --port PORT` in its own process."""

    def __init__(self, db: str, port: int = 0, workers: int = 1, env: dict | None = None) -> None:
        self.db, self.workers = db, workers
        self.env = dict(os.environ, PYTHONIOENCODING="utf-8", **(env or {}))
        self.port = port
        self.start()

    def start(self) -> None:
        """Start (again, on the same port when it had one) and wait for its `listening on` line."""
        self.proc = subprocess.Popen([sys.executable, "-m", "survey_app", "central", "serve", "--db", self.db,
                                      "--port", str(self.port), "--workers", str(self.workers)],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=self.env)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("listening on "):
            raise RuntimeError(f"receiver did not start: {line!r}")
        self.port = int(line.rsplit(":", 1)[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.wait_ready()

    def wait_ready(self, timeout: float = 60) -> None:
        """Until the health endpoint answers 200 (workers up, database reachable)."""
        deadline = time.monotonic() + timeout
        while True:
            c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            try:
                c.request("GET", "/api/v1/health")
                if c.getresponse().status == 200:
                    return
            except OSError:
                pass
            finally:
                c.close()  # also when the answer was not 200 yet (strict tests count an unclosed socket)
            if time.monotonic() > deadline:
                raise RuntimeError("receiver not ready")
            time.sleep(0.05)

    def rss_mb(self) -> float:
        """Resident memory of the receiver and its worker processes, MB."""
        import psutil

        try:
            p = psutil.Process(self.proc.pid)
            procs = [p] + p.children(recursive=True)
            return sum(x.memory_info().rss for x in procs if x.is_running()) / 1e6
        except psutil.Error:
            return 0.0

    def cpu_s(self) -> float:
        """CPU seconds (user + system) used so far by the receiver and its worker processes."""
        return tree_cpu_s(self.proc.pid)

    def kill(self) -> None:
        """SIGKILL (no clean shutdown), and reap it."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(30)
        self.proc.stdout.close()

    def stop(self) -> None:
        """SIGTERM and wait."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()
                return
        self.proc.stdout.close()


class RssMonitor(threading.Thread):
    """Samples the receivers' RSS every `every` seconds until stopped."""

    def __init__(self, receivers: list[ReceiverProcess], every: float = 0.25) -> None:
        super().__init__(daemon=True, name="rss-monitor")
        self.receivers, self.every, self.samples = receivers, every, []
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.wait(self.every):
            self.samples.append((time.monotonic(), [r.rss_mb() for r in self.receivers]))


def run_load(receivers: list[ReceiverProcess], tokens: list[str], devices: list[list], *,
             kill_after: float | None = None) -> dict:
    """Every device at once (a thread each, with its own token); optionally SIGKILL receiver 0 once `kill_after` of the batches were
    answered, and restart it. Returns timings, p95, retries, RSS samples and failures."""
    tally = Tally()
    total = sum(len(d) for d in devices)
    monitor = RssMonitor(receivers)
    monitor.start()
    threads = [threading.Thread(target=send_device, args=(b, [r.port for r in receivers], tokens[i], tally),
                                kwargs={"offset": i}, name=f"device-{i}") for i, b in enumerate(devices)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    killed_at = None
    if kill_after is not None:
        while len(tally.answer_s) < kill_after * total and any(t.is_alive() for t in threads):
            time.sleep(0.01)
        killed_at = len(tally.answer_s)
        receivers[0].kill()
        receivers[0].start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    monitor.halt.set()
    monitor.join()
    return {"seconds": seconds, "batches": total, "answered": len(tally.answer_s), "p95_s": tally.p95(),
            "retries": tally.retries, "accepted": tally.accepted, "failures": tally.failures,
            "killed_after_batches": killed_at, "rss_samples": monitor.samples}
