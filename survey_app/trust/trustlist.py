"""The keys an installation trusts, each with a name and a role; revoked keys stay listed (who was trusted when)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from survey_app.errors import UserError
from survey_app.i18n import _
from survey_app.trust.keys import PublicKey, keys_dir, normal_fingerprint, write_private

ROLES = ("surveyor", "supervisor", "central")
TRUST_FILE = "trusted.json"
MAX_FILE = 4 * 1024 * 1024


def role_label(role: str) -> str:
    """A role in the user's language."""
    return {"surveyor": _("surveyor"), "supervisor": _("supervisor"), "central": _("central system"),
            "self": _("this installation")}.get(role, role)


@dataclass
class TrustedKey:
    """One entry of the trust list."""

    fingerprint: str
    public_key: str
    device_id: str
    name: str
    role: str
    added_at: str
    revoked_at: str | None = None

    @property
    def key(self) -> PublicKey:
        """The parsed public key."""
        return PublicKey.parse(self.public_key)

    @property
    def active(self) -> bool:
        """Not revoked."""
        return self.revoked_at is None


class TrustList:
    """A JSON file of trusted keys (readable by the user alone)."""

    def __init__(self, path: Path, entries: list[TrustedKey] | None = None) -> None:
        self.path = path
        self.entries = entries or []

    @classmethod
    def load(cls, path: Path) -> "TrustList":
        """The list in `path` (empty if there is none yet)."""
        if not path.exists():
            return cls(path)
        try:
            if path.stat().st_size > MAX_FILE:
                raise ValueError("too large")
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = [TrustedKey(**e) for e in data["keys"]]
            for e in entries:
                if e.key.fingerprint != e.fingerprint or e.role not in ROLES:
                    raise ValueError(e.fingerprint)
        except (OSError, ValueError, KeyError, TypeError, UserError) as exc:
            raise UserError(_("The trust list {path} is damaged and was not used ({reason}).").format(
                path=path, reason=exc)) from exc
        return cls(path, entries)

    def save(self) -> None:
        """Write the list atomically, readable by the user alone."""
        write_private(self.path, json.dumps({"version": 1, "keys": [asdict(e) for e in self.entries]},
                                            ensure_ascii=False, indent=1))

    def trust(self, text: str, name: str, role: str, *, now: str) -> TrustedKey:
        """Add (or re-activate, renamed and with the new role) a key; returns its entry."""
        key = PublicKey.parse(text)
        if role not in ROLES:
            raise UserError(_("The role must be one of: {roles}.").format(roles=", ".join(ROLES)))
        name = (name or "").strip()
        if not name or len(name) > 200:
            raise UserError(_("Give the key a name (who it belongs to), at most 200 characters."))
        entry = self.get(key.fingerprint)
        if entry is None:
            entry = TrustedKey(key.fingerprint, key.text, key.device_id, name, role, now)
            self.entries.append(entry)
        else:
            entry.name, entry.role, entry.revoked_at = name, role, None
        return entry

    def revoke(self, fingerprint: str, *, now: str) -> TrustedKey:
        """Mark a key revoked; raises UserError if it is not in the list."""
        entry = self.get(normal_fingerprint(fingerprint))
        if entry is None or not entry.active:
            raise UserError(_("No trusted key has the fingerprint {fp} (see: survey-app keys list).").format(
                fp=fingerprint))
        entry.revoked_at = now
        return entry

    def get(self, fingerprint: str) -> TrustedKey | None:
        """The entry of a fingerprint (revoked or not)."""
        return next((e for e in self.entries if e.fingerprint == fingerprint), None)

    def active(self, fingerprint: str) -> TrustedKey | None:
        """The entry of a fingerprint if it is trusted now."""
        e = self.get(fingerprint)
        return e if e is not None and e.active else None

    def recipients(self, roles: tuple[str, ...] = ("supervisor", "central")) -> list[PublicKey]:
        """Active keys of the given roles (whom bundles are sealed to by default)."""
        return [e.key for e in self.entries if e.active and e.role in roles]


def home_trust_list(home: Path) -> TrustList:
    """The trust list of a home folder."""
    return TrustList.load(keys_dir(home) / TRUST_FILE)
