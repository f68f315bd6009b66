"""The OData v4 service over the approved tables (the export layers): $metadata (CSDL XML), the service
document, and entity sets with $filter, $select, $orderby, $top, $skip, $count and server-driven paging.

Circular 39/2017/TT-BTTTT recommends OData v4 for sharing data between state systems; Excel and Power BI
read such a feed directly. Values are typed by the layer's column kinds (a hostile stored value that is not
of its column's type is given as null); times are UTC DateTimeOffset.
"""
from __future__ import annotations

import math
import re
from typing import Any
from xml.sax.saxutils import escape

from survey_app.central import views
from survey_app.central.odata_filter import ODataError, order_sql, to_sql

NAMESPACE = "HueSurvey"
PAGE = 5000
_EDM = {"string": "Edm.String", "integer": "Edm.Int64", "number": "Edm.Double", "boolean": "Edm.Boolean",
        "datetime": "Edm.DateTimeOffset", "lon": "Edm.Double", "lat": "Edm.Double"}
_NOT_NULL = ' Nullable="false"'
_QUOTE = {'"': "&quot;"}
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")


def _type_name(layer) -> str:
    return "".join(p.capitalize() for p in layer.name.split("_"))


def properties(layer, *, personal: bool = False) -> dict[str, str]:
    """name -> column kind of what a reader with these rights sees."""
    return {c.name: c.kind for c in views.columns(layer, personal=personal)}


def metadata_xml(*, personal: bool = False) -> str:
    """The CSDL document of the service."""
    types, sets = [], []
    for layer in views.LAYERS.values():
        props = "".join(
            f'<Property Name="{c.name}" Type="{_EDM[c.kind]}"{_NOT_NULL if c.name == "id" else ""}>'
            f'<Annotation Term="Core.Description" String="{escape(c.en, _QUOTE)}"/></Property>'
            for c in views.columns(layer, personal=personal))
        types.append(f'<EntityType Name="{_type_name(layer)}"><Key><PropertyRef Name="id"/></Key>{props}</EntityType>')
        sets.append(f'<EntitySet Name="{layer.name}" EntityType="{NAMESPACE}.{_type_name(layer)}"/>')
    return ('<?xml version="1.0" encoding="utf-8"?>'
            '<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">'
            '<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">'
            '<edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/></edmx:Reference>'
            f'<edmx:DataServices><Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="{NAMESPACE}">'
            + "".join(types) + '<EntityContainer Name="Survey">' + "".join(sets) +
            '</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>')


def service_document(base: str) -> dict[str, Any]:
    """The entity sets a client can read."""
    return {"@odata.context": f"{base}/$metadata",
            "value": [{"name": n, "kind": "EntitySet", "url": n} for n in views.LAYERS]}


def typed(kind: str, value):
    """A stored value as its OData type, or None when it is not of that type."""
    if value is None:
        return None
    if kind in ("number", "lon", "lat"):
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and math.isfinite(value) else None
    if kind == "integer":
        return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if kind == "boolean":
        return bool(value) if isinstance(value, (bool, int)) else None
    if kind == "datetime":
        return value if isinstance(value, str) and _TIME.match(value) else None
    return value if isinstance(value, str) else str(value)


def _int_option(params, name: str, limit: int | None = None) -> int | None:
    raw = params.get(name)
    if raw is None:
        return None
    if not raw.isdigit() or len(raw) > 12:
        raise ODataError(f"{name} must be a whole number >= 0")
    value = int(raw)
    return min(value, limit) if limit is not None else value


class Query:
    """One entity-set request turned into SQL over the layer's SELECT (the reader's privacy rights applied)."""

    def __init__(self, layer, dialect: str, params: dict[str, str], *, personal: bool, precise: bool,
                 page: int = PAGE) -> None:
        self.layer, self.params = layer, params
        unknown = [k for k in params if k.startswith("$") and k not in
                   ("$filter", "$select", "$orderby", "$top", "$skip", "$count", "$format")]
        if unknown:
            raise ODataError(f"unsupported query option: {unknown[0]}")
        if params.get("$format", "json") not in ("json", "application/json"):
            raise ODataError("$format: only json")
        self.columns = properties(layer, personal=personal)
        select = params.get("$select")
        self.selected = list(self.columns) if not select or select.strip() == "*" else \
            [s.strip() for s in select.split(",")]
        bad = [s for s in self.selected if s not in self.columns]
        if bad:
            raise ODataError(f"$select: no property {bad[0]!r} (see $metadata)")
        self.where, self.where_params = ("1=1", []) if not params.get("$filter") else \
            to_sql(params["$filter"], self.columns)
        self.order = order_sql(params["$orderby"], self.columns) if params.get("$orderby") else "_seq"
        self.top = _int_option(params, "$top")
        self.skip = _int_option(params, "$skip") or 0
        count = params.get("$count", "false")
        if count not in ("true", "false"):
            raise ODataError("$count must be true or false")
        self.count = count == "true"
        self.page = page
        self.source = views.select(layer, dialect, personal=personal, precise=precise)

    def rows_sql(self) -> tuple[str, list]:
        """The page's rows (one more than a page, to know whether a next page exists)."""
        limit = self.page + 1 if self.top is None else min(self.top, self.page + 1)
        cols = ", ".join(self.selected)
        return (f"SELECT {cols} FROM ({self.source}) q WHERE {self.where} ORDER BY {self.order} LIMIT ? OFFSET ?",
                self.where_params + [limit, self.skip])

    def count_sql(self) -> tuple[str, list]:
        """How many rows the filter matches (before $top/$skip)."""
        return f"SELECT count(*) FROM ({self.source}) q WHERE {self.where}", list(self.where_params)

    def entities(self, rows: list[tuple]) -> tuple[list[dict], bool]:
        """Typed entities of a page, and whether more follow."""
        more = self.top is None and len(rows) > self.page or (self.top is not None and self.top > self.page
                                                               and len(rows) > self.page)
        rows = rows[:self.page]
        kinds = [self.columns[c] for c in self.selected]
        return [{c: typed(k, v) for c, k, v in zip(self.selected, kinds, row)} for row in rows], more

    def next_link(self, base: str, served: int) -> str:
        """The URL of the next page (same options, $skip moved on; $top reduced by what was served)."""
        from urllib.parse import urlencode

        opts = {k: v for k, v in self.params.items() if k not in ("$skip", "$top")}
        opts["$skip"] = str(self.skip + served)
        if self.top is not None:
            opts["$top"] = str(self.top - served)
        return f"{base}/{self.layer.name}?{urlencode(opts)}"
