"""PostgreSQL views of the Plan 455 indicators per unit, operator and technology (QGIS opens them directly).

They count approved sessions only (the `review summary` default) with the review thresholds' defaults, and
use the same rules as review.indicators: usable 4G/5G = RSRP at or above the threshold (NR RSRP for 5G SA),
plausible successful speed tests, finalized interviews. Each carries the unit's boundary (`geom`, once
imported with `central boundaries import`) and a point inside the unit (`point`).
"""
from __future__ import annotations

from survey_app.review.config import ReviewConfig
from survey_app.review.indicators import OPERATOR_NAMES


def _common(cfg: ReviewConfig) -> str:
    u = float(cfg.usable_rsrp_dbm)
    m = float(cfg.max_speed_mbps)
    return f"""s AS (SELECT id, unit_code FROM sessions WHERE status = 'approved'),
  rd AS (SELECT s.unit_code, coalesce(x.operator, '') AS operator, coalesce(x.technology, '') AS technology,
                ((x.technology IN ('LTE', 'NR-NSA') AND x.rsrp_dbm >= {u})
                 OR (x.technology = 'NR-SA' AND x.nr_rsrp_dbm >= {u})) IS TRUE AS usable,
                (x.technology IN ('NR-NSA', 'NR-SA') AND x.nr_rsrp_dbm >= {u}) IS TRUE AS usable_5g
         FROM s JOIN signal_readings x ON x.session_id = s.id),
  st AS (SELECT s.unit_code, t.interface_kind, t.operator, t.technology, t.download_mbps, t.upload_mbps
         FROM s JOIN speed_tests t ON t.session_id = s.id
         WHERE t.status = 'ok' AND t.download_mbps > 0 AND t.download_mbps <= {m}
           AND (t.upload_mbps IS NULL OR t.upload_mbps <= {m}))"""


_MEDIAN = "percentile_cont(0.5) WITHIN GROUP (ORDER BY {x})"  # unrounded (review summary rounds to 2 decimals)
_GEOMS = ("b.geom::geometry(MultiPolygon, 4326) AS geom, "
          "ST_SetSRID(ST_MakePoint(u.inside_lon, u.inside_lat), 4326)::geometry(Point, 4326) AS point")


def operator_view(cfg: ReviewConfig) -> str:
    """Coverage and modem speed tests per unit and operator."""
    ops = ", ".join(f"('{o}')" for o in OPERATOR_NAMES)
    return f"""CREATE VIEW operator_indicators AS WITH {_common(cfg)},
  cov AS (SELECT unit_code, operator, count(*) AS readings, count(*) FILTER (WHERE usable) AS usable,
                 count(*) FILTER (WHERE usable_5g) AS usable_5g FROM rd GROUP BY 1, 2),
  spd AS (SELECT unit_code, operator, count(*) AS speed_tests, {_MEDIAN.format(x='download_mbps')} AS download_median,
                 {_MEDIAN.format(x='upload_mbps')} AS upload_median
          FROM st WHERE interface_kind = 'modem' AND operator IS NOT NULL AND operator <> '' GROUP BY 1, 2)
SELECT u.code || '/' || o.operator AS key, u.code AS unit_code, u.name AS unit_name, o.operator,
       coalesce(c.readings, 0) AS readings, coalesce(c.usable, 0) AS usable_readings,
       c.usable::float8 / nullif(c.readings, 0) AS coverage_share,
       c.usable_5g::float8 / nullif(c.readings, 0) AS coverage_5g_share,
       coalesce(c.readings, 0) >= {cfg.min_signal_samples} AS enough_readings,
       {cfg.covered_share} AS covered_share_target,
       coalesce(p.speed_tests, 0) AS speed_tests, p.download_median, p.upload_median, {_GEOMS}
FROM units u CROSS JOIN (VALUES {ops}) AS o(operator)
LEFT JOIN cov c ON c.unit_code = u.code AND c.operator = o.operator
LEFT JOIN spd p ON p.unit_code = u.code AND p.operator = o.operator
LEFT JOIN unit_boundaries b ON b.unit_code = u.code"""


def technology_view(cfg: ReviewConfig) -> str:
    """Readings and modem speed tests per unit and radio technology."""
    return f"""CREATE VIEW technology_indicators AS WITH {_common(cfg)},
  tot AS (SELECT unit_code, count(*) AS n FROM rd GROUP BY 1),
  tec AS (SELECT unit_code, CASE WHEN technology = '' THEN 'none' ELSE technology END AS technology,
                 count(*) AS readings, count(*) FILTER (WHERE usable) AS usable FROM rd GROUP BY 1, 2),
  spd AS (SELECT unit_code, technology, count(*) AS speed_tests,
                 {_MEDIAN.format(x='download_mbps')} AS download_median,
                 {_MEDIAN.format(x='upload_mbps')} AS upload_median
          FROM st WHERE interface_kind = 'modem' AND technology IS NOT NULL AND technology <> '' GROUP BY 1, 2)
SELECT u.code || '/' || t.technology AS key, u.code AS unit_code, u.name AS unit_name, t.technology,
       t.readings, t.readings::float8 / nullif(tot.n, 0) AS share,
       t.usable::float8 / nullif(t.readings, 0) AS usable_share,
       coalesce(p.speed_tests, 0) AS speed_tests, p.download_median, p.upload_median, {_GEOMS}
FROM tec t JOIN units u ON u.code = t.unit_code JOIN tot ON tot.unit_code = t.unit_code
LEFT JOIN spd p ON p.unit_code = t.unit_code AND p.technology = t.technology
LEFT JOIN unit_boundaries b ON b.unit_code = u.code"""


def unit_view(cfg: ReviewConfig) -> str:
    """One row per unit: the Plan 455 indicators next to their targets."""
    shares = ", ".join(
        f"sum(CASE WHEN m.{f} THEN 1 ELSE 0 END)::float8 / nullif(count(m.{f}), 0) AS {name}"
        for f, name in (("uses_internet", "internet_users"), ("has_digital_signature", "digital_signature")))
    return f"""CREATE VIEW unit_indicators AS WITH {_common(cfg)},
  best AS (SELECT unit_code, max(share) AS coverage_best, count(*) FILTER (WHERE share >= {cfg.covered_share})
                  AS operators_covering
           FROM (SELECT unit_code, operator, count(*) FILTER (WHERE usable)::float8 / count(*) AS share
                 FROM rd WHERE operator IN ({", ".join(f"'{o}'" for o in OPERATOR_NAMES)}) GROUP BY 1, 2
                 HAVING count(*) >= {cfg.min_signal_samples}) o GROUP BY 1),
  rds AS (SELECT unit_code, count(*) AS readings FROM rd GROUP BY 1),
  ham AS (SELECT unit_code, hamlet, bool_or(fibre) IS TRUE AS fibre FROM
            (SELECT s.unit_code, coalesce(x.hamlet, '') AS hamlet, x.fibre FROM s JOIN households x
             ON x.session_id = s.id AND x.status = 'finalized') q GROUP BY 1, 2),
  hs AS (SELECT s.unit_code, count(*) AS households,
                sum(CASE WHEN x.fibre THEN 1 ELSE 0 END)::float8 / nullif(count(x.fibre), 0) AS fibre_households,
                sum(CASE WHEN x.internet_at_home THEN 1 ELSE 0 END)::float8 / nullif(count(x.internet_at_home), 0)
                    AS internet_households
         FROM s JOIN households x ON x.session_id = s.id AND x.status = 'finalized' GROUP BY 1),
  hm AS (SELECT unit_code, count(*) AS hamlets, count(*) FILTER (WHERE fibre) AS hamlets_with_fibre FROM ham GROUP BY 1),
  mb AS (SELECT s.unit_code, count(m.uses_internet) AS residents, {shares}
         FROM s JOIN households x ON x.session_id = s.id AND x.status = 'finalized'
         JOIN members m ON m.household_id = x.id GROUP BY 1),
  sp AS (SELECT unit_code, count(*) AS speed_tests, {_MEDIAN.format(x='download_mbps')} AS download_median,
                {_MEDIAN.format(x='upload_mbps')} AS upload_median,
                count(*) FILTER (WHERE download_mbps >= {cfg.broadband_down_mbps})::float8 / count(*) AS broadband_share
         FROM st GROUP BY 1)
SELECT u.code AS unit_code, u.name AS unit_name, u.kind,
       coalesce(rds.readings, 0) AS readings, best.coverage_best, coalesce(best.operators_covering, 0)
           AS operators_covering, {cfg.covered_share} AS coverage_target,
       coalesce(hs.households, 0) AS households, coalesce(hm.hamlets, 0) AS hamlets,
       coalesce(hm.hamlets_with_fibre, 0) AS hamlets_with_fibre,
       hm.hamlets_with_fibre::float8 / nullif(hm.hamlets, 0) AS fibre_available,
       {cfg.target_fibre_available} AS fibre_available_target,
       hs.fibre_households, {cfg.target_fibre_households} AS fibre_households_target, hs.internet_households,
       coalesce(mb.residents, 0) AS residents, mb.internet_users, {cfg.target_internet_users} AS internet_users_target,
       mb.digital_signature, {cfg.target_digital_signature} AS digital_signature_target,
       coalesce(sp.speed_tests, 0) AS speed_tests, sp.download_median, sp.upload_median, sp.broadband_share,
       coalesce(sp.speed_tests, 0) >= {cfg.min_speed_samples} AS enough_speed_tests, {_GEOMS}
FROM units u LEFT JOIN rds ON rds.unit_code = u.code LEFT JOIN best ON best.unit_code = u.code
LEFT JOIN hs ON hs.unit_code = u.code LEFT JOIN hm ON hm.unit_code = u.code LEFT JOIN mb ON mb.unit_code = u.code
LEFT JOIN sp ON sp.unit_code = u.code LEFT JOIN unit_boundaries b ON b.unit_code = u.code"""


def statements(cfg: ReviewConfig | None = None) -> list[str]:
    """CREATE VIEW statements of the three indicator views."""
    cfg = cfg or ReviewConfig()
    return [unit_view(cfg), operator_view(cfg), technology_view(cfg)]
