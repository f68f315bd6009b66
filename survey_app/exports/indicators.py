"""The per-unit indicator summary layer: one row per ward/commune, as polygons (imported boundaries) or points."""
from __future__ import annotations

import json
from typing import Any, Iterator

import sqlite_utils

from survey_app.exports.layers import Column, Layer, C
from survey_app.storage import exports as sql

_SHARE = "share"
INDICATORS = Layer("indicators", "units", "Indicator summary per ward/commune", "Tổng hợp chỉ số theo phường/xã", (
    C("unit_code", "string", "Ward/commune code (5 digits); also the GeoJSON feature id",
      "Mã phường/xã (5 chữ số); cũng là id của đối tượng GeoJSON"),
    C("unit_name", "string", "Ward/commune name", "Tên phường/xã"),
    C("kind", "string", "ward or commune", "Loại: ward (phường) hoặc commune (xã)"),
    C("geometry_source", "string", "boundary (imported polygon) or inside_point (no boundary imported)",
      "boundary (ranh giới đã nhập) hoặc inside_point (chưa có ranh giới, dùng một điểm bên trong)"),
    C("sessions", "integer", "Survey sessions", "Số phiên khảo sát"),
    C("households", "integer", "Household interviews (any status)", "Số hộ được phỏng vấn (mọi trạng thái)"),
    C("households_finalized", "integer", "Finalized household interviews", "Số phiếu hộ đã hoàn tất"),
    C("share_internet_at_home", "number", "Share of finalized households with Internet at home",
      "Tỷ lệ hộ (phiếu hoàn tất) có Internet tại nhà", _SHARE),
    C("share_fixed_broadband", "number", "Share of finalized households with fixed broadband",
      "Tỷ lệ hộ có băng rộng cố định", _SHARE),
    C("share_fibre", "number", "Share of finalized households with fibre", "Tỷ lệ hộ có cáp quang", _SHARE),
    C("members", "integer", "Household members listed", "Số thành viên hộ được liệt kê"),
    C("share_members_using_internet", "number", "Share of members who use the Internet",
      "Tỷ lệ thành viên sử dụng Internet", _SHARE),
    C("share_members_owning_mobile", "number", "Share of members who own a mobile phone",
      "Tỷ lệ thành viên có điện thoại di động", _SHARE),
    C("signal_readings", "integer", "Signal readings", "Số lần đo tín hiệu"),
    C("share_readings_4g_5g", "number", "Share of signal readings on 4G or 5G", "Tỷ lệ lần đo tín hiệu ở 4G hoặc 5G",
      _SHARE),
    C("speed_tests", "integer", "Speed tests (any result)", "Số lần đo tốc độ (mọi kết quả)"),
    C("speed_tests_ok", "integer", "Successful speed tests", "Số lần đo tốc độ thành công"),
    C("median_download_mbps", "number", "Median download rate of successful tests", "Tốc độ tải xuống trung vị",
      "Mbit/s"),
    C("median_upload_mbps", "number", "Median upload rate of successful tests", "Tốc độ tải lên trung vị", "Mbit/s"),
    C("lon", "lon", "Longitude of a point inside the unit", "Kinh độ một điểm bên trong phường/xã", "degree"),
    C("lat", "lat", "Latitude of a point inside the unit", "Vĩ độ một điểm bên trong phường/xã", "degree"),
))
_COUNTS = [c.name for c in INDICATORS.columns if c.kind == "integer"]


def _round_coords(coords: Any, digits: int = 6) -> Any:
    if isinstance(coords, (int, float)):
        return round(float(coords), digits)
    return [_round_coords(c, digits) for c in coords]


def _geometry(text: str | None, lon: float, lat: float) -> tuple[dict, str]:
    if text:
        try:
            geom = json.loads(text)
            if geom.get("type") in ("Polygon", "MultiPolygon"):
                return {"type": geom["type"], "coordinates": _round_coords(geom["coordinates"])}, "boundary"
        except (ValueError, AttributeError, TypeError):
            pass  # a damaged boundary falls back to the inside point rather than failing the export
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}, "inside_point"


def summary_rows(db: sqlite_utils.Database, filters: sql.Filters) -> Iterator[tuple[str, dict, dict]]:
    """(unit code, geometry, properties) per unit, in code order; at most 40 rows, so built in memory."""
    stats = sql.unit_summary(db, filters)
    for code, name, kind, lon, lat, boundary in sql.unit_geometries(db, filters.units):
        geometry, source = _geometry(boundary, lon, lat)
        s = stats.get(code, {})
        props: dict[str, Any] = {"unit_code": code, "unit_name": name, "kind": kind, "geometry_source": source}
        for col in INDICATORS.columns[4:]:
            if col.kind in ("lon", "lat"):
                props[col.name] = round(lon if col.kind == "lon" else lat, 6)
            elif col.name in _COUNTS:
                props[col.name] = int(s.get(col.name) or 0)
            else:
                value = s.get(col.name)
                props[col.name] = None if value is None else round(float(value), 4 if col.unit == _SHARE else 2)
        yield code, geometry, props


def columns() -> list[Column]:
    """The indicator layer's columns."""
    return list(INDICATORS.columns)
