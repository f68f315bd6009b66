"""Filling a QTableWidget without freezing the window.

A column in ResizeToContents mode is measured again after every setItem, over every row: filling n rows costs
n² text measurements (500 sessions took close to a minute). `bulk_fill` measures once, after the last item.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from PySide6.QtWidgets import QHeaderView, QTableWidget


@contextmanager
def bulk_fill(table: QTableWidget) -> Iterator[QTableWidget]:
    """Within the block, items are set without re-measuring columns or repainting; both happen once at the end."""
    header = table.horizontalHeader()
    fitted = [i for i in range(header.count()) if header.sectionResizeMode(i) == QHeaderView.ResizeToContents]
    table.setUpdatesEnabled(False)
    for i in fitted:
        header.setSectionResizeMode(i, QHeaderView.Interactive)
    try:
        yield table
    finally:
        for i in fitted:
            header.setSectionResizeMode(i, QHeaderView.ResizeToContents)
        table.setUpdatesEnabled(True)
