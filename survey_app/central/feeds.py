"""Read feeds for the city's other systems, behind read tokens (not device tokens): the OData v4 service and
CSV / GeoJSON downloads of each approved table, with the desktop exports' privacy defaults (no personal
columns, household-linked positions rounded) unless the token was granted more (`central read-token add
--personal --precise-locations`). A token goes as `Authorization: Bearer rt_...`, or as the password of
HTTP Basic (any user name) for clients such as Excel and Power BI.
"""
from __future__ import annotations

import base64
import csv
import io
import json
from datetime import datetime

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPBearer

from survey_app.central import odata, views
from survey_app.central.odata_filter import ODataError
from survey_app.clock import VN_TZ, utc_bound

ODATA = "/api/v1/odata"
_HEADERS = {"OData-Version": "4.0", "Cache-Control": "no-store"}
_JSON = "application/json;odata.metadata=minimal;charset=utf-8"
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_bearer = HTTPBearer(auto_error=False, scheme_name="ReadToken",
                     description="A read token from `survey-app central read-token add` (or HTTP Basic: the "
                                 "token as the password).")
_ERR = {"description": "Error", "content": {"application/json": {"schema": {"type": "object"}}}}


def _odata_error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": str(status), "message": message}}, status, headers=_HEADERS)


def _credentials(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip() or None
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")[2] or None
        except (ValueError, UnicodeDecodeError):
            return None
    return None


def _local_time(value):
    if not isinstance(value, str) or not odata._TIME.match(value):
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt.astimezone(VN_TZ).isoformat(timespec="milliseconds")


def _csv_cell(kind: str, value):
    value = odata.typed(kind, value)
    if value is None:
        return ""
    if kind == "boolean":
        return "1" if value else "0"
    if kind == "datetime":
        return _local_time(value) or ""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value  # never a formula when a spreadsheet opens the file
    return value


def install_feeds(app, store) -> None:
    """Add the OData service and the downloads to the receiver app."""
    router = APIRouter(tags=["feeds"])

    def reader(request: Request, _doc=Depends(_bearer)) -> tuple:
        token = _credentials(request)
        rights = store.read_token(token) if token and len(token) < 200 else None
        if rights is None:
            raise HTTPException(401, "a valid read token is needed", headers={"WWW-Authenticate": 'Bearer, Basic realm="survey"'})
        return rights

    _odata_routes(router, store, reader)
    _download_route(router, store, reader)
    app.include_router(router)


def _base(request: Request) -> str:
    """The OData service's address as the client reached it."""
    return str(request.base_url).rstrip("/") + ODATA


def _run_query(store, request: Request, entity_set: str, rights) -> odata.Query:
    """The OData query of a request on one entity set (ODataError for an unknown set)."""
    layer = views.LAYERS.get(entity_set)
    if layer is None:
        raise ODataError(f"no entity set {entity_set!r}")
    return odata.Query(layer, store.dialect, dict(request.query_params), personal=rights[1], precise=rights[2])


def _odata_routes(router: APIRouter, store, reader) -> None:
    """The OData v4 service: service document, metadata, entity sets and their counts."""

    @router.get(ODATA, summary="OData service document", responses={"401": _ERR})
    def service(request: Request, rights=Depends(reader)):
        """The entity sets of the OData v4 service (the approved tables)."""
        return JSONResponse(odata.service_document(_base(request)), headers=_HEADERS, media_type=_JSON)

    @router.get(ODATA + "/$metadata", summary="OData metadata (CSDL XML)", responses={"401": _ERR})
    def metadata(rights=Depends(reader)):
        """The entity types and sets, with each property's type and meaning."""
        return Response(odata.metadata_xml(personal=rights[1]), media_type="application/xml", headers=_HEADERS)

    @router.get(ODATA + "/{entity_set}", summary="OData entity set", responses={"400": _ERR, "401": _ERR})
    def entity_set(request: Request, entity_set: str = Path(pattern=r"^[a-z_]{1,40}$"), rights=Depends(reader),
                   filter_: str | None = Query(None, alias="$filter", max_length=2000),
                   select: str | None = Query(None, alias="$select", max_length=2000),
                   orderby: str | None = Query(None, alias="$orderby", max_length=500),
                   top: int | None = Query(None, alias="$top", ge=0), skip: int | None = Query(None, alias="$skip", ge=0),
                   count: bool | None = Query(None, alias="$count")):
        """Rows of one table: $filter, $select, $orderby, $top, $skip, $count; pages of 5000 with a nextLink."""
        try:
            q = _run_query(store, request, entity_set, rights)
        except ODataError as exc:
            return _odata_error(400 if views.LAYERS.get(entity_set) else 404, str(exc))
        sql, params = q.rows_sql()
        entities, more = q.entities(store.rows(sql, params))
        sel = "" if q.selected == list(q.columns) else "(" + ",".join(q.selected) + ")"
        out = {"@odata.context": f"{_base(request)}/$metadata#{entity_set}{sel}"}
        if q.count:
            out["@odata.count"] = store.rows(*q.count_sql())[0][0]
        out["value"] = entities
        if more:
            out["@odata.nextLink"] = q.next_link(_base(request), len(entities))
        return JSONResponse(out, headers=_HEADERS, media_type=_JSON)

    @router.get(ODATA + "/{entity_set}/$count", summary="OData count", responses={"400": _ERR, "401": _ERR})
    def entity_count(request: Request, entity_set: str = Path(pattern=r"^[a-z_]{1,40}$"), rights=Depends(reader),
                     filter_: str | None = Query(None, alias="$filter", max_length=2000)):
        """How many rows of a table match $filter (plain text)."""
        try:
            q = _run_query(store, request, entity_set, rights)
        except ODataError as exc:
            return _odata_error(400 if views.LAYERS.get(entity_set) else 404, str(exc))
        return Response(str(store.rows(*q.count_sql())[0][0]), media_type="text/plain", headers=_HEADERS)


def _download_route(router: APIRouter, store, reader) -> None:
    """CSV and GeoJSON downloads of one table."""

    @router.get("/api/v1/feeds/{name}", summary="CSV or GeoJSON download of one table",
                responses={"400": _ERR, "401": _ERR, "404": _ERR})
    async def download(request: Request, name: str = Path(pattern=r"^[a-z_]{1,40}\.(csv|geojson)$"),
                       rights=Depends(reader), unit: list[str] = Query([], max_length=40),
                       date_from: str | None = Query(None, alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$"),
                       date_to: str | None = Query(None, alias="to", pattern=r"^\d{4}-\d{2}-\d{2}$"),
                       status: str = Query("all", pattern="^(all|approved)$")):
        """Rows of a table as CSV (UTF-8, times +07:00, booleans 1/0) or GeoJSON, filtered like the desktop export:
        units (repeatable `unit`), Vietnam-local dates `from`/`to`, `status=approved`."""
        table, fmt = name.rsplit(".", 1)
        layer = views.LAYERS.get(table)
        if layer is None or (fmt == "geojson" and not layer.geojson):
            return JSONResponse({"detail": f"no {fmt} download named {name}"}, 404)
        try:
            sql, params = _download_sql(layer, store.dialect, rights, unit, date_from, date_to, status)
        except ValueError as exc:
            return JSONResponse({"detail": str(exc)}, 400)
        cols = views.columns(layer, personal=rights[1])
        rows = await run_in_threadpool(lambda: store.stream(sql, params))
        body = _csv_chunks(cols, rows) if fmt == "csv" else _geojson_chunks(layer, cols, rows)
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/geo+json"
        return StreamingResponse(body, media_type=media, headers={
            "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


def _download_sql(layer, dialect, rights, units, date_from, date_to, status) -> tuple[str, list]:
    cols = views.columns(layer, personal=rights[1])
    where, params = [], []
    names = {c.name for c in cols}
    for u in units:
        if not u.isdigit() or len(u) != 5:
            raise ValueError(f"unit must be a 5-digit code: {u!r}")
    if units and "unit_code" in names:
        where.append(f"unit_code IN ({', '.join('?' * len(units))})")
        params += units
    if layer.time_column and (date_from or date_to):
        from datetime import date, timedelta

        if date_from:
            where.append(f"{layer.time_column} >= ?")
            params.append(utc_bound(date.fromisoformat(date_from)))
        if date_to:
            where.append(f"{layer.time_column} < ?")
            params.append(utc_bound(date.fromisoformat(date_to) + timedelta(days=1)))
    if status == "approved":
        if layer.name == "sessions":
            where.append("status = 'approved'")
        elif layer.name == "members":
            where.append("household_id IN (SELECT h.id FROM households h JOIN sessions s ON s.id = h.session_id "
                         "WHERE s.status = 'approved')")
        else:
            where.append("session_id IN (SELECT id FROM sessions WHERE status = 'approved')")
    source = views.select(layer, dialect, personal=rights[1], precise=rights[2])
    cond = " AND ".join(where) or "1=1"
    return (f"SELECT {', '.join(c.name for c in cols)} FROM ({source}) q WHERE {cond} ORDER BY _seq", params)


def _csv_chunks(cols, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.name for c in cols])
    yield "\ufeff" + buf.getvalue()  # a BOM: Excel opens UTF-8 (Vietnamese names) correctly
    kinds = [c.kind for c in cols]
    for row in rows:
        buf.seek(0)
        buf.truncate()
        w.writerow([_csv_cell(k, v) for k, v in zip(kinds, row)])
        yield buf.getvalue()


def _geojson_chunks(layer, cols, rows):
    yield '{"type":"FeatureCollection","features":['
    first = True
    for row in rows:
        props, lon, lat, fid = {}, None, None, None
        for c, v in zip(cols, row):
            if c.name == "id":
                fid = v
            elif c.kind == "lon":
                lon = odata.typed("lon", v)
            elif c.kind == "lat":
                lat = odata.typed("lat", v)
            else:
                props[c.name] = _local_time(v) if c.kind == "datetime" else odata.typed(c.kind, v)
        geom = {"type": "Point", "coordinates": [lon, lat]} if lon is not None and lat is not None else None
        feature = {"type": "Feature", "id": fid, "geometry": geom, "properties": props}
        yield ("" if first else ",") + json.dumps(feature, ensure_ascii=False, separators=(",", ":"))
        first = False
    yield "]}"

