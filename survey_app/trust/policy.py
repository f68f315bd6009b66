"""Who may write what: the one rule bundle import and the receiver both apply to every incoming record.

A writer (a bundle's signer, or a receiver's device) owns records whose device_id is one of its own device ids
(its device, or its team's at the receiver). Review decisions come only from supervisors; the status of a
session (approved/rejected) is set only by a supervisor, who may therefore revise another device's session;
forms come only from supervisors or the central system. The central system's own key may do what a supervisor
may. 'self' is this installation's own key (its own bundle imported back).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from survey_app.i18n import _ as translate

REVIEW_TABLE = "review_decisions"
SESSIONS_TABLE = "sessions"
FORMS_TABLE = "forms"
TOMBSTONES_TABLE = "tombstones"
BUILTIN_SOURCE = "builtin"
REVIEWED_STATUSES = ("approved", "rejected")
SUPERVISING = ("supervisor", "central")
# Tables whose rules read more of a record than its device_id (a receiver decides the others once per device).
DATA_DEPENDENT_TABLES = frozenset({TOMBSTONES_TABLE, REVIEW_TABLE, FORMS_TABLE, SESSIONS_TABLE})


# Every field of a record's data the rules below read (a verdict depends on these and the held copy only).
FIELDS = ("device_id", "status", "table_name", "source_sha256")


@dataclass(frozen=True)
class Writer:
    """Who sends records: a role and the device ids whose records it owns."""

    role: str
    device_ids: frozenset[str]
    name: str = ""


def local_copy_only(table: str, data: dict[str, Any]) -> bool:
    """A record every installation makes for itself (its built-in household form): a laptop never takes one from
    another installation's bundle (it has its own); a receiver stores it as the sender's record."""
    return table == FORMS_TABLE and data.get("source_sha256") == BUILTIN_SOURCE


def _same(text: str) -> str:
    return text


def refusal(writer: Writer, table: str, data: dict[str, Any], held_device: str | None = None, *,
            held_status: str | None = None, target_device: str | None = None, english: bool = False) -> str | None:
    """Why `writer` may not write this record of `table` (None if it may), in the user's language (or in
    English: a receiver's verdict). `held_device` is the device_id of the copy already held, if any (nobody takes
    over another device's record by claiming its id) and `held_status` its status (a surveyor's laptop carries the
    status a supervisor set on its session: not a change); for a tombstone, `target_device` is the device_id of
    the record it deletes, if held (a deletion is a write of that record)."""
    _ = _same if english else translate
    role, own = writer.role, writer.device_ids
    supervising = role in SUPERVISING or role == "self"
    if table == TOMBSTONES_TABLE:
        target = data.get("table_name")
        if target in (REVIEW_TABLE, FORMS_TABLE) and not supervising:
            return _("a deletion of a review decision or form not signed by a supervisor")
        if target_device is not None and target_device not in own:
            return _("a deletion of a record that belongs to device {device}").format(device=target_device[:36])
    if table == REVIEW_TABLE and not supervising:
        return _("a review decision not signed by a supervisor")
    if table == FORMS_TABLE and not supervising and not local_copy_only(table, data):
        return _("a form not signed by a supervisor or the central system")
    if (table == SESSIONS_TABLE and data.get("status") in REVIEWED_STATUSES and not supervising
            and data.get("status") != held_status):
        return _("a session marked approved or rejected by someone who is not a supervisor")
    if table == SESSIONS_TABLE and role in SUPERVISING:
        return None  # a supervisor revises the status of the sessions it reviews
    device = data.get("device_id")
    if device not in own:
        return _("a record of device {device}, not of the sender").format(device=str(device)[:36])
    if held_device is not None and held_device not in own:
        return _("a record that belongs to device {device}").format(device=held_device[:36])
    return None
