"""Demo mode: emulated devices and local servers started beside a separate demo home folder.

Each area appends a starter "module:function" to DEMO_SERVICES. A starter is
`start(home: pathlib.Path, settings: survey_app.settings.Settings) -> object with .stop()`; it may change
`settings` (e.g. point the speed-test server or modem port at what it started); the caller saves them.
"""
from __future__ import annotations

import importlib
import logging
from pathlib import Path

log = logging.getLogger(__name__)

DEMO_SERVICES: list[str] = [
    "survey_app.demo.speedtest:start",
    "survey_app.demo.devices:start",
    "survey_app.demo.review_data:start",
    "survey_app.demo.receiver:start",
]


class DemoServices:
    """The running demo services; stop() ends them all."""

    def __init__(self) -> None:
        self.handles: list[object] = []
        self.failures: list[tuple[str, str]] = []

    def start(self, home: Path, settings) -> "DemoServices":
        """Start every registered service, recording (not raising) the ones that fail."""
        for spec in DEMO_SERVICES:
            module, func = spec.split(":")
            try:
                self.handles.append(getattr(importlib.import_module(module), func)(home, settings))
            except Exception as exc:  # a demo gadget must not stop the app from opening
                log.warning("demo service %s failed: %s", spec, exc)
                self.failures.append((spec, str(exc)))
        return self

    def stop(self) -> None:
        """Stop the services in reverse order."""
        while self.handles:
            handle = self.handles.pop()
            try:
                handle.stop()
            except Exception as exc:
                log.warning("demo service stop failed: %s", exc)
