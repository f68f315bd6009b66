"""Record ids are made in order (UUID version 8, contract/SYNC.md "Record ids"); old random ones stay valid."""
from __future__ import annotations

import threading
import uuid

from survey_app import clock
from survey_app.trust.limits import all_uuids, is_uuid


def test_ids_are_version_7_and_sort_in_the_order_they_were_made():
    ids = [clock.new_id() for _ in range(20000)]  # several per millisecond: the sequence keeps them in order
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    parsed = uuid.UUID(ids[-1])
    assert parsed.version == 8 and parsed.variant == uuid.RFC_4122 and str(parsed) == ids[-1]
    ms = (parsed.int >> 96) | (parsed.int >> 80 & 0xFFFF) << 32
    assert abs(ms - clock._time.time_ns() // 1_000_000) < 60_000  # its first 48 bits: now, in ms
    assert all_uuids(ids) and is_uuid(str(uuid.uuid4()))  # both kinds pass the receiver's and bundles' checks


def test_ids_never_go_back_when_the_clock_does(monkeypatch):
    monkeypatch.setattr(clock, "_last", [0, 0])
    now = [clock._time.time_ns()]
    monkeypatch.setattr(clock._time, "time_ns", lambda: now[0])
    first = clock.new_id()
    now[0] -= 3_600 * 10 ** 9  # the laptop's clock set back an hour
    later = [clock.new_id() for _ in range(5000)]  # more than one millisecond's sequence
    assert [first] + later == sorted([first] + later) and len(set(later)) == 5000


def test_short_ids_of_ids_made_a_millisecond_apart_differ(monkeypatch):
    """The 8-character prefixes the CLI shows and accepts (get_session) tell ids of different moments apart."""
    monkeypatch.setattr(clock, "_last", [0, 0])  # this process's later ids do not continue from a faked clock
    now = [clock._time.time_ns() + 86_400 * 10 ** 9]
    monkeypatch.setattr(clock._time, "time_ns", lambda: now[0])
    shorts = set()
    for _ in range(1000):
        now[0] += 10 ** 6
        shorts.add(clock.new_id()[:8])
    assert len(shorts) == 1000


def test_threads_make_distinct_ids():
    out: list[list[str]] = [[] for _ in range(4)]

    def make(k: int) -> None:
        out[k].extend(clock.new_id() for _ in range(5000))

    threads = [threading.Thread(target=make, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [i for part in out for i in part]
    assert len(set(every)) == len(every) and all(part == sorted(part) for part in out)
