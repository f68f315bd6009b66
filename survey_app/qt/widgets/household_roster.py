"""A repeat (the member roster) as a list of boxes with add, remove and reorder buttons."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from survey_app.forms.engine import FormState


class HouseholdRoster(QWidget):
    """Instances of one repeat; `populate(layout, k)` fills the box of instance k with its questions."""

    add_requested = Signal()
    remove_requested = Signal(int)
    move_requested = Signal(int, int)

    def __init__(self, state: FormState, field: dict, populate: Callable[[QVBoxLayout, int], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.field, self.name, self.populate = state, field, field["name"], populate
        self.editable = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout.addWidget(self.title)
        self.boxes_layout = QVBoxLayout()
        layout.addLayout(self.boxes_layout)
        self.add_button = QPushButton(self.tr("&Add member"))
        self.add_button.setToolTip(self.tr("Add a member to the roster (Ctrl+Shift+M)"))
        self.add_button.clicked.connect(self.add_requested.emit)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.boxes: list[QGroupBox] = []
        self.rebuild()

    def rebuild(self) -> None:
        """Recreate the instance boxes (after an add, remove or move)."""
        for box in self.boxes:
            self.boxes_layout.removeWidget(box)
            box.deleteLater()
        self.boxes = []
        n = self.state.count(self.name)
        for k in range(n):
            box = QGroupBox()
            v = QVBoxLayout(box)
            row = QHBoxLayout()
            row.addStretch(1)
            up = QPushButton(self.tr("Move up"))
            down = QPushButton(self.tr("Move down"))
            remove = QPushButton(self.tr("Remove"))
            up.setObjectName(f"up_{k}")
            down.setObjectName(f"down_{k}")
            remove.setObjectName(f"remove_{k}")
            up.setEnabled(self.editable and k > 0)
            down.setEnabled(self.editable and k < n - 1)
            remove.setEnabled(self.editable)
            up.clicked.connect(lambda _c=False, k=k: self.move_requested.emit(k, k - 1))
            down.clicked.connect(lambda _c=False, k=k: self.move_requested.emit(k, k + 1))
            remove.clicked.connect(lambda _c=False, k=k: self.remove_requested.emit(k))
            for b in (up, down, remove):
                row.addWidget(b)
            v.addLayout(row)
            self.populate(v, k)
            self.boxes_layout.addWidget(box)
            box.show()   # a child added to a visible parent is otherwise shown only after the event loop runs
            self.boxes.append(box)
        self.refresh()

    def refresh(self) -> None:
        """Titles and visibility from the state."""
        self.title.setText(self.state.label(self.name) + f" ({self.state.count(self.name)})")
        for k, box in enumerate(self.boxes):
            name = self.state.value("name", k) if "name" in self.state.index else None
            box.setTitle(self.tr("Member {n}").format(n=k + 1) + (f": {name}" if name else ""))
        self.setVisible(self.state.relevant(self.name))
        self.add_button.setEnabled(self.editable)

    def set_editable(self, editable: bool) -> None:
        """Lock or unlock add/remove/reorder."""
        self.editable = editable
        self.rebuild()
