"""Two taps that declare where a speed test is taken (QCVN 81:2019's indoor / outdoor fixed / outdoor moving) and
how the laptop is carried (FCC BDC: in a vehicle, with or without an external antenna)."""
from __future__ import annotations

from survey_app.qt.qt import QButtonGroup, QGridLayout, QLabel, QPushButton, QWidget, Signal

from survey_app.evidence.conditions import ENVIRONMENTS, PLACEMENTS, Conditions


class ConditionsPanel(QWidget):
    """Two rows of exclusive buttons; `changed` carries the new Conditions."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        env_names = {"indoor": self.tr("Indoor"), "outdoor_fixed": self.tr("Outdoor, fixed"),
                     "outdoor_moving": self.tr("Outdoor, moving")}
        place_names = {"handheld": self.tr("Handheld"), "vehicle": self.tr("In a vehicle"),
                       "vehicle_external_antenna": self.tr("Vehicle, external antenna")}
        self.environment_label = QLabel(self.tr("Where:"))
        self.placement_label = QLabel(self.tr("Carried:"))
        grid.addWidget(self.environment_label, 0, 0)
        grid.addWidget(self.placement_label, 1, 0)
        self.environment_buttons = self._row(grid, 0, ENVIRONMENTS, env_names)
        self.placement_buttons = self._row(grid, 1, PLACEMENTS, place_names)
        grid.setColumnStretch(len(ENVIRONMENTS) + 1, 1)

    def _row(self, grid: QGridLayout, row: int, keys: tuple[str, ...], names: dict[str, str]) -> QButtonGroup:
        group = QButtonGroup(self)
        group.setExclusive(True)
        for col, key in enumerate(keys, start=1):
            button = QPushButton(names[key])
            button.setCheckable(True)
            button.setProperty("choice", key)
            group.addButton(button)
            grid.addWidget(button, row, col)
        group.buttonClicked.connect(self._on_group_button_clicked)
        return group

    def _on_group_button_clicked(self, _button) -> None:
        self.changed.emit(self.conditions())

    @staticmethod
    def _choice(group: QButtonGroup) -> str | None:
        button = group.checkedButton()
        return button.property("choice") if button is not None else None

    def conditions(self) -> Conditions:
        """What the two rows say now."""
        return Conditions.from_choice(self._choice(self.environment_buttons), self._choice(self.placement_buttons))

    def set_conditions(self, conditions: Conditions) -> None:
        """Show remembered conditions (nothing pressed for what was not declared)."""
        for group, key in ((self.environment_buttons, conditions.environment),
                           (self.placement_buttons, conditions.placement)):
            for button in group.buttons():
                if button.property("choice") == key:
                    button.setChecked(True)
