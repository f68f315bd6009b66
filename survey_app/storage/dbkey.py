"""The key of a data folder's databases: OS keyring, else a passphrase; cached for the login session.

`<folder>/database-key.json` says where the key lives and holds a check value (an HMAC of the key), so a
wrong passphrase or a foreign key is refused before any database is touched. The 32-byte key is given to
SQLCipher raw (no key derivation at each open). Where it comes from, in order:
1. `SURVEY_APP_DB_KEY` (64 hex digits): servers with a secret store, tests;
2. this process's cache, then the login-session cache (`$XDG_RUNTIME_DIR`, a per-user RAM folder emptied at
   logout: a switched-off laptop holds no key);
3. the OS keyring (a random key stored at first start), or a passphrase (`SURVEY_APP_PASSPHRASE`, else the
   prompt the CLI or window installed with `set_prompter`) run through scrypt with the file's salt.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Callable

from survey_app.errors import DatabaseCorrupt, KeyUnavailable, WrongKey
from survey_app.i18n import _

KEY_FILE = "database-key.json"
SERVICE = "survey-app"
ENV_KEY = "SURVEY_APP_DB_KEY"
ENV_PASSPHRASE = "SURVEY_APP_PASSPHRASE"
MIN_PASSPHRASE = 8
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}
_CHECK_LABEL = b"survey-app database key check v1"

# prompt(kind, folder, problem) -> passphrase or None; kind is "new" or "enter", problem a message or "".
Prompter = Callable[[str, Path, str], "str | None"]
_prompter: Prompter | None = None
_cache: dict[str, bytes] = {}


def set_prompter(prompter: Prompter | None) -> None:
    """How to ask for a passphrase when the keyring cannot hold the key (CLI: terminal; window: dialog)."""
    global _prompter
    _prompter = prompter


def key_folder(db_path: Path) -> Path:
    """The folder whose key opens `db_path`: its own, or the data folder above `backups/`."""
    folder = db_path.parent
    if not (folder / KEY_FILE).exists() and folder.name == "backups" and (folder.parent / KEY_FILE).exists():
        return folder.parent
    return folder


def key_for_db(db_path: Path) -> bytes:
    """The raw key for a database file (created with the folder's key file on first use)."""
    folder = key_folder(db_path)
    if not (folder / KEY_FILE).exists() and _encrypted_file(db_path):
        raise DatabaseCorrupt(_("The database {path} cannot be read: it is damaged, or encrypted and its key "
                                "file {key} is missing. It was not changed; restore the key file or a backup.")
                              .format(path=db_path, key=folder / KEY_FILE))
    return key_for(folder)


def _encrypted_file(path: Path) -> bool:
    from survey_app.storage.driver import PLAIN_HEADER

    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return len(head) == 16 and head != PLAIN_HEADER


def check_value(key: bytes) -> str:
    """What the key file stores to recognise the right key (not the key itself)."""
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()


def key_for(folder: Path) -> bytes:
    """The raw key of `folder`; raises KeyUnavailable or WrongKey (nothing is changed then)."""
    folder = folder.absolute()
    cached = _cache.get(str(folder))
    info = _read_info(folder)
    if cached is not None and info is not None and hmac.compare_digest(check_value(cached), info["check"]):
        return cached
    key = _existing_key(folder, info) if info is not None else _new_key(folder)
    _cache[str(folder)] = key
    return key


def forget() -> None:
    """Drop this process's cached keys: the next open looks them up again."""
    _cache.clear()


def _read_info(folder: Path) -> dict | None:
    path = folder / KEY_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyUnavailable(_("The key file {path} cannot be read ({reason}).").format(
            path=path, reason=exc.strerror or exc)) from exc
    try:
        info = json.loads(raw[:65536])
        if not (isinstance(info, dict) and isinstance(info.get("check"), str) and isinstance(info.get("id"), str)
                and info.get("source") in ("keyring", "passphrase", "external")):
            raise ValueError("fields")
    except ValueError as exc:
        raise KeyUnavailable(_("The key file {path} is damaged; the databases of this folder cannot be "
                               "opened without it. Restore it from a copy.").format(path=path)) from exc
    return info


def _env_key() -> bytes | None:
    text = os.environ.get(ENV_KEY, "").strip()
    if not text:
        return None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise KeyUnavailable(_("{name} must be 64 hexadecimal digits (a 32-byte key).").format(name=ENV_KEY))
    return key


def _existing_key(folder: Path, info: dict) -> bytes:
    from survey_app.storage import key_stores

    key = _env_key()
    if key is not None:
        if not hmac.compare_digest(check_value(key), info["check"]):
            raise WrongKey(_("The key in {name} does not open the data folder {folder}. Nothing was changed.")
                           .format(name=ENV_KEY, folder=folder))
        return key
    key = key_stores.session_load(folder, info["id"])
    if key is not None and hmac.compare_digest(check_value(key), info["check"]):
        return key
    if info["source"] == "keyring":
        key = _from_keyring(folder, info)
    elif info["source"] == "passphrase":
        key = _from_passphrase(folder, info)
    else:
        raise KeyUnavailable(_("The data folder {folder} is opened with a key given in {name}; set it and "
                               "start again.").format(folder=folder, name=ENV_KEY))
    key_stores.session_save(folder, info["id"], key)
    return key


def _from_keyring(folder: Path, info: dict) -> bytes:
    from survey_app.storage import key_stores

    text = key_stores.keyring_get(info["id"])
    try:
        key = bytes.fromhex(text or "")
    except ValueError:
        key = b""
    if len(key) != 32 or not hmac.compare_digest(check_value(key), info["check"]):
        raise KeyUnavailable(_("The key of the data folder {folder} is kept in the system keyring, which does "
                               "not have it now ({reason}). Log in to the desktop session or unlock the keyring, "
                               "then start again. Nothing was changed.").format(
            folder=folder, reason=key_stores.last_problem() or _("no entry")))
    return key


def derive(passphrase: str, kdf: dict) -> bytes:
    """The 32-byte key of a passphrase with the key file's scrypt salt and costs."""
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=bytes.fromhex(kdf["salt"]), n=int(kdf["n"]),
                          r=int(kdf["r"]), p=int(kdf["p"]), maxmem=256 * 1024 * 1024, dklen=32)


def _from_passphrase(folder: Path, info: dict) -> bytes:
    kdf = info.get("kdf")
    if not isinstance(kdf, dict):
        raise KeyUnavailable(_("The key file {path} is damaged; the databases of this folder cannot be "
                               "opened without it. Restore it from a copy.").format(path=folder / KEY_FILE))
    env = os.environ.get(ENV_PASSPHRASE)
    problem = ""
    for _attempt in range(1 if env is not None else 3):
        passphrase = env if env is not None else _ask("enter", folder, problem)
        key = derive(passphrase, kdf)
        if hmac.compare_digest(check_value(key), info["check"]):
            return key
        problem = _("Wrong passphrase for the data folder {folder}. Nothing was changed.").format(folder=folder)
    raise WrongKey(problem)


def _ask(kind: str, folder: Path, problem: str) -> str:
    answer = _prompter(kind, folder, problem) if _prompter is not None else None
    if answer is None:
        raise KeyUnavailable(_("The data folder {folder} is protected by a passphrase. Type it when asked, or "
                               "set {name} for work without a terminal.").format(folder=folder, name=ENV_PASSPHRASE))
    return answer


def _new_key(folder: Path) -> bytes:
    """First start: a random key in the keyring, else a key from a new passphrase; writes the key file."""
    import uuid   # here: uuid imports platform (~8 ms), which a start with a known key never needs

    from survey_app.storage import key_stores

    key_id = str(uuid.uuid4())
    key = _env_key()
    info: dict = {"version": 1, "id": key_id}
    if key is not None:
        info["source"] = "external"
    elif os.environ.get(ENV_PASSPHRASE) is None and key_stores.keyring_put(key_id, (key := secrets.token_bytes(32)).hex()):
        info["source"] = "keyring"
    else:
        passphrase = os.environ.get(ENV_PASSPHRASE)
        if passphrase is None:
            passphrase = _ask("new", folder, "")
        if len(passphrase) < MIN_PASSPHRASE:
            raise KeyUnavailable(_("A passphrase needs at least {n} characters.").format(n=MIN_PASSPHRASE))
        kdf = dict(SCRYPT, name="scrypt", salt=secrets.token_bytes(16).hex())
        key = derive(passphrase, kdf)
        info.update(source="passphrase", kdf=kdf)
    info["check"] = check_value(key)
    if not _write_info(folder, info):  # another process created the folder's key first: use that one
        if info["source"] == "keyring":
            key_stores.keyring_delete(key_id)
        return _existing_key(folder, _read_info(folder))
    if info["source"] != "external":
        key_stores.session_save(folder, key_id, key)
    return key


def _write_info(folder: Path, info: dict) -> bool:
    """Create the key file whole (written aside, then linked); False when one already exists."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{KEY_FILE}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(info, fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.link(tmp, folder / KEY_FILE)
        return True
    except FileExistsError:
        return False
    finally:
        tmp.unlink(missing_ok=True)
