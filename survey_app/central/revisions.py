"""The receiver's one ingest rule, for both back ends: every record checked (contract, plain values, who may
write it), then newest revision wins, the superseded copy kept as history, an older revision "stale", the same
revision with other content a "conflict", tombstones delete.

Python decides once per chunk (`Rule.decide`) from what the database holds for the chunk's keys and returns a
`Plan`: rows to insert, update and delete, set-based. Each back end only executes plans (central.ingest_sqlite,
central.ingest_pg); triggers in both databases still refuse a revision that goes back, a held revision that
changes, a record that changes owner, or a deletion without its tombstone. Same inputs in any order end in the
same state: a revision only ever replaces a lower one, and a deletion is a revision like any other (the
tombstone's `record_revision`). Records never seen before (new observations, the usual case) take `Rule.fresh`:
one check per batch of who owns them, one bulk insert, no lookup.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple

from survey_app.codec import dumps_text, loads
from survey_app.trust.limits import MAX_INT, scalar_problem
from survey_app.trust.policy import DATA_DEPENDENT_TABLES, Writer, refusal

TOMBSTONES = "tombstones"
TABLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
Key = tuple[str, str]
_TEXTUAL = frozenset({str, bool, type(None)})
_PLAIN = _TEXTUAL | {int, float}


class Held(NamedTuple):
    """What the database holds for one (table, id): a live record (its row) or a deletion."""

    revision: int
    live: bool
    device_id: str | None = None
    status: str | None = None     # a session's status (the ownership rules look at it)
    row: tuple | None = None      # live: (device_id, updated_at, data text, batch_id, received_at)
    purged: bool = False          # a deletion that was an erasure (no copy of the record is kept)


@dataclass
class Plan:
    """What one chunk changes, in the order a back end executes it (triggers rely on that order)."""

    purges: list[Key] = field(default_factory=list)          # erasure: the record's history goes
    deletions: list[tuple] = field(default_factory=list)     # upserted: DELETION_COLUMNS
    deletes: list[Key] = field(default_factory=list)         # records removed (their deletion is written first)
    updates: list[tuple] = field(default_factory=list)       # newer revisions of held records: RECORD_COLUMNS
    inserts: list[tuple] = field(default_factory=list)       # records not held: RECORD_COLUMNS
    undeletes: list[Key] = field(default_factory=list)       # deletions superseded by a newer revision
    history: list[tuple] = field(default_factory=list)       # HISTORY_COLUMNS

    def steps(self) -> Iterable[tuple[str, list[tuple]]]:
        """(step, rows) in the order to execute, non-empty steps only; updates as UPDATE_ORDER parameters."""
        for name in STEP_SQL:  # (in that order)
            rows = getattr(self, name)
            if rows:
                yield name, [(*r[2:], r[0], r[1]) for r in rows] if name == "updates" else rows


RECORD_COLUMNS = ("table_name", "id", "revision", "device_id", "updated_at", "data", "batch_id", "received_at")
DELETION_COLUMNS = ("table_name", "id", "revision", "tombstone_id", "deleted_at", "deleted_by", "reason",
                    "batch_id", "received_at", "purged")
UPDATE_ORDER = (*RECORD_COLUMNS[2:], "table_name", "id")  # the parameters of a step "updates"
HISTORY_COLUMNS = ("table_name", "id", "revision", "kind", "device_id", "updated_at", "data", "batch_id",
                   "received_at", "superseded_at", "superseded_by", "changed_by", "change_reason", "changed_fields")


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


# Each step of a plan, in the order of execution, as SQL both back ends take (`?` placeholders: PostgreSQL's store swaps them for %s).
STEP_SQL = {
    "purges": "DELETE FROM record_history WHERE table_name = ? AND id = ?",
    "deletions": _insert("deletions", DELETION_COLUMNS) + " ON CONFLICT (table_name, id) DO UPDATE SET "
                 + ", ".join(f"{c} = excluded.{c}" for c in DELETION_COLUMNS[2:]),
    "deletes": "DELETE FROM records WHERE table_name = ? AND id = ?",
    "updates": f"UPDATE records SET {', '.join(f'{c} = ?' for c in UPDATE_ORDER[:-2])} WHERE table_name = ? AND id = ?",
    "inserts": _insert("records", RECORD_COLUMNS),
    "undeletes": "DELETE FROM deletions WHERE table_name = ? AND id = ?",
    "history": _insert("record_history", HISTORY_COLUMNS),
}


def _norm(data: dict[str, Any]) -> dict[str, Any]:
    """Content for comparison: a column one app version lacks and another holds as NULL is the same."""
    return {k: v for k, v in data.items() if v is not None}


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Data fields whose values differ."""
    a, b = _norm(old), _norm(new)
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def values_problem(data: dict[str, Any]) -> str | None:
    """'column: why' for the first value that is not plain (text, finite number, boolean, null), else None."""
    values = data.values()
    kinds = set(map(type, values))
    if kinds <= _TEXTUAL:
        return None
    if kinds <= _PLAIN and all(-MAX_INT - 1 <= v <= MAX_INT if type(v) is int else math.isfinite(v)
                               for v in values if type(v) is int or type(v) is float):
        return None
    for column, value in data.items():
        if (problem := scalar_problem(value)) is not None:
            return f"{column}: {problem}"
    return None


class Rec(NamedTuple):
    """One incoming record, normalized (from a parsed batch or a bundle)."""

    table: str
    id: str
    revision: int
    updated_at: str | None
    data: dict[str, Any]
    text: str                  # data as compact JSON
    device_id: str | None      # data's device_id when it is text
    plain: bool = False        # every value known plain already (the batch parser checked): no per-value check


def normal(rec: "dict[str, Any] | Rec") -> Rec:
    """A record of either parser (a batch's come as Rec already, a bundle's as dicts)."""
    if type(rec) is Rec:
        return rec
    data = rec["data"]
    dev = data.get("device_id")
    return Rec(rec["table"], rec["id"], rec["revision"], rec.get("updated_at"), data,
               rec.get("data_json") or dumps_text(data), dev if type(dev) is str else None)


def target_of(data: dict[str, Any]) -> tuple[str, str, int] | None:
    """(table, id, revision) a tombstone deletes, or None if it does not say so properly."""
    t, i, r = data.get("table_name"), data.get("record_id"), data.get("record_revision")
    if (type(t) is str and TABLE_NAME.match(t) and t != TOMBSTONES and type(i) is str and 0 < len(i) <= 64
            and type(r) is int and 1 <= r <= 2 ** 53):
        return t, i, r
    return None


def keys_of(recs: list[Rec]) -> tuple[list[Key], bool]:
    """The keys a chunk's decisions look up (its records and its tombstones' targets); whether it deletes."""
    keys = [(r.table, r.id) for r in recs]
    deletes = False
    for r in recs:
        if r.table == TOMBSTONES and (target := target_of(r.data)):
            keys.append(target[:2])
            deletes = True
    return keys, deletes


class Rule:
    """Decides the records of one batch or bundle, chunk by chunk, for `writer` (who sent them)."""

    def __init__(self, batch_id: str, received: str, writer: Writer, contract: dict[str, frozenset[str]]) -> None:
        self.batch_id, self.received, self.writer, self.contract = batch_id, received, writer, contract
        self._owner_memo: dict[tuple, str | None] = {}

    # -- checks ------------------------------------------------------------------------------------------
    def refusal(self, rec: Rec, held: Held | None, target: Held | None = None) -> str | None:
        """Why a record is refused: not of the contract, a value that is not plain, or not the writer's."""
        known = self.contract.get(rec.table)
        if known is None:
            return "unknown table"
        data = rec.data
        if not data.keys() <= known:
            return "unknown columns: " + ", ".join(sorted(data.keys() - known))[:200]
        if not rec.plain and (problem := values_problem(data)) is not None:
            return problem
        held_dev = held.device_id if held else None
        if rec.table in DATA_DEPENDENT_TABLES:
            why = refusal(self.writer, rec.table, data, held_dev, held_status=held.status if held else None,
                          target_device=target.device_id if target else None, english=True)
        else:  # who may write depends only on the device ids here: decided once per batch, not per record
            memo = (rec.table, data.get("device_id"), held_dev)
            if memo not in self._owner_memo:
                self._owner_memo[memo] = refusal(self.writer, rec.table, data, held_dev, english=True)
            why = self._owner_memo[memo]
        return f"not allowed: {why}" if why else None

    # -- the fast path: records never seen ------------------------------------------------------------------
    def fresh(self, recs: list[Rec]) -> list[tuple] | None:
        """Rows to insert if every record of the chunk is new to the centre and allowed (the caller checks
        they are not held); None when any is refused, repeated in the chunk or a tombstone."""
        seen: set[Key] = set()
        for r in recs:
            k = (r.table, r.id)
            if k in seen or r.table == TOMBSTONES or self.refusal(r, None) is not None:
                return None
            seen.add(k)
        b, at = self.batch_id, self.received
        return [(r.table, r.id, r.revision, r.device_id, r.updated_at, r.text, b, at) for r in recs]

    def apply(self, tx, records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Decide one chunk and have the back end's transaction `tx` (ingest_sqlite / ingest_pg) write it;
        returns the chunk's (accepted, rejected)."""
        recs = [normal(r) for r in records]
        rows = self.fresh(recs)
        if rows is not None and not tx.any_deleted([(r.table, r.id) for r in recs]) and tx.insert_new(rows):
            return [{"table": r.table, "id": r.id, "revision": r.revision} for r in recs], []
        keys, deletes = keys_of(recs)
        plan, accepted, rejected = self.decide(recs, tx.held(keys, deletes), tx.kept)
        tx.execute(plan)
        return accepted, rejected

    # -- every other chunk --------------------------------------------------------------------------------
    def decide(self, recs: list[Rec], held: dict[Key, Held], kept=lambda key, revision: []
               ) -> tuple[Plan, list[dict[str, Any]], list[dict[str, Any]]]:
        """The chunk's plan and its answer (accepted, rejected), from what is `held` for its keys;
        `kept(key, revision)` gives the data texts of copies already in the history (read only when needed)."""
        return _Chunk(self, held, kept).run(recs)


class _Chunk:
    """The decisions of one chunk: state per key as it evolves record by record, then one net plan."""

    def __init__(self, rule: Rule, held: dict[Key, Held], kept) -> None:
        self.rule, self.kept_in_db = rule, kept
        self.orig = held                       # as the database holds it
        self.state: dict[Key, Held] = dict(held)
        self.data: dict[Key, dict] = {}        # parsed data of live copies, by key
        self.deletion: dict[Key, tuple | None] = {}  # new deletion rows, by key (None: dropped)
        self.written: set[Key] = set()         # keys whose record row is new in this chunk
        self.plan = Plan()
        self.kept: dict[tuple[str, str, int], list[dict]] = {}  # history copies made in this chunk
        self.kept_before: dict[tuple[str, str, int], list[dict]] = {}  # those held already (read when needed)
        self.accepted: list[dict[str, Any]] = []
        self.rejected: list[dict[str, Any]] = []

    def run(self, recs: list[Rec]):
        for rec in recs:
            key = {"table": rec.table, "id": rec.id, "revision": rec.revision}
            if not TABLE_NAME.match(rec.table):
                reason = "invalid table name"
            elif rec.table == TOMBSTONES:
                reason = self._tombstone(rec)
            else:
                reason = self.rule.refusal(rec, self.state.get((rec.table, rec.id))) or self._revision(rec)
            if reason is None:
                self.accepted.append(key)
            else:
                self.rejected.append(dict(key, reason=reason))
        self._net()
        return self.plan, self.accepted, self.rejected

    def _held_data(self, k: Key) -> dict[str, Any]:
        if k not in self.data:
            value = loads(self.state[k].row[2])
            self.data[k] = value if isinstance(value, dict) else {}
        return self.data[k]

    def _set_live(self, rec: Rec) -> None:
        k = (rec.table, rec.id)
        status = rec.data.get("status") if rec.table == "sessions" else None
        self.state[k] = Held(rec.revision, True, rec.device_id, status,
                             (rec.device_id, rec.updated_at, rec.text, self.rule.batch_id, self.rule.received))
        self.data[k] = rec.data
        self.written.add(k)

    # -- a revision of a record ----------------------------------------------------------------------
    def _revision(self, rec: Rec) -> str | None:
        """None when accepted, else the reason (stale / conflict / a change of owner)."""
        k = (rec.table, rec.id)
        held = self.state.get(k)
        if held is None:  # a record never seen
            self._set_live(rec)
            return None
        if rec.revision > held.revision:
            if held.live:
                if held.device_id is not None and rec.device_id != held.device_id:
                    return "not allowed: a record keeps the device it was made on"
                self._to_history(k, "superseded", rec.revision, rec.data)
            else:  # a revision newer than a deletion: the newest wins (the tombstone stays as a record)
                self.deletion[k] = None
            self._set_live(rec)
            return None
        if rec.revision == held.revision and held.live and _norm(self._held_data(k)) == _norm(rec.data):
            return None  # already held: a re-send or a forwarded copy
        if rec.revision == held.revision:
            self._keep_copy(rec, "conflict", held.revision)
            what = "with different content" if held.live else "as deleted"
            return f"conflict: the central system holds revision {held.revision} {what}"
        self._keep_copy(rec, "stale", held.revision)
        return f"stale: the central system holds revision {held.revision}"

    # -- a tombstone -----------------------------------------------------------------------------------
    def _tombstone(self, rec: Rec) -> str | None:
        target = target_of(rec.data)
        if target is None:
            return "invalid tombstone: table_name, record_id and record_revision are required"
        own = self.state.get((TOMBSTONES, rec.id))
        table, rid, rev = target
        k = (table, rid)
        held = self.state.get(k)
        why = self.rule.refusal(rec, own, held)
        if why is not None:
            return why
        if own is not None:  # this tombstone arrived before: the same answer as for any re-sent record
            return self._revision(rec)
        if held is not None:
            if rev < held.revision or (rev == held.revision and held.live):
                self._keep_copy(rec, "stale" if rev < held.revision else "conflict", held.revision)
                if rev < held.revision:
                    return f"stale: the central system holds revision {held.revision} of {table} {rid}"
                return f"conflict: the central system holds revision {rev} of {table} {rid} with content"
            if held.live:
                self._to_history(k, "deleted", rev, {}, changed_by=rec.data.get("deleted_by"),
                                 reason=rec.data.get("reason"))
        purge = bool(rec.data.get("purge")) or (held is not None and held.purged)  # an erasure stays one
        if purge:  # erasure: nothing of the record is kept here either
            self.plan.purges.append(k)
            self.plan.history = [h for h in self.plan.history if (h[0], h[1]) != k]
            self.kept = {c: v for c, v in self.kept.items() if c[:2] != k}
            self.kept_before = {c: v for c, v in self.kept_before.items() if c[:2] != k}
        d = rec.data
        self.deletion[k] = (table, rid, rev, rec.id, d.get("deleted_at"), d.get("deleted_by"), d.get("reason"),
                            self.rule.batch_id, self.rule.received, purge)
        self.state[k] = Held(rev, False, purged=purge)
        self.written.discard(k)
        return self._revision(rec)  # the tombstone itself is held like any record

    # -- history -----------------------------------------------------------------------------------------
    def _to_history(self, k: Key, kind: str, by: int, new: dict[str, Any], *, changed_by: str | None = None,
                    reason: str | None = None) -> None:
        """The live copy of `k` becomes history."""
        held = self.state[k]
        old = self._held_data(k)
        fields = changed_fields(old, new) if kind == "superseded" else sorted(old)
        dev, updated, text, batch, received = held.row
        self.kept.setdefault((*k, held.revision), []).append(old)
        self.plan.history.append((*k, held.revision, kind, dev, updated, text, batch, received, self.rule.received,
                                  by, changed_by if changed_by is not None else new.get("changed_by"),
                                  reason if reason is not None else new.get("change_reason"), dumps_text(fields)))

    def _keep_copy(self, rec: Rec, kind: str, held_rev: int) -> None:
        """Keep a refused copy (stale or conflicting) unless the same content is kept already: nothing sent
        is lost, nothing is kept twice."""
        held = self.state.get((rec.table, rec.id))
        if held is not None and held.purged:
            return  # an erased record: a late copy is refused and not kept either
        c = (rec.table, rec.id, rec.revision)
        if c not in self.kept_before:
            self.kept_before[c] = [loads(t) for t in self.kept_in_db(c[:2], rec.revision)]
        mine = _norm(rec.data)
        if any(isinstance(x, dict) and _norm(x) == mine for x in self.kept_before[c] + self.kept.get(c, [])):
            return
        self.kept.setdefault(c, []).append(rec.data)
        self.plan.history.append((rec.table, rec.id, rec.revision, kind, rec.device_id, rec.updated_at, rec.text,
                                  self.rule.batch_id, self.rule.received, self.rule.received, held_rev, None,
                                  None, None))

    # -- the net effect --------------------------------------------------------------------------------
    def _net(self) -> None:
        """Rows to write, from each touched key's state before and after the chunk."""
        plan = self.plan
        for k, deletion in self.deletion.items():
            if deletion is not None:
                plan.deletions.append(deletion)
        for k in list(self.deletion) + list(self.written):
            before, after = self.orig.get(k), self.state[k]
            if after.live and k in self.written:
                row = (*k, after.revision, *after.row)
                (plan.updates if before is not None and before.live else plan.inserts).append(row)
            if not after.live and before is not None and before.live:
                plan.deletes.append(k)
            if after.live and before is not None and not before.live:
                plan.undeletes.append(k)
        for name in ("deletes", "updates", "inserts", "undeletes"):
            setattr(plan, name, list(dict.fromkeys(getattr(plan, name))))  # a key once, first place kept


def chunks(records: Iterable[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    """Lists of at most `size` records, in order."""
    chunk: list[dict[str, Any]] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
