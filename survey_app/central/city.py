"""What the city edition adds to the receiver app: 503 for a database that went away, request logs, the
dashboard and the read feeds. Kept apart from app.py, which holds the sync contract."""
from __future__ import annotations

import logging

from fastapi.responses import JSONResponse

from survey_app.central.store_base import DatabaseUnavailable

log = logging.getLogger("survey_app.central")
RETRY_AFTER_S = 5


def unavailable_response() -> JSONResponse:
    """503 with a JSON error: the app's sync client retries it as a transport failure, nothing is lost."""
    return JSONResponse({"detail": "the central system's database is unavailable; try again later"}, 503,
                        headers={"Retry-After": str(RETRY_AFTER_S)})


def install_city(app, store, *, session_hours: float = 8.0, cache_age_s: float = 10.0) -> None:
    """Add the error handler, the request log, the dashboard and the feeds to `app`."""
    from survey_app.central.dashboard import install_dashboard
    from survey_app.central.feeds import install_feeds
    from survey_app.central.logs import RequestLog

    @app.exception_handler(DatabaseUnavailable)
    async def _unavailable(request, exc):
        log.warning("database unavailable", extra={"event": "database_unavailable", "path": request.url.path,
                                                   "error": str(exc)[:300]})
        return unavailable_response()

    app.add_middleware(RequestLog)
    install_dashboard(app, store, session_hours=session_hours, cache_age_s=cache_age_s)
    install_feeds(app, store)
