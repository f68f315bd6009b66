"""Repeat (roster) operations of FormState: add, remove and reorder instances."""
from __future__ import annotations

import uuid


class RepeatOps:
    """Mixed into FormState; instance indices move, so invalid text is re-keyed and everything re-evaluated."""

    def count(self, repeat: str) -> int:
        """How many instances a repeat has."""
        return len(self.instances[repeat])

    def add_instance(self, repeat: str) -> int:
        """Add an instance at the end (with defaults); returns its index."""
        rows = self.instances[repeat]
        rows.append({"_id": str(uuid.uuid4())})
        k = len(rows) - 1
        for i in self.repeat_fields.get(repeat, []):
            self._apply_default(i, k)
        self._restructure(repeat)
        return k

    def remove_instance(self, repeat: str, k: int) -> None:
        """Delete one instance."""
        del self.instances[repeat][k]
        self._restructure(repeat, removed=k)

    def move_instance(self, repeat: str, k: int, to: int) -> None:
        """Move instance k to position `to`."""
        rows = self.instances[repeat]
        to = max(0, min(to, len(rows) - 1))
        order = list(range(len(rows)))
        order.insert(to, order.pop(k))
        self._restructure(repeat, order=order)

    def _restructure(self, repeat: str, removed: int | None = None, order: list[int] | None = None) -> None:
        # instance indices moved: re-key invalid text, then recompute everything (positions, counts)
        fields = set(self.repeat_fields.get(repeat, []))
        if order is not None:
            self.instances[repeat][:] = [self.instances[repeat][o] for o in order]
            back = {old: new for new, old in enumerate(order)}
        moved = {}
        for (i, k), text in list(self.invalid.items()):
            if i in fields and k is not None:
                del self.invalid[(i, k)]
                if removed is not None:
                    if k == removed:
                        continue
                    k = k - 1 if k > removed else k
                elif order is not None:
                    k = back[k]
                moved[(i, k)] = text
        self.invalid.update(moved)
        self.evaluate_all()
