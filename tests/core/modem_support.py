"""Helpers shared by the modem and evidence tests."""
from __future__ import annotations

import threading
import time

import pytest


def wait_until(condition, timeout: float = 30.0) -> None:
    """Wait for a condition (a device has seen enough commands, a test is under way), never a fixed sleep."""
    pause = threading.Event()
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        pause.wait(0.05)


def expect_values(got: dict, expected: dict, where: str = "") -> None:
    """Each expected value; lists of cells hold the same number of cells, each with the listed values."""
    for key, want in expected.items():
        if isinstance(want, list):
            assert len(got.get(key) or []) == len(want), where + key
            for i, (g, w) in enumerate(zip(got[key], want)):
                expect_values(g, w, f"{where}{key}[{i}].")
        elif isinstance(want, float) or (isinstance(want, int) and not isinstance(want, bool)
                                         and key.endswith(("_db", "_dbm"))):
            assert got.get(key) == pytest.approx(want, abs=0.01), where + key
        else:
            assert got.get(key) == want, where + key
