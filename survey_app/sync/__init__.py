"""Sync with the central system: outbox batches, HTTP client, bundle files (Qt-free)."""
