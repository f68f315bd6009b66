"""One question of a compiled form as a widget: label with required marker, hint, input, message."""
from __future__ import annotations

from survey_app.qt.qt import (QButtonGroup, QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                              QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget, Qt, Signal)

from survey_app.forms.interview import FormState

ERROR_STYLE = "color: #b00020;"
_LOOKS: dict = {}


def _looks():
    """Shared bold font and hint/error palettes: style sheets on hundreds of widgets make opening slow."""
    if not _LOOKS:
        from survey_app.qt.qt import QColor, QFont, QPalette

        bold = QFont()
        bold.setBold(True)
        hint, error = QPalette(), QPalette()
        hint.setColor(QPalette.WindowText, QColor("#555555"))
        error.setColor(QPalette.WindowText, QColor("#b00020"))
        _LOOKS.update(bold=bold, hint=hint, error=error)
    return _LOOKS
RADIO_MAX = 5


class HouseholdField(QWidget):
    """A question bound to (name, repeat instance) of a FormState; emits what the user answers."""

    answered = Signal(str, object, object)   # name, instance, value (text as typed, choice name, list)
    left = Signal()                           # the user left the field (autosave now)
    position_requested = Signal(str, object)  # name, instance: fill a geopoint from the current position

    def __init__(self, state: FormState, field: dict, inst: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.field, self.inst = state, field, inst
        self.name, self.type = field["name"], field["type"]
        self.editable = True
        self.show_required = False   # "needs an answer" only after the field was touched or finalize was tried
        self._choice_names: list[str] = []
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.PlainText)
        looks = _looks()
        if self.type != "note":
            self.label.setFont(looks["bold"])
        layout.addWidget(self.label)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setPalette(looks["hint"])
        layout.addWidget(self.hint)
        self.input = self._build_input()
        if self.input is not None:
            layout.addWidget(self.input)
            self.label.setBuddy(self.focus_widget())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setPalette(looks["error"])
        self.message.setAccessibleName("error")
        layout.addWidget(self.message)
        self.show_value()
        self.refresh()

    # --- building --------------------------------------------------------------------------------------------
    def _build_input(self) -> QWidget | None:
        t = self.type
        if t == "note":
            return None
        if t in ("text", "integer", "decimal", "date"):
            if t == "text" and "multiline" in (self.field.get("appearance") or ""):
                self.edit = QPlainTextEdit()
                self.edit.setTabChangesFocus(True)
                self.edit.setFixedHeight(70)
                self.edit.textChanged.connect(lambda: self._emit(self.edit.toPlainText()))
                return self.edit
            self.edit = QLineEdit()
            if t == "date":
                self.edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
            if t in ("integer", "decimal"):
                self.edit.setMaximumWidth(220)
                self.edit.setInputMethodHints(Qt.ImhFormattedNumbersOnly)
            self.edit.textEdited.connect(self._emit)
            self.edit.editingFinished.connect(self.left.emit)
            return self.edit
        if t == "geopoint":
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            self.edit = QLineEdit()
            self.edit.setPlaceholderText(self.tr("latitude longitude, e.g. 16.4637 107.5909"))
            self.edit.textEdited.connect(self._emit)
            self.edit.editingFinished.connect(self.left.emit)
            self.gps_button = QPushButton(self.tr("Use current position"))
            self.gps_button.clicked.connect(lambda: self.position_requested.emit(self.name, self.inst))
            row.addWidget(self.edit, 1)
            row.addWidget(self.gps_button)
            return box
        return self._choice_input(t)

    def _choice_input(self, t: str) -> QWidget | None:
        """Radio buttons for a short single choice, a combo box for a long one, check boxes for several."""
        if t == "select_one" and not self.field.get("choice_filter") and \
                len(self.state.choices(self.name, self.inst)) <= RADIO_MAX and \
                "minimal" not in (self.field.get("appearance") or ""):
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            self.group = QButtonGroup(box)
            self.radios: list[QRadioButton] = []
            for k, c in enumerate(self.state.choices(self.name, self.inst)):
                rb = QRadioButton(self.state.choice_label(c))
                rb.setProperty("choice", c["name"])
                self.group.addButton(rb, k)
                self.radios.append(rb)
                row.addWidget(rb)
            row.addStretch(1)
            self.group.buttonClicked.connect(lambda b: (self._emit(b.property("choice")), self.left.emit()))
            return box
        if t == "select_one":
            self.combo = QComboBox()
            self.combo.setMinimumWidth(260)
            self._fill_combo()
            self.combo.activated.connect(lambda _i: (self._emit(self.combo.currentData() or ""), self.left.emit()))
            return self.combo
        if t == "select_multiple":
            box = QWidget()
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            self.checks: list[QCheckBox] = []
            for k, c in enumerate(self.state.choices(self.name, self.inst)):
                cb = QCheckBox(self.state.choice_label(c))
                cb.setProperty("choice", c["name"])
                cb.toggled.connect(self._on_check_toggled)
                grid.addWidget(cb, k // 2, k % 2)
                self.checks.append(cb)
            return box
        return None

    def _fill_combo(self) -> None:
        self._filling = True
        self.combo.clear()
        self.combo.addItem("—", "")
        for c in self.state.choices(self.name, self.inst):
            self.combo.addItem(self.state.choice_label(c), c["name"])
        value = self.state.value(self.name, self.inst)
        idx = self.combo.findData(value) if value else 0
        self.combo.setCurrentIndex(max(idx, 0))
        self._choice_names = [c["name"] for c in self.state.choices(self.name, self.inst)]
        self._filling = False

    def focus_widget(self) -> QWidget:
        """The widget keyboard focus goes to."""
        if hasattr(self, "edit"):
            return self.edit
        if hasattr(self, "combo"):
            return self.combo
        if hasattr(self, "radios") and self.radios:
            return self.radios[0]
        if hasattr(self, "checks") and self.checks:
            return self.checks[0]
        return self

    # --- user input ------------------------------------------------------------------------------------------
    def _emit(self, value) -> None:
        if not self._filling:
            self.show_required = True
            self.answered.emit(self.name, self.inst, value)

    def _on_check_toggled(self, _checked: bool) -> None:
        if not self._filling:
            self._emit([cb.property("choice") for cb in self.checks if cb.isChecked()])
            self.left.emit()

    def set_answer(self, value) -> None:
        """Answer programmatically as the user would (used for GPS fill and by tests)."""
        if hasattr(self, "edit") and isinstance(self.edit, QLineEdit):
            self.edit.setText("" if value is None else str(value))
            self._emit(self.edit.text())
        elif hasattr(self, "edit"):
            self.edit.setPlainText(str(value or ""))
        elif hasattr(self, "radios"):
            for rb in self.radios:
                if rb.property("choice") == value:
                    rb.click()
        elif hasattr(self, "combo"):
            self.combo.setCurrentIndex(max(0, self.combo.findData(value)))
            self._emit(self.combo.currentData() or "")
        elif hasattr(self, "checks"):
            wanted = set(value or [])
            self._filling = True
            for cb in self.checks:
                cb.setChecked(cb.property("choice") in wanted)
            self._filling = False
            self._on_check_toggled(True)

    # --- display ---------------------------------------------------------------------------------------------
    def show_value(self) -> None:
        """Put the stored answer (or the invalid text typed) into the input."""
        self._filling = True
        value = self.state.value(self.name, self.inst)
        typed = self.state.text(self.name, self.inst)
        if hasattr(self, "edit"):
            if typed is not None:
                text = typed
            elif value is None:
                text = ""
            elif self.type == "date":
                y, m, d = str(value).split("-")
                text = f"{d}/{m}/{y}"
            elif self.type == "decimal" and self.state.lang == "vi":
                text = str(value).replace(".", ",")
            else:
                text = str(value)
            if isinstance(self.edit, QLineEdit):
                self.edit.setText(text)
            else:
                self.edit.setPlainText(text)
        elif hasattr(self, "radios"):
            for rb in self.radios:
                rb.setChecked(rb.property("choice") == value)
        elif hasattr(self, "combo"):
            self.combo.setCurrentIndex(max(0, self.combo.findData(value)) if value else 0)
        elif hasattr(self, "checks"):
            for cb in self.checks:
                cb.setChecked(cb.property("choice") in (value or []))
        self._filling = False

    def refresh(self) -> None:
        """Label, required marker, hint, message, visibility and choices from the state."""
        state = self.state
        required = self.type != "note" and state.required(self.name, self.inst)
        text = state.label(self.name, self.inst)
        self.label.setText(text + (" *" if required else ""))
        self.label.setAccessibleName(text)
        hint = state.label(self.name, self.inst, "hint")
        self.hint.setText(hint)
        _show(self.hint, bool(hint))
        error = state.error(self.name, self.inst)
        if error and not self.show_required and state.value(self.name, self.inst) is None and \
                state.text(self.name, self.inst) is None:
            error = None
        self.message.setText(error or "")
        _show(self.message, bool(error))
        if hasattr(self, "combo"):
            names = [c["name"] for c in state.choices(self.name, self.inst)]
            if names != self._choice_names:
                self._fill_combo()
        _show(self, state.relevant(self.name, self.inst))
        if self.input is not None:
            self.input.setEnabled(self.editable and not state.read_only(self.name, self.inst))

    def set_editable(self, editable: bool) -> None:
        """Lock or unlock the input (finalized interviews are locked until an edit is started)."""
        self.editable = editable
        if self.input is not None:
            self.input.setEnabled(editable and not self.state.read_only(self.name, self.inst))


def _show(widget: QWidget, visible: bool) -> None:
    """setVisible only when it changes (it is costly); remembers what was asked, not what Qt shows now."""
    if getattr(widget, "_asked_visible", None) is not visible:
        widget.setVisible(visible)
        widget._asked_visible = visible
