"""Synthetic households and members with answers in the built-in household form's field names."""
from __future__ import annotations

import numpy as np

from survey_app.demo.values import names, nullable, phones

# Household size 1..8, mean about 3.8 (Huế households average 3.7-3.9 people).
SIZE_P = np.array([0.07, 0.16, 0.20, 0.25, 0.16, 0.10, 0.04, 0.02])
P_INTERNET = np.array([0.90, 0.78, 0.55])
P_FIBRE = np.array([0.86, 0.72, 0.42])      # of households with Internet at home
P_COMPUTER = np.array([0.48, 0.28, 0.15])
ISPS = ("vnpt", "viettel", "fpt", "other")
ISP_P = np.array([0.38, 0.40, 0.18, 0.04])
PLANS = np.array([100, 150, 200, 300, 500, 1000])
PLAN_P = np.array([0.10, 0.22, 0.20, 0.33, 0.12, 0.03])
# Choice names of the built-in household form (survey_app/data/forms/household.json).
BARRIERS = ("not_needed", "cost_service", "cost_equipment", "no_skills", "not_available", "privacy")
DEVICES = ("smartphone", "computer", "tablet", "smart_tv", "basic_phone")
SKILLS = ("copy_files", "send_email", "install_software", "online_payment", "presentation", "security")
LOCATIONS = ("home", "work", "school", "others_home", "community", "on_the_move")
FREQ = ("daily", "weekly", "less")
REASONS = ("not_needed", "no_skills", "cost_device", "cost_service", "no_access", "privacy")
COLUMNS = ("id", "created_at", "updated_at", "device_id", "surveyor", "app_version", "revision", "sync_state",
           "session_id", "unit_code", "code_set", "form_id", "form_version", "status", "consent", "hamlet",
           "respondent_name", "phone", "started_at", "ended_at", "duration_s", "answers", "internet_at_home",
           "fixed_broadband", "fibre", "isp", "plan_mbps", "monthly_cost_vnd", "member_count",
           "lat", "lon", "position_source", "position_accuracy_m", "position_at")
MEMBER_COLUMNS = ("id", "created_at", "updated_at", "device_id", "surveyor", "app_version", "revision",
                  "sync_state", "household_id", "position", "name", "sex", "age", "answers", "uses_internet",
                  "owns_mobile_phone", "uses_computer", "has_vneid_level2", "has_digital_signature",
                  "uses_online_public_services", "uses_hue_s")


def _combos(options, k_max):
    """Every space-separated select_multiple answer of 1..k_max distinct options (in form order)."""
    from itertools import combinations

    return [" ".join(c) for k in range(1, k_max + 1) for c in combinations(options, k)]


def _picks(rng, options, k_max, n) -> list[str]:
    """n random select_multiple answers (drawn vectorised: a per-row loop of rng.choice is 50x slower)."""
    combos = _combos(options, k_max)
    return [combos[i] for i in rng.integers(0, len(combos), n).tolist()]


def households(rng, b, ids, member_ids_fn):
    """Rows for one block of households and their members.

    `b` holds per-household arrays (session, unit, class, times, positions) made by demo_data; returns
    (household rows, member rows) as lists of tuples in COLUMNS / MEMBER_COLUMNS order.
    """
    n = len(ids)
    cls = b["class_idx"]
    u = rng.random(n)
    refused = u < 0.03
    draft = (u >= 0.03) & (u < 0.05)          # interview broken off before consent was recorded
    done = ~(refused | draft)
    consent = np.where(refused, "no", np.where(draft, "", "yes")).tolist()
    status = np.where(refused, "refused", np.where(draft, "draft", "finalized")).tolist()
    # A handful of finished interviews whose consent was never recorded (the consent check must catch them).
    for i in np.flatnonzero(done & (rng.random(n) < 0.003)).tolist():
        consent[i] = ""
    internet = (rng.random(n) < P_INTERNET[cls]) & done
    fibre = internet & (rng.random(n) < P_FIBRE[cls])
    other_fixed = internet & ~fibre & (rng.random(n) < 0.25)
    mobile_bb = internet & ((rng.random(n) < 0.55) | ~(fibre | other_fixed))
    computer = rng.random(n) < P_COMPUTER[cls]
    isp = rng.choice(4, size=n, p=ISP_P)
    plan = PLANS[rng.choice(len(PLANS), size=n, p=PLAN_P)]
    cost = np.round((150_000 + plan * 120 + rng.normal(0, 20_000, n)) / 1000) * 1000
    sizes = np.where(done, rng.choice(8, size=n, p=SIZE_P) + 1, 0)
    satisfaction = rng.integers(1, 6, n)
    has_name = rng.random(n) < 0.7
    has_phone = rng.random(n) < 0.6
    resp = names(rng, n)
    tel = phones(rng, n)
    # A few households entered twice (same respondent and phone) so the duplicate check has work to do.
    dup = (rng.random(n) < 0.002) & done
    dup[0] = False
    for i in np.flatnonzero(dup).tolist():
        resp[i], tel[i] = resp[i - 1], tel[i - 1]
        has_name[i] = has_name[i - 1] = has_phone[i] = has_phone[i - 1] = True
    hamlet_no = rng.integers(1, 15, n)
    adsl = other_fixed & (rng.random(n) < 0.3)
    devices = _picks(rng, DEVICES, 3, n)
    no_pc_devices = _picks(rng, tuple(d for d in DEVICES if d != "computer"), 2, n)   # form constraint
    barriers = _picks(rng, BARRIERS, 2, n)
    yn = ('"no"', '"yes"')
    answers = []
    L = [x.tolist() for x in (done, fibre, adsl, other_fixed, mobile_bb, internet, computer, has_name, has_phone,
                              isp, plan, cost.astype("int64"), satisfaction, hamlet_no)]
    prefix = b["hamlet_prefix"]
    sizes_l = sizes.tolist()
    for i, (ok, fb, ad, cb, mb, net, pc, hn, hp, k, pl, co, sat, ham) in enumerate(zip(*L)):
        if not ok:
            answers.append('{"consent": "no"}' if consent[i] == "no" else "{}")
            continue
        parts = ['"consent": "yes"' if consent[i] else '"consent": null', f'"hamlet": "{prefix[i]}{ham}"', '"hh_phone": "yes"',
                 f'"hh_size": {sizes_l[i]}', f'"hh_computer": {yn[pc]}', f'"internet_at_home": {yn[net]}',
                 f'"devices": "{devices[i] if pc else no_pc_devices[i]}"']
        if net:
            conn = " ".join(c for c, f in (("fibre", fb), ("adsl", ad), ("cable", cb and not ad),
                                           ("mobile_broadband", mb)) if f)
            parts += [f'"conn_types": "{conn}"', f'"satisfaction": "{sat}"']
            if fb or cb:   # provider and plan are asked about fixed connections only
                parts += [f'"isp": "{ISPS[k]}"', f'"plan_mbps": {pl}', f'"monthly_cost_vnd": {co}']
        else:
            parts.append(f'"barriers": "{barriers[i]}"')
        if hn:
            parts.append(f'"respondent_name": "{resp[i]}"')
        if hp:
            parts.append(f'"phone": "{tel[i]}"')
        answers.append("{" + ", ".join(parts) + "}")
    fixed_list = (fibre | other_fixed).astype(int).tolist()
    d = done.tolist()
    inet = [int(x) if ok else None for x, ok in zip(internet.tolist(), d)]
    fib = [int(x) if ok else None for x, ok in zip(fibre.tolist(), d)]
    fixed = [f if (ok and net) else (0 if ok else None) for f, ok, net in zip(fixed_list, d, internet.tolist())]
    has_inet = (fibre | other_fixed).tolist()   # isp, plan and cost exist for fixed connections only
    isp_col = [ISPS[k] if h else None for k, h in zip(isp.tolist(), has_inet)]
    plan_col = [float(p) if h else None for p, h in zip(plan.tolist(), has_inet)]
    cost_col = [float(c) if h else None for c, h in zip(cost.tolist(), has_inet)]
    hamlet = [b["hamlet_prefix"][i] + str(h) if ok else None for i, (h, ok) in enumerate(zip(hamlet_no.tolist(), d))]
    rows = list(zip(
        ids, b["created"], b["created"], b["device"], b["surveyor"], b["app_version"], b["one"], b["pending"],
        b["session_id"], b["unit_code"], b["code_set"], b["form_id"], b["form_version"], status,
        [c or None for c in consent], hamlet, nullable(resp, ~(has_name & done)), nullable(tel, ~(has_phone & done)),
        b["created"], b["ended"], b["duration"], answers, inet, fixed, fib, isp_col, plan_col, cost_col,
        [int(s) if ok else None for s, ok in zip(sizes.tolist(), d)],
        b["lat"], b["lon"], b["pos_source"], b["accuracy"], b["pos_at"]))
    members = _members(rng, b, ids, sizes, cls, internet, member_ids_fn)
    return rows, members


def _members(rng, b, hh_ids, sizes, cls, internet, member_ids_fn):
    m = int(sizes.sum())
    if m == 0:
        return []
    hh = np.repeat(np.arange(len(hh_ids)), sizes)
    starts = np.repeat(np.cumsum(sizes) - sizes, sizes)
    pos = np.arange(m) - starts + 1
    age = np.where(pos == 1, rng.integers(25, 82, m),
                   np.where(pos == 2, rng.integers(20, 80, m), rng.integers(0, 90, m)))
    female = rng.random(m) < 0.5
    female = np.where(pos == 2, ~np.roll(female, 1), female)
    asked = age >= 5          # the form asks ICT questions from age 5 and the e-government ones from 14
    adult = age >= 15
    elder = age >= 60
    mcls = cls[hh]
    p_inet = np.where(~adult, 0.75, np.where(elder, np.array([0.52, 0.40, 0.28])[mcls],
                                             np.array([0.94, 0.89, 0.76])[mcls]))
    p_inet = p_inet * np.where(internet[hh], 1.0, 0.8)
    uses = asked & (rng.random(m) < p_inet)
    owns = asked & (rng.random(m) < np.where(adult, 0.93, 0.30))
    uses_mobile = owns | (asked & (rng.random(m) < 0.5))
    comp = asked & (rng.random(m) < np.where(adult & ~elder, 0.45 - 0.1 * mcls, 0.15))
    vneid = (age >= 14) & (rng.random(m) < 0.80)
    gov = age >= 14
    sig = gov & (rng.random(m) < np.where(age >= 18, 0.18, 0.02))
    ops = gov & uses & (rng.random(m) < np.where(age >= 18, 0.55, 0.2))
    hues = (age >= 14) & uses & (rng.random(m) < 0.45)
    has_name = rng.random(m) < 0.5
    nm = names(rng, m, female)
    locs, skills, reasons = _picks(rng, LOCATIONS, 2, m), _picks(rng, SKILLS, 3, m), _picks(rng, REASONS, 2, m)
    freq = [FREQ[k] for k in rng.choice(3, size=m, p=[0.82, 0.12, 0.06]).tolist()]
    yn = ('"no"', '"yes"')
    answers = []
    L = [x.tolist() for x in (asked, uses, owns, uses_mobile, comp, vneid, sig, ops, hues, age, female, has_name)]
    for i, (ak, us, ow, um, co, vn, sg, op, hs, ag, fe, hn) in enumerate(zip(*L)):
        parts = ['"sex": "female"' if fe else '"sex": "male"', f'"age": {ag}']
        if hn:
            parts.append(f'"name": "{nm[i]}"')
        if ak:
            parts += [f'"uses_computer": {yn[co]}', f'"uses_internet": {yn[us]}', f'"uses_mobile": {yn[um]}',
                      f'"owns_mobile": {yn[ow]}']
            if us:
                parts += [f'"use_locations": "{locs[i]}"', f'"use_frequency": "{freq[i]}"']
            else:
                parts.append(f'"reasons_not_using": "{reasons[i]}"')
            if us or co:
                parts.append(f'"skills": "{skills[i]}"')
        if ag >= 14:
            parts += [f'"vneid_level2": {yn[vn]}', f'"digital_signature": {yn[sg]}',
                      f'"online_public_services": {yn[op]}', f'"hue_s": {yn[hs]}']
        answers.append("{" + ", ".join(parts) + "}")
    ag_l, f_l = age.tolist(), female.tolist()

    def col(flags, min_age):
        return [(int(f) if g >= min_age else None) for f, g in zip(flags.tolist(), ag_l)]

    hh_l = hh.tolist()
    created = b["created"]
    rep = [created[h] for h in hh_l]
    sv = [b["surveyor"][h] for h in hh_l]
    ids = member_ids_fn(m)
    return list(zip(
        ids, rep, rep, b["device"], sv, b["app_version"], b["one"], b["pending"], [hh_ids[h] for h in hh_l],
        pos.tolist(), nullable(nm, ~has_name), ["female" if f else "male" for f in f_l], ag_l, answers,
        col(uses, 5), col(owns, 5), col(comp, 5), col(vneid, 14), col(sig, 14), col(ops, 14), col(hues, 14)))


def household_times(rng, sess_start, sess_dur, counts):
    """Start/end (epoch ms) and duration (s) of each household, spread through its session's day."""
    n = int(counts.sum())
    s = np.repeat(np.arange(len(counts)), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    rank = np.arange(n) - first
    slot = (sess_dur[s] - 30 * 60_000) / np.maximum(counts[s], 1)
    start = sess_start[s] + 15 * 60_000 + rank * slot + rng.random(n) * slot * 0.3
    dur = np.exp(rng.normal(np.log(14 * 60), 0.35, n))
    short = rng.random(n) < 0.004
    dur = np.round(np.where(short, rng.uniform(60, 240, n), dur), 1)
    start = start.astype("int64")
    return s, start, start + (dur * 1000).astype("int64"), dur
