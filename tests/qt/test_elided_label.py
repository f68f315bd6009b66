"""ElidedLabel keeps the whole text apart from what it paints: both must follow setText and clear()."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from survey_app.qt.widgets.elided_label import ELLIPSIS, ElidedLabel


def test_clear_empties_the_whole_text_and_what_is_shown(qtbot):
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText("Đã lưu nháp lúc 02:36:50")
    label.clear()                      # QLabel.clear() is C++: without the override text() kept the old text
    assert label.text() == "" and QLabel.text(label) == "" and label.toolTip() == ""


def test_long_text_is_cut_to_the_width_and_kept_whole(qtbot):
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.resize(80, 20)
    whole = "Phiên khảo sát đang mở tại phường Thuận Hóa, đội 3"
    label.setText(whole)
    shown = QLabel.text(label)
    assert label.text() == whole and label.toolTip() == whole
    assert shown.endswith(ELLIPSIS) and len(shown) < len(whole)
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
