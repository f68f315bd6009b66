"""Forwarding imported bundles: a supervisor's laptop sends the original signed file of every bundle it imported
from another installation (kept by bundle import in `<home>/bundles/forward/`) to POST /api/v1/bundles, so the
receiver checks the surveyor's signature itself. The answer (the batch answer shape, `batch_id` = the bundle id)
marks the records it names as arrived here; the file then moves to `<home>/bundles/forwarded/`.
Runs before the batches of a sync, so those records are not sent again in batches of this laptop's token.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable, Iterator

from survey_app.i18n import _
from survey_app.storage import sync as store
from survey_app.sync.answers import AuthError, Refused, TooLarge, TransientError
from survey_app.sync.batches import BadAnswer, _key
from survey_app.sync.bundle_import import FORWARD_DIR
from survey_app.sync.transport import Transport

BUNDLE_PATH = "/api/v1/bundles"
SENT_DIR = ("bundles", "forwarded")
CHUNK = 1 << 20


def pending_bundles(home: Path) -> list[Path]:
    """Bundle files waiting to be forwarded, oldest name first."""
    folder = Path(home).joinpath(*FORWARD_DIR)
    return sorted(folder.glob("*.bundle")) if folder.is_dir() else []


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
    by_table: dict[str, list] = {}
    for table, rid, rev in accepted:
        by_table.setdefault(table, []).append((rid, rev))
    for table, rows in by_table.items():
        if table in store.ordered_tables(db):
            store.mark_accepted(db, table, rows)
    by_table = {}
    for table, rid, rev, reason in rejected:
        by_table.setdefault(table, []).append((rid, rev, reason))
    for table, rows in by_table.items():
        if table in store.ordered_tables(db):
            store.mark_rejected(db, table, rows)
    return len(accepted), len(rejected)


def forward_bundles(db, home: Path, transport: Transport, *, attempts: int, delay: Callable[[int], float],
                    cancel: threading.Event) -> tuple[int, int, int, list[str]]:
    """Send every waiting bundle file; returns (bundles, records accepted, records rejected, refusals: a message
    per file the receiver refused, which stays waiting). Raises the transport's failures (the caller stops the
    run with their hint) once `attempts` are spent."""
    sent = accepted = rejected = 0
    refusals: list[str] = []
    for path in pending_bundles(home):
        bundle_id = path.stem
        for attempt in range(attempts):
            if cancel.is_set():
                return sent, accepted, rejected, refusals
            try:
                answer = transport.request("POST", BUNDLE_PATH, _chunks(path),
                                           {"Content-Type": "application/octet-stream"})
                acc, rej = _verdict(bundle_id, answer.body)
                break
            except (TransientError, BadAnswer):
                if attempt + 1 == attempts or cancel.wait(delay(attempt)):
                    raise
            except (AuthError, TooLarge):
                raise
            except Refused as exc:  # the receiver will not take this file: keep it, say why, go on
                refusals.append(_("The central system refused the bundle {name}: {reason}").format(
                    name=path.name, reason=exc.detail))
                acc = None
                break
        if acc is None:
            continue
        a, r = _mark(db, acc, rej)
        accepted, rejected, sent = accepted + a, rejected + r, sent + 1
        done = Path(home).joinpath(*SENT_DIR)
        done.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.replace(path, done / path.name)
    return sent, accepted, rejected, refusals


def refused_message(exc: Exception) -> str:
    """The stop message when a bundle could not be forwarded."""
    return _("A bundle could not be forwarded to the central system ({reason}). Nothing was lost; it is sent "
             "again at the next sync.").format(reason=getattr(exc, "hint", "") or exc)
