"""Where the tests find the read-only ../shared folder beside the checkout (BRIEF: ROOT.parent / "shared").
Import it from here, never `from conftest import`: that name resolves to whichever conftest loaded last."""
from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
REFERENCE = SHARED / "reference"   # units, boundaries and other facts
