"""Helpers for the trust tests: laptops with real keys that trust each other, and forged bundles made with the
real container (a forger holding a recipient's key re-seals what it read)."""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from survey_app.storage.db import open_db
from survey_app import codec
from survey_app.trust.container import BundleOpener, BundleWriter
from survey_app.trust.keyring import Keyring

NOW = "2026-01-05T08:00:00.000Z"


class Laptop:
    """A home folder with its migrated database and keyring."""

    def __init__(self, home: Path) -> None:
        home.mkdir(parents=True, exist_ok=True)
        self.home = home
        self.path = home / "survey.db"
        self.db = open_db(self.path)
        self.keyring = Keyring.for_db(self.path, self.db)

    @property
    def key(self) -> str:
        """Its public key text."""
        return self.keyring.identity.public.text

    def trusts(self, other: "Laptop", role: str, name: str = "") -> "Laptop":
        """Add `other`'s key to this laptop's trust list (saved, as `keys trust` does)."""
        self.keyring.trust.trust(other.key, name or other.home.name, role, now=NOW)
        self.keyring.trust.save()
        return self

    def fingerprint(self) -> str:
        """A digest of the database file after a checkpoint: equal means byte-for-byte unchanged."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return hashlib.sha256(self.path.read_bytes()).hexdigest()

    def close(self) -> None:
        """Close its database."""
        self.db.close()


@contextmanager
def supervisor_of(home: Path, surveyor: Laptop) -> Iterator[Laptop]:
    """A supervisor's laptop (Hoa) in `home` and the surveyor's (Lan) trusting each other; closed afterwards."""
    sup = Laptop(home)
    sup.trusts(surveyor, "surveyor", "Lan")
    surveyor.trusts(sup, "supervisor", "Hoa")
    try:
        yield sup
    finally:
        sup.close()


def unseal(path: Path, reader: Laptop) -> tuple[dict, dict[str, list[dict]]]:
    """The header and records (per table, as JSON objects whether the file holds arrays or objects) of a
    bundle, opened with a recipient's key."""
    opener = BundleOpener(path, reader.keyring.identity)
    header = opener.open()
    tables: dict[str, list[dict]] = {t: [] for t in header["tables"]}
    for table, data in opener.chunks():
        lines = [codec.loads(line) for line in data.splitlines()]
        if names := opener.columns.get(table):
            lines = [{"table": table, "id": r[0], "revision": r[1], "updated_at": r[2],
                      "data": dict(zip(names[3:], r[3:]))} for r in lines]
        tables[table] += lines
    return header, tables


class Impostor:
    """Signs with its own key while claiming another's public key (a forged signature)."""

    def __init__(self, claimed: Laptop, real: Laptop) -> None:
        self.public = claimed.keyring.identity.public
        self.device_id = self.public.device_id
        self._real = real.keyring.identity

    def sign(self, message: bytes) -> bytes:
        return self._real.sign(message)


def reseal(out: Path, header: dict, tables: dict[str, list], signer, recipients: list[Laptop], *,
           arrays: bool = True) -> Path:
    """Write records as a bundle signed by `signer` (a Laptop or an Impostor) to `recipients`: as rows of
    values (the app's own way, columns from the records' data keys) or, with arrays=False, as JSON objects (an
    older app's bundle). A table given as (column names, rows) is written as those rows as they are."""
    identity = signer.keyring.identity if isinstance(signer, Laptop) else signer
    keep = {k: v for k, v in header.items() if k not in ("format", "format_version", "signer", "recipients")}
    keep["tables"] = {t: len(r[1] if isinstance(r, tuple) else r) for t, r in tables.items()}
    keep["device_id"] = identity.public.device_id
    w = BundleWriter(out, identity, [r.keyring.identity.public for r in recipients], keep)
    for table, recs in tables.items():
        if isinstance(recs, tuple):
            names, rows = recs
        elif arrays:
            data = list(dict.fromkeys(k for r in recs for k in r["data"]))
            names = ["id", "revision", "updated_at", *data]
            rows = [[r["id"], r["revision"], r["updated_at"], *(r["data"].get(k) for k in data)] for r in recs]
        else:
            names, rows = None, recs
        w.table(table, names)
        if rows:
            w.lines(b"".join(codec.dumps_bytes(r) + b"\n" for r in rows))
    w.finish({"tables": keep["tables"]})
    return out


def big_bundle(out: Path, lap: Laptop, recipients, megabytes: float) -> tuple[Path, int]:
    """A sealed bundle of signal readings of about `megabytes` on disk (random raw text: it barely compresses);
    returns the path and the number of records."""
    import os
    import uuid

    me = lap.keyring.identity.device_id
    line = ('{"table":"signal_readings","id":"%s","revision":1,"updated_at":"2026-01-05T08:00:00Z","data":{'
            '"device_id":"' + me + '","rsrp_dbm":-90.5,"raw":"%s"}}\n')
    per_record = 700
    n = int(megabytes * (1 << 20) / per_record)
    header = {"bundle_id": str(uuid.uuid4()), "device_id": me, "created_at": NOW, "app_version": "t",
              "schema_version": 5, "session_id": None, "tables": {"signal_readings": n}}
    w = BundleWriter(out, lap.keyring.identity, recipients, header)
    w.table("signal_readings")
    step = 2000
    for start in range(0, n, step):
        count = min(step, n - start)
        noise = os.urandom(count * per_record // 2).hex()
        w.lines("".join(line % (uuid.uuid4(), noise[i * per_record:(i + 1) * per_record - 40])
                        for i in range(count)).encode())
    w.finish({"tables": header["tables"]})
    return out, n
