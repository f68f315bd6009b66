"""Plausible synthetic values for demo data: ids, times, names, signal, speeds (vectorised with numpy)."""
from __future__ import annotations

import numpy as np

# Mountain communes (A Lưới, Nam Đông, Khe Tre, Long Quảng, Bình Điền): weaker coverage, 2G/3G still common.
MOUNTAIN_CODES = frozenset({"20056", "20044", "20071", "20101", "20050", "20182", "20179", "20161", "20035"})

# (name, MNC, share of subscribers); MCC is 452 for all.
OPERATORS = (("Viettel", "04", 0.50), ("VinaPhone", "02", 0.28), ("MobiFone", "01", 0.22))
NR_BANDS = {"Viettel": "n41", "VinaPhone": "n78", "MobiFone": "n77"}
TECHS = ("LTE", "NR-NSA", "NR-SA", "UMTS", "GSM")
TECH_SHARES = {  # by area class
    "ward": (0.76, 0.15, 0.06, 0.02, 0.01),
    "commune": (0.90, 0.05, 0.01, 0.03, 0.01),
    "mountain": (0.80, 0.01, 0.00, 0.11, 0.08),
}
RSRP_MEAN = {"ward": -88.0, "commune": -95.0, "mountain": -104.0}

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Tôn Nữ", "Hà", "Trương")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Quang", "Thanh", "Xuân", "Kim")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam",
         "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến", "Khánh", "Nhung", "Phương")


def area_class(code: str, kind: str) -> str:
    """'ward', 'commune' or 'mountain' (drives the demo distributions)."""
    if code in MOUNTAIN_CODES:
        return "mountain"
    return "ward" if kind == "ward" else "commune"


def uuids(rng: np.random.Generator, n: int, first: int, salt: bytes) -> list[str]:
    """`n` time-ordered UUIDs (version 7 layout): sequential 48-bit prefix from `first`, random tail.

    Sequential prefixes make the bulk load append to the primary-key B-tree instead of splitting pages
    all over it; the random tail (salted with the device id) keeps ids unique across laptops.
    """
    if n == 0:
        return []
    arr = np.empty((n, 16), dtype=np.uint8)
    ts = np.arange(first, first + n, dtype=np.uint64)
    for i in range(6):
        arr[:, i] = ((ts >> np.uint64(8 * (5 - i))) & np.uint64(0xFF)).astype(np.uint8)
    arr[:, 6:] = rng.integers(0, 256, size=(n, 10), dtype=np.uint8)
    arr[:, 6:] ^= np.frombuffer(salt[:10].ljust(10, b"\0"), dtype=np.uint8)
    arr[:, 6] = (arr[:, 6] & 0x0F) | 0x70
    arr[:, 8] = (arr[:, 8] & 0x3F) | 0x80
    h = arr.tobytes().hex()
    return [f"{h[i:i + 8]}-{h[i + 8:i + 12]}-{h[i + 12:i + 16]}-{h[i + 16:i + 20]}-{h[i + 20:i + 32]}"
            for i in range(0, 32 * n, 32)]


def iso(ms: np.ndarray) -> list[str]:
    """UTC ISO 8601 strings with milliseconds and Z from epoch milliseconds."""
    text = np.datetime_as_string(np.asarray(ms, dtype="int64").astype("datetime64[ms]"), unit="ms")
    return [t + "Z" for t in text.tolist()]


def names(rng: np.random.Generator, n: int, female: np.ndarray | None = None) -> list[str]:
    """Vietnamese-looking full names."""
    fam = rng.integers(0, len(FAMILY), n)
    mid = rng.integers(0, len(MIDDLE), n)
    giv = rng.integers(0, len(GIVEN), n)
    if female is not None:
        mid = np.where(female, 1, np.where(mid == 1, 0, mid))  # "Thị" is a women's middle name
    return [f"{FAMILY[a]} {MIDDLE[b]} {GIVEN[c]}" for a, b, c in zip(fam.tolist(), mid.tolist(), giv.tolist())]


def phones(rng: np.random.Generator, n: int) -> list[str]:
    """Vietnamese mobile numbers (10 digits starting 09/03/08/07)."""
    pre = np.array(["09", "03", "08", "07"])[rng.integers(0, 4, n)]
    num = rng.integers(0, 100_000_000, n)
    return [f"{p}{x:08d}" for p, x in zip(pre.tolist(), num.tolist())]


def clipped_normal(rng, mean, sd, lo, hi, n) -> np.ndarray:
    """Normal draws clipped to [lo, hi], rounded to 0.1."""
    return np.round(np.clip(rng.normal(mean, sd, n), lo, hi), 1)


def choice_index(rng, probs_by_row: np.ndarray) -> np.ndarray:
    """One categorical draw per row from a (n, k) matrix of row probabilities."""
    cum = np.cumsum(probs_by_row, axis=1)
    cum /= cum[:, -1:]
    u = rng.random(len(probs_by_row))[:, None]
    return (u > cum).sum(axis=1)


def nullable(values: list, mask: np.ndarray) -> list:
    """`values` with None where `mask` is true."""
    return [None if m else v for v, m in zip(values, mask.tolist())]
