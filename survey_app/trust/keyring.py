"""An installation's identity with its trust list: whom to seal to, and who a signer is."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from survey_app.i18n import _
from survey_app.trust.keys import Identity, PublicKey, keys_dir, KEY_FILE, ensure_identity
from survey_app.trust.policy import Writer
from survey_app.trust.trustlist import TRUST_FILE, TrustList


@dataclass
class Keyring:
    """This installation's keys and the keys it trusts."""

    identity: Identity
    trust: TrustList

    @classmethod
    def for_home(cls, home: Path, device_id: str) -> "Keyring":
        """The keyring of a home folder (the identity is made on first use)."""
        return cls(ensure_identity(keys_dir(home) / KEY_FILE, device_id), TrustList.load(keys_dir(home) / TRUST_FILE))

    @classmethod
    def for_db(cls, db_path: Path | str, db) -> "Keyring":
        """The keyring of the home folder holding the database at `db_path`."""
        from survey_app.storage.records import device_id

        return cls.for_home(Path(db_path).parent, device_id(db))

    def recipients(self, extra: list[str] | tuple[str, ...] = ()) -> list[PublicKey]:
        """Every trusted supervisor and central key plus the keys given (public key texts), and this
        installation's own key (it may read back what it wrote); empty if there is no one but itself."""
        others = self.trust.recipients() + [PublicKey.parse(t) for t in extra]
        me = self.identity.public
        others = [k for k in others if k.fingerprint != me.fingerprint]
        return [*others, me] if others else []

    def writer(self, signer: PublicKey) -> Writer | None:
        """Who `signer` is to this installation, or None if it is not trusted (or revoked)."""
        if signer.fingerprint == self.identity.public.fingerprint:
            return Writer("self", frozenset({self.identity.device_id}), _("this installation"))
        entry = self.trust.active(signer.fingerprint)
        if entry is None or entry.device_id != signer.device_id:
            return None
        return Writer(entry.role, frozenset({entry.device_id}), entry.name)
