"""The device token: in the OS keyring when a usable one exists, else in a file only the user can read."""
from __future__ import annotations

import os
from pathlib import Path

SERVICE = "survey-app-sync"
TOKEN_FILE = "sync_token"


def _keyring():
    """The keyring module if a real (non-failing, non-plaintext-null) backend is available, else None."""
    if os.environ.get("SURVEY_APP_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
            return None
        return keyring
    except Exception:  # no D-Bus, locked store, broken backend: fall back to the file
        return None


class TokenStore:
    """Load, save and clear the token of one home folder."""

    def __init__(self, home: Path, *, use_keyring: bool | None = None) -> None:
        self.home = Path(home)
        self.path = self.home / TOKEN_FILE
        self._kr = _keyring() if use_keyring in (None, True) else None
        self.account = str(self.home.resolve())

    @property
    def where(self) -> str:
        """'keyring' or 'file'."""
        return "keyring" if self._kr is not None else "file"

    def load(self) -> str:
        """The stored token, or ''."""
        if self._kr is not None:
            try:
                value = self._kr.get_password(SERVICE, self.account)
                if value:
                    return value
            except Exception:
                pass
        try:
            return self.path.read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    def save(self, token: str) -> str:
        """Store the token; returns where it went ('keyring' or 'file')."""
        token = token.strip()
        if self._kr is not None:
            try:
                self._kr.set_password(SERVICE, self.account, token)
                self.path.unlink(missing_ok=True)
                return "keyring"
            except Exception:
                pass
        self.home.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(token)
        os.chmod(tmp, 0o600)  # umask or an old file must not widen it
        os.replace(tmp, self.path)
        return "file"

    def clear(self) -> None:
        """Forget the token (after the receiver refused it)."""
        if self._kr is not None:
            try:
                self._kr.delete_password(SERVICE, self.account)
            except Exception:
                pass
        self.path.unlink(missing_ok=True)


ENV_TOKEN = "SURVEY_APP_SYNC_TOKEN"
MAX_TOKEN_FILE = 4096


def read_token_file(path: Path | str) -> str:
    """The token in `path`, which must be a small regular file that only its owner can read (like ssh keys)."""
    import stat

    from survey_app.errors import UserError
    from survey_app.i18n import _

    path = Path(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_TOKEN_FILE:
            raise UserError(_("The token file {path} is not a small text file.").format(path=path))
        if os.name == "posix" and info.st_mode & 0o077:
            raise UserError(_("The token file {path} can be read by other users of this computer: make it "
                              "private first (chmod 600 {path}).").format(path=path))
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(_("The token file {path} cannot be read ({reason}).").format(path=path, reason=exc)) from exc
    if not token or any(c.isspace() for c in token):
        raise UserError(_("The token file {path} does not hold one token.").format(path=path))
    return token
