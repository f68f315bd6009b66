"""A repeat (the member roster) as a list of boxes with add, remove, reorder and expand/collapse buttons."""
from __future__ import annotations

from typing import Callable

from survey_app.qt.qt import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget, Qt, Signal

from survey_app.forms.interview import FormState

EXPAND_ALL_UP_TO = 5   # larger rosters open collapsed; a member's questions are built when first expanded


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
        rows = state.instances[self.name]
        self.expanded: set[str] = {r["_id"] for r in rows} if len(rows) <= EXPAND_ALL_UP_TO else set()
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
        self.boxes: list[QFrame] = []
        self.toggles: list[QToolButton] = []
        self.contents: list[QWidget] = []
        self.built: list[bool] = []
        self.rebuild()

    def rebuild(self) -> None:
        """Recreate the instance boxes (after an add, remove or move)."""
        for box in self.boxes:
            self.boxes_layout.removeWidget(box)
            box.hide()          # deleteLater waits for the event loop; until then it would still be drawn
            box.deleteLater()
        self.boxes, self.toggles, self.contents, self.built = [], [], [], []
        n = self.state.count(self.name)
        for k in range(n):
            box = QFrame(self)
            box.setFrameShape(QFrame.StyledPanel)
            v = QVBoxLayout(box)
            row = QHBoxLayout()
            toggle = QToolButton()
            toggle.setObjectName(f"toggle_{k}")
            toggle.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            toggle.setCheckable(True)
            toggle.clicked.connect(lambda checked, k=k: self.set_expanded(k, checked))
            row.addWidget(toggle)
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
            content = QWidget(box)
            QVBoxLayout(content).setContentsMargins(0, 0, 0, 0)
            v.addWidget(content)
            self.boxes_layout.addWidget(box)
            box.show()   # a child added to a visible parent is otherwise shown only after the event loop runs
            self.boxes.append(box)
            self.toggles.append(toggle)
            self.contents.append(content)
            self.built.append(False)
            self._apply_expanded(k, self._id(k) in self.expanded)
        self.refresh()

    def _id(self, k: int) -> str:
        return self.state.instances[self.name][k]["_id"]

    def is_expanded(self, k: int) -> bool:
        """Whether member k's questions are shown."""
        return self._id(k) in self.expanded

    def set_expanded(self, k: int, expanded: bool) -> None:
        """Show or hide member k's questions (built on first show)."""
        (self.expanded.add if expanded else self.expanded.discard)(self._id(k))
        self._apply_expanded(k, expanded)
        self.refresh()

    def _apply_expanded(self, k: int, expanded: bool) -> None:
        if expanded and not self.built[k]:
            self.populate(self.contents[k].layout(), k)
            self.built[k] = True
        self.contents[k].setVisible(expanded)
        self.toggles[k].setChecked(expanded)
        self.toggles[k].setArrowType(Qt.DownArrow if expanded else Qt.RightArrow)

    def refresh(self) -> None:
        """Titles and visibility from the state."""
        self.title.setText(self.state.label(self.name) + f" ({self.state.count(self.name)})")
        for k, toggle in enumerate(self.toggles):
            name = self.state.value("name", k) if "name" in self.state.index else None
            age = self.state.value("age", k) if "age" in self.state.index else None
            text = self.tr("Member {n}").format(n=k + 1) + (f": {name}" if name else "")
            if age is not None:
                text += " (" + self.tr("age {age}").format(age=age) + ")"
            toggle.setText(text)
        self.setVisible(self.state.relevant(self.name))
        self.add_button.setEnabled(self.editable)

    def set_editable(self, editable: bool) -> None:
        """Lock or unlock add/remove/reorder."""
        self.editable = editable
        self.rebuild()
