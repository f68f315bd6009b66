"""A throwaway PostgreSQL + PostGIS cluster for the tests: initdb/pg_ctl in a temp folder on a free port.

One cluster per test session (made once, stopped at the end); each test gets its own database, copied from a
template that already has PostGIS (CREATE DATABASE ... TEMPLATE takes ~50 ms, CREATE EXTENSION ~1 s).
As root the server runs as the `postgres` user (initdb refuses root).
"""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def pg_bin() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps them under /usr/lib/postgresql/N/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def has_postgis() -> bool:
    """Whether the PostGIS extension files are installed for that PostgreSQL."""
    return bool(glob.glob("/usr/share/postgresql/*/extension/postgis.control"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """A PostgreSQL server of our own on 127.0.0.1 (trust auth, superuser `postgres`)."""

    def __init__(self, *, fsync: bool = False) -> None:
        self.bin = pg_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql postgis)")
        self.root = Path(tempfile.mkdtemp(prefix="survey-pg-"))
        self.data = self.root / "data"
        self.user = None
        if os.geteuid() == 0:
            self.user = "postgres"
            pw = pwd.getpwnam(self.user)
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        self.fsync = fsync
        self.port = 0
        self._names = itertools.count(1)

    def _run(self, *args: str, **kw) -> subprocess.CompletedProcess:
        cmd = [str(a) for a in args]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--"] + cmd
        return subprocess.run(cmd, capture_output=True, text=True, check=True, **kw)

    def start(self) -> "PgCluster":
        """initdb, then start on a free port; retried if another process took the port first."""
        self._run(self.bin / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        for _ in range(5):
            self.port = _free_port()
            opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync={'on' if self.fsync else 'off'} "
                    "-c full_page_writes=off -c max_connections=200 -c shared_buffers=128MB "
                    "-c log_min_messages=warning -c logging_collector=off")
            try:
                self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.root / "server.log", "-o", opts,
                          "-w", "-t", "60", "start")
                break
            except subprocess.CalledProcessError:
                log = (self.root / "server.log").read_text(errors="replace") if (self.root / "server.log").exists() else ""
                if "could not bind" not in log and "in use" not in log:
                    raise
        else:
            raise RuntimeError("PostgreSQL did not start")
        self.sql("postgres", "CREATE DATABASE survey_template")
        self.sql("survey_template", "CREATE EXTENSION postgis")
        return self

    @property
    def admin_url(self) -> str:
        """URL of the maintenance database."""
        return self.url("postgres")

    def url(self, dbname: str) -> str:
        """A connection URL for one database on this cluster."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def sql(self, dbname: str, statement: str) -> None:
        """Run one statement (autocommit) on a database."""
        import psycopg

        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self, *, postgis: bool = True, migrated: bool = True) -> str:
        """A fresh database; returns its URL. By default already at the receiver's current schema (copied from
        a template migrated once per session; the migration tests ask for migrated=False)."""
        name = f"t{os.getpid()}_{next(self._names)}"
        if not postgis:
            template = "template1"
        elif migrated:
            template = self._migrated_template()
        else:
            template = "survey_template"
        self.sql("postgres", f"CREATE DATABASE {name} TEMPLATE {template}")
        return self.url(name)

    def _migrated_template(self) -> str:
        if not getattr(self, "_migrated", False):
            from survey_app.central.store_pg import PostgresStore

            self.sql("postgres", "CREATE DATABASE survey_migrated TEMPLATE survey_template")
            PostgresStore(self.url("survey_migrated")).close()
            self._migrated = True
        return "survey_migrated"

    def server_pid(self) -> int:
        """The postmaster's process id (its children are the server's backends)."""
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def stop_server(self, mode: str = "immediate") -> None:
        """Stop the server (the databases stay on disk)."""
        self._run(self.bin / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def restart(self) -> None:
        """Start the stopped server again on the same port."""
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync={'on' if self.fsync else 'off'} "
                "-c full_page_writes=off -c max_connections=200")
        self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.root / "server.log", "-o", opts, "-w", "start")

    def wait_ready(self, timeout: float = 30) -> None:
        """Until the server accepts connections."""
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            try:
                psycopg.connect(self.admin_url, connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def close(self) -> None:
        """Stop the server and remove its folder."""
        try:
            self.stop_server("fast")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)
