"""The Sync tab against the real receiver: Sync now, progress, states, rejected reasons, bundles, status bar."""
from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))

from sync_support import add_readings, craft, receiver_counts, set_inflated_limit  # noqa: E402


@pytest.fixture
def panel(qtbot, app_ctx, monkeypatch):
    monkeypatch.setenv("SURVEY_APP_NO_KEYRING", "1")
    from survey_app.qt.views.sync_panel import SyncPanel

    p = SyncPanel(app_ctx)
    qtbot.addWidget(p)
    p.resize(900, 700)
    p.show()
    yield p
    p.shutdown()


def test_sync_now_sends_everything_and_updates_states(qtbot, app_ctx, panel, receiver, tmp_path):
    add_readings(app_ctx.db, 120)
    panel.refresh()
    assert "122" in panel.counts_label.text()
    panel.url_edit.setText(receiver.url)
    panel.token_edit.setText(receiver.token)
    with qtbot.waitSignal(panel.sync_finished, timeout=60000) as sig:
        panel.sync_button.click()
    result = sig.args[0]
    assert result.status == "ok" and result.accepted == 122
    assert receiver_counts(receiver.db_path)["records"] == 122
    assert "Chưa đồng bộ: 0 " in panel.counts_label.text()
    assert (tmp_path / "home" / "sync_token").exists() and panel.token_edit.text() == ""
    panel.state_combo.setCurrentIndex(panel.state_combo.findData("arrived"))
    assert panel.model.rowCount() == 120  # signal_readings shown by default
    panel.grab().save(str(tmp_path / "sync_panel_vi.png"))


def test_rejected_records_show_the_reason(qtbot, app_ctx, panel, receiver):
    from PySide6.QtCore import Qt

    add_readings(app_ctx.db, 3)
    panel.url_edit.setText(receiver.url)
    panel.token_edit.setText(receiver.token)
    with qtbot.waitSignal(panel.sync_finished, timeout=60000):
        panel.sync_button.click()
    from survey_app.storage.revisions import revise

    sid = app_ctx.db.execute("SELECT id FROM sessions").fetchone()[0]
    revise(app_ctx.db, "sessions", sid, {"notes": "a"})
    with qtbot.waitSignal(panel.sync_finished, timeout=60000):
        panel.sync_button.click()
    craft(app_ctx.db, "UPDATE sessions SET revision = 1, sync_state = 'pending'")  # an older copy
    with qtbot.waitSignal(panel.sync_finished, timeout=60000) as sig:
        panel.sync_button.click()
    assert sig.args[0].status == "partial"
    panel.table_combo.setCurrentIndex(panel.table_combo.findData("sessions"))
    panel.state_combo.setCurrentIndex(panel.state_combo.findData("rejected"))
    assert panel.model.rowCount() == 1
    reason = panel.model.index(0, 5)
    assert reason.data().startswith("cũ hơn bản ở hệ thống trung tâm (ở đó là phiên bản 2)")  # not its English
    assert reason.data(Qt.ToolTipRole).startswith("stale: the central system holds revision 2")


def test_revoked_token_clears_it_and_says_so(qtbot, app_ctx, panel, receiver):
    from survey_app.central.store import CentralStore

    add_readings(app_ctx.db, 2)
    s = CentralStore(receiver.db_path)
    s.revoke_device("laptop-1")
    s.close()
    panel.url_edit.setText(receiver.url)
    panel.token_edit.setText(receiver.token)
    with qtbot.waitSignal(panel.sync_finished, timeout=60000) as sig:
        panel.sync_button.click()
    assert sig.args[0].auth_failed
    assert "token" in panel.result_label.text().lower()
    assert panel.tokens.load() == ""


def test_bundle_buttons_export_and_import(qtbot, app_ctx, panel, tmp_path):
    from survey_app.trust.keyring import Keyring
    from survey_app.trust.keys import Identity

    add_readings(app_ctx.db, 30)
    trust = Keyring.for_db(app_ctx.db_path, app_ctx.db).trust  # a supervisor to seal the bundle to
    trust.trust(Identity.generate(str(uuid.uuid4())).public.text, "Hoa", "supervisor", now="2026-01-05T08:00:00Z")
    trust.save()
    out = tmp_path / "b.bundle"
    with qtbot.waitSignal(panel.bundle_finished, timeout=60000) as sig:
        panel.export_bundle(str(out))
    assert sig.args[0]["records"] == 32 and out.exists()
    with qtbot.waitSignal(panel.bundle_finished, timeout=60000) as sig:
        panel.import_bundle(str(out))
    assert sig.args[0]["changed"] == 0
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"junk")
    with qtbot.waitSignal(panel.bundle_finished, timeout=60000) as sig:
        panel.import_bundle(str(bad))
    assert "bad.zip" in panel.result_label.text()
    assert "không phải gói dữ liệu khảo sát" in panel.result_label.text()
    assert "zip file" not in panel.result_label.text()   # not zipfile's English


def test_record_list_names_records_and_tables_instead_of_ids(qtbot, app_ctx, panel):
    add_readings(app_ctx.db, 5)
    panel.refresh()
    assert panel.table_combo.currentText() == "Số đo tín hiệu"
    assert all("_" not in panel.table_combo.itemText(i) for i in range(panel.table_combo.count()))
    texts = [panel.model.index(r, 1).data() for r in range(panel.model.rowCount())]
    assert len(texts) == 5 and all("/" in t for t in texts)   # dd/MM/yyyy …, not 019b76da
    ids = {r[0] for r in app_ctx.db.execute("SELECT id FROM signal_readings")}
    assert not any(i[:8] in t for i in ids for t in texts)


def test_english_screenshot(qtbot, app_ctx, panel, tmp_path):
    from PySide6.QtWidgets import QApplication

    from survey_app.qt.app import install_translators

    install_translators(QApplication.instance(), "en")
    from survey_app.qt.views.sync_panel import SyncPanel

    p = SyncPanel(app_ctx)
    qtbot.addWidget(p)
    p.resize(900, 700)
    p.show()
    assert p.sync_button.text() == "Sync now"
    p.grab().save(str(tmp_path / "sync_panel_en.png"))
    p.shutdown()
    install_translators(QApplication.instance(), "vi")


def test_send_rejected_again_button(qtbot, app_ctx, panel, receiver):
    from PySide6.QtCore import Qt

    from survey_app.storage.records import context_for

    add_readings(app_ctx.db, 5)
    sid = app_ctx.db.execute("SELECT id FROM sessions").fetchone()[0]
    app_ctx.db.table("signal_readings").insert(context_for(app_ctx.db, "Lan").stamp(
        {"session_id": sid, "measured_at": "2026-11-27T10:00:00.000Z", "raw": "x" * 60_000}))
    set_inflated_limit(receiver, 20_000)  # the receiver's limit is too low for one record
    panel.url_edit.setText(receiver.url)
    panel.token_edit.setText(receiver.token)
    assert not panel.retry_button.isEnabled()
    with qtbot.waitSignal(panel.sync_finished, timeout=60000) as sig:
        qtbot.mouseClick(panel.sync_button, Qt.LeftButton)
    assert sig.args[0].rejected == 1
    assert panel.retry_button.isEnabled() and "1" in panel.counts_label.text()
    panel.table_combo.setCurrentIndex(panel.table_combo.findData("signal_readings"))
    panel.state_combo.setCurrentIndex(panel.state_combo.findData("rejected"))
    reason = panel.model.index(0, 5)
    assert panel.model.rowCount() == 1 and reason.data() == "quá lớn đối với hệ thống trung tâm"  # the user's language
    assert reason.data(Qt.ToolTipRole) == "too large for the central system"  # the receiver's words, kept
    set_inflated_limit(receiver, 32 * 1024 * 1024)  # fixed at the centre
    with qtbot.waitSignal(panel.sync_finished, timeout=60000) as sig:
        qtbot.mouseClick(panel.retry_button, Qt.LeftButton)
    assert (sig.args[0].status, sig.args[0].accepted, sig.args[0].rejected) == ("ok", 1, 0)
    assert receiver_counts(receiver.db_path)["records"] == 8
    assert not panel.retry_button.isEnabled()


def test_records_of_another_installation_are_shown_as_theirs_not_waiting(qtbot, app_ctx, panel, tmp_path,
                                                                          monkeypatch):
    """A supervisor's bundle imported with the button: its records are counted as the supervisor's, never sent
    in this laptop's batches nor rejected, and listed under their own state."""
    from PySide6.QtCore import Qt
    from sync_support import Receiver
    from trust_support import Laptop

    from survey_app.qt import file_dialogs
    from survey_app.sync.bundle import export_bundle
    from survey_app.sync.upload import drive
    from survey_app.trust.keyring import Keyring

    mine = Keyring.for_db(app_ctx.db_path, app_ctx.db)
    hoa = Laptop(tmp_path / "hoa")
    try:
        mine.trust.trust(hoa.key, "Chị Hoa", "supervisor", now="2026-01-05T08:00:00Z")
        mine.trust.save()
        add_readings(hoa.db, 4, surveyor="Hoa")
        out = tmp_path / "hoa.bundle"
        drive(export_bundle(hoa.path, out, recipients=[mine.identity.public.text]))
    finally:
        hoa.close()
    add_readings(app_ctx.db, 3)
    (tmp_path / "rx").mkdir()
    receiver = Receiver(tmp_path / "rx", public_key=mine.identity.public.text)
    try:
        monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(out))
        with qtbot.waitSignal(panel.bundle_finished, timeout=60000) as sig:
            qtbot.mouseClick(panel.import_button, Qt.LeftButton)
        assert sig.args[0]["imported"] and "Chị Hoa" in panel.result_label.text()
        assert panel.counts_label.text().splitlines() == [
            "Chưa đồng bộ: 5 (trong đó bị từ chối: 0)", "Của bản cài đặt khác: 6 (chính bản cài đặt đó gửi chúng)"]
        panel.url_edit.setText(receiver.url)
        panel.token_edit.setText(receiver.token)
        with qtbot.waitSignal(panel.sync_finished, timeout=60000) as sig:
            qtbot.mouseClick(panel.sync_button, Qt.LeftButton)
        result = sig.args[0]
        assert (result.status, result.accepted, result.rejected) == ("ok", 5, 0)
        assert not panel.retry_button.isEnabled() and "Của bản cài đặt khác: 6" in panel.counts_label.text()
        panel.table_combo.setCurrentIndex(panel.table_combo.findData("signal_readings"))
        panel.state_combo.setCurrentIndex(panel.state_combo.findData("imported"))
        assert panel.model.rowCount() == 4 and panel.model.index(0, 4).data() == "của bản cài đặt khác"
        panel.grab().save(str(tmp_path / "sync_panel_imported_vi.png"))
    finally:
        receiver.stop()
