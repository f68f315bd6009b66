"""Questionnaires in the window: an XLSForm is imported and checked (problems by sheet, row and column), chosen for a
session, and its interviews use it; the roster matches the declared household size or the form says why; the form's
title follows the language."""
from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_driver import go_to, type_into_file_dialog, when_modal  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
HOUSEHOLD = ROOT / "resources" / "forms" / "household.xlsx"


def _broken(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "survey"
    for row in (["type", "name", "label", "relevant"], ["integer", "age", "Age"],
                ["text", "x", "X", "${agee} > 3"], ["text", "age", "Dup"], ["select_one nolist", "q", "Q"]):
        ws.append(row)
    path = tmp_path / "broken.xlsx"
    wb.save(path)
    return path


def _short_household(tmp_path: Path) -> Path:
    wb = openpyxl.load_workbook(HOUSEHOLD)
    settings = wb["settings"]
    for cell in settings[1]:
        if cell.value == "version":
            settings.cell(2, cell.column, "2030.1")
        if cell.value == "form_id":
            settings.cell(2, cell.column, "household_short")
    path = tmp_path / "household_short.xlsx"
    wb.save(path)
    return path


def _open_forms_dialog(qtbot, window, action):
    from survey_app.qt.views.household_forms_dialog import HouseholdFormsDialog

    page = go_to(qtbot, window, "households")
    when_modal(action, HouseholdFormsDialog)
    qtbot.mouseClick(page.ui.formsButton, Qt.LeftButton)   # returns when the dialog closes
    return page


@pytest.fixture
def session(main_window):
    from survey_app.storage.sessions import new_session

    ctx = main_window.ctx
    s = new_session(ctx.db, ctx.record_context(), unit_code="19753", team="Tổ 1", surveyors=["Lan"])
    ctx.set_session(s)
    return s


def test_a_broken_xlsform_chosen_in_the_window_lists_its_problems_by_sheet_row_and_column(main_window, qtbot,
                                                                                          tmp_path, session):
    seen = {}

    def in_dialog(dialog) -> None:
        type_into_file_dialog(_broken(tmp_path))
        with qtbot.waitSignal(dialog.checked, timeout=30000) as checked:
            qtbot.mouseClick(dialog.ui.importButton, Qt.LeftButton)
        table = dialog.ui.problemsTable
        seen["problems"] = checked.args[0]
        seen["rows"] = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
        seen["result"] = dialog.ui.resultLabel.text()
        seen["forms"] = dialog.ui.formsTable.rowCount()
        dialog.reject()

    _open_forms_dialog(qtbot, main_window, in_dialog)
    rows = seen["rows"]
    assert len(rows) == len(seen["problems"]) >= 3
    unknown_field = next(r for r in rows if "agee" in r[3])
    assert unknown_field[:3] == ["survey", "3", "D (relevant)"]
    assert any(r[:2] == ["survey", "4"] for r in rows) and any(r[:2] == ["survey", "5"] for r in rows)
    assert all(r[3] and "Traceback" not in r[3] for r in rows)
    assert "không dùng được" in seen["result"].lower() and "Chưa cài đặt gì" in seen["result"]
    assert seen["forms"] == 1                                   # nothing was installed


def test_an_imported_form_chosen_for_the_session_is_used_by_its_new_interviews(main_window, qtbot, tmp_path,
                                                                               session):
    def in_dialog(dialog) -> None:
        type_into_file_dialog(_short_household(tmp_path))
        with qtbot.waitSignal(dialog.checked, timeout=30000) as checked:
            qtbot.mouseClick(dialog.ui.importButton, Qt.LeftButton)
        assert checked.args[0] == []
        table = dialog.ui.formsTable
        row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "2030.1")
        table.selectRow(row)
        qtbot.mouseClick(dialog.ui.useButton, Qt.LeftButton)
        assert table.item(next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "2030.1"),
                          4).text() == "có"
        dialog.accept()

    page = _open_forms_dialog(qtbot, main_window, in_dialog)
    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    view = page.form_view
    stored = main_window.ctx.db.execute("SELECT form_id, form_version FROM households WHERE id = ?",
                                        [view.household_id]).fetchone()
    assert stored == ("household_short", "2030.1")


def test_the_roster_matches_the_household_size_or_the_form_says_why(main_window, qtbot, session):
    page = go_to(qtbot, main_window, "households")
    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    view = page.form_view
    answers = {"consent": "yes", "hamlet": "Tổ 5", "hh_size": "3", "hh_phone": "yes", "hh_computer": "no",
               "internet_at_home": "no", "barriers": ["cost_service"]}
    for name, value in answers.items():
        view.widgets[(name, None)].set_answer(value)
    view.add_member()
    for name, value in (("sex", "female"), ("age", "40"), ("uses_computer", "no"), ("uses_internet", "no"),
                        ("reasons_not_using", ["no_skills"]), ("uses_mobile", "yes"), ("owns_mobile", "yes"),
                        ("vneid_level2", "yes"), ("digital_signature", "no"), ("online_public_services", "no"),
                        ("hue_s", "no")):
        view.widgets[(name, 0)].set_answer(value)
    reason = view.widgets[("roster_reason", None)]
    assert reason.isVisible() and "khác số người hộ khai" in reason.label.text()
    qtbot.mouseClick(view.finalize_button, Qt.LeftButton)
    assert view.status == "draft" and "khác số người hộ khai" in view.summary.text()
    reason.focus_widget().setFocus()
    qtbot.keyClicks(reason.focus_widget(), "Hai nguoi di lam xa")
    assert "Đã trả lời đủ" in view.summary.text()             # the error follows the answers, no stale count
    qtbot.mouseClick(view.finalize_button, Qt.LeftButton)
    assert view.status == "finalized"


def test_the_form_title_follows_the_language(main_window, qtbot, session):
    page = go_to(qtbot, main_window, "households")
    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    view = page.form_view
    assert view.title.text().startswith("Khảo sát hộ gia đình")
    view.lang_combo.setCurrentIndex(view.lang_combo.findData("en"))
    assert view.title.text() == "Household survey of Internet connectivity – Huế"
