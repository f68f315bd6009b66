"""An installation's identity: an Ed25519 signing key and an age (X25519) encryption key, kept in a file that
only the user can read; the public half travels as one line of text that people copy and paste."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyrage import x25519

from survey_app.errors import UserError
from survey_app.i18n import _

PREFIX = "hue-survey-key-1"
KEY_FILE = "identity.json"
KEYS_DIR = "keys"
UUID_RE = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_PUBLIC_RE = re.compile(rf"^{PREFIX}:({UUID_RE}):([A-Za-z0-9_-]{{43}}):(age1[02-9ac-hj-np-z]{{58}})$")


class KeyProblem(UserError):
    """A key text or key file that cannot be used."""


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def format_fingerprint(hex16: str) -> str:
    """'ABCD-EF01-2345-6789' from 16 hex digits."""
    h = hex16.upper()
    return "-".join(h[i:i + 4] for i in range(0, 16, 4))


def normal_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, with or without dashes or spaces) in its printed form, or ''."""
    h = re.sub(r"[\s:-]", "", text or "").upper()
    return format_fingerprint(h) if re.fullmatch(r"[0-9A-F]{16}", h) else ""


@dataclass(frozen=True)
class PublicKey:
    """Someone's public keys and the device id they are bound to."""

    device_id: str
    verify_raw: bytes
    recipient: str  # age1...

    @property
    def text(self) -> str:
        """The one-line, copy-pasteable form."""
        return f"{PREFIX}:{self.device_id}:{_b64(self.verify_raw)}:{self.recipient}"

    @property
    def fingerprint(self) -> str:
        """A short, readable digest of both public keys (what people compare on the phone)."""
        digest = hashlib.sha256(b"%s\n%s\n%s" % (PREFIX.encode(), self.verify_raw, self.recipient.encode()))
        return format_fingerprint(digest.hexdigest()[:16])

    def age_recipient(self) -> x25519.Recipient:
        """The age recipient bundles are sealed to."""
        return x25519.Recipient.from_str(self.recipient)

    def verify(self, signature: bytes, message: bytes) -> bool:
        """Whether `signature` is this key's Ed25519 signature of `message`."""
        try:
            Ed25519PublicKey.from_public_bytes(self.verify_raw).verify(signature, message)
            return True
        except (InvalidSignature, ValueError):
            return False

    @classmethod
    def parse(cls, text: str) -> "PublicKey":
        """Parse the one-line form; raises KeyProblem with a clear message."""
        m = _PUBLIC_RE.match((text or "").strip())
        if not m:
            raise KeyProblem(_("This is not a survey public key (it starts with {prefix}: and is one line).")
                            .format(prefix=PREFIX))
        raw = _unb64(m.group(2))
        try:
            Ed25519PublicKey.from_public_bytes(raw)
            x25519.Recipient.from_str(m.group(3))
        except Exception as exc:  # the libraries' own errors for a key of the right shape but not a key
            raise KeyProblem(_("This public key is damaged (a character was changed?).")) from exc
        return cls(m.group(1), raw, m.group(3))


class Identity:
    """This installation's private keys (never leave the key file) and its public key."""

    def __init__(self, device_id: str, signing: Ed25519PrivateKey, decrypting: x25519.Identity) -> None:
        self.device_id = device_id
        self._signing = signing
        self._decrypting = decrypting
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        raw = signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.public = PublicKey(device_id, raw, str(decrypting.to_public()))

    @classmethod
    def generate(cls, device_id: str) -> "Identity":
        """New random keys for `device_id`."""
        return cls(device_id, Ed25519PrivateKey.generate(), x25519.Identity.generate())

    def sign(self, message: bytes) -> bytes:
        """Ed25519 signature of `message`."""
        return self._signing.sign(message)

    def age_identity(self) -> x25519.Identity:
        """The age identity that opens bundles sealed to this installation."""
        return self._decrypting

    def to_json(self) -> str:
        """The key file's text (private: write it only with `save`)."""
        from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

        raw = self._signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return json.dumps({"version": 1, "device_id": self.device_id, "signing_key": _b64(raw),
                           "age_identity": str(self._decrypting)}, indent=1)

    @classmethod
    def from_json(cls, text: str) -> "Identity":
        """Read a key file's text."""
        d = json.loads(text)
        return cls(d["device_id"], Ed25519PrivateKey.from_private_bytes(_unb64(d["signing_key"])),
                   x25519.Identity.from_str(d["age_identity"]))

    def save(self, path: Path) -> None:
        """Write the key file readable by the user alone (folder 0700, file 0600), atomically."""
        write_private(path, self.to_json())

    @classmethod
    def load(cls, path: Path) -> "Identity":
        """Read a key file; a damaged one is a clear error."""
        try:
            if path.stat().st_size > 64 * 1024:
                raise ValueError("too large for a key file")
            return cls.from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise KeyProblem(_("The key file {path} cannot be read ({reason}).").format(path=path, reason=exc)) \
                from exc


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` so that only the user can read it (folder 0700, file 0600), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path.parent, 0o700)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def keys_dir(home: Path) -> Path:
    """Where an installation keeps its key file and trust list."""
    return home / KEYS_DIR


def ensure_identity(path: Path, device_id: str | None = None) -> Identity:
    """The identity in `path`, made on first use (with a new device id if none is given). A key file of another
    device id (a new database in an old home) is kept aside and a new identity made: a key always names the
    device whose records it signs."""
    if path.exists():
        ident = Identity.load(path)
        if device_id is None or ident.device_id == device_id:
            return ident
        os.replace(path, path.with_name(f"identity-{ident.device_id}.json"))
    import uuid

    ident = Identity.generate(device_id or str(uuid.uuid4()))
    ident.save(path)
    return ident


def central_identity(db_path: Path | str) -> Identity:
    """The receiver's identity, kept beside its database (`<db>.keys/identity.json`)."""
    db_path = Path(db_path)
    return ensure_identity(db_path.with_name(db_path.name + ".keys") / KEY_FILE)


def home_identity(home: Path, db) -> Identity:
    """This installation's identity (home folder + its database's device id)."""
    from survey_app.storage.records import device_id

    return ensure_identity(keys_dir(home) / KEY_FILE, device_id(db))
