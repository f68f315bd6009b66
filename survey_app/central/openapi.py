"""The committed contract contract/openapi.json is exactly what the receiver serves at /openapi.json."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

COMMITTED = Path(__file__).resolve().parents[2] / "contract" / "openapi.json"


def document() -> dict[str, Any]:
    """The receiver's OpenAPI document (built from the app, not hand-written)."""
    from survey_app.central.app import create_app

    app = create_app(":memory:")
    try:
        return app.openapi()
    finally:
        app.state.store.close()


def write_openapi(out: Path | str = COMMITTED) -> Path:
    """Write the OpenAPI document as stable, indented JSON."""
    out = Path(out)
    out.write_text(json.dumps(document(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out
