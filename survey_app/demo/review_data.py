"""Demo mode: fill an empty demo home with a small synthetic survey so the Review page has something to show."""
from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

PARTIAL = "demo-survey.partial"   # in the demo home from the first write until the survey and its checks are done
BLOCK_ROWS = 1000                 # rows per transaction: a cancel waits for at most one such block
STOP_WAIT_S = 1.0                 # quitting waits no longer than this for the writer


def _survey_spec():
    from survey_app.demo.survey import DemoSpec

    return DemoSpec(households=1500, readings=12_000, speedtests=2400, seed=2026)   # enough for KPI figures


def remaining(db, marker: Path):
    """What is left to write: the whole survey in an empty home, the rest of it after a start that was
    quit while writing (`marker` still there), None when the home already has its survey (or the user's data)."""
    from survey_app.demo.survey import DemoSpec
    from survey_app.storage.bulk import count_rows, has_rows

    full = _survey_spec()
    if not has_rows(db, "sessions"):
        return full
    if not marker.exists():
        return None
    return DemoSpec(households=max(0, full.households - count_rows(db, "households")),
                    readings=max(0, full.readings - count_rows(db, "signal_readings")),
                    speedtests=max(0, full.speedtests - count_rows(db, "speed_tests")), seed=full.seed + 1)


class _Filler:
    """Writes the demo survey on a thread of its own (the window opens meanwhile); stop() ends it at once."""

    def __init__(self, home: Path) -> None:
        self.cancel = threading.Event()
        self._db = None
        self._db_lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, args=(home,), name="review-demo-data", daemon=True)
        self.thread.start()

    def _run(self, home: Path) -> None:
        from survey_app.paths import db_path
        from survey_app.storage.db import open_db

        db = open_db(db_path(home))
        with self._db_lock:
            self._db = db
        try:
            if not self.cancel.is_set():
                self._fill(db, home / PARTIAL)
        except sqlite3.OperationalError as exc:
            if not self.cancel.is_set():
                log.warning("review demo data failed: %s", exc)
        except Exception as exc:  # a demo gadget must never stop the app
            log.warning("review demo data failed: %s", exc)
        finally:
            with self._db_lock:
                self._db = None
            db.close()

    def _fill(self, db, marker: Path) -> None:
        """Write what is missing, then the quality checks; the marker goes only when both are done."""
        from survey_app.demo.survey import generate
        from survey_app.review.checks import refresh
        from survey_app.storage.records import context_for

        spec = remaining(db, marker)
        if spec is None:
            return   # the demo home already has a survey: leave it as it is
        marker.touch()
        if spec.households or spec.readings or spec.speedtests:
            # Small blocks and live indexes: a quit keeps whole blocks and leaves nothing to rebuild.
            for _ in generate(db, spec, context_for(db, "Demo"), self.cancel, block_rows=BLOCK_ROWS,
                              defer_indexes=False):
                pass
        if self.cancel.is_set():
            return   # the next start writes the rest
        refresh(db)  # one transaction: a quit meanwhile rolls it back and the next start runs it again
        marker.unlink(missing_ok=True)

    def stop(self) -> None:
        """Cancel the writer, interrupt the statement it is running, and wait briefly for it."""
        self.cancel.set()
        with self._db_lock:
            if self._db is not None:
                self._db.conn.interrupt()   # thread-safe; aborts (and rolls back) the block being written
        self.thread.join(timeout=STOP_WAIT_S)
        if self.thread.is_alive():
            log.warning("demo survey writer still busy after %.1f s; leaving it to the process exit", STOP_WAIT_S)


def start(home: Path, settings) -> _Filler:
    """DEMO_SERVICES starter."""
    return _Filler(Path(home))
