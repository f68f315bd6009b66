"""The per-unit indicator summary layer: one row per ward/commune, as polygons (imported boundaries) or points."""
from __future__ import annotations

import json
from typing import Any, Iterator

import sqlite_utils

from survey_app.exports.layers import C
from survey_app.models.export_spec import Column, Filters, Layer
from survey_app.storage import export_queries as store

_SHARE = "share"
_OPS = (("viettel", "Viettel"), ("vinaphone", "VinaPhone"), ("mobifone", "MobiFone"))
_LIGHTS = ("coverage", "fibre_available", "fibre_households", "internet_users", "digital_signature", "speed")
_LIGHT_VI = {"coverage": "phủ sóng 4G/5G", "fibre_available": "cáp quang sẵn có",
             "fibre_households": "hộ dùng cáp quang", "internet_users": "người dùng Internet", "digital_signature": "chữ ký số", "speed": "tốc độ băng rộng"}


def _share(name, source, en, vi):
    return C(name, "number", en, vi, _SHARE, source=source)


INDICATORS = Layer("indicators", "units", "Indicator summary per ward/commune (the Review page's indicators)",
                   "Tổng hợp chỉ số theo phường/xã (như trang Duyệt)", (
    C("unit_code", "string", "Ward/commune code (5 digits); also the GeoJSON feature id",
      "Mã phường/xã (5 chữ số); cũng là id của đối tượng GeoJSON", source="code"),
    C("unit_name", "string", "Ward/commune name", "Tên phường/xã", source="name"),
    C("kind", "string", "ward or commune", "Loại: ward (phường) hoặc commune (xã)"),
    C("scope", "string", "approved (approved sessions only) or all (all but rejected sessions)",
      "approved (chỉ phiên đã duyệt) hoặc all (mọi phiên trừ phiên bị từ chối)"),
    C("geometry_source", "string", "boundary (imported polygon) or inside_point (no boundary imported)",
      "boundary (ranh giới đã nhập) hoặc inside_point (chưa có ranh giới, dùng một điểm bên trong)"),
    C("signal_readings", "integer", "Signal readings", "Số lần đo tín hiệu", source="readings"),
) + tuple(_share(f"coverage_{k}", f"coverage.{op}.share", f"Share of {op} readings with usable 4G/5G signal",
                 f"Tỷ lệ lần đo {op} có tín hiệu 4G/5G dùng được") for k, op in _OPS)
  + tuple(_share(f"coverage_5g_{k}", f"coverage.{op}.share_5g", f"Share of {op} readings with usable 5G signal",
                 f"Tỷ lệ lần đo {op} có tín hiệu 5G dùng được") for k, op in _OPS) + (
    _share("coverage_best", "coverage_best", "Best operator's share of usable 4G/5G readings",
           "Tỷ lệ phủ sóng 4G/5G của nhà mạng tốt nhất"),
    C("operators_covering", "integer", "Operators whose usable share meets the coverage threshold",
      "Số nhà mạng đạt ngưỡng phủ sóng"),
    C("households", "integer", "Household interviews", "Số hộ được phỏng vấn"),
    C("hamlets", "integer", "Hamlets with interviews", "Số thôn/tổ dân phố có phỏng vấn"),
    C("hamlets_with_fibre", "integer", "Hamlets where a household has fibre", "Số thôn/tổ có hộ dùng cáp quang"),
    _share("fibre_available", "fibre_available", "Share of hamlets with fibre available",
           "Tỷ lệ thôn/tổ có cáp quang"),
    _share("fibre_households", "fibre_households", "Share of households with fibre", "Tỷ lệ hộ có cáp quang"),
    _share("internet_households", "internet_households", "Share of households with Internet at home",
           "Tỷ lệ hộ có Internet tại nhà"),
    C("residents", "integer", "Household members listed", "Số thành viên hộ được liệt kê"),
    _share("internet_users", "internet_users", "Share of residents using the Internet",
           "Tỷ lệ người dân sử dụng Internet"),
    _share("mobile_owners", "mobile_owners", "Share of residents owning a mobile phone",
           "Tỷ lệ người dân có điện thoại di động"),
    _share("digital_signature", "digital_signature", "Share of residents with a digital signature",
           "Tỷ lệ người dân có chữ ký số"),
    _share("vneid_level2", "vneid_level2", "Share of residents with a level-2 VNeID", "Tỷ lệ người dân có VNeID mức 2"),
    _share("online_public_services", "online_public_services", "Share of residents using online public services",
           "Tỷ lệ người dân dùng dịch vụ công trực tuyến"),
    _share("hue_s", "hue_s", "Share of residents using Hue-S", "Tỷ lệ người dân dùng Hue-S"),
    C("speed_tests", "integer", "Speed tests counted", "Số lần đo tốc độ được tính"),
    C("download_median_mbps", "number", "Median download rate", "Tốc độ tải xuống trung vị", "Mbit/s",
      source="download_median"),
    C("upload_median_mbps", "number", "Median upload rate", "Tốc độ tải lên trung vị", "Mbit/s",
      source="upload_median"),
    _share("broadband_share", "broadband_share", "Share of tests at broadband speed",
           "Tỷ lệ lần đo đạt tốc độ băng rộng"),
    C("fixed_download_median_mbps", "number", "Median download over Wi-Fi/Ethernet (fixed lines)",
      "Tốc độ tải xuống trung vị qua Wi-Fi/Ethernet (cố định)", "Mbit/s", source="fixed_download_median"),
    C("enough_signal", "boolean", "Enough signal readings to judge", "Đủ số lần đo tín hiệu để đánh giá"),
    C("enough_speed", "boolean", "Enough speed tests to judge", "Đủ số lần đo tốc độ để đánh giá"),
    C("enough_residents", "boolean", "Enough residents to judge", "Đủ số người dân để đánh giá"),
) + tuple(C(f"light_{k}", "string", f"Traffic light for {k.replace('_', ' ')}: green, amber, red or grey (too few)",
            f"Đèn tín hiệu {_LIGHT_VI[k]}: green (đạt), amber (gần đạt), red (chưa đạt), grey (chưa đủ mẫu)",
            source=f"lights.{k}") for k in _LIGHTS) + (
    C("lon", "lon", "Longitude of a point inside the unit", "Kinh độ một điểm bên trong phường/xã", "degree"),
    C("lat", "lat", "Latitude of a point inside the unit", "Vĩ độ một điểm bên trong phường/xã", "degree"),
))


def _round_coords(coords: Any, digits: int = 6) -> Any:
    if isinstance(coords, (int, float)):
        return round(float(coords), digits)
    return [_round_coords(c, digits) for c in coords]


def _signed_area(ring: list) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_a), (x1, y1, *_b) in zip(ring, ring[1:])) / 2


def _right_hand(polygon: list) -> list:
    """RFC 7946 winding: exterior ring counterclockwise, holes clockwise."""
    return [ring if (_signed_area(ring) >= 0) == (i == 0) else ring[::-1] for i, ring in enumerate(polygon)]


def _geometry(text: str | None, lon: float, lat: float) -> tuple[dict, str]:
    if text:
        try:
            geom = json.loads(text)
            coords = _round_coords(geom["coordinates"])
            if geom.get("type") == "Polygon":
                return {"type": "Polygon", "coordinates": _right_hand(coords)}, "boundary"
            if geom.get("type") == "MultiPolygon":
                return {"type": "MultiPolygon", "coordinates": [_right_hand(p) for p in coords]}, "boundary"
        except (ValueError, AttributeError, TypeError, KeyError, IndexError):
            pass  # a damaged boundary falls back to the inside point rather than failing the export
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}, "inside_point"


def _pick(row: dict, path: str):
    for part in path.split("."):
        row = row.get(part) if isinstance(row, dict) else None
    return row


def summary_rows(db: sqlite_utils.Database, filters: Filters, settings=None) -> Iterator[tuple[str, dict, dict]]:
    """(unit code, geometry, properties) per unit, in code order, from the review helper's indicators."""
    from dataclasses import asdict

    from survey_app.review.indicators import compute

    table = compute(db, settings, include_all=filters.status != "approved", filters=filters)
    by_code = {r.code: asdict(r) for r in table.rows}
    for code, _name, _kind, lon, lat, boundary in store.unit_geometries(db, filters.units):
        geometry, source = _geometry(boundary, lon, lat)
        row = dict(by_code.get(code, {}), scope=table.scope, geometry_source=source,
                   lon=round(lon, 6), lat=round(lat, 6))
        props: dict[str, Any] = {}
        for col in INDICATORS.columns:
            value = _pick(row, col.src)
            if col.kind == "integer":
                value = int(value or 0)
            elif col.kind == "boolean":
                value = bool(value)
            elif col.kind == "number" and value is not None:
                value = round(float(value), 4 if col.unit == _SHARE else 2)
            props[col.name] = value
        yield code, geometry, props


def columns() -> list[Column]:
    """The indicator layer's columns."""
    return list(INDICATORS.columns)
