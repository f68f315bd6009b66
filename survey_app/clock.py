"""The clock and record ids every layer uses: UTC timestamps as stored, Vietnam local days, new UUIDs."""
from __future__ import annotations

import os
import threading
import time as _time
from datetime import date, datetime, time, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7))


def utc_now() -> str:
    """Current UTC time, ISO 8601 with milliseconds and a Z."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


_last = [0, 0]  # the last id's (milliseconds, 12-bit sequence): ids of one process never go back
_id_lock = threading.Lock()


def new_id() -> str:
    """A new record UUID (text) made in order: UUID version 8 (RFC 9562's custom layout), contract/SYNC.md
    "Record ids".

    32 bits of Unix milliseconds modulo 2**32 first, then the 16 bits above them, the version, a 12-bit sequence
    that orders the ids made within one millisecond, the variant and 62 random bits. Ids made one after another
    sort after each other (until the 32-bit count wraps, every 49.7 days), so the indexes on them (the
    laptop's primary keys, the receiver's) grow at one place instead of rewriting pages all over. Unlike
    UUIDv7 the first 8 hex digits change every millisecond: the short ids people read and type (`id[:8]`)
    stay distinct. Older random (version 4) ids stay valid: ids are only ever compared."""
    ms = _time.time_ns() // 1_000_000
    with _id_lock:
        if ms <= _last[0]:  # same millisecond, or the clock stepped back: keep counting after the last id
            ms, seq = _last[0], _last[1] + 1
            if seq > 0xFFF:
                ms, seq = ms + 1, 0
        else:
            seq = int.from_bytes(os.urandom(2), "big") & 0x3FF  # a random start leaves room to count up
        _last[0], _last[1] = ms, seq
    tail = int.from_bytes(os.urandom(8), "big") & 0x3FFF_FFFF_FFFF_FFFF
    value = ((ms & 0xFFFF_FFFF) << 96) | ((ms >> 32 & 0xFFFF) << 80) | (0x8 << 76) | (seq << 64) | (0b10 << 62) | tail
    h = f"{value:032x}"   # str(uuid.UUID(int=value)), without importing uuid (and platform) at start-up
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def utc_bound(day: date) -> str:
    """The stored-UTC text of local midnight at the start of `day` (stored times compare as text)."""
    local = datetime.combine(day, time(0), VN_TZ)
    return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
