"""The reference receiver: a FastAPI app keeping the sync contract (contract/openapi.json is generated from it)."""
from __future__ import annotations

import tempfile
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from survey_app import __version__
from survey_app.central.bodies import BodyLimits, read_body
from survey_app.central.models import (MAX_BODY, MAX_BUNDLE, MAX_INFLATED, BatchAnswer, BatchIn, BundleAnswer,
                                       Health)
from survey_app.central.backend import open_store
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
    """The ASGI app over the store at `db_path` (a SQLite file, or a PostgreSQL URL)."""
    store = open_store(db_path)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        store.close()

    app = FastAPI(lifespan=lifespan, title="Huế connectivity survey: central receiver", version="1",
                  description="Receives batches of record revisions (exactly once per record revision) "
                              "and bundle files from the survey laptops.")
    app.state.store = store
    app.state.identity = None  # the receiver's key, read on the first bundle
    app.state.verifying = 0  # bundles being verified now (operators, tests)
    app.state.batch_limits = BodyLimits(MAX_BODY, MAX_INFLATED)
    app.state.bundle_limits = BodyLimits(MAX_BUNDLE, MAX_BUNDLE, total_s=3600.0)
    _json_errors(app)
    device = _device_auth(store)
    _health_route(app, store)
    _upload_routes(app, store, device, db_path)
    from survey_app.central.city import install_city

    install_city(app, store)
    return app


def _device_auth(store: CentralStore):
    """The dependency that turns a bearer token into the registered device's id."""
    bearer = HTTPBearer(auto_error=False, description="The device token printed by `central add-device`.")

    def device(creds: HTTPAuthorizationCredentials | None = Depends(bearer)) -> int:
        if creds is None or creds.scheme.lower() != "bearer":
            raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
        dev = store.device_for(creds.credentials)
        if dev is None:
            # RFC 6750: the client drops its stored token only on this exact answer
            raise HTTPException(401, "unknown or revoked token",
                                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        return dev

    return device


def _health_route(app: FastAPI, store: CentralStore) -> None:
    """GET /api/v1/health."""

    @app.get("/api/v1/health", response_model=Health, tags=["sync"], responses={"503": _ERRORS})
    def health() -> Health:
        """200 while the receiver and its database answer (503 with a JSON error when the database does not)."""
        from survey_app.clock import utc_now

        info = store.ping()
        return Health(status="ok", version=__version__, time=utc_now(), database="ok",
                      schema_version=info["schema_version"])


def _upload_routes(app: FastAPI, store: CentralStore, device, db_path: Path | str) -> None:
    """POST /api/v1/batches and /api/v1/bundles (device-authenticated)."""
    errors = {code: _ERRORS for code in ("400", "401", "403", "408", "409", "413", "415", "422")}

    @app.post("/api/v1/batches", response_model=BatchAnswer, tags=["sync"], responses=errors,
              openapi_extra=_body_doc({"application/json": {"schema": _inline(BatchIn.model_json_schema())}},
                                      {"parameters": [{"name": "Content-Encoding", "in": "header",
                                                       "required": False,
                                                       "schema": {"type": "string", "enum": ["gzip", "identity"]}}]}))
    async def post_batch(request: Request, dev: int = Depends(device)) -> Any:
        """Store a batch of record revisions atomically; re-sending a batch_id replays the first answer."""
        raw = await read_body(request, app.state.batch_limits)
        answer = await run_in_threadpool(_ingest_body, store, dev, raw)
        if isinstance(answer, JSONResponse):
            return answer
        if answer is None:
            raise HTTPException(409, "this batch_id was sent by another device")
        return Response(dumps_bytes(answer), media_type="application/json")  # one fast encode of 500 keys

    @app.post("/api/v1/bundles", response_model=BundleAnswer, tags=["sync"], responses=errors,
              openapi_extra=_body_doc({"application/octet-stream": {"schema": {
                  "type": "string", "format": "binary", "description": "a sealed bundle file"}}}, {}))
    async def post_bundle(request: Request, dev: int = Depends(device)) -> Any:
        """Import a sealed bundle (written by `survey-app bundle export`, sealed to this receiver's key and
        signed by a registered device's key); idempotent by bundle id. A supervisor may forward a surveyor's."""
        from survey_app.central.bundles import BundleError, ingest_bundle, verify_bundle
        from survey_app.central.backend import identity_for

        identity = app.state.identity or identity_for(db_path)
        app.state.identity = identity
        with tempfile.NamedTemporaryFile(suffix=".bundle") as tmp:
            await read_body(request, app.state.bundle_limits, sink=tmp.write)
            tmp.flush()
            path = Path(tmp.name)
            try:  # in a worker, without the store's lock: other devices are answered meanwhile
                app.state.verifying += 1
                try:
                    await run_in_threadpool(verify_bundle, store, identity, path)
                finally:
                    app.state.verifying -= 1
                answer = await run_in_threadpool(ingest_bundle, store, identity, path, dev)
            except BundleError as exc:
                raise HTTPException(400, str(exc)) from exc
        if answer is None:
            raise HTTPException(409, "this bundle was uploaded by another device")
        return JSONResponse(dict(answer, records=len(answer["accepted"]) + len(answer["rejected"])))


def _json_errors(app: FastAPI) -> None:
    """Every error answered as JSON {"detail": ...}, an unexpected one included (never an HTML page)."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request, exc: StarletteHTTPException):
        return JSONResponse({"detail": exc.detail}, exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request, exc: RequestValidationError):
        return JSONResponse({"detail": _plain(exc.errors())}, 422)

    @app.exception_handler(Exception)
    async def unexpected(_request, exc: Exception):  # a bug: still the contract's JSON, no traceback text
        import logging

        logging.getLogger("survey_app.central").exception("unexpected error")
        return JSONResponse({"detail": "internal error"}, 500)


def _plain(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Validation errors without the offending input (it may be huge or not JSON)."""
    return [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]


def _ingest_body(store: CentralStore, dev: int, raw: bytes) -> Any:
    """Parse and store a batch body (in a worker thread): the answer, None for another device's batch_id,
    or a 422 response."""
    from survey_app.central.parse import Invalid, parse_batch

    try:
        env, records = parse_batch(raw, store.key_order())
    except Invalid as exc:
        return JSONResponse({"detail": exc.errors}, 422)
    previous = store.stored_answer(env["batch_id"], dev)
    if previous is not None:  # a re-sent batch: the same answer, nothing stored again
        return previous
    writer = store.writer(dev, env["device_id"])
    if writer is None:
        return JSONResponse({"detail": "this token belongs to another device id than the batch's"}, 403)
    return store.ingest(env["batch_id"], dev, records, client_device_id=env["device_id"],
                        schema_version=env["schema_version"], client_created_at=env["created_at"], writer=writer)
