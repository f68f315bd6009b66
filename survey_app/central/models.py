"""The contract's shapes (pydantic): they generate the OpenAPI document; central.parse enforces them fast."""
from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$"
MAX_BODY = 64 * 1024 * 1024          # compressed or plain request body
MAX_INFLATED = 32 * 1024 * 1024      # after gunzip (20000 signal readings are ~15 MB)
MAX_BUNDLE = 4 * 1024 * 1024 * 1024
MAX_RECORDS = 20000

Uuid = Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
Time = Annotated[str, StringConstraints(pattern=TIME_PATTERN)]


class RecordIn(BaseModel):
    """One record revision."""

    table: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
    id: Uuid
    revision: int = Field(ge=1, le=2**53)
    updated_at: Time
    data: dict[str, Any]


class BatchIn(BaseModel):
    """A batch of record revisions from one device."""

    batch_id: Uuid
    device_id: Uuid
    schema_version: int = Field(ge=0, le=1_000_000)
    created_at: Time
    records: list[RecordIn] = Field(max_length=MAX_RECORDS)


class RecordKey(BaseModel):
    """A record revision the receiver now holds (or held already)."""

    table: str
    id: str
    revision: int


class Rejection(RecordKey):
    """A record revision refused, with why."""

    reason: str


class BatchAnswer(BaseModel):
    """The answer to a batch; the same batch_id always gets the same answer."""

    batch_id: str
    accepted: list[RecordKey]
    rejected: list[Rejection]


class BundleAnswer(BatchAnswer):
    """The answer to an uploaded bundle (batch_id is the bundle's id)."""

    records: int


class Health(BaseModel):
    """Liveness and the receiver's clock (clients never order by their own clock)."""

    status: str
    version: str
    time: str
    database: str | None = None          # "ok": the database answered this request
    schema_version: int | None = None    # the receiver's database schema (numbered migrations)
