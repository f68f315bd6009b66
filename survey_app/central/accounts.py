"""Dashboard accounts: Argon2id password hashes (argon2-cffi), expiring sessions, throttled logins."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from survey_app.errors import UserError
from survey_app.i18n import _

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
SESSION_HOURS = 8.0
FAIL_WINDOW_MIN = 15
FAILS_PER_NAME = 5       # then that account waits out the window
FAILS_PER_ADDRESS = 20   # then that address waits out the window (guessing many names)


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()  # the library's current defaults (Argon2id, RFC 9106 low-memory profile)


def hash_password(password: str) -> str:
    """An Argon2id hash of a password (salted, with its parameters)."""
    return _hasher().hash(password)


def verify_password(stored: str, password: str) -> bool:
    """Whether a password matches its stored hash."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


# Verified when the account does not exist, so a wrong name costs as long as a wrong password.
_DUMMY = None


def _dummy_hash() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password("not a password of anyone")
    return _DUMMY


def check_password_rules(password: str) -> None:
    """UserError unless the password is long enough (and not absurdly long)."""
    if len(password) < MIN_PASSWORD:
        raise UserError(_("The password needs at least {n} characters.").format(n=MIN_PASSWORD))
    if len(password) > MAX_PASSWORD:
        raise UserError(_("The password is too long."))


def utc_text(dt: datetime) -> str:
    """A UTC time as the stores' ISO text."""
    return dt.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class LoginResult:
    """What a login attempt gave: a session (token, csrf), or why not."""

    ok: bool
    token: str = ""
    csrf: str = ""
    throttled: bool = False
    retry_after_s: int = 0


class Accounts:
    """Logins and sessions over a receiver store."""

    def __init__(self, store, session_hours: float = SESSION_HOURS) -> None:
        self.store = store
        self.session_hours = session_hours

    def login(self, name: str, password: str, address: str) -> LoginResult:
        """Check a name and password (throttled per name and per address); a new session when they match."""
        now = datetime.now(timezone.utc)
        since = utc_text(now - timedelta(minutes=FAIL_WINDOW_MIN))
        by_name, by_addr = self.store.failures_since(name, address, since)
        if by_name >= FAILS_PER_NAME or by_addr >= FAILS_PER_ADDRESS:
            return LoginResult(False, throttled=True, retry_after_s=FAIL_WINDOW_MIN * 60)
        account = self.store.account(name) if 0 < len(password) <= MAX_PASSWORD else None
        if account is None:
            verify_password(_dummy_hash(), password[:MAX_PASSWORD])
            self.store.record_failure(name[:200], address)
            return LoginResult(False)
        if not verify_password(account[3], password):
            self.store.record_failure(name[:200], address)
            return LoginResult(False)
        self.store.clear_failures(name, utc_text(now - timedelta(days=1)))
        token, csrf = self.store.create_session(account[0], utc_text(now + timedelta(hours=self.session_hours)))
        return LoginResult(True, token, csrf)

    def session(self, token: str | None):
        """(name, role, csrf, expires_at) of a live session, or None (unknown, ended or expired)."""
        if not token or len(token) > 200:
            return None
        return self.store.session(token)

    def logout(self, token: str | None) -> None:
        """End a session."""
        if token and len(token) <= 200:
            self.store.end_session(token)
