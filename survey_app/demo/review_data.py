"""Demo mode: fill an empty demo home with a small synthetic survey so the Review page has something to show."""
from __future__ import annotations

import logging
import threading
from pathlib import Path

log = logging.getLogger(__name__)


class _Filler:
    """Writes the demo survey on a thread of its own (the window opens meanwhile); stop() waits for it."""

    def __init__(self, home: Path) -> None:
        self.cancel = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(home,), name="review-demo-data", daemon=True)
        self.thread.start()

    def _run(self, home: Path) -> None:
        from survey_app.paths import db_path
        from survey_app.review.checks import refresh
        from survey_app.demo.survey import DemoSpec, generate
        from survey_app.storage.bulk import has_rows
        from survey_app.storage.db import open_db
        from survey_app.storage.records import context_for

        db = open_db(db_path(home))
        try:
            if has_rows(db, "sessions"):
                return   # the demo home already has a survey: leave it as it is
            spec = DemoSpec(households=1500, readings=12_000, speedtests=2400, seed=2026)  # enough for KPI figures
            for _ in generate(db, spec, context_for(db, "Demo"), self.cancel):
                pass
            if not self.cancel.is_set():   # quitting: the checks would hold the exit (a demo gadget, never the user)
                refresh(db)
        except Exception as exc:  # a demo gadget must never stop the app
            log.warning("review demo data failed: %s", exc)
        finally:
            db.close()

    def stop(self) -> None:
        """Stop early if still writing and wait for the thread."""
        self.cancel.set()
        self.thread.join(timeout=30)


def start(home: Path, settings) -> _Filler:
    """DEMO_SERVICES starter."""
    return _Filler(Path(home))
