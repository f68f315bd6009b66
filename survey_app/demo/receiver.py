"""Demo mode: the reference receiver on 127.0.0.1 with this laptop registered, so "Sync now" works offline."""
from __future__ import annotations

from pathlib import Path


class DemoReceiver:
    """A running demo receiver; stop() ends it."""

    def __init__(self, receiver) -> None:
        self.receiver = receiver

    def stop(self) -> None:
        """Stop serving."""
        self.receiver.stop()


def start(home: Path, settings) -> DemoReceiver:
    """Start the receiver (its database beside the demo home), store a token and point settings at it."""
    from survey_app.central.server import ThreadedReceiver
    from survey_app.central.store import CentralStore
    from survey_app.sync.token import TokenStore

    db = Path(home) / "demo-central.db"
    store = CentralStore(db)
    try:
        token = store.add_device(f"demo-{store.counts()['devices'] + 1}")
    finally:
        store.close()
    receiver = ThreadedReceiver(db).start()
    TokenStore(home).save(token)
    settings.sync_url = receiver.url
    return DemoReceiver(receiver)
