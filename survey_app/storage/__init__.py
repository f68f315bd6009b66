"""The only place with SQL: opening the database, migrations and one repository module per area."""
from survey_app.storage.db import open_db  # noqa: F401
