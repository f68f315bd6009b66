"""Synthetic signal readings and speed tests (vectorised; one block of sessions at a time)."""
from __future__ import annotations

import numpy as np

from survey_app.demo import evidence
from survey_app.demo.values import (NR_BANDS, OPERATORS, RSRP_MEAN, TECH_SHARES, TECHS, choice_index,
                                           clipped_normal, iso, nullable)

READING_COLUMNS = (
    "id", "created_at", "updated_at", "device_id", "surveyor", "app_version", "revision", "sync_state",
    "session_id", "unit_code", "code_set", "measured_at", "manufacturer", "model", "technology", "registration",
    "mcc", "mnc", "operator", "rssi_dbm", "rsrp_dbm", "rsrq_db", "sinr_db", "rscp_dbm", "ecio_db", "band",
    "arfcn", "pci", "cell_id", "tac", "nr_rsrp_dbm", "nr_rsrq_db", "nr_sinr_db", "nr_band",
    "lat", "lon", "position_source", "position_accuracy_m", "position_at")
SPEED_COLUMNS = (
    "id", "created_at", "updated_at", "device_id", "surveyor", "app_version", "revision", "sync_state",
    "session_id", "unit_code", "code_set", "started_at", "ended_at", "status", "error", "protocol", "method",
    "server_url", "server_name", "interface_name", "interface_kind", "operator", "technology", "download_mbps",
    "upload_mbps", "ping_ms", "ping_min_ms", "jitter_ms", "bytes_received", "bytes_sent", "duration_s",
    "streams_download", "streams_upload", "lat", "lon", "position_source", "position_accuracy_m", "position_at",
    *evidence.COLUMNS)
CLASSES = ("ward", "commune", "mountain")
TECH_P = np.array([TECH_SHARES[c] for c in CLASSES])
OP_P = np.array([o[2] for o in OPERATORS])
MEDIAN_DOWN = np.array([30.0, 170.0, 280.0, 4.0, 0.15])   # Mbit/s by TECHS
MEDIAN_PING = np.array([38.0, 24.0, 18.0, 95.0, 420.0])   # ms by TECHS


def spread_times(rng, sess_start, sess_dur, counts, gap_sessions):
    """Per-row session index and epoch-ms time, evenly through each session; some sessions get a long gap."""
    n = int(counts.sum())
    s = np.repeat(np.arange(len(counts)), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    rank = np.arange(n) - first
    gap = np.where(gap_sessions, rng.uniform(25, 60, len(counts)) * 60_000, 0.0)
    interval = (sess_dur - gap) / np.maximum(counts, 1)
    t = sess_start[s] + rank * interval[s] + rng.random(n) * interval[s] * 0.4
    t = t + np.where(rank >= counts[s] // 2, gap[s], 0.0)
    return s, t.astype("int64")


def fixes(rng, b, s, n, sd_deg, no_fix_sessions):
    """lat, lon, source, accuracy lists (None where the row had no fix)."""
    lon = np.clip(b["clon"][s] + rng.normal(0, sd_deg, n), b["minlon"][s], b["maxlon"][s])
    lat = np.clip(b["clat"][s] + rng.normal(0, sd_deg, n), b["minlat"][s], b["maxlat"][s])
    acc = np.round(2.0 + rng.gamma(2.0, 3.0, n), 1)
    acc = np.where(rng.random(n) < 0.015, np.round(rng.uniform(60, 300, n), 1), acc)
    none = (rng.random(n) < 0.008) | no_fix_sessions[s]
    src = np.where(rng.random(n) < 0.9, "gps", "modem").tolist()
    return (nullable(np.round(lat, 6).tolist(), none), nullable(np.round(lon, 6).tolist(), none),
            nullable(src, none), nullable(acc.tolist(), none), none)


def readings(rng, b, s, t, ids):
    """Rows of signal readings for sessions `s` (indexes into the block arrays `b`) at times `t`."""
    n = len(ids)
    cls = b["class_idx"][s]
    op = rng.choice(3, size=n, p=OP_P)
    tech = choice_index(rng, TECH_P[cls])
    noserv = rng.random(n) < np.array([0.005, 0.01, 0.04])[cls]
    base = np.array([RSRP_MEAN[c] for c in CLASSES])[cls] + b["sig_offset"][s]
    rsrp = clipped_normal(rng, base, 10.0, -140, -44, n)
    is_lte = (tech == 0) | (tech == 1)
    is_nr = (tech == 1) | (tech == 2)
    nr_rsrp = np.round(np.clip(rsrp - 4 + rng.normal(0, 6, n), -156, -31), 1)
    rsrq = clipped_normal(rng, -10.5 + (rsrp + 90) * 0.08, 2.5, -20, -3, n)
    sinr = clipped_normal(rng, 12 + (rsrp + 90) * 0.35, 6.0, -20, 30, n)
    rscp = clipped_normal(rng, base - 2, 10.0, -120, -25, n)
    ecio = clipped_normal(rng, -8.0, 3.0, -24, 0, n)
    rssi = np.where(tech == 4, clipped_normal(rng, base + 15, 10, -110, -51, n), np.round(rsrp + 24, 1))
    op_names = [OPERATORS[k][0] for k in op.tolist()]
    tech_l = [TECHS[k] for k in tech.tolist()]
    ns = noserv.tolist()
    band = np.where(tech >= 3, np.where(tech == 3, "B1", "GSM900"),
                    np.where((op == 0) & (rng.random(n) < 0.2), "B28", "B3")).tolist()
    arfcn = np.where(tech >= 3, 10700, 1850).tolist()
    lat, lon, src, acc, _nofix = fixes(rng, b, s, n, 0.006, b["no_fix"])
    times = iso(t)
    lte_null = ~is_lte | noserv
    nr_null = ~is_nr | noserv
    sess = b["session_id"]
    sl = s.tolist()
    return list(zip(
        ids, times, times, b["device_rep"], [b["surveyor"][k] for k in sl], b["app_version_rep"], b["one_rep"],
        b["pending_rep"], [sess[k] for k in sl], [b["unit_code"][k] for k in sl], b["code_set_rep"], times,
        b["maker_rep"], b["model_rep"], nullable(tech_l, noserv), ["none" if x else "home" for x in ns],
        nullable(["452"] * n, noserv), nullable([OPERATORS[k][1] for k in op.tolist()], noserv),
        op_names, nullable(rssi.tolist(), noserv | (tech == 2)), nullable(rsrp.tolist(), lte_null),
        nullable(rsrq.tolist(), lte_null), nullable(sinr.tolist(), lte_null),
        nullable(rscp.tolist(), (tech != 3) | noserv), nullable(ecio.tolist(), (tech != 3) | noserv),
        nullable(band, noserv | (tech == 2)), nullable(arfcn, noserv | (tech == 2)),
        nullable(rng.integers(0, 504, n).tolist(), noserv), nullable(rng.integers(1, 2**28, n).tolist(), noserv),
        nullable(rng.integers(1, 65535, n).tolist(), noserv),
        nullable(nr_rsrp.tolist(), nr_null), nullable(np.round(rsrq - 1, 1).tolist(), nr_null),
        nullable(np.round(sinr + 2, 1).tolist(), nr_null), nullable([NR_BANDS[o] for o in op_names], nr_null),
        lat, lon, src, acc, [None if x else y for x, y in zip(_nofix.tolist(), times)]))


def speed_tests(rng, b, s, t, ids):
    """Rows of speed tests: over a modem (operator + technology) or the household's Wi-Fi."""
    n = len(ids)
    cls = b["class_idx"][s]
    modem = rng.random(n) < 0.65
    op = rng.choice(3, size=n, p=OP_P)
    tech = choice_index(rng, TECH_P[cls])
    scale = np.array([1.0, 0.8, 0.55])[cls]
    down = np.where(modem, MEDIAN_DOWN[tech] * scale, 110.0) * np.exp(rng.normal(0, 0.5, n))
    up = down * np.where(modem, rng.uniform(0.2, 0.6, n), rng.uniform(0.7, 1.0, n))
    ping = np.where(modem, MEDIAN_PING[tech], 12.0) * np.exp(rng.normal(0, 0.3, n))
    u = rng.random(n)
    failed = u < 0.03
    cancelled = (u >= 0.03) & (u < 0.035)
    odd = (u >= 0.035) & (u < 0.039)   # implausible results a supervisor should look at
    down = np.where(odd, np.where(rng.random(n) < 0.5, 0.0, 4800.0), down)
    bad = failed | cancelled
    status = np.where(failed, "failed", np.where(cancelled, "cancelled", "ok")).tolist()
    error = np.where(failed, "no response from the server", np.where(cancelled, "cancelled by the user", "")).tolist()
    libre = rng.random(n) < 0.75
    dur = np.where(libre, 15.0, 10.0)
    started = iso(t)
    ended = iso(t + (dur * 1000 + 4000).astype("int64"))
    lat, lon, src, acc, nofix = fixes(rng, b, s, n, 0.004, b["no_fix"])
    sl = s.tolist()
    mo = modem.tolist()
    down_r, up_r = np.round(down, 2), np.round(up, 2)
    ev = evidence.evidence_columns(rng, [
        {"status": st, "started_at": at, "interface_kind": "modem" if m else "wifi",
         "protocol": "librespeed" if lb else "ookla", "op": OPERATORS[o][0], "tech": TECHS[k], "down": d, "up": u,
         "lat": la, "lon": lo, "acc": a, "src": sr}
        for st, at, m, lb, o, k, d, u, la, lo, a, sr in zip(status, started, mo, libre.tolist(), op.tolist(),
                                                            tech.tolist(), down_r.tolist(), up_r.tolist(), lat, lon,
                                                            acc, src)])
    return list(r + e for r, e in zip(zip(
        ids, started, started, b["device_rep"], [b["surveyor"][k] for k in sl], b["app_version_rep"], b["one_rep"],
        b["pending_rep"], [b["session_id"][k] for k in sl], [b["unit_code"][k] for k in sl], b["code_set_rep"],
        started, ended, status, [e or None for e in error], np.where(libre, "librespeed", "ookla").tolist(),
        np.where(libre, "librespeed-multi-1", "ookla-legacy-1").tolist(),
        np.where(libre, "https://speed.hue.gov.vn/backend/", "http://speedtest.vnpt.vn/speedtest/upload.php").tolist(),
        np.where(libre, "Huế IOC", "VNPT Huế").tolist(), ["wwan0" if m else "wlan0" for m in mo],
        ["modem" if m else "wifi" for m in mo], [OPERATORS[o][0] if m else None for o, m in zip(op.tolist(), mo)],
        [TECHS[k] if m else None for k, m in zip(tech.tolist(), mo)], nullable(down_r.tolist(), bad),
        nullable(up_r.tolist(), bad), nullable(np.round(ping, 1).tolist(), bad),
        nullable(np.round(ping * 0.85, 1).tolist(), bad), nullable(np.round(ping * 0.12, 1).tolist(), bad),
        nullable((down * 125_000 * dur).astype("int64").tolist(), bad),
        nullable((up * 125_000 * dur).astype("int64").tolist(), bad), dur.tolist(),
        np.where(libre, 6, 4).tolist(), np.where(libre, 3, 2).tolist(),
        lat, lon, src, acc, [None if x else y for x, y in zip(nofix.tolist(), started)]), ev))
