"""Bulk loads (bundle import, demo data): one transaction per block; demo data rebuilds its indexes at the end."""
from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from survey_app.storage.driver import sqlite

if TYPE_CHECKING:  # sqlite_utils is imported lazily: it costs ~150 ms of start-up
    import sqlite_utils


class MissingParents(sqlite.IntegrityError):
    """The deferred foreign-key check at COMMIT failed: rows refer to parents that are not there."""


def insert_sql(table: str, cols: Sequence[str], *, or_ignore: bool = False) -> str:
    """A plain INSERT (or INSERT OR IGNORE) of `cols` into `table`, one ? per column."""
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    return f"{verb} INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})"


def insert_rows(db: sqlite_utils.Database, table: str, cols: Sequence[str], rows: Iterable[Sequence], *,
                or_ignore: bool = False) -> None:
    """Insert rows (tuples in `cols` order) in one executemany; `or_ignore` skips rows that clash."""
    db.conn.executemany(insert_sql(table, cols, or_ignore=or_ignore), rows)


def lookup(db: sqlite_utils.Database, table: str, key: str, value: str, keys: Sequence) -> dict:
    """{key: value} of the rows whose `key` column is one of `keys`."""
    out: dict = {}
    for start in range(0, len(keys), 500):  # stays under SQLite's parameter limit
        part = list(keys[start:start + 500])
        out.update(db.execute(f"SELECT [{key}], [{value}] FROM [{table}] WHERE [{key}] IN "
                              f"({', '.join('?' * len(part))})", part).fetchall())
    return out


def count_rows(db: sqlite_utils.Database, table: str) -> int:
    """How many rows a table holds."""
    return db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]


def has_rows(db: sqlite_utils.Database, table: str) -> bool:
    """Whether a table holds any row (without counting them)."""
    return db.execute(f"SELECT 1 FROM [{table}] LIMIT 1").fetchone() is not None


def drop_secondary_indexes(db: sqlite_utils.Database, table: str) -> list[str]:
    """Drop a table's indexes (not the automatic ones); returns the statements that rebuild them. Building an
    index once over the loaded rows is much faster than a million random index inserts."""
    sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
    rows = db.execute(sql, [table]).fetchall()
    for name, _statement in rows:
        db.conn.execute(f"DROP INDEX [{name}]")
    return [statement for _name, statement in rows]


def rebuild(db: sqlite_utils.Database, statements: list[str]) -> None:
    """Run the statements drop_secondary_indexes returned (and forget them)."""
    for statement in statements:
        db.conn.execute(statement)
    statements.clear()


def set_cache_kib(db: sqlite_utils.Database, kib: int) -> None:
    """Page cache of this connection, in KiB (index pages of millions of rows stay in memory)."""
    db.execute(f"PRAGMA cache_size = -{int(kib)}")


@contextmanager
def unchecked_writes(db: sqlite_utils.Database, cache_kib: int = 128 * 1024) -> Iterator[None]:
    """No foreign-key checks and no fsync while generated data is written (demo data only: a crash loses
    it, which does not matter); the usual settings come back afterwards."""
    conn = db.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    set_cache_kib(db, cache_kib)
    conn.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")


@contextmanager
def transaction(db: sqlite_utils.Database, *, immediate: bool = False, defer_foreign_keys: bool = False
                ) -> Iterator[None]:
    """One explicit transaction on the raw connection, rolled back on any error (or cancel).
    `defer_foreign_keys`: parents may follow their children; checked at COMMIT (MissingParents)."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        if defer_foreign_keys:
            conn.execute("PRAGMA defer_foreign_keys = ON")
        yield
        try:
            conn.execute("COMMIT")
        except sqlite.IntegrityError as exc:
            raise MissingParents(str(exc)) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
