"""Plain dataclasses that cross threads and layers; one module per area."""
from survey_app.models.base import Position, Session, Unit  # noqa: F401
