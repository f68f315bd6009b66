"""Shared by the coverage tests: a demo survey of a chosen size and the real unit boundaries."""
from __future__ import annotations

from shared_data import REFERENCE

BOUNDARIES = REFERENCE / "hue_units_2025.geojson"


def demo(db, readings=6000, tests=300, households=300, seed=1):
    """Add a synthetic survey (demo.survey) to the database."""
    from survey_app.demo.survey import DemoSpec, generate
    from survey_app.storage.records import context_for

    for _p in generate(db, DemoSpec(households=households, readings=readings, speedtests=tests, seed=seed),
                       context_for(db)):
        pass
