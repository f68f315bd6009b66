"""Glue used by the CLI and the window: configuration from settings + token store, status summaries."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from survey_app.storage import sync as store
from survey_app.sync.upload import SyncConfig
from survey_app.sync.token import TokenStore


def config_from(home: Path, settings, *, url: str | None = None, token: str | None = None
                ) -> tuple[SyncConfig, TokenStore]:
    """A SyncConfig from the settings (URL, CA file) and the stored token, overridden by explicit values."""
    tokens = TokenStore(home)
    config = SyncConfig(url=(url or settings.sync_url or "").strip(),
                        token=(token or tokens.load() or "").strip(),
                        ca_file=settings.sync_ca_file or None)
    return config, tokens


def status_summary(db) -> dict[str, Any]:
    """Totals of waiting, rejected and arrived records, per table, and the last run."""
    per_table = store.state_counts(db)
    totals = {k: sum(v[k] for v in per_table.values()) for k in (store.STATE_WAITING, store.STATE_REJECTED,
                                                                    store.STATE_ARRIVED)}
    return dict(totals, tables=per_table, last_run=store.last_run(db))
