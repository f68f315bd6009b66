"""Shared by the coverage tests: a demo survey of a chosen size and the real unit boundaries."""
from __future__ import annotations

from pathlib import Path

BOUNDARIES = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "hue_units_2025.geojson"


def demo(db, readings=6000, tests=300, households=300, seed=1):
    """Add a synthetic survey (review.demo_data) to the database."""
    from survey_app.review.demo_data import DemoSpec, generate
    from survey_app.storage.records import context_for

    for _p in generate(db, DemoSpec(households=households, readings=readings, speedtests=tests, seed=seed),
                       context_for(db)):
        pass
