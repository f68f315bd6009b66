"""The household form in the window: refusal, skip logic, constraints, roster, autosave, finalize, edit (vi and en)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from survey_app.storage import households as store
from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session


@pytest.fixture
def page(qtbot, app_ctx):
    from survey_app.qt.views.household_page import HouseholdPage

    app_ctx.settings.surveyor = "Lan"
    unit = app_ctx.db.execute("SELECT code FROM units LIMIT 1").fetchone()[0]
    session = new_session(app_ctx.db, context_for(app_ctx.db, "Lan"), unit_code=unit, team="T1", surveyors=["Lan"])
    app_ctx.set_session(session)
    p = HouseholdPage(app_ctx)
    qtbot.addWidget(p)
    p.resize(1000, 900)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is p, timeout=5000)   # keyboard focus needs it
    yield p
    p.shutdown()


def type_text(widget, text: str) -> None:
    """Type like a keyboard, Vietnamese letters included (QTest's keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def _w(view, name, inst=None):
    return view.widgets[(name, inst)]


def _fill_household(view, members=(("45", "yes"), ("9", "no"))):
    for name, value in [("consent", "yes"), ("hamlet", "Tổ dân phố 5"), ("hh_size", str(len(members))),
                        ("hh_phone", "yes"), ("hh_computer", "yes"), ("internet_at_home", "yes"),
                        ("conn_types", ["fibre"]), ("isp", "vnpt"), ("plan_mbps", "300"),
                        ("monthly_cost_vnd", "195000")]:
        _w(view, name).set_answer(value)
    for age, internet in members:
        k = view.add_member()
        for name, value in [("sex", "female"), ("age", age), ("uses_computer", "yes"), ("uses_internet", internet),
                            ("uses_mobile", "yes"), ("owns_mobile", "yes")]:
            _w(view, name, k).set_answer(value)
        if internet == "yes":
            _w(view, "use_locations", k).set_answer(["home"])
            _w(view, "use_frequency", k).set_answer("daily")
        else:
            _w(view, "reasons_not_using", k).set_answer(["no_skills"])
        if int(age) >= 14:
            for name in ("vneid_level2", "digital_signature", "online_public_services", "hue_s"):
                _w(view, name, k).set_answer("yes")


def test_refusal_ends_and_is_recorded(qtbot, page):
    view = page.new_interview()
    assert view.state.lang == "vi"
    qtbot.mouseClick(_w(view, "consent").radios[1], Qt.LeftButton)   # "Không"
    assert not _w(view, "hamlet").isVisible() and _w(view, "refused_note").isVisible()
    assert not view.rosters["members"].isVisible()
    assert view.finalize_button.text() == "Kết thúc (&từ chối)"
    assert view.finalize()
    row = store.get_interview(page.ctx.db, view.household_id)
    assert row["status"] == "refused" and row["consent"] == "no" and row["ended_at"]
    view.back_button.click()
    assert page.table.item(0, 0).text() == "Từ chối"


def test_skip_logic_and_constraints_in_english(qtbot, page):
    view = page.new_interview()
    view.lang_combo.setCurrentIndex(view.lang_combo.findData("en"))
    assert view.state.lang == "en" and _w(view, "consent").radios[0].text() == "Yes"
    _w(view, "consent").set_answer("yes")
    _w(view, "internet_at_home").set_answer("no")
    assert _w(view, "barriers").isVisible() and not _w(view, "conn_types").isVisible()
    _w(view, "internet_at_home").set_answer("yes")
    assert not _w(view, "barriers").isVisible() and _w(view, "conn_types").isVisible()
    assert not _w(view, "isp").isVisible()
    _w(view, "conn_types").checks[0].click()                           # fibre: fixed broadband questions appear
    assert _w(view, "isp").isVisible() and _w(view, "plan_mbps").isVisible()
    k = view.add_member()
    age = _w(view, "age", k)
    age.edit.setFocus()
    qtbot.keyClicks(age.edit, "130")
    assert age.message.isVisible() and age.message.text() == "Age is between 0 and 120."
    assert not view.finalize()
    assert "còn thiếu hoặc không hợp lệ" in view.summary.text()   # window in Vietnamese, form in English
    assert store.get_interview(page.ctx.db, view.household_id)["status"] == "draft"
    age.edit.clear()
    qtbot.keyClicks(age.edit, "12a")
    assert age.message.text() == "Enter a whole number."
    age.edit.clear()
    qtbot.keyClicks(age.edit, "12")
    assert not age.message.isVisible()
    assert not _w(view, "vneid_level2", k).isVisible() and _w(view, "uses_internet", k).isVisible()
    assert not _w(view, "use_frequency", k).isVisible()


def test_constraint_message_in_vietnamese_and_finalize(qtbot, page):
    view = page.new_interview()
    _fill_household(view)
    age = _w(view, "age", 0)
    age.edit.clear()
    qtbot.keyClicks(age.edit, "121")
    assert age.message.text() == "Tuổi từ 0 đến 120."
    assert not view.finalize()
    age.edit.clear()
    qtbot.keyClicks(age.edit, "45")
    assert view.state.errors() == []
    assert view.finalize()
    row = store.get_interview(page.ctx.db, view.household_id)
    assert row["status"] == "finalized" and row["fibre"] == 1 and row["member_count"] == 2
    assert not _w(view, "hamlet").edit.isEnabled()


def test_roster_add_remove_reorder_with_keyboard(qtbot, page):
    view = page.new_interview()
    _w(view, "consent").set_answer("yes")
    for age in ("30", "60", "5"):
        qtbot.keyClick(view, Qt.Key_M, Qt.ControlModifier | Qt.ShiftModifier)
        k = view.state.count("members") - 1
        assert QApplication.focusWidget() is _w(view, "name", k).edit     # cursor lands in the new member
        qtbot.keyClicks(QApplication.focusWidget(), f"P{age}")
        _w(view, "age", k).set_answer(age)
    assert [view.state.value("age", k) for k in range(3)] == [30, 60, 5]
    view.rosters["members"].boxes[2].findChild(type(view.back_button), "up_2").click()
    assert [view.state.value("age", k) for k in range(3)] == [30, 5, 60]
    assert _w(view, "name", 1).edit.text() == "P5"
    view.rosters["members"].boxes[0].findChild(type(view.back_button), "remove_0").click()
    assert [view.state.value("age", k) for k in range(2)] == [5, 60]
    assert view.state.value("member_count") == 2
    rows = page.ctx.db.execute("SELECT position, name, age FROM members WHERE household_id = ? ORDER BY position",
                               [view.household_id]).fetchall()
    assert rows == [(1, "P5", 5), (2, "P60", 60)]


def test_keyboard_only_answers(qtbot, page):
    view = page.new_interview()
    first = _w(view, "consent").radios[0]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key_Space)
    assert view.state.value("consent") == "yes"
    assert QApplication.focusWidget() is first, QApplication.focusWidget()
    for scope in ("consent_phone", "consent_location"):    # the further scopes: asked, never ticked in advance
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        assert QApplication.focusWidget() is _w(view, scope).radios[0], QApplication.focusWidget()
        assert view.state.value(scope) in (None, "") and not any(r.isChecked() for r in _w(view, scope).radios)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() is _w(view, "hamlet").edit
    type_text(QApplication.focusWidget(), "Thôn Vỹ Dạ")
    assert view.state.value("hamlet") == "Thôn Vỹ Dạ"


def test_autosave_draft_and_reopen(qtbot, page):
    view = page.new_interview()
    hid = view.household_id
    _w(view, "consent").set_answer("yes")
    edit = _w(view, "hamlet").edit
    type_text(edit, "Tổ 7")                      # no field exit: the 1 s timer saves it

    def saved():
        assert store.get_interview(page.ctx.db, hid)["hamlet"] == "Tổ 7"

    qtbot.waitUntil(saved, timeout=10000)
    k = view.add_member()
    qtbot.keyClicks(_w(view, "age", k).edit, "2x")       # invalid text is kept too
    view.back_button.click()
    assert page.form_view is None
    page.table.selectRow(0)
    again = page.open_selected()
    assert _w(again, "hamlet").edit.text() == "Tổ 7"
    assert _w(again, "age", 0).edit.text() == "2x" and _w(again, "age", 0).message.text() == "Hãy nhập số nguyên."


def test_edit_finalized_needs_reason_and_keeps_history(qtbot, page):
    view = page.new_interview()
    _fill_household(view, members=(("40", "yes"),))
    assert view.finalize()
    assert view.edit_button.isVisible() and not _w(view, "isp").radios[0].isEnabled()
    assert not view.start_edit("   ")
    assert view.start_edit("Sai nhà cung cấp")
    finalized = store.get_interview(page.ctx.db, view.household_id)["revision"]  # (each autosave was one)
    _w(view, "isp").set_answer("fpt")
    assert view.save_changes()
    row = store.get_interview(page.ctx.db, view.household_id)
    assert row["isp"] == "fpt" and row["revision"] == finalized + 1 and row["status"] == "finalized"
    history = store.history(page.ctx.db, view.household_id)
    assert history[0]["reason"] == "Sai nhà cung cấp" and history[0]["data_before"]["isp"] == "vnpt"
    from survey_app.qt.views.household_history_dialog import HouseholdHistoryDialog

    dialog = HouseholdHistoryDialog(page.ctx, view.household_id)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 1 and dialog.table.item(0, 2).text() == "Sai nhà cung cấp"


def test_position_from_gps(qtbot, page):
    from survey_app.models.base import Position

    view = page.new_interview()
    _w(view, "consent").set_answer("yes")
    _w(view, "consent_location").set_answer("yes")   # the position is asked only with this scope
    page.ctx.set_position(Position(16.4637, 107.5909, "gps", 4.0, "2026-11-27T10:00:00Z"))
    _w(view, "location").gps_button.click()
    assert view.state.value("location").startswith("16.4637 107.5909")
    row = store.get_interview(page.ctx.db, view.household_id)
    assert row["lat"] == pytest.approx(16.4637) and row["position_source"] == "gps"
    _w(view, "consent_location").set_answer("no")    # scope taken back: the position goes, on screen and stored
    view.save_now()
    assert not _w(view, "location").isVisible() and store.get_interview(page.ctx.db, view.household_id)["lat"] is None


def test_typed_positions_with_decimal_commas_or_points(qtbot, page):
    from survey_app.forms.values import form_text

    view = page.new_interview()
    _w(view, "consent").set_answer("yes")
    _w(view, "consent_location").set_answer("yes")
    loc = _w(view, "location")
    loc.edit.setFocus()
    qtbot.keyClicks(loc.edit, "107,5909 16,4637")               # the wrong way round
    assert loc.message.isVisible() and loc.message.text() == form_text(
        "The latitude (the first number) must be between -90 and 90 degrees; the longitude comes second.",
        view.state.lang)
    for typed in ("16,4637;107,5909", "16.4637, 107.5909", "16,4637 107,5909"):
        loc.edit.clear()
        qtbot.keyClicks(loc.edit, typed)
        qtbot.keyClick(loc.edit, Qt.Key_Return)
        assert not loc.message.isVisible(), typed
        view.save_now()
        row = store.get_interview(page.ctx.db, view.household_id)
        assert (row["lat"], row["lon"], row["position_source"]) == (16.4637, 107.5909, "manual"), typed
    loc.edit.clear()
    qtbot.keyClicks(loc.edit, "16,46 nan")
    assert "NaN" in loc.message.text()
    before = view.state.lang
    view.lang_combo.setFocus()
    qtbot.keyClick(view.lang_combo, Qt.Key_Down if view.lang_combo.currentIndex() == 0 else Qt.Key_Up)
    assert view.state.lang != before                            # the form's other language (widgets rebuilt)
    loc = _w(view, "location")
    assert loc.edit.text() == "16,46 nan"
    assert "NaN" in loc.message.text() and loc.message.text() == form_text(
        "Each coordinate is a number of degrees such as 16,4637 or 16.4637 (no letters, no NaN or infinity).",
        view.state.lang)


def test_speed_test_button_opens_a_dialog_linked_to_the_household(qtbot, page):
    from PySide6.QtCore import QTimer

    view = page.new_interview()
    assert view.speed_button.isEnabled()
    seen = {}

    def close_it():
        dialog = QApplication.activeModalWidget()
        seen["household_id"] = dialog.page.household_id if dialog is not None else None
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(300, close_it)
    view.speed_button.click()            # modal: returns when close_it rejects it
    assert seen["household_id"] == view.household_id


def test_typed_location_is_manual_and_gps_survives_reopening(qtbot, page):
    from survey_app.models.base import Position

    view = page.new_interview()
    _w(view, "consent").set_answer("yes")
    _w(view, "consent_location").set_answer("yes")   # the position is asked only with this scope
    page.ctx.set_position(Position(16.4637, 107.5909, "gps", 4.0, "2026-11-27T10:00:00Z"))
    _w(view, "location").gps_button.click()
    hid = view.household_id
    view.back_button.click()
    again = page.open_interview(hid)
    _w(again, "hamlet").set_answer("Tổ 9")
    again.save_now()
    row = store.get_interview(page.ctx.db, hid)
    assert row["position_source"] == "gps" and row["position_at"] == "2026-11-27T10:00:00Z"
    loc = _w(again, "location").edit
    loc.clear()
    qtbot.keyClicks(loc, "16,47 107,60")
    again.save_now()
    row = store.get_interview(page.ctx.db, hid)
    assert row["position_source"] == "manual" and row["lat"] == pytest.approx(16.47)
