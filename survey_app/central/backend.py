"""Which store a `--db` value opens: a PostgreSQL URL (the city edition) or a SQLite file (the default)."""
from __future__ import annotations

from pathlib import Path

from survey_app.central.store_pg import is_postgres_url


def open_store(target: str | Path, **pool):
    """The receiver store for `target` (migrated and ready); `pool` sizes the PostgreSQL connection pool."""
    if is_postgres_url(str(target)):
        from survey_app.central.store_pg import PostgresStore

        return PostgresStore(str(target), **pool)
    from survey_app.central.store import CentralStore

    return CentralStore(target)


def sqlite_file(target: str | Path) -> Path:
    """The SQLite file a --db value names. A PostgreSQL URL is never a path: as one it would make a folder
    `postgresql:` with a database and a key file in the working directory."""
    if is_postgres_url(str(target)):
        raise ValueError("a PostgreSQL URL is not a SQLite file: open it with central.backend.open_store")
    return Path(target)


def describe(target: str | Path) -> str:
    """The --db value safe for logs (a password in a URL is hidden)."""
    text = str(target)
    if is_postgres_url(text) and "@" in text:
        scheme, rest = text.split("://", 1)
        cred, host = rest.rsplit("@", 1)
        return f"{scheme}://{cred.split(':', 1)[0]}:***@{host}" if ":" in cred else text
    return text


def keys_folder(target: str | Path) -> Path:
    """Where the receiver keeps its identity: beside a SQLite file (`<db>.keys`); for PostgreSQL
    $SURVEY_CENTRAL_KEYS, else the user data folder's central-keys/<host>_<port>_<database> (every receiver of one
    database must use the same identity: copy it, or point SURVEY_CENTRAL_KEYS at one folder)."""
    import os
    import re
    from urllib.parse import urlsplit

    text = str(target)
    if not is_postgres_url(text):
        p = sqlite_file(text)
        return p.with_name(p.name + ".keys")
    if os.environ.get("SURVEY_CENTRAL_KEYS"):
        return Path(os.environ["SURVEY_CENTRAL_KEYS"])
    import platformdirs

    u = urlsplit(text)
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{u.hostname or 'local'}_{u.port or 5432}_{u.path.strip('/') or 'db'}")
    return Path(platformdirs.user_data_dir("survey-app")) / "central-keys" / name


def identity_for(target: str | Path):
    """The receiver's identity (trust.keys.Identity) for a --db value, made on first use."""
    from survey_app.trust.keys import KEY_FILE, ensure_identity

    return ensure_identity(keys_folder(target) / KEY_FILE)
