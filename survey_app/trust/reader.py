"""Reading a sealed bundle as records: the signer must be trusted, every record well formed and the signer's
to write (policy), all checked while the file streams; the import rolls back if anything fails."""
from __future__ import annotations

import operator
from pathlib import Path
from typing import Any, Callable, Iterator

from survey_app.i18n import _
from survey_app.trust.container import BundleError, BundleOpener
from survey_app.trust.keyring import Keyring
from survey_app.trust.keys import Identity, PublicKey
from survey_app.trust.limits import (DEFAULT_LIMITS, MAX_REVISION, UUID, Limits, all_timestamps, all_uuids,
                                     is_timestamp, is_uuid)
from survey_app.trust.policy import FIELDS, FORMS_TABLE, TOMBSTONES_TABLE, Writer, local_copy_only, refusal
from survey_app.trust.records import strict_loads_lines
from survey_app.trust.trustlist import role_label

HeldDevices = Callable[[str, list[str]], dict[str, tuple[str, str | None]]]  # {id: (device_id, status)}


class SealedBundleReader:
    """`verify()` opens the file and checks its signer; `record_chunks()` streams checked records.

    On a laptop the keyring says who a signer is; a receiver passes its own `identity` and `who` (its devices).
    """

    def __init__(self, path: Path | str, keyring: Keyring | None, limits: Limits = DEFAULT_LIMITS, *,
                 identity: Identity | None = None, who: Callable[[PublicKey], Writer | None] | None = None) -> None:
        self.path = Path(path)
        identity = identity or keyring.identity
        self.who = who or keyring.writer
        self.opener = BundleOpener(self.path, identity, limits)
        self.manifest: dict[str, Any] = {}
        self.writer: Writer | None = None
        self.skip_local_copies = keyring is not None  # a laptop keeps its own built-in form; a receiver stores all

    def fail(self, message: str, **values: Any) -> BundleError:
        """A BundleError naming this file."""
        return self.opener.fail(message, **values)

    def close(self) -> None:
        """Close the file."""
        self.opener.close()

    def __enter__(self) -> "SealedBundleReader":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def verify(self, deep: bool = False) -> dict[str, Any]:
        """Open the file and check who signed it; returns the manifest (bundle_id, device_id, files, ...).
        The signature itself is checked when `record_chunks()` reaches the end (one pass over the file)."""
        header = self.opener.open()
        signer = self.opener.signer
        assert signer is not None
        self.writer = self.who(signer)
        if self.writer is None:
            raise self.fail(_("{path} is signed by a key this installation does not trust (fingerprint {fp}). "
                              "If you know whose it is, trust it first: survey-app keys trust PUBLIC_KEY --name "
                              "NAME --role surveyor|supervisor|central"), fp=signer.fingerprint)
        tables = header.get("tables")
        if (not is_uuid(header.get("bundle_id")) or not is_timestamp(header.get("created_at"))
                or type(tables) is not dict or not all(type(n) is int and n >= 0 for n in tables.values())
                or type(header.get("schema_version")) is not int):
            raise self.fail(_("{path} is damaged: its header is not complete."))
        self.manifest = dict(header, files=[{"table": t, "records": n} for t, n in tables.items()],
                             records=sum(tables.values()))
        if deep:
            for _chunk in self.opener.chunks():
                pass
        return self.manifest

    def malformed(self, why: str = "") -> BundleError:
        """The error for a record that is not well formed."""
        if why:
            return self.fail(_("{path} holds a record that is not well formed ({why})."), why=why)
        return self.fail(_("{path} holds a record that is not well formed."))

    def record_chunks(self, columns: dict[str, set[str]], held: HeldDevices | None = None
                      ) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """(table, records) in file order, each record checked: contract shape, values, and that the signer
        may write it (`held(table, ids)` gives the device_id of copies already held). Raises BundleError."""
        for table, names, batch in self.row_chunks(columns, held):
            if names is not None:
                data_names = names[3:]
                batch = [{"table": table, "id": r[0], "revision": r[1], "updated_at": r[2],
                          "data": dict(zip(data_names, r[3:]))} for r in batch]
            yield table, batch

    def row_chunks(self, columns: dict[str, set[str]], held: HeldDevices | None = None
                   ) -> Iterator[tuple[str, list[str] | None, list[Any]]]:
        """(table, column names, rows) in file order, checked as record_chunks does. A table written as
        arrays gives its column names (id, revision, updated_at, data columns...) and its rows as lists of
        values in that order; one written as records (format 2) gives None and the records."""
        assert self.writer is not None
        current, names = None, None
        for table, data in self.opener.chunks():
            if table != current:
                current = table
                if table not in columns:
                    raise self.fail(_("{path} holds records of a table this app does not know ({table}). Update "
                                      "the app, then import again."), table=table)
                names = self.opener.columns.get(table)
                if names is not None and not set(names[3:]) <= columns[table]:
                    raise self._unknown_fields(table, set(names[3:]) - columns[table])
            batch = strict_loads_lines(data)
            if batch is None:
                raise self.malformed(_("not valid JSON"))
            skip = self.skip_local_copies and self.writer.role != "self"
            if names is None:
                self._check(table, batch, columns[table], held, columns)
                if skip:
                    batch = [r for r in batch if not local_copy_only(table, r["data"])]
            else:
                self._check_rows(table, names, batch, held, columns)
                if skip and table == FORMS_TABLE:
                    data_names = names[3:]
                    batch = [r for r in batch if not local_copy_only(table, dict(zip(data_names, r[3:])))]
            yield table, names, batch
        if self.opener.end.get("tables") != self.manifest.get("tables"):
            raise self.fail(_("{path} is damaged: its record counts do not match its contents."))

    def _unknown_fields(self, table: str, fields: set) -> BundleError:
        return self.fail(_("The bundle has fields this version of the app does not know ({fields} in "
                           "{table}). Update the app, then import again."),
                         fields=", ".join(sorted(map(str, fields))), table=table)

    def _check_rows(self, table: str, names: list[str], rows: list[Any], held: HeldDevices | None,
                    tables) -> None:
        """The checks of `_check` for rows of values, a column at a time; the policy's verdict once per
        distinct combination of the fields it reads (and the copy held), not once per record."""
        if not rows:
            return
        width = len(names)
        if not all(type(r) is list and len(r) == width for r in rows):
            raise self.malformed()
        ids = [r[0] for r in rows]
        revs = [r[1] for r in rows]
        if not (all_uuids(ids) and all(type(v) is int for v in revs) and 1 <= min(revs)
                and max(revs) <= MAX_REVISION and all_timestamps([r[2] for r in rows])):
            raise self.malformed()
        at = {f: names.index(f) for f in FIELDS if f in names}
        pick = (lambda r: ()) if not at else operator.itemgetter(*at.values())
        held_rows = held(table, ids) if held is not None else None
        verdicts: dict[tuple, str | None] = {}
        writer = self.writer
        assert writer is not None
        try:
            for r in rows:
                key = (pick(r), held_rows.get(r[0]) if held_rows else None)
                if key not in verdicts:
                    d = dict(zip(at, key[0] if len(at) > 1 else (key[0],)))
                    dev, status = (None, d.get("status")) if held_rows is None else (key[1] or (None, None))
                    verdicts[key] = refusal(writer, table, d, dev, held_status=status)
                if verdicts[key]:
                    raise self.refused(verdicts[key], r[0])
        except TypeError:  # a policy field holding a list or an object
            raise self.malformed() from None
        if held is not None and table == TOMBSTONES_TABLE:
            data_names = names[3:]
            self._check_targets([{"data": dict(zip(data_names, r[3:])), "id": r[0]} for r in rows], held, tables)

    def _check(self, table: str, batch: list[Any], known: set[str], held: HeldDevices | None, tables) -> None:
        writer = self.writer
        assert writer is not None
        uuid_ok = UUID.match
        for rec in batch:
            try:
                d, rid, rev, upd = rec["data"], rec["id"], rec["revision"], rec["updated_at"]
                ok = (rec["table"] == table and type(d) is dict and type(rid) is str and uuid_ok(rid)
                      and type(rev) is int and 1 <= rev <= 2 ** 53 and is_timestamp(upd) and len(rec) == 5)
            except (KeyError, TypeError):
                ok = False
            if not ok:
                raise self.malformed()
            if not d.keys() <= known:
                raise self._unknown_fields(table, d.keys() - known)
        # Without what is held here (a receiver's first pass), a session's reviewed status is judged later.
        rows = held(table, [r["id"] for r in batch]) if held is not None else None
        for rec in batch:
            d = rec["data"]
            dev, status = rows.get(rec["id"], (None, None)) if rows is not None else (None, d.get("status"))
            if why := refusal(writer, table, d, dev, held_status=status):
                raise self.refused(why, rec["id"])
        if held is not None and table == TOMBSTONES_TABLE:
            self._check_targets(batch, held, tables)

    def _check_targets(self, batch: list[dict[str, Any]], held: HeldDevices, tables) -> None:
        """A tombstone deletes a record: the signer must be allowed to write that record as held here."""
        by_table: dict[str, list[dict[str, Any]]] = {}
        for rec in batch:
            target = rec["data"].get("table_name")
            if target not in tables or not is_uuid(rec["data"].get("record_id")):
                raise self.malformed(_("a deletion of an unknown record"))
            by_table.setdefault(target, []).append(rec)
        for target, recs in by_table.items():
            devices = held(target, [r["data"]["record_id"] for r in recs])
            for rec in recs:
                dev = devices.get(rec["data"]["record_id"], (None, None))[0]
                if dev is not None and (why := refusal(self.writer, TOMBSTONES_TABLE, rec["data"],
                                                       target_device=dev)):
                    raise self.refused(why, rec["id"])

    def refused(self, why: str, record_id: str) -> BundleError:
        """The error for a record the signer may not write."""
        assert self.writer is not None
        return self.fail(_("{path} was refused: signed by {name} ({role}), it holds {why} (record {id}). "
                           "Nothing was imported."), name=self.writer.name, role=role_label(self.writer.role), why=why,
                         id=record_id[:36])
