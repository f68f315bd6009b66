"""A position typed in by hand (checked to lie in Huế) or the current unit's inside point."""
from __future__ import annotations

from survey_app.qt.qt import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                              QWidget)

from survey_app.models.base import Position

# Huế City's extent (reference README): positions outside it are refused.
HUE_LON = (107.03, 108.21)
HUE_LAT = (15.99, 16.74)


def parse_coordinate(text: str) -> float | None:
    """'16,4637' or '16.4637' -> 16.4637; None when it is not a number."""
    t = (text or "").strip().replace(" ", "").replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


class PositionDialog(QDialog):
    """Enter latitude/longitude or take the session unit's inside point; `position()` is the result."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._position: Position | None = None
        self.setWindowTitle(self.tr("Set the position by hand"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Latitude and longitude in decimal degrees (WGS84), inside Huế.")))
        form = QFormLayout()
        self.lat_edit = QLineEdit()
        self.lat_edit.setPlaceholderText("16,4637")
        self.lon_edit = QLineEdit()
        self.lon_edit.setPlaceholderText("107,5909")
        form.addRow(self.tr("Latitude:"), self.lat_edit)
        form.addRow(self.tr("Longitude:"), self.lon_edit)
        layout.addLayout(form)
        self.unit_button = QPushButton(self.tr("Use the unit's inside point"))
        self.unit_button.clicked.connect(self._on_unit_clicked)
        layout.addWidget(self.unit_button)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        session = getattr(ctx, "current_session", None)
        self.unit_button.setEnabled(session is not None)
        if ctx.position is not None:
            self.lat_edit.setText(f"{ctx.position.lat:.6f}")
            self.lon_edit.setText(f"{ctx.position.lon:.6f}")

    def position(self) -> Position | None:
        """The accepted position (source 'manual'), or None if cancelled."""
        return self._position

    def validate(self) -> Position | None:
        """The typed position, or None with the reason shown in the dialog."""
        lat, lon = parse_coordinate(self.lat_edit.text()), parse_coordinate(self.lon_edit.text())
        if lat is None or lon is None:
            self.error.setText(self.tr("Enter both numbers, e.g. 16,4637 and 107,5909."))
            return None
        if not (HUE_LAT[0] <= lat <= HUE_LAT[1] and HUE_LON[0] <= lon <= HUE_LON[1]):
            self.error.setText(self.tr("{lat}, {lon} is outside Huế (latitude {a}–{b}, longitude {c}–{d}). "
                                       "Did you swap latitude and longitude?").format(
                lat=lat, lon=lon, a=HUE_LAT[0], b=HUE_LAT[1], c=HUE_LON[0], d=HUE_LON[1]))
            return None
        from survey_app.devices.gps import manual_position

        self.error.clear()
        return manual_position(round(lat, 7), round(lon, 7))

    def _on_ok_clicked(self) -> None:
        pos = self.validate()
        if pos is not None:
            self._position = pos
            self.accept()

    def _on_unit_clicked(self) -> None:
        from survey_app.storage.units import get_unit

        session = self.ctx.current_session
        if session is None:
            return
        unit = get_unit(self.ctx.db, session.unit_code)
        self.lat_edit.setText(f"{unit.inside_lat:.6f}")
        self.lon_edit.setText(f"{unit.inside_lon:.6f}")
        self._on_ok_clicked()

    @classmethod
    def ask(cls, ctx, parent: QWidget | None = None, *, apply: bool = True) -> Position | None:
        """Show the dialog; on OK return the position (and, with `apply`, make it the app's current position)."""
        dlg = cls(ctx, parent)
        if dlg.exec() != QDialog.Accepted:
            return None
        pos = dlg.position()
        if apply and pos is not None:
            ctx.set_position(pos)
        return pos
