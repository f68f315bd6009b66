"""The evidence area's data files (rules, thresholds): read with a size limit, parsed, errors of their own kind."""
from __future__ import annotations

import json
from importlib import resources
from typing import Any

MAX_BYTES = 256 * 1024


def read_json(name: str, text: str | None, error: type[ValueError]) -> Any:
    """survey_app/data/evidence/<name> (or `text` given instead), parsed; `error` when too large or not JSON."""
    if text is None:
        text = resources.files("survey_app.data").joinpath(f"evidence/{name}").read_text("utf-8")
    if len(text) > MAX_BYTES:
        raise error(f"{name}: file too large")
    try:
        return json.loads(text)
    except ValueError as exc:
        raise error(f"{name} is not JSON: {exc}") from None
