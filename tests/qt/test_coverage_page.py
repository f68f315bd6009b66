"""The Coverage page: find gaps, assign the ticked ones as a bundle, targets with distance and direction, checked
off when new speed tests arrive; a bad bundle is explained."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from coverage_support import demo  # noqa: E402


@pytest.fixture
def page(app_ctx, qtbot):
    from survey_app.qt.views.coverage_page import CoveragePage

    demo(app_ctx.db, readings=1500, tests=900, households=150)
    p = CoveragePage(app_ctx)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    p.on_shown()
    yield p
    p.shutdown()


def test_gaps_to_assignment_to_targets_checked_off(page, qtbot, app_ctx, tmp_path):
    from survey_app.clock import utc_now
    from survey_app.models.base import Position
    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import new_session

    gaps = page.gaps
    gaps.unit_combo.setCurrentIndex(gaps.unit_combo.findData("19753"))
    gaps.operator_combo.setCurrentIndex(gaps.operator_combo.findData("Viettel"))
    gaps.tech_combo.setCurrentIndex(1)   # 4G (LTE)
    gaps.min_spin.setValue(2)
    with qtbot.waitSignal(gaps.gaps_found, timeout=60_000) as found:
        qtbot.mouseClick(gaps.find_button, Qt.LeftButton)
    assert found.args[0] == gaps.list.count() > 2 and page.map._targets
    for i in (0, 1):
        gaps.list.item(i).setCheckState(Qt.Checked)
    bundle = tmp_path / "assignment.zip"
    gaps.team_edit.setText("Tổ 2")
    assert gaps.assign(str(bundle)) is None and not bundle.exists()   # no team laptop trusted yet: explained
    assert "surveyor" in gaps.status.text() or "điều tra" in gaps.status.text() or "Tin" in gaps.status.text()
    from trust_support import Laptop

    team = Laptop(tmp_path / "team-laptop")
    app_ctx_keyring_trust(app_ctx, team)
    gaps.refresh_laptops()
    assert gaps.for_combo.currentData() == team.key
    aid = gaps.assign(str(bundle))
    assert aid and bundle.exists() and "2" in gaps.status.text()
    assert gaps.assign(str(bundle)) is None and "assignment.zip" in gaps.status.text()

    targets = page.targets
    targets.refresh()
    assert targets.list.count() == 2 and "không có vị trí" not in targets.summary.text()
    first = app_ctx.db.execute("SELECT targets FROM assignments WHERE id = ?", [aid]).fetchone()[0]
    import json

    t0 = json.loads(first)[0]
    app_ctx.set_position(Position(lat=t0["lat"] - 0.003, lon=t0["lon"], source="gps"))
    texts = [targets.list.item(i).text() for i in range(2)]
    assert any("m về hướng B ·" in t for t in texts), texts   # the first target lies north (Bắc) of us
    ctx = context_for(app_ctx.db, "Lan")
    s = new_session(app_ctx.db, ctx, unit_code="19753", team="Tổ 2", surveyors=["Lan"])
    for _ in range(2):
        app_ctx.db.table("speed_tests").insert(ctx.stamp({
            "session_id": s.id, "unit_code": "19753", "code_set": "VN-2025-07", "started_at": utc_now(),
            "status": "ok", "protocol": "librespeed", "operator": "Viettel", "technology": "LTE",
            "download_mbps": 30.0, "upload_mbps": 8.0, "lon": t0["lon"], "lat": t0["lat"], "position_source": "gps"}))
    with qtbot.waitSignal(targets.targets_changed, timeout=10_000, check_params_cb=lambda n: n == 1):
        app_ctx.records_changed.emit("speed_tests")
    assert sum(targets.list.item(i).text().startswith("✓") for i in range(2)) == 1
    # checked off in this laptop's own progress record (the assignment record is left as issued)
    assert app_ctx.db.execute("SELECT revision, status FROM assignment_progress WHERE assignment_id = ?",
                              [aid]).fetchall() == [(1, "open")]


def app_ctx_keyring_trust(app_ctx, laptop) -> None:
    """Trust another laptop's key as a surveyor's, as `keys trust ... --role surveyor` does."""
    from survey_app.trust.keyring import Keyring

    ring = Keyring.for_db(app_ctx.db_path, app_ctx.db)
    ring.trust.trust(laptop.key, "Tổ 2 máy 1", "surveyor", now="2026-01-05T08:00:00.000Z")
    ring.trust.save()


def test_a_bad_assignment_file_is_explained(page, qtbot, tmp_path, app_ctx):
    bad = tmp_path / "not-a-bundle.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    targets = page.targets
    targets.import_file(str(bad))
    qtbot.waitUntil(lambda: targets.import_button.isEnabled(), timeout=20_000)
    assert "not-a-bundle.zip" in targets.summary.text()
    assert app_ctx.db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 0
