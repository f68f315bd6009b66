"""The indicator table at the receiver: the rows review.indicators assembles, read from the typed views.

The same rules as the desktop's partial sums (storage.review: usable 4G/5G readings; storage.review_indicators:
finalized interviews, plausible successful speed tests) in SQL that both back ends run, so the dashboard shows
what `survey-app review summary` prints for the same records. Cached until a new batch arrives.
"""
from __future__ import annotations

import threading
import time

from survey_app.review.config import ReviewConfig
from survey_app.storage.review import MEMBER_FIELDS
from survey_app.storage.review_indicators import session_scope as _scope


class CentralRows:
    """storage.review_indicators' functions over a receiver store (passed as `db`), for indicators.compute;
    `filters` (models.export_spec.Filters: teams, Vietnam days the session started) narrow the sessions the same
    way, on the receiver's `sessions` view."""

    MEMBER_FIELDS = MEMBER_FIELDS

    def __init__(self, cfg: ReviewConfig) -> None:
        self.cfg = cfg

    @staticmethod
    def unit_list(store):
        """(code, name, kind) of the 40 units, wards first."""
        return [(r[0], r[1], r[2]) for r in store.units()]

    def coverage_rows(self, store, scope: str, filters=None):
        """(unit, operator, technology, readings, usable 4G/5G readings, usable 5G readings)."""
        where, params = _scope(scope, filters)
        u = float(self.cfg.usable_rsrp_dbm)
        sql = f"""SELECT s.unit_code, coalesce(x.operator, ''), coalesce(x.technology, ''), count(*),
                         sum(CASE WHEN (x.technology IN ('LTE', 'NR-NSA') AND x.rsrp_dbm >= ?)
                                    OR (x.technology = 'NR-SA' AND x.nr_rsrp_dbm >= ?) THEN 1 ELSE 0 END),
                         sum(CASE WHEN x.technology IN ('NR-NSA', 'NR-SA') AND x.nr_rsrp_dbm >= ? THEN 1 ELSE 0 END)
                  FROM sessions s JOIN signal_readings x ON x.session_id = s.id
                  WHERE {where} GROUP BY s.unit_code, coalesce(x.operator, ''), coalesce(x.technology, '')"""
        return store.rows(sql, [u, u, u] + params)

    @staticmethod
    def hamlet_rows(store, scope: str, filters=None):
        """(unit, hamlet, households, fibre yes, fibre answered, internet yes, internet answered, fixed yes,
        fixed answered) over finished interviews."""
        where, params = _scope(scope, filters)
        yes = "sum(CASE WHEN x.{0} THEN 1 ELSE 0 END), count(x.{0})"
        sql = f"""SELECT s.unit_code, coalesce(x.hamlet, ''), count(*), {yes.format('fibre')},
                         {yes.format('internet_at_home')}, {yes.format('fixed_broadband')}
                  FROM sessions s JOIN households x ON x.session_id = s.id
                  WHERE {where} AND x.status = 'finalized' GROUP BY s.unit_code, coalesce(x.hamlet, '')"""
        return store.rows(sql, params)

    @staticmethod
    def member_rows(store, scope: str, filters=None):
        """(unit, then answered and yes counts for each of MEMBER_FIELDS) over finished interviews."""
        where, params = _scope(scope, filters)
        cols = ", ".join(f"count(m.{f}), sum(CASE WHEN m.{f} THEN 1 ELSE 0 END)" for f in MEMBER_FIELDS)
        sql = f"""SELECT s.unit_code, {cols} FROM sessions s JOIN households x ON x.session_id = s.id
                  JOIN members m ON m.household_id = x.id
                  WHERE {where} AND x.status = 'finalized' GROUP BY s.unit_code"""
        return store.rows(sql, params)

    @staticmethod
    def speed_rows(store, scope: str, max_mbps: float, filters=None):
        """(unit, interface kind, operator, technology, download, upload) of plausible successful tests."""
        where, params = _scope(scope, filters)
        sql = f"""SELECT s.unit_code, t.interface_kind, t.operator, t.technology, t.download_mbps, t.upload_mbps
                  FROM sessions s JOIN speed_tests t ON t.session_id = s.id
                  WHERE {where} AND t.status = 'ok' AND t.download_mbps > 0 AND t.download_mbps <= ?
                    AND (t.upload_mbps IS NULL OR t.upload_mbps <= ?)"""
        return store.rows(sql, params + [float(max_mbps), float(max_mbps)])


class IndicatorCache:
    """The indicator table per scope and filters, recomputed only after new batches (and at most every
    `min_age_s`); the last KEEP filter choices are kept."""

    KEEP = 32

    def __init__(self, store, cfg: ReviewConfig | None = None, min_age_s: float = 10.0) -> None:
        self.store, self.cfg, self.min_age_s = store, cfg or ReviewConfig(), min_age_s
        self._lock = threading.Lock()
        self._cache: dict[tuple, tuple[tuple, float, dict]] = {}

    def table(self, scope: str, filters=None) -> dict:
        """review summary's JSON for `scope` ('approved' | 'all') and `filters` (models.export_spec.Filters)."""
        from survey_app.review.indicators import compute

        stamp, key = self.store.data_stamp(), (scope, filters)
        with self._lock:
            hit = self._cache.get(key)
            if hit and (hit[0] == stamp or time.monotonic() - hit[1] < self.min_age_s):
                return hit[2]
            table = compute(self.store, None, include_all=(scope == "all"), config=self.cfg,
                            source=CentralRows(self.cfg), filters=filters)
            data = table.to_json()
            self._cache.pop(key, None)
            self._cache[key] = (stamp, time.monotonic(), data)
            while len(self._cache) > self.KEEP:
                self._cache.pop(next(iter(self._cache)))
            return data

    def teams(self, scope: str) -> list[str]:
        """Names of the teams whose sessions are in `scope` (the dashboard's team choice)."""
        where, params = _scope(scope)
        rows = self.store.rows(f"SELECT DISTINCT s.team_name FROM sessions s WHERE {where} "
                               "AND s.team_name IS NOT NULL AND s.team_name != ''", params)
        return sorted(r[0] for r in rows)
