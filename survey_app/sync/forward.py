"""Forwarding imported bundles: a laptop sends the original signed file of every bundle it imported from another
installation (kept by bundle import in `<home>/bundles/forward/`, see sync/forward_files.py) to POST
/api/v1/bundles, so the receiver checks the signer's signature itself. The answer (the batch answer shape,
`batch_id` = the bundle id) marks the records it names: accepted ones arrived; for refused ones the receiver's
reason is kept, the record staying another installation's copy (its owner settles it). A file the receiver
refuses as a whole moves to `bundles/refused/` with the reason. Runs before the batches of a sync.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from survey_app.i18n import _
from survey_app.storage import sync as store
from survey_app.sync import forward_files
from survey_app.sync.answers import Refused, TooLarge, TransientError
from survey_app.sync.batches import BadAnswer, _key
from survey_app.sync.reasons import explain_bundle
from survey_app.sync.transport import Transport

BUNDLE_PATH = "/api/v1/bundles"
CHUNK = 1 << 20
pending_bundles = forward_files.waiting


def _chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            yield chunk


def _verdict(bundle_id: str, body) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, int, str]]]:
    if not isinstance(body, dict) or body.get("batch_id") != bundle_id:
        raise BadAnswer("answer does not name this bundle")
    acc, rej = body.get("accepted"), body.get("rejected", [])
    if not isinstance(acc, list) or not isinstance(rej, list):
        raise BadAnswer("answer lists are missing")
    accepted = [k for k in map(_key, acc) if k is not None]
    rejected = [(*k, str(e.get("reason") or "rejected")[:500]) for e in rej if (k := _key(e)) is not None]
    return accepted, rejected


def _mark(db, accepted, rejected) -> tuple[int, int]:
    """Apply the answer to the records held here (only the revisions held are marked)."""
    tables = set(store.ordered_tables(db))
    by_table: dict[str, list] = {}
    for table, rid, rev in accepted:
        by_table.setdefault(table, []).append((rid, rev))
    for table, rows in by_table.items():
        if table in tables:
            store.mark_accepted(db, table, rows)
    by_table = {}
    for table, rid, rev, reason in rejected:
        by_table.setdefault(table, []).append((rid, rev, reason))
    for table, rows in by_table.items():
        if table in tables:
            store.note_refused_copies(db, table, rows)
    return len(accepted), len(rejected)


@dataclass
class Forwarded:
    """What forwarding did in one run."""

    bundles: int = 0  # files the receiver answered for
    accepted: int = 0  # their records it holds
    refused: int = 0  # their records it refused (the signer's to settle: kept here with the reason)
    refused_files: list[str] = field(default_factory=list)  # a message per file it would not take


def _post(transport: Transport, path: Path, attempts: int, delay: Callable[[int], float],
          cancel: threading.Event):
    """The receiver's verdict on one file (accepted, rejected), or None if cancelled; raises Refused for a file
    it will not take, and transport failures once `attempts` are spent."""
    for attempt in range(attempts):
        if cancel.is_set():
            return None
        try:
            answer = transport.request("POST", BUNDLE_PATH, _chunks(path),
                                       {"Content-Type": "application/octet-stream"})
            return _verdict(path.stem, answer.body)
        except (TransientError, BadAnswer):
            if attempt + 1 == attempts or cancel.wait(delay(attempt)):
                raise
    return None


def forward_bundles(db, home: Path, transport: Transport, *, attempts: int, delay: Callable[[int], float],
                    cancel: threading.Event) -> Forwarded:
    """Send every waiting bundle file. A file the receiver refuses moves to `bundles/refused/` (its records
    stay another installation's copies; `sync --retry-rejected` offers it again). Raises the transport's
    failures (the caller stops the run with their hint), AuthError and a proxy's TooLarge."""
    done = Forwarded()
    for path in pending_bundles(home):
        try:
            verdict = _post(transport, path, attempts, delay, cancel)
        except (Refused, TooLarge) as exc:  # the receiver will not take this file: keep it aside, say why, go on
            if isinstance(exc, TooLarge) and not exc.from_receiver:
                raise  # a proxy's limit, not the receiver's word on the file
            status, detail = (exc.status, exc.detail) if isinstance(exc, Refused) else (413, str(exc))
            forward_files.refused(home, path, status=status, detail=detail, code=getattr(exc, "code", None))
            done.refused_files.append(_("The central system refused the bundle {name}: {reason}").format(
                name=path.name, reason=explain_bundle(detail)))
            continue
        if verdict is None:
            return done
        a, r = _mark(db, *verdict)
        done.bundles, done.accepted, done.refused = done.bundles + 1, done.accepted + a, done.refused + r
        forward_files.sent(home, path)
    return done


def refused_message(exc: Exception) -> str:
    """The stop message when a bundle could not be forwarded."""
    return _("A bundle could not be forwarded to the central system ({reason}). Nothing was lost; it is sent "
             "again at the next sync.").format(reason=getattr(exc, "hint", "") or exc)
