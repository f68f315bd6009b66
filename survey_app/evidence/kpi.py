"""KPIs per unit, operator and technology from valid tests only, against thresholds as data naming their source
(survey_app/data/evidence/kpi_thresholds.json), with the regulations' sampling rules reported as met or not.

Figures: median and 10th percentile of download and upload, median and 90th percentile of latency (the slow
tail of each), linear interpolation between samples (numpy's default). Below `min_tests` valid tests a group
shows no figure, only how many tests it has. A share says how many valid tests reached a threshold; nothing
here says that an operator complies with a regulation.
"""
from __future__ import annotations

import numpy as np

from survey_app.evidence.conditions import ENVIRONMENTS
from survey_app.evidence.data_files import read_json



class ThresholdsError(ValueError):
    """The thresholds file is not what the app can apply."""


def load_thresholds(text: str | None = None) -> dict:
    """The shipped thresholds and sampling rules (or `text`); ThresholdsError when malformed."""
    data = read_json("kpi_thresholds.json", text, ThresholdsError)
    ok = (isinstance(data, dict) and isinstance(data.get("version"), str) and isinstance(data.get("min_tests"), int)
          and all(isinstance(t, dict) and {"id", "technologies", "metric", "source"} <= set(t) and
                  ("min" in t or "max" in t) for t in data.get("thresholds", []))
          and all(isinstance(r, dict) and {"id", "technologies", "check", "source"} <= set(r)
                  for r in data.get("sampling_rules", [])))
    if not ok:
        raise ThresholdsError("thresholds file needs a version, min_tests, thresholds and sampling rules")
    return data


FIGURES = (("download_median_mbps", "download_mbps", 50), ("download_p10_mbps", "download_mbps", 10),
           ("upload_median_mbps", "upload_mbps", 50), ("upload_p10_mbps", "upload_mbps", 10),
           ("latency_median_ms", "ping_ms", 50), ("latency_p90_ms", "ping_ms", 90))


def group_quantiles(gid: np.ndarray, x: np.ndarray, groups: int, qs: tuple[float, ...]) -> dict[float, np.ndarray]:
    """Per group, the q-th percentiles of x (NaN left out; NaN for a group without values), by linear
    interpolation between the closest ranks (numpy's default, Hyndman & Fan type 7), for every group at once."""
    ok = ~np.isnan(x)
    g, v = gid[ok], x[ok]
    order = np.lexsort((v, g))
    v = v[order]
    counts = np.bincount(g, minlength=groups)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    out = {}
    for q in qs:
        pos = np.maximum(counts - 1, 0) * q / 100
        lo, hi = np.floor(pos).astype(np.int64), np.ceil(pos).astype(np.int64)
        have = counts > 0
        a = np.where(have, v[np.minimum(starts + lo, max(len(v) - 1, 0))] if len(v) else 0.0, np.nan)
        b = np.where(have, v[np.minimum(starts + hi, max(len(v) - 1, 0))] if len(v) else 0.0, np.nan)
        out[q] = a + (b - a) * (pos - lo)
    return out


def _group_figures(gid: np.ndarray, values: dict[str, np.ndarray], groups: int) -> list[dict]:
    """The figures of every group (from its valid tests: `gid` and `values` hold only those)."""
    by_metric = {m: group_quantiles(gid, values[m], groups, (10, 50, 90)) for m in values}
    down = values["download_mbps"]
    ok = ~np.isnan(down)
    sums = np.bincount(gid[ok], weights=down[ok], minlength=groups)
    have = np.bincount(gid[ok], minlength=groups)
    columns = {name: by_metric[metric][q] for name, metric, q in FIGURES}
    columns["download_mean_mbps"] = np.where(have > 0, sums / np.maximum(have, 1), np.nan)
    return [{k: (None if np.isnan(v[g]) else round(float(v[g]), 3)) for k, v in columns.items()}
            for g in range(groups)]


def _threshold(t: dict, values: dict[str, np.ndarray]) -> dict:
    a = values[t["metric"]]
    a = a[~np.isnan(a)]
    if t.get("on") == "mean":
        mean = float(a.mean()) if a.size else None
        reached = mean is not None and (mean >= t["min"] if "min" in t else mean <= t["max"])
        return {"id": t["id"], "on": "mean", "value": None if mean is None else round(mean, 3), "reached": reached}
    hits = int(np.count_nonzero(a >= t["min"] if "min" in t else a <= t["max"]))
    share = round(hits / a.size, 4) if a.size else None
    out = {"id": t["id"], "tests_reaching": hits, "share": share}
    if "share_target" in t:
        out["share_target_reached"] = share is not None and share >= t["share_target"]
    return out


def _sampling(rule: dict, n: int, envs: dict[str, int], spacing_violations: int) -> dict:
    check = rule["check"]
    if check == "min_tests":
        return {"id": rule["id"], "met": n >= rule["min"], "tests": n, "needed": rule["min"]}
    if check == "all_environments":
        return {"id": rule["id"], "met": all(envs.values()), "by_environment": envs}
    if check == "min_spacing_s":
        return {"id": rule["id"], "met": spacing_violations == 0, "closer_pairs": spacing_violations,
                "min_s": rule["min"]}
    return {"id": rule["id"], "met": None}


def _close_pairs(devices: np.ndarray, times: np.ndarray, min_s: float) -> np.ndarray:
    """Per test: 1 when the same device's previous test began less than `min_s` before it."""
    out = np.zeros(len(times), dtype=np.int8)
    if len(times) < 2:
        return out
    _names, dev = np.unique(devices, return_inverse=True)
    order = np.lexsort((times, dev))
    t, d = times[order], dev[order]
    out[order[1:]] = (d[1:] == d[:-1]) & ((t[1:] - t[:-1]) < min_s)
    return out


def kpis(columns: dict[str, list], thresholds: dict, unit_names: dict[str, str] | None = None) -> dict:
    """The KPI table from every completed test's columns (storage.evidence.kpi_columns): figures from the valid
    ones, counts of the invalid ones."""
    keys, gid = np.unique(np.array(columns["group"], dtype=str), return_inverse=True)
    groups = len(keys)
    verdict = np.array(columns["verdict"], dtype=np.int8)
    valid, invalid = verdict == 1, verdict == 2
    values = {k: np.array(columns[k], dtype=float) for k in ("download_mbps", "upload_mbps", "ping_ms")}
    spacing = min((r["min"] for r in thresholds["sampling_rules"] if r["check"] == "min_spacing_s"), default=30)
    vidx = np.flatnonzero(valid)
    close = np.zeros(len(verdict), dtype=np.int8)
    close[vidx] = _close_pairs(np.array(columns["device_id"], dtype=str)[vidx] if len(vidx) else np.array([]),
                               np.array(columns["t_s"], dtype=float)[vidx], spacing)
    n_invalid = np.bincount(gid[invalid], minlength=groups)
    n_none = np.bincount(gid[~valid & ~invalid], minlength=groups)
    order = vidx[np.argsort(gid[vidx], kind="stable")]
    bounds = np.concatenate([[0], np.cumsum(np.bincount(gid[vidx], minlength=groups))])
    figures = _group_figures(gid[vidx], {k: v[vidx] for k, v in values.items()}, groups)
    envs = np.array(columns["environment"], dtype=np.int8)
    rows = []
    for g, key in enumerate(keys.tolist()):
        unit, op, tech = (key.split("\x1f") + ["", ""])[:3]
        if not (op or tech):
            continue  # neither operator nor technology: a test that did not run over a modem
        idx = order[bounds[g]:bounds[g + 1]]
        env_counts = {e: int(np.count_nonzero(envs[idx] == i)) for i, e in enumerate(ENVIRONMENTS)}
        counts = {"invalid": int(n_invalid[g]), "none": int(n_none[g])}
        rows.append(_group_row((unit, op, tech), idx, values, figures[g], env_counts, int(close[idx].sum()), counts,
                               thresholds, unit_names or {}))
    return {"thresholds_version": thresholds["version"], "min_tests": thresholds["min_tests"],
            "thresholds": thresholds["thresholds"], "sampling_rules": thresholds["sampling_rules"], "groups": rows}


def _group_row(key: tuple, idx: np.ndarray, values: dict, figures: dict, envs: dict, close: int, counts: dict,
               th: dict, names: dict) -> dict:
    unit, op, tech = key
    n = int(idx.size)
    row = {"unit_code": unit or None, "unit_name": names.get(unit), "operator": op or None, "technology": tech or None,
           "valid_tests": n, "invalid_tests": counts.get("invalid", 0), "unjudged_tests": counts.get("none", 0),
           "enough_tests": n >= th["min_tests"]}
    sub = {k: v[idx] for k, v in values.items()}
    applies = [t for t in th["thresholds"] if tech in t["technologies"]]
    if row["enough_tests"]:
        row.update(figures)
        row["thresholds"] = [_threshold(t, sub) for t in applies]
    else:
        row.update(dict.fromkeys(figures))
        row["thresholds"] = [{"id": t["id"], "not_enough_tests": n} for t in applies]
    row["sampling"] = [_sampling(r, n, envs, close) for r in th["sampling_rules"] if tech in r["technologies"]]
    return row


def compute_kpis(db, *, unit_code: str | None = None, thresholds: dict | None = None) -> dict:
    """The KPI table of a database (all units, or one)."""
    from survey_app.storage import evidence as store
    from survey_app.storage.units import list_units

    names = {u.code: u.name for u in list_units(db)}
    return kpis(store.kpi_columns(db, unit_code=unit_code), thresholds or load_thresholds(), names)
