"""Batch bodies of the contract: bounded by record count and compressed bytes; answers checked against what was sent."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Iterator

from survey_app.clock import utc_now
from survey_app.codec import dumps_text

try:  # ISA-L's gzip: the same gzip stream (any inflater reads it), ~6x faster than zlib at level 1
    from isal.igzip import compress as _gzip
    _MAX_LEVEL = 3
except ImportError:  # pragma: no cover - depends on the environment
    from gzip import compress as _gzip
    _MAX_LEVEL = 9


@dataclass
class Batch:
    """Records to send together (encoded once, so every retry sends the same bytes under the same batch_id)."""

    table_parts: list[tuple[str, str, int, bytes]]  # (table, id, revision, encoded record)
    batch_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    encoded: bytes | None = None  # the body, once built (retries resend exactly these bytes)
    # (table, id) -> local rowid where the outbox read it: marking finds the row without the id index
    rowids: dict[tuple[str, str], int] = field(default_factory=dict)

    def body(self, device_id: str, schema_version: int, level: int = 1) -> bytes:
        """The gzip-compressed JSON body (built once)."""
        if self.encoded is not None:
            return self.encoded
        head = dumps_text({"batch_id": self.batch_id, "device_id": device_id, "schema_version": schema_version,
                      "created_at": utc_now()})
        raw = (head[:-1] + ',"records":[').encode() + b",".join(p[3] for p in self.table_parts) + b"]}"
        self.encoded = _gzip(raw, min(max(int(level), 0), _MAX_LEVEL), mtime=0)
        return self.encoded

    def keys(self) -> set[tuple[str, str, int]]:
        """(table, id, revision) of every record in the batch."""
        return {(t, i, r) for t, i, r, _ in self.table_parts}

    def halves(self) -> tuple["Batch", "Batch"]:
        """Two new batches with half the records each (new batch_ids)."""
        mid = len(self.table_parts) // 2
        return (Batch(self.table_parts[:mid], rowids=self.rowids),
                Batch(self.table_parts[mid:], rowids=self.rowids))

    def __len__(self) -> int:
        return len(self.table_parts)


class BatchBuilder:
    """Cuts a stream of records into batches of at most `max_records` and about `max_bytes` compressed."""

    def __init__(self, max_records: int = 500, max_bytes: int = 1024 * 1024) -> None:
        self.max_records = max(1, int(max_records))
        self.max_bytes = max(1024, int(max_bytes))
        self.ratio = 0.35  # compressed / raw, learned from the batches sent
        self._parts: list[tuple[str, str, int, bytes]] = []
        self._rowids: dict[tuple[str, str], int] = {}
        self._raw = 0

    def add(self, table: str, record_id: str, revision: int, text: str | bytes,
            rowid: int | None = None) -> Batch | None:
        """Add an encoded record (JSON text or its UTF-8 bytes); returns a full batch when this one would
        overflow the current one."""
        part = text if isinstance(text, bytes) else text.encode()
        out = None
        if self._parts and (len(self._parts) >= self.max_records
                            or (self._raw + len(part)) * self.ratio > self.max_bytes * 0.9):
            out = self.flush()
        self._parts.append((table, record_id, int(revision), part))
        if rowid is not None:
            self._rowids[(table, record_id)] = rowid
        self._raw += len(part)
        return out

    def flush(self) -> Batch | None:
        """The batch being built, if any."""
        if not self._parts:
            return None
        batch = Batch(self._parts, rowids=self._rowids)
        self._parts, self._rowids, self._raw = [], {}, 0
        return batch

    def learn(self, raw_bytes: int, compressed_bytes: int) -> None:
        """Update the compression ratio estimate from a body actually built."""
        if raw_bytes > 0:
            self.ratio = 0.5 * self.ratio + 0.5 * (compressed_bytes / raw_bytes)


@dataclass
class Verdict:
    """What an answer says about a batch, restricted to the records actually sent."""

    accepted: list[tuple[str, str, int]]
    rejected: list[tuple[str, str, int, str]]
    ignored: int  # entries naming records we did not send (hostile or buggy receiver)


class BadAnswer(Exception):
    """The answer does not follow the contract."""


def check_answer(batch: Batch, body: Any) -> Verdict:
    """Validate a 200 answer; entries for records not in the batch are counted and ignored."""
    if not isinstance(body, dict) or body.get("batch_id") != batch.batch_id:
        raise BadAnswer("answer does not name this batch")
    acc, rej = body.get("accepted"), body.get("rejected", [])
    if not isinstance(acc, list) or not isinstance(rej, list):
        raise BadAnswer("answer lists are missing")
    sent, seen = batch.keys(), set()
    accepted = [key for _entry, key in _answered(acc, sent, seen)]
    rejected = [(*key, str(entry.get("reason"))[:500] if entry.get("reason") else "rejected")
                for entry, key in _answered(rej, sent, seen)]
    return Verdict(accepted, rejected, len(acc) + len(rej) - len(accepted) - len(rejected))


def _answered(entries: list, sent: set, seen: set) -> Iterator[tuple[dict, tuple[str, str, int]]]:
    """(entry, key) of each entry that names a record sent and not answered before (`seen` grows)."""
    for entry in entries:
        key = _key(entry)
        if key is not None and key in sent and key not in seen:
            seen.add(key)
            yield entry, key


def _key(entry: Any) -> tuple[str, str, int] | None:
    if not isinstance(entry, dict):
        return None
    t, i, r = entry.get("table"), entry.get("id"), entry.get("revision")
    if not isinstance(t, str) or not isinstance(i, str) or not isinstance(r, int) or isinstance(r, bool):
        return None
    return t, i, r
