"""Errors the user sees: their message is already in the user's language."""


class UserError(Exception):
    """A problem the user can act on; `str(err)` is translated and has no traceback."""

    exit_code = 2


class HomeNotWritable(UserError):
    """The home folder cannot be created or written."""


class DatabaseLocked(UserError):
    """Another copy of the app holds the database or the home folder."""


class DatabaseCorrupt(UserError):
    """The database file is damaged; it was left untouched."""


class NotFound(UserError):
    """A record the user named does not exist."""


class KeyUnavailable(UserError):
    """The database key cannot be had now (no keyring, no passphrase given, key file missing)."""


class WrongKey(UserError):
    """The passphrase or key given does not open the data folder; nothing was changed."""
