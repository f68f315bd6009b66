"""`export --format evidence`: speed tests with their per-second records, conditions and verdicts, as JSON in the
FCC BDC mobile speed-test layout (contract/evidence/fcc_bdc_mapping.csv says which field comes from where) and as
CSV (tests, seconds, events) for spreadsheets, pandas and GIS tools.

Tests linked to a household are left out unless precise locations are asked for: a test's positions are the
household's. Every file is written under a temporary name and published only when all are complete.
"""
from __future__ import annotations

import json
import threading
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Generator, Iterable

from survey_app.clock import VN_TZ
from survey_app.errors import UserError
from survey_app.exports.evidence_layout import (EVENT_COLUMNS, SECOND_COLUMNS, TEST_COLUMNS, event_rows, second_rows,
                                                submission, test_row)
from survey_app.exports.files import Sink, all_or_nothing, check_cancel, check_folder, publish_all, refuse_existing
from survey_app.exports.run import _csv_value as csv_value  # the contract's one CSV cell format
from survey_app.exports.run import Progress
from survey_app.i18n import _

LAYOUT = "fcc-bdc-mobile-speed-test/evidence-1"
BOM = b"\xef\xbb\xbf"
FILES = ("evidence.json", "evidence_tests.csv", "evidence_seconds.csv", "evidence_events.csv")
MANIFEST = "evidence_manifest.json"


@dataclass
class EvidenceResult:
    """The summary written to evidence_manifest.json and the files made."""

    manifest: dict
    files: list[Path]


def _progress(done: int, total: int) -> Progress:
    """Tests written so far, as the other exports report their rows (one layer)."""
    return Progress("evidence", done, total, 0, 1, done, total)


def _cell(value) -> str:
    """A cell as the contract writes CSV (text quoted, numbers bare, missing empty, booleans 1/0); text that a
    spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        value = "'" + value
    return csv_value(value)


def _csv_line(values: Iterable) -> bytes:
    return (",".join(_cell(v) for v in values) + "\r\n").encode("utf-8")


def run_evidence_export(db_path: Path | str, out_dir: Path, *, units: tuple[str, ...] = (), only_valid: bool = False,
                        precise_locations: bool = False, overwrite: bool = False,
                        cancel: threading.Event | None = None) -> Generator[Progress, None, EvidenceResult]:
    """Write the evidence files into out_dir (files already there are replaced only with `overwrite`); yields
    progress, returns EvidenceResult."""
    from survey_app.storage import evidence as store
    from survey_app.storage.db import begin_read, connect

    folder = check_folder(out_dir)
    if not overwrite:
        refuse_existing(folder, [*FILES, MANIFEST])
    db = connect(db_path)
    sinks: list[Sink] = []
    with closing(db), all_or_nothing(folder, sinks):
        begin_read(db)
        total = store.count_evidence_tests(db, units=units, only_valid=only_valid,
                                           with_households=precise_locations)
        if not total:
            raise UserError(_("No speed test with a verdict matches; nothing was exported."))
        sinks += [Sink(folder, name, overwrite=overwrite) for name in FILES]
        js, tests, seconds, events = sinks
        head = {"submission_type": "mobile_speed_test", "layout": LAYOUT,
                "exported_at": datetime.now(VN_TZ).isoformat(timespec="seconds"), "submissions": []}
        js.write(json.dumps(head, ensure_ascii=False)[:-2].encode() + b"\n")
        for sink, cols in ((tests, TEST_COLUMNS), (seconds, SECOND_COLUMNS), (events, EVENT_COLUMNS)):
            sink.write(BOM + _csv_line(cols))
        counts = {"tests": 0, "seconds": 0, "events": 0, "valid": 0}
        yield from _write_tests(store.evidence_tests(db, units=units, only_valid=only_valid,
                                                     with_households=precise_locations), sinks, counts, total, cancel)
        js.write(b"\n]}\n")
        for s in sinks:
            s.close()
        manifest = _manifest(sinks, counts, units=units, only_valid=only_valid, precise_locations=precise_locations)
        msink = Sink(folder, MANIFEST, durable=True, overwrite=overwrite)
        sinks.append(msink)
        msink.write(json.dumps(manifest, ensure_ascii=False, indent=1).encode())
        msink.close()
        yield _progress(counts["tests"], total)
        return EvidenceResult(manifest, publish_all(sinks))


def _write_tests(rows, sinks: list[Sink], counts: dict[str, int], total: int,
                 cancel: threading.Event | None) -> Generator[Progress, None, None]:
    """Each test as a JSON submission, a tests.csv line and its seconds and events lines; counts them."""
    js, tests, seconds, events = sinks
    for row in rows:
        check_cancel(cancel)
        js.write((b"" if counts["tests"] == 0 else b",\n") +
                 json.dumps(submission(row), ensure_ascii=False, separators=(",", ":")).encode())
        tests.write(_csv_line(test_row(row)))
        for line in second_rows(row):
            seconds.write(_csv_line(line))
            counts["seconds"] += 1
        for line in event_rows(row):
            events.write(_csv_line(line))
            counts["events"] += 1
        counts["tests"] += 1
        counts["valid"] += row["verdict"] == "valid"
        if counts["tests"] % 200 == 0:
            yield _progress(counts["tests"], total)


def _manifest(sinks: list[Sink], counts: dict[str, int], *, units: tuple[str, ...], only_valid: bool,
              precise_locations: bool) -> dict:
    """What the export holds: its files with sizes and checksums, the counts and the filters."""
    return {"layout": LAYOUT, "files": [{"file": s.final.name, "bytes": s.bytes, "sha256": s.sha256.hexdigest()}
                                        for s in sinks],
            "tests": counts["tests"], "valid_tests": counts["valid"], "seconds": counts["seconds"],
            "events": counts["events"], "units": list(units), "only_valid": only_valid,
            "household_tests_included": precise_locations,
            "notes": [_("Positions are exact: this export is evidence of where each test was taken.")]}

