"""Glue used by the CLI and the window: configuration from settings + token store, status summaries."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from survey_app.storage import sync as store
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


def status_summary(db) -> dict[str, Any]:
    """Pending, rejected and arrived records in total and per table (tombstones included), and the last run."""
    names = {store.STATE_WAITING: "pending", store.STATE_REJECTED: "rejected", store.STATE_ARRIVED: "arrived"}
    per_table = {t: {names[k]: n for k, n in v.items()} for t, v in store.state_counts(db).items()}
    totals = {k: sum(v[k] for v in per_table.values()) for k in names.values()}
    return dict(totals, tables=per_table, last_run=store.last_run(db))
