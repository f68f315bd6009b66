"""Structured logs of the receiver: one JSON object per line on stderr (journald and log shippers read them).

Every request is logged once (method, path without the query, status, duration, client address); events of
the receiver (migrations, database unavailable) carry an `event` field. Secrets are never logged: tokens
travel in headers, which are not logged, and database URLs are logged without their password.
"""
from __future__ import annotations

import json
import logging
import time
from datetime import datetime, timezone

_STANDARD = set(vars(logging.LogRecord("x", 0, "x", 0, "x", None, None))) | {"message", "asctime", "color_message"}


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON: time, level, logger, message and any `extra` fields."""

    def format(self, record: logging.LogRecord) -> str:
        out = {"ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds")
               .replace("+00:00", "Z"), "level": record.levelname.lower(), "logger": record.name,
               "msg": record.getMessage()}
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                out[key] = value
        if record.exc_info:
            out["error"] = self.formatException(record.exc_info).splitlines()[-1]
        return json.dumps(out, ensure_ascii=False, default=str)


def log_config(level: str = "info") -> dict:
    """A logging dictConfig for uvicorn and the receiver: everything as JSON lines on stderr."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    lvl = level.upper()
    return {
        "version": 1, "disable_existing_loggers": False,
        "formatters": {"json": {"()": "survey_app.central.logs.JsonFormatter"}},
        "handlers": {"stderr": handler},
        "loggers": {"uvicorn": {"handlers": ["stderr"], "level": lvl, "propagate": False},
                    "uvicorn.error": {"level": lvl},
                    "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
                    "survey_app.central": {"handlers": ["stderr"], "level": lvl, "propagate": False}},
    }


class RequestLog:
    """ASGI middleware: log every request once, after its answer (status and time taken)."""

    def __init__(self, app) -> None:
        self.app = app
        self.log = logging.getLogger("survey_app.central.http")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        t0 = time.perf_counter()
        status = [500]

        async def send_logged(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_logged)
        finally:
            if self.log.isEnabledFor(logging.INFO):
                client = scope.get("client") or ("",)
                self.log.info("request", extra={"event": "request", "method": scope["method"], "path": scope["path"],
                                                "status": status[0], "client": client[0],
                                                "ms": round((time.perf_counter() - t0) * 1000, 1)})
