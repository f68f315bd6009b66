"""Settings › Keys: the public key shown and copied, keys trusted and revoked by pressing the buttons."""
from __future__ import annotations

import json
import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from survey_app.trust.keys import Identity


def _page(qtbot, app_ctx):
    from survey_app.qt.views.settings_page import SettingsPage

    page = SettingsPage(app_ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page, page.keys_panel


def test_public_key_shown_and_copied(qtbot, app_ctx):
    page, panel = _page(qtbot, app_ctx)
    me = panel.keyring.identity.public
    assert panel.public_key.text() == me.text and panel.fingerprint_label.text() == me.fingerprint
    assert panel.device_label.text() == app_ctx.db.execute("SELECT id FROM device").fetchone()[0]
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == me.text


def test_trust_and_revoke_by_pressing_buttons(qtbot, app_ctx, home, tmp_path):
    page, panel = _page(qtbot, app_ctx)
    other = Identity.generate(str(uuid.uuid4())).public
    qtbot.keyClicks(panel.new_key, other.text[:-2] + "qq")  # mistyped
    qtbot.keyClicks(panel.new_name, "Chi Hoa")  # QTest types ASCII only
    qtbot.mouseClick(panel.trust_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 0 and "hỏng" in panel.message.text()  # Vietnamese: the key is damaged
    panel.new_key.clear()
    qtbot.keyClicks(panel.new_key, other.text)
    panel.new_role.setCurrentIndex(panel.new_role.findData("supervisor"))
    qtbot.mouseClick(panel.trust_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 1 and panel.table.item(0, 2).text() == other.fingerprint
    assert panel.table.item(0, 1).text() == "giám sát viên"
    saved = json.loads((home / "keys" / "trusted.json").read_text(encoding="utf-8"))["keys"]
    assert [(k["name"], k["role"], k["revoked_at"]) for k in saved] == [("Chi Hoa", "supervisor", None)]
    page.grab().save(str(tmp_path / "keys-vi.png"))
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)
    saved = json.loads((home / "keys" / "trusted.json").read_text(encoding="utf-8"))["keys"]
    assert saved[0]["revoked_at"] and "thu hồi" in panel.table.item(0, 3).text()
    qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)  # already revoked: a message, no crash
    assert "survey-app keys list" in panel.message.text()
