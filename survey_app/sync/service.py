"""Glue used by the CLI and the window: configuration from settings + token store, status summaries."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from survey_app.storage import sync as store
from survey_app.sync.reasons import explain, explain_bundle
from survey_app.sync.token import ENV_TOKEN, TokenStore
from survey_app.sync.upload import SyncConfig


def config_from(home: Path, settings, *, url: str | None = None, token: str | None = None
                ) -> tuple[SyncConfig, TokenStore]:
    """A SyncConfig from the settings (URL, CA file) and the token: explicit, else the environment
    (SURVEY_APP_SYNC_TOKEN), else the stored one."""
    tokens = TokenStore(home)
    config = SyncConfig(url=(url or settings.sync_url or "").strip(),
                        token=(token or os.environ.get(ENV_TOKEN) or tokens.load() or "").strip(),
                        ca_file=settings.sync_ca_file or None,
                        allow_insecure_http=bool(settings.sync_allow_insecure_http))
    return config, tokens


REFUSALS_SHOWN = 50


def status_summary(db, home: Path | None = None) -> dict[str, Any]:
    """Pending, rejected, arrived and imported records in total and per table (tombstones included), the last
    run and (with `home`) the bundle files of other installations: waiting to be forwarded, forwarded, refused.

    `imported` counts copies of other installations' records held here that the receiver has not been seen to
    hold: not this laptop's to send (their own installation does, or the forwarded original carried them)."""
    from survey_app.sync import forward_files

    names = {store.STATE_WAITING: "pending", store.STATE_REJECTED: "rejected", store.STATE_ARRIVED: "arrived",
             store.STATE_IMPORTED: "imported"}
    per_table = {t: {names[k]: n for k, n in v.items()} for t, v in store.state_counts(db).items()}
    totals = {k: sum(v[k] for v in per_table.values()) for k in names.values()}
    out = dict(totals, tables=per_table, last_run=store.last_run(db), refusals=_refusals(db))
    if home is not None:
        files = [dict(f, message=explain_bundle(f["detail"])) for f in forward_files.refusals(home)]
        out["bundles"] = dict(forward_files.counts(home), refusals=files)
    return out


def _refusals(db, limit: int = REFUSALS_SHOWN) -> list[dict[str, Any]]:
    """The receiver's latest refusals of records held here: its words (`reason`), the user's (`message`), and
    where the record stands now ('rejected', or 'imported': another installation's copy, its owner's to settle)."""
    out = []
    for r in store.rejections(db, limit):
        state = store.record_state(db, r["table"], r["id"])
        out.append(dict(r, message=explain(r["reason"]), state=state.state if state else None))
    return out
