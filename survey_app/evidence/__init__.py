"""Measurements that hold up as evidence: the per-second passport of a speed test, the conditions the surveyor
declares, the validity verdict from rules as data, and KPIs computed from valid tests only (Qt-free)."""
