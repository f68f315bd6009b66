"""Where a data folder's key is kept: the OS keyring, and a cache for the login session.

The keyring (`keyring`: Windows Credential Manager, macOS Keychain, Secret Service) is loaded only when the
session cache has no key: importing it and finding a back end costs about 0.3 s, more than the rest of start-up.
The cache lives in `$XDG_RUNTIME_DIR` (Linux: a per-user folder in RAM, 0700, emptied at logout), never on disk.
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

SERVICE = "survey-app"
_problem = ""


def last_problem() -> str:
    """Why the last keyring call failed ("" when it did not)."""
    return _problem


def _keyring_call(name: str, *args):
    global _problem
    _problem = ""
    try:
        import keyring

        return getattr(keyring, name)(SERVICE, *args)
    # Back ends raise their own errors (NoKeyringError, D-Bus, Keychain, locked collections): all mean "no key
    # from the keyring now", and the caller says so to the user.
    except Exception as exc:  # noqa: BLE001
        _problem = f"{type(exc).__name__}: {exc}"[:300]
        return None


def keyring_get(key_id: str) -> str | None:
    """The stored key text, or None (see last_problem)."""
    return _keyring_call("get_password", key_id)


def keyring_put(key_id: str, secret: str) -> bool:
    """Store a key; True only if the keyring gives it back."""
    global _problem
    _keyring_call("set_password", key_id, secret)
    if _problem:
        return False
    if keyring_get(key_id) != secret:
        _problem = _problem or "the keyring did not keep the key"
        return False
    return True


def keyring_delete(key_id: str) -> None:
    """Remove a key that turned out not to be needed."""
    _keyring_call("delete_password", key_id)


def _session_dir() -> Path | None:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if os.name != "posix" or not runtime:
        return None
    try:
        st = os.stat(runtime)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        return None  # not a private per-user folder: keep no key there
    return Path(runtime) / "survey-app"


def _session_file(folder: Path, key_id: str) -> Path | None:
    base = _session_dir()
    if base is None:
        return None
    name = hashlib.sha256(f"{folder}\0{key_id}".encode("utf-8")).hexdigest()[:32]
    return base / f"{name}.key"


def session_load(folder: Path, key_id: str) -> bytes | None:
    """The key cached for this login session, if any."""
    path = _session_file(folder, key_id)
    if path is None:
        return None
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii")[:64])
    except (OSError, ValueError):
        return None
    return key if len(key) == 32 else None


def session_save(folder: Path, key_id: str, key: bytes) -> None:
    """Cache the key until logout (best effort: without a session folder the key is asked again)."""
    path = _session_file(folder, key_id)
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key.hex())
    except OSError:
        pass

