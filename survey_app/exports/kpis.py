"""The KPI export layer: one row per unit, operator and technology, from valid speed tests only (the Review page's
Speed KPIs tab and `survey-app review kpi`), at the unit's inside point. Threshold and sampling-rule columns come
from the thresholds data (survey_app/data/evidence/kpi_thresholds.json)."""
from __future__ import annotations

from typing import Any, Iterator

from survey_app.evidence.kpi import load_thresholds
from survey_app.exports.layers import KPIS_NAME, C
from survey_app.models.export_spec import Filters, Layer
from survey_app.storage import export_queries as store

_TH = load_thresholds()
_FIGURES = (
    ("download_median_mbps", "Median download rate", "Tốc độ tải xuống trung vị", "Mbit/s"),
    ("download_p10_mbps", "10th percentile of the download rate", "Phân vị 10 của tốc độ tải xuống", "Mbit/s"),
    ("download_mean_mbps", "Mean download rate", "Tốc độ tải xuống trung bình", "Mbit/s"),
    ("upload_median_mbps", "Median upload rate", "Tốc độ tải lên trung vị", "Mbit/s"),
    ("upload_p10_mbps", "10th percentile of the upload rate", "Phân vị 10 của tốc độ tải lên", "Mbit/s"),
    ("latency_median_ms", "Median idle latency", "Độ trễ trung vị", "ms"),
    ("latency_p90_ms", "90th percentile of the idle latency", "Phân vị 90 của độ trễ", "ms"),
)


def _threshold_column(t: dict):
    if t.get("on") == "mean":
        return C(f"reached_{t['id']}", "boolean", f"Mean reaches the threshold ({t['source']})",
                 f"Giá trị trung bình đạt ngưỡng ({t['source']})")
    return C(f"share_{t['id']}", "number", f"Share of valid tests reaching the threshold ({t['source']})",
             f"Tỷ lệ lần đo hợp lệ đạt ngưỡng ({t['source']})", "share")


KPIS = Layer(KPIS_NAME, "speed_tests", "Speed KPIs per unit, operator and technology (valid tests only)",
             "Chỉ số tốc độ theo phường/xã, nhà mạng và công nghệ (chỉ lần đo hợp lệ)", (
    C("unit_code", "string", "Ward/commune code (5 digits)", "Mã phường/xã (5 chữ số)"),
    C("unit_name", "string", "Ward/commune name", "Tên phường/xã"),
    C("operator", "string", "Mobile operator", "Nhà mạng di động"),
    C("technology", "string", "LTE, NR-NSA, NR-SA, UMTS or GSM", "Công nghệ: LTE, NR-NSA, NR-SA, UMTS hoặc GSM"),
    C("valid_tests", "integer", "Valid speed tests (the only ones counted)", "Số lần đo tốc độ hợp lệ (chỉ các lần này được tính)"),
    C("invalid_tests", "integer", "Speed tests that failed a validity rule", "Số lần đo không đạt quy tắc hợp lệ"),
    C("enough_tests", "boolean", f"At least {_TH['min_tests']} valid tests: figures are given",
      f"Có ít nhất {_TH['min_tests']} lần đo hợp lệ: có số liệu"),
) + tuple(C(name, "number", en, vi, unit) for name, en, vi, unit in _FIGURES)
  + tuple(_threshold_column(t) for t in _TH["thresholds"])
  + tuple(C(f"sampling_{r['id']}", "boolean", f"Sampling rule met: {r['source']}",
            f"Đạt quy tắc lấy mẫu: {r['source']}") for r in _TH["sampling_rules"]) + (
    C("thresholds_version", "string", "Version of the thresholds data", "Phiên bản bộ ngưỡng"),
    C("lon", "lon", "Longitude of a point inside the unit", "Kinh độ một điểm bên trong phường/xã", "degree"),
    C("lat", "lat", "Latitude of a point inside the unit", "Vĩ độ một điểm bên trong phường/xã", "degree"),
))


def kpi_rows(db, filters: Filters, settings=None) -> Iterator[tuple[str, dict, dict]]:
    """(feature id, point geometry, properties) per KPI group of the chosen units."""
    from survey_app.evidence.kpi import compute_kpis

    table = compute_kpis(db, thresholds=_TH)
    points = {code: (lon, lat) for code, _n, _k, lon, lat, _b in store.unit_geometries(db, filters.units)}
    for g in table["groups"]:
        if g["unit_code"] not in points:
            continue
        lon, lat = points[g["unit_code"]]
        reached = {t["id"]: t for t in g["thresholds"]}
        sampling = {s["id"]: s["met"] for s in g["sampling"]}
        props: dict[str, Any] = {k: g[k] for k in ("unit_code", "unit_name", "operator", "technology", "valid_tests",
                                                    "invalid_tests", "enough_tests")}
        props.update({name: None if g[name] is None else round(g[name], 2) for name, *_ in _FIGURES})
        for t in _TH["thresholds"]:
            r = reached.get(t["id"], {})
            if t.get("on") == "mean":
                props[f"reached_{t['id']}"] = r.get("reached")
            else:
                props[f"share_{t['id']}"] = r.get("share")
        props.update({f"sampling_{r['id']}": sampling.get(r["id"]) for r in _TH["sampling_rules"]})
        props.update(thresholds_version=table["thresholds_version"], lon=round(lon, 6), lat=round(lat, 6))
        fid = f"{g['unit_code']}-{g['operator'] or ''}-{g['technology'] or ''}"
        yield fid, {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}, props
