"""A household's request to be erased: its answers, members, consent, positions and the speed tests taken there
go everywhere, through tombstones that sync and bundle with `purge` (their kept history goes too, here, at the
central system and on every laptop that imports them); the request is logged (who, when, why; never the data)."""
from __future__ import annotations

import sqlite_utils

from survey_app.errors import NotFound, UserError
from survey_app.i18n import _
from survey_app.storage import consents as requests_store
from survey_app.storage import erasure as store
from survey_app.storage.records import RecordContext


def erase(db: sqlite_utils.Database, rctx: RecordContext, household_id: str, reason: str) -> dict[str, int]:
    """Erase a household everywhere; returns how many records of each kind were erased."""
    reason = (reason or "").strip()
    if not reason:
        raise UserError(_("Say why the household is erased (for example: asked by the household on 3/12/2026)."))
    if not store.exists(db, household_id):
        raise NotFound(_("No household interview with id {id}; nothing was erased.").format(id=household_id))
    with db.atomic():
        counts = store.erase_household(db, household_id, by=rctx.surveyor, reason=reason)
        requests_store.log_request(db, household_id=household_id, kind="erasure", handled_by=rctx.surveyor,
                                   reason=reason, completed=True)
    return counts
