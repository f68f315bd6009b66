"""The reference receiver: a FastAPI app keeping the sync contract (contract/openapi.json is generated from it)."""
from __future__ import annotations

import tempfile
import zlib
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from survey_app import __version__
from survey_app.central.models import (MAX_BODY, MAX_BUNDLE, MAX_INFLATED, BatchAnswer, BatchIn, BundleAnswer,
                                       Health)
from survey_app.central.store import CentralStore
from survey_app.codec import dumps_bytes


def _inline(schema: dict[str, Any]) -> dict[str, Any]:
    """A pydantic JSON schema with its $defs inlined (for openapi_extra, which cannot hold $defs)."""
    defs = schema.pop("$defs", {})

    def walk(node):
        if isinstance(node, dict):
            if "$ref" in node:
                return walk(dict(defs[node["$ref"].rsplit("/", 1)[1]]))
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(schema)


_ERRORS = {"description": "Error", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"detail": {}}, "required": ["detail"]}}}}


def _body_doc(content: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    doc = {"requestBody": {"required": True, "content": content}}
    doc.update(extra)
    return doc


def create_app(db_path: Path | str) -> FastAPI:
    """The ASGI app over the SQLite store at `db_path`."""
    store = CentralStore(db_path)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        store.close()

    app = FastAPI(lifespan=lifespan, title="Huế connectivity survey: central receiver", version="1",
                  description="Receives batches of record revisions (exactly once per record revision) "
                              "and bundle files from the survey laptops.")
    app.state.store = store
    bearer = HTTPBearer(auto_error=False, description="The device token printed by `central add-device`.")

    def device(creds: HTTPAuthorizationCredentials | None = Depends(bearer)) -> int:
        if creds is None or creds.scheme.lower() != "bearer":
            raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
        dev = store.device_for(creds.credentials)
        if dev is None:
            raise HTTPException(401, "unknown or revoked token", headers={"WWW-Authenticate": "Bearer"})
        return dev

    errors = {"401": _ERRORS, "400": _ERRORS, "409": _ERRORS, "413": _ERRORS, "422": _ERRORS}

    @app.get("/api/v1/health", response_model=Health, tags=["sync"])
    def health() -> Health:
        """200 while the receiver is up."""
        from survey_app.clock import utc_now

        return Health(status="ok", version=__version__, time=utc_now())

    @app.post("/api/v1/batches", response_model=BatchAnswer, tags=["sync"], responses=errors,
              openapi_extra=_body_doc({"application/json": {"schema": _inline(BatchIn.model_json_schema())}},
                                      {"parameters": [{"name": "Content-Encoding", "in": "header",
                                                       "required": False,
                                                       "schema": {"type": "string", "enum": ["gzip", "identity"]}}]}))
    async def post_batch(request: Request, dev: int = Depends(device)) -> Any:
        """Store a batch of record revisions atomically; re-sending a batch_id replays the first answer."""
        raw = await _read_body(request, MAX_BODY)
        if request.headers.get("content-encoding", "identity").lower() == "gzip":
            raw = _gunzip(raw)
        answer = await run_in_threadpool(_ingest_body, store, dev, raw)
        if isinstance(answer, JSONResponse):
            return answer
        if answer is None:
            raise HTTPException(409, "this batch_id was sent by another device")
        return Response(dumps_bytes(answer), media_type="application/json")  # one fast encode of 500 keys

    @app.post("/api/v1/bundles", response_model=BundleAnswer, tags=["sync"], responses=errors,
              openapi_extra=_body_doc({"application/octet-stream": {"schema": {
                  "type": "string", "format": "binary", "description": "the bundle zip file"}}}, {}))
    async def post_bundle(request: Request, dev: int = Depends(device)) -> Any:
        """Import a bundle file (zip written by `survey-app bundle export`); idempotent by bundle id."""
        from survey_app.sync.bundle import BundleError, BundleReader

        with tempfile.NamedTemporaryFile(suffix=".zip") as tmp:
            size = 0
            async for chunk in request.stream():
                size += len(chunk)
                if size > MAX_BUNDLE:
                    raise HTTPException(413, "bundle too large")
                tmp.write(chunk)
            tmp.flush()
            try:
                reader = BundleReader(Path(tmp.name))
                reader.verify()
            except BundleError as exc:
                raise HTTPException(400, str(exc)) from exc
            bundle_id = reader.manifest["bundle_id"]
            answer = await run_in_threadpool(store.ingest, bundle_id, dev, reader.records(), kind="bundle",
                                  client_device_id=reader.manifest.get("device_id"),
                                  schema_version=reader.manifest.get("schema_version"),
                                  client_created_at=reader.manifest.get("created_at"))
        if answer is None:
            raise HTTPException(409, "this bundle was uploaded by another device")
        return JSONResponse(dict(answer, records=len(answer["accepted"]) + len(answer["rejected"])))

    return app


async def _read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise HTTPException(413, "request body too large")
    parts, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, "request body too large")
        parts.append(chunk)
    return b"".join(parts)


def _gunzip(raw: bytes) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(raw, MAX_INFLATED)
    except zlib.error as exc:
        raise HTTPException(400, f"body is not valid gzip: {exc}") from exc
    if d.unconsumed_tail:
        raise HTTPException(413, "request body too large once decompressed")
    if not d.eof:
        raise HTTPException(400, "gzip body is truncated")
    return out


def _ingest_body(store: CentralStore, dev: int, raw: bytes) -> Any:
    """Parse and store a batch body (in a worker thread): the answer, None for another device's batch_id,
    or a 422 response."""
    from survey_app.central.parse import Invalid, parse_batch

    try:
        env, records = parse_batch(raw)
    except Invalid as exc:
        return JSONResponse({"detail": exc.errors}, 422)
    previous = store.stored_answer(env["batch_id"], dev)
    if previous is not None:  # a re-sent batch: the same answer, nothing stored again
        return previous
    return store.ingest(env["batch_id"], dev, records, client_device_id=env["device_id"],
                        schema_version=env["schema_version"], client_created_at=env["created_at"])
