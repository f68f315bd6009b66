"""Bundles uploaded to the receiver: opened with the receiver's own key, the signer must be a registered device
key, every record checked; verification runs in a worker thread without the store's lock, then a second pass
streams the verified records into the store (in steps of their own: other devices' batches go in between)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from survey_app.central.store import CentralStore
from survey_app.trust.container import BundleError
from survey_app.trust.contract import synced_columns
from survey_app.trust.keys import Identity
from survey_app.trust.reader import SealedBundleReader


def _reader(store: CentralStore, identity: Identity, path: Path) -> SealedBundleReader:
    reader = SealedBundleReader(path, None, identity=identity, who=store.signer)
    try:
        reader.verify()
    except BaseException:
        reader.close()
        raise
    return reader


def verify_bundle(store: CentralStore, identity: Identity, path: Path) -> dict[str, Any]:
    """Check a whole bundle (addressed here, signed by a registered device, every record well formed and the
    signer's to write); returns its manifest. Raises BundleError. Takes the store's lock only for key lookups."""
    columns = {t: set(c) for t, c in synced_columns().items()}
    with _reader(store, identity, path) as reader:
        for _chunk in reader.record_chunks(columns):
            pass
        return dict(reader.manifest, signer_name=reader.writer.name if reader.writer else "")


def ingest_bundle(store: CentralStore, identity: Identity, path: Path, device: int) -> dict[str, Any] | None:
    """Store a verified bundle's records as one batch named by the bundle id (re-reading the file: memory stays
    flat); the owner checks use the signer, not the uploading device (a supervisor forwards a surveyor's file)."""
    reader = _reader(store, identity, path)
    columns = {t: set(c) for t, c in synced_columns().items()}

    def records() -> Iterator[dict[str, Any]]:
        for _table, batch in reader.record_chunks(columns):
            yield from batch

    m = reader.manifest
    with reader:
        previous = store.bundle_answer(m["bundle_id"], m["device_id"])
        if previous is not None:  # forwarded again, maybe by another supervisor: the same answer, nothing stored
            return previous
        return store.ingest(m["bundle_id"], device, records(), kind="bundle", client_device_id=m.get("device_id"),
                            schema_version=m.get("schema_version"), client_created_at=m.get("created_at"),
                            writer=reader.writer)


__all__ = ["BundleError", "ingest_bundle", "verify_bundle"]
