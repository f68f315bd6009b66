"""A sync run: a generator that sends the outbox in batches, retries with backoff, and yields progress."""
from __future__ import annotations

import queue
import random
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Generator

from survey_app.errors import UserError
from survey_app.i18n import _
from survey_app.storage import sync as store
from survey_app.sync.batches import BadAnswer, Batch, BatchBuilder, check_answer
from survey_app.sync import forward
from survey_app.sync.outbox_threads import Marker, Producer
from survey_app.sync.transport import AuthError, Refused, TooLarge, TransientError, Transport

BATCH_PATH = "/api/v1/batches"
HEALTH_PATH = "/api/v1/health"


@dataclass
class SyncConfig:
    """Where and how to send."""

    url: str
    token: str
    ca_file: str | None = None
    max_records: int = 500
    max_bytes: int = 1024 * 1024
    timeout_s: float = 30.0
    max_attempts: int = 6
    backoff_base_s: float = 0.5
    backoff_cap_s: float = 30.0
    parallel: int = 2  # batches in flight (own connections): the receiver parses one while storing another
    compress_level: int = 1  # gzip level 1 (ISA-L: 0-3, higher capped): fast, ~25% more bytes than 5
    allow_insecure_http: bool = False  # plain http to anything but loopback is refused unless set


@dataclass
class SyncProgress:
    """Yielded after every batch (and once at the start)."""

    total: int
    batches: int = 0
    sent: int = 0
    accepted: int = 0
    rejected: int = 0
    message: str = ""


@dataclass
class SyncResult:
    """How a run ended; `status` is 'ok', 'partial' or 'failed' (by this laptop's own records: batches, sent,
    accepted, rejected count them). `forwarded*` count the bundles of other installations forwarded first and
    their records the receiver took or refused (their signer's to settle); `notes` say what it refused."""

    status: str
    batches: int = 0
    sent: int = 0
    accepted: int = 0
    rejected: int = 0
    error: str | None = None
    auth_failed: bool = False
    cancelled: bool = False
    forwarded: int = 0
    forwarded_accepted: int = 0
    forwarded_refused: int = 0
    notes: str | None = None

    def summary(self) -> dict:
        """The CLI's JSON shape (plus error details)."""
        return asdict(self)


class _Stop(Exception):
    def __init__(self, message: str, *, auth: bool = False, cancelled: bool = False) -> None:
        super().__init__(message)
        self.auth, self.cancelled = auth, cancelled


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random = random) -> float:
    """Exponential backoff with full jitter: uniform in [0, min(cap, base * 2**attempt)]."""
    return rng.uniform(0, min(cap, base * (2 ** attempt)))


def transport_for(config: SyncConfig, timeout: float | None = None) -> Transport:
    """A Transport for the configured receiver."""
    return Transport(config.url, config.token, ca_file=config.ca_file, timeout=timeout or config.timeout_s,
                     allow_insecure_http=config.allow_insecure_http)


def check_health(config: SyncConfig) -> bool:
    """Whether the receiver itself answers GET /api/v1/health (not a login page in the way)."""
    transport = transport_for(config, min(config.timeout_s, 5.0))
    try:
        answer = transport.request("GET", HEALTH_PATH)
        return isinstance(answer.body, dict) and answer.body.get("status") == "ok"
    except (TransientError, AuthError, Refused, TooLarge, UserError):
        return False
    finally:
        transport.close()


class _Sender:
    """Sends one batch until it is answered, splitting on 413/400/422, retrying transient faults."""

    def __init__(self, db, config: SyncConfig, transport: Transport, device_id: str, schema_version: int,
                 builder: BatchBuilder, cancel: threading.Event, tally: SyncProgress,
                 sleep: Callable[[float], bool]) -> None:
        self.db, self.config, self.t = db, config, transport
        self.device_id, self.schema_version = device_id, schema_version
        self.builder, self.cancel, self.tally, self.sleep = builder, cancel, tally, sleep
        self.lock = threading.Lock()  # replaced by the run's shared lock when several senders run

    def send(self, batch: Batch) -> None:
        body = batch.body(self.device_id, self.schema_version, self.config.compress_level)
        if len(body) > self.config.max_bytes and len(batch) > 1:
            for half in batch.halves():
                self.send(half)
            return
        last = ""
        for attempt in range(self.config.max_attempts):  # the same bytes under the same batch_id each time
            if self.cancel.is_set():
                raise _Stop(_("Cancelled."), cancelled=True)
            try:
                answer = self.t.request("POST", BATCH_PATH, body, {
                    "Content-Type": "application/json", "Content-Encoding": "gzip"})
                verdict = check_answer(batch, answer.body)
            except (TransientError, BadAnswer) as exc:
                last = getattr(exc, "hint", "") or _("the answer did not follow the contract ({reason})").format(
                    reason=exc)
                delay = backoff_delay(attempt, self.config.backoff_base_s, self.config.backoff_cap_s)
                if isinstance(exc, TransientError) and exc.retry_after is not None:
                    delay = max(delay, min(exc.retry_after, self.config.backoff_cap_s))
                if attempt + 1 < self.config.max_attempts and self.sleep(delay):
                    raise _Stop(_("Cancelled."), cancelled=True)
                continue
            except AuthError as exc:
                raise _Stop(_("The central system refused the device token ({reason}). Ask your supervisor "
                              "for a new token.").format(reason=exc), auth=True) from exc
            except TooLarge as exc:
                if not exc.from_receiver and len(batch) == 1:  # a proxy's limit is not a verdict on the record
                    raise _Stop(_("A proxy before the central system refuses a record this large ({detail}). "
                                  "Nothing was lost; the records stay waiting.").format(detail=exc)) from exc
                self._refused(batch, exc)
                return
            except Refused as exc:
                self._refused(batch, exc)
                return
            self._apply(batch, verdict)
            return
        raise _Stop(_("The sync stopped after {n} attempts: {reason} Nothing was lost; "
                      "the records stay waiting.").format(n=self.config.max_attempts, reason=last))

    def _refused(self, batch: Batch, exc: Exception) -> None:
        """Split until the one record the receiver refuses is found, and keep its reason."""
        if len(batch) > 1:
            for half in batch.halves():
                self.send(half)
            return
        # Kept in the receiver's words (evidence); sync/reasons.py says it in the user's language when shown.
        reason = "too large for the central system" if isinstance(exc, TooLarge) else str(exc)
        table, rid, rev, _part = batch.table_parts[0]
        self.db.rejected(table, [(rid, rev, reason)])
        with self.lock:
            self.tally.batches += 1
            self.tally.sent += 1
            self.tally.rejected += 1

    def _apply(self, batch: Batch, verdict) -> None:
        by_table: dict[str, list] = {}
        rowids = batch.rowids
        for table, rid, rev in verdict.accepted:
            by_table.setdefault(table, []).append((rid, rev, rowids.get((table, rid))))
        for table, rows in by_table.items():
            self.db.accepted(table, rows)
        by_table = {}
        for table, rid, rev, reason in verdict.rejected:
            by_table.setdefault(table, []).append((rid, rev, reason))
        for table, rows in by_table.items():
            self.db.rejected(table, rows)
        with self.lock:
            self.tally.batches += 1
            self.tally.sent += len(batch)
            self.tally.accepted += len(verdict.accepted)
            self.tally.rejected += len(verdict.rejected)


def _send_loop(sender: _Sender, producer: Producer, stop: threading.Event, events: queue.Queue) -> None:
    """One sender thread: take built batches until the producer is done or the run stops; report events."""
    try:
        while not stop.is_set():
            try:
                item = producer.queue.get(timeout=0.2)
            except queue.Empty:
                if not producer.is_alive() and producer.queue.empty() and not stop.is_set():
                    raise _Stop(_("Reading the records to send stopped unexpectedly."))
                continue
            if item is None:
                producer.queue.put(None)  # let the other senders see the end too
                return
            if isinstance(item, BaseException):
                raise item
            table, batch = item
            sender.send(batch)
            events.put(("batch", table))
    except BaseException as exc:  # handed to the run's thread
        events.put(("error", exc))
    finally:
        events.put(("done", None))


def run_sync(db_path: Path | str, config: SyncConfig, cancel: threading.Event | None = None, *,
             where: dict[str, tuple[str, list]] | None = None) -> Generator[SyncProgress, None, SyncResult]:
    """Send every pending record revision; yields SyncProgress, returns SyncResult.

    Opens its own connections (safe in a worker thread). `where` optionally narrows tables: {table: (sql, params)}.
    """
    from survey_app.storage.db import connect
    from survey_app.storage.migrations import schema_version
    from survey_app.storage.records import device_id

    cancel = cancel or threading.Event()
    db = connect(db_path)
    transports: list[Transport] = []
    senders: list[threading.Thread] = []
    producer = marker = None
    stop = threading.Event()
    try:
        tally = SyncProgress(total=store.pending_count(db), message=_("Starting"))
        run_id = store.start_run(db, config.url)
        yield SyncProgress(**asdict(tally))
        error, auth, cancelled = None, False, False
        forwarded = forward.Forwarded()
        try:
            forwarded = _forward(db, db_path, config, cancel, transports) if where is None else forwarded
            tables = [t for t in store.ordered_tables(db) if where is None or t in where]
            dev, schema = device_id(db), schema_version(db)
            producer = Producer(db_path, config, tables, where, dev, schema, stop)
            marker = Marker(db_path)
            marker.start()
            lock = threading.Lock()
            events: queue.Queue = queue.Queue()
            _add_senders(senders, transports, marker, producer, config, dev, schema, stop, tally, lock, events)
            producer.start()
            for thread in senders:
                thread.start()
            yield from _progress(len(senders), events, cancel, stop, lock, tally)
        except _Stop as stop_:
            error, auth, cancelled = str(stop_), stop_.auth, stop_.cancelled
        except UserError as exc:  # e.g. an unverifiable certificate: retrying cannot help
            error = str(exc)
        finally:
            _shut_down(stop, senders, producer, marker, transports)
        return _finish(db, run_id, tally, error, auth, cancelled, forwarded)
    finally:
        stop.set()
        db.close()


def _add_senders(senders: list, transports: list, marker: Marker, producer: Producer, config: SyncConfig,
                 dev: str, schema: int, stop: threading.Event, tally: SyncProgress, lock: threading.Lock,
                 events: queue.Queue) -> None:
    """Make the run's sender threads (not started), each on its own connection."""
    for _n in range(max(1, config.parallel)):
        transport = transport_for(config)
        transports.append(transport)
        # Senders watch `stop` (set on cancel and on another sender's failure), so retries end early.
        sender = _Sender(marker, config, transport, dev, schema, producer.builder, stop, tally, stop.wait)
        sender.lock = lock
        senders.append(threading.Thread(target=_send_loop, args=(sender, producer, stop, events),
                                        daemon=True, name="sync-sender"))


def _progress(running: int, events: queue.Queue, cancel: threading.Event, stop: threading.Event,
              lock: threading.Lock, tally: SyncProgress) -> Generator[SyncProgress, None, None]:
    """Yield progress after every batch until the senders end; raise the first failure or the cancel."""
    failure = None
    while running:
        if cancel.is_set():
            stop.set()
        try:
            kind, value = events.get(timeout=0.2)
        except queue.Empty:
            continue
        if kind == "done":
            running -= 1
        elif kind == "batch":
            with lock:
                tally.message = value
                snapshot = SyncProgress(**asdict(tally))
            yield snapshot
        elif failure is None:  # the first failure stops the others after their batch in flight
            failure = value
            stop.set()
    if cancel.is_set():
        raise _Stop(_("Cancelled."), cancelled=True)
    if failure is not None:
        raise failure


def _shut_down(stop: threading.Event, senders: list, producer: Producer | None, marker: Marker | None,
               transports: list) -> None:
    """Stop the run's threads, wait for every answer to be marked, close the connections."""
    stop.set()
    for thread in senders:
        thread.join(60)
    if producer is not None:
        producer.join(30)
    if marker is not None:
        marker.finish()
    for transport in transports:
        transport.close()


def _finish(db, run_id, tally: SyncProgress, error: str | None, auth: bool, cancelled: bool,
            forwarded: forward.Forwarded) -> SyncResult:
    """Record how the run ended and build its result."""
    if error is None:
        status = "ok" if tally.rejected == 0 else "partial"
    else:
        status = "partial" if tally.accepted > 0 else "failed"
    store.finish_run(db, run_id, status=status, batches=tally.batches, sent=tally.sent,
                     accepted=tally.accepted, rejected=tally.rejected, error=error)
    return SyncResult(status, tally.batches, tally.sent, tally.accepted, tally.rejected, error, auth, cancelled,
                      forwarded.bundles, forwarded.accepted, forwarded.refused,
                      " ".join(forwarded.refused_files) or None)


def _forward(db, db_path, config: SyncConfig, cancel: threading.Event, transports: list) -> forward.Forwarded:
    """Forward the bundles imported from other installations first (sync/forward.py): the receiver checks their
    signers itself and its answer marks their records here."""
    if not forward.pending_bundles(home := Path(db_path).parent):
        return forward.Forwarded()
    transport = transport_for(config)
    transports.append(transport)
    try:
        return forward.forward_bundles(
            db, home, transport, attempts=config.max_attempts, cancel=cancel,
            delay=lambda attempt: backoff_delay(attempt, config.backoff_base_s, config.backoff_cap_s))
    except AuthError as exc:
        raise _Stop(_("The central system refused the device token ({reason}). Ask your supervisor for a new "
                      "token.").format(reason=exc), auth=True) from exc
    except (TransientError, BadAnswer, TooLarge) as exc:
        raise _Stop(forward.refused_message(exc)) from exc


def drive(gen: Generator[SyncProgress, None, SyncResult], on_progress: Callable[[SyncProgress], None] | None = None
          ) -> SyncResult:
    """Run a sync generator to its end (CLI, tests); returns its result."""
    while True:
        try:
            item = next(gen)
        except StopIteration as stop:
            return stop.value
        if on_progress:
            on_progress(item)
