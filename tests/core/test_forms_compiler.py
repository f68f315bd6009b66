"""XLSForm checker/compiler on the real fixture forms, the built-in form and forms broken on purpose."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from survey_app.forms.compiler import check_file, compile_file, FormRejected

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "xlsform"
ROOT = Path(__file__).resolve().parents[2]
needs_fixtures = pytest.mark.skipif(not FIXTURES.exists(), reason="../shared/fixtures/xlsform not present")


pytestmark = pytest.mark.usefixtures("english")   # core messages in English (tests/conftest.py)


@needs_fixtures
@pytest.mark.parametrize("name", ["text_and_integer", "yes_or_no_question", "choice_filter_test", "field-list"])
def test_accepts_forms_in_the_supported_subset(name):
    form, problems = check_file(FIXTURES / f"{name}.xlsx")
    assert problems == []
    assert form["fields"] and form["version"]


@needs_fixtures
@pytest.mark.parametrize("name, expected", [
    ("specify_other", [("survey", 2, "A (type)", "or specify other")]),
    ("include", [("survey", 3, "A (type)", "“include” is not supported")]),
    ("group", [("survey", 4, "A (type)", "“phone number” is not supported")]),
    ("bad_calc", [("survey", 2, "D (calculation)", "Syntax error in calculation")]),
    ("loop", [("survey", 3, "A (type)", "begin loop"), ("survey", 5, "A (type)", "end loop")]),
    ("UCL_Biomass_Plot_Form", [("survey", 16, "A (type)", "select_one_from_file"),
                               ("survey", 9, "H (relevant)", "straight quotes"),
                               ("survey", 26, "N (calculation)", "sqrt()"),
                               ("survey", 43, "O (repeat_count)", "“repeat_count” is not supported"),
                               ("survey", 23, "A (type)", "“image” is not supported")]),
    ("flat_xlsform_test", [("survey", 32, "A (type)", "“time” is not supported"),
                           ("survey", 17, "J (requiredMsg)", "“requiredMsg” is not supported")]),
])
def test_rejects_with_sheet_row_and_column(name, expected):
    form, problems = check_file(FIXTURES / f"{name}.xlsx")
    assert form is None
    for sheet, row, column, text in expected:
        assert any(p.sheet == sheet and p.row == row and p.column == column and text in p.message
                   for p in problems), (sheet, row, column, text, [str(p) for p in problems])


@needs_fixtures
def test_choice_filter_fixture_filters():
    from survey_app.forms.interview import FormState

    state = FormState(compile_file(FIXTURES / "choice_filter_test.xlsx"))
    state.set("state", "texas")
    assert [c["name"] for c in state.choices("county")] == ["king", "cameron"]
    state.set("county", "cameron")
    assert [c["name"] for c in state.choices("city")] == ["brownsville", "harlingen"]
    state.set("state", "washington")          # cameron is not in Washington any more
    assert state.error("county") and "no longer" in state.error("county")


def test_builtin_form_is_the_compiled_workbook():
    shipped = json.loads((ROOT / "survey_app" / "data" / "forms" / "household.json").read_text(encoding="utf-8"))
    assert compile_file(ROOT / "resources" / "forms" / "household.xlsx") == shipped
    assert shipped["form_id"] == "household" and shipped["languages"] == ["vi", "en"]
    names = {f["name"] for f in shipped["fields"]}
    for required in ("consent", "hamlet", "respondent_name", "phone", "hh_phone", "hh_computer", "internet_at_home",
                     "conn_types", "isp", "plan_mbps", "monthly_cost_vnd", "satisfaction", "barriers", "devices",
                     "members", "name", "sex", "age", "uses_computer", "uses_internet", "use_locations",
                     "use_frequency", "uses_mobile", "owns_mobile", "skills", "reasons_not_using", "vneid_level2",
                     "digital_signature", "online_public_services", "hue_s", "location"):
        assert required in names
    assert shipped["fields"][[f["type"] for f in shipped["fields"]].index("select_one")]["name"] == "consent"
    assert not any("id_number" in n or "cccd" in n for n in names)


def _write(tmp_path, survey, choices=None, settings=None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "survey"
    for row in survey:
        ws.append(row)
    if choices:
        ch = wb.create_sheet("choices")
        for row in choices:
            ch.append(row)
    if settings:
        st = wb.create_sheet("settings")
        for row in settings:
            st.append(row)
    path = tmp_path / "form.xlsx"
    wb.save(path)
    return path


def test_every_bad_input_is_reported_with_its_place(tmp_path):
    path = _write(tmp_path, [
        ["type", "name", "label::English (en)", "relevant", "constraint", "video"],
        ["integer", "age", "Age", None, ". >= 0 and"],               # syntax error, E2
        ["text", "age", "Again"],                                    # duplicate name, B3
        ["select_one colours", "colour", "Colour"],                  # missing list, A4
        ["text", "nick", "Nick", "${nam} != ''"],                    # unknown field, D5
        ["barcode", "code", "Code"],                                 # unsupported type, A6
        ["note", "n1", "Note", None, None, "clip.mp4"],              # unsupported column, F7
    ], choices=[["list_name", "name", "label"], ["yes_no", "yes", "Yes"]])
    form, problems = check_file(path)
    assert form is None
    places = {(p.row, p.column.split()[0]) for p in problems}
    assert {(2, "E"), (3, "B"), (4, "A"), (5, "D"), (6, "A"), (7, "F")} <= places
    with pytest.raises(FormRejected) as info:
        compile_file(path)
    assert "row 3" in str(info.value) and "used twice" in str(info.value)


def test_problems_in_vietnamese(tmp_path):
    from survey_app.i18n import set_language

    path = _write(tmp_path, [["type", "name", "label"], ["integer", "a", "A"], ["integer", "a", "B"]])
    set_language("vi")
    _form, problems = check_file(path)
    assert str(problems[0]) == "survey, dòng 3, cột B (name): Tên “a” bị dùng hai lần (lần đầu ở dòng 2)."


def test_cycles_and_unclosed_groups(tmp_path):
    path = _write(tmp_path, [["type", "name", "label", "calculation"], ["calculate", "a", None, "${b} + 1"],
                             ["calculate", "b", None, "${a} + 1"], ["begin group", "g", "G"]])
    _form, problems = check_file(path)
    text = "\n".join(map(str, problems))
    assert "circle" in text and "never closed" in text


def test_version_from_settings_or_content(tmp_path):
    path = _write(tmp_path, [["type", "name", "label"], ["text", "a", "A"]],
                  settings=[["form_id", "version"], ["f1", "7"]])
    assert compile_file(path)["version"] == "7"
    path = _write(tmp_path, [["type", "name", "label"], ["text", "a", "A"]])
    v1 = compile_file(path)["version"]
    path = _write(tmp_path, [["type", "name", "label"], ["text", "a", "A changed"]])
    assert compile_file(path)["version"] != v1


def test_not_a_workbook(tmp_path):
    from survey_app.errors import UserError

    bad = tmp_path / "x.xlsx"
    bad.write_text("not a zip")
    with pytest.raises(UserError, match="not a readable"):
        check_file(bad)


SURVEY_TYPES = ["text", "integer", "decimal", "select_one yes_no", "select_multiple yes_no", "select_one nope",
                "note", "calculate", "date", "geopoint", "begin group", "end group", "begin repeat", "end repeat",
                "image", "select one from yes_no or specify other", "start", "", "barcode", "begin_group"]
EXPRESSIONS = ["", "${a} > 1", ". < 5", "${zz} = 'x'", "selected(${b}, 'yes')", "((", "position(..)",
               "count(${r})", "if(${a}, 1)", "cf = ${a}", "‘x’", "1 div 0", "${a} + ${b}"]


def test_fuzz_checker_never_crashes():
    """Random survey sheets: the checker returns a form or problems with places, never another exception."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from survey_app.forms.compiler import compile_workbook
    from survey_app.forms.interview import FormState
    from survey_app.forms.xlsform import Cell, Sheet, Workbook

    row = st.tuples(st.sampled_from(SURVEY_TYPES), st.sampled_from(["a", "b", "r", "g", "a", "1x", ""]),
                    st.sampled_from(EXPRESSIONS), st.sampled_from(EXPRESSIONS), st.sampled_from(EXPRESSIONS))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(row, max_size=12))
    def check(rows):
        survey = Sheet("survey", headers=[("type", "A"), ("name", "B"), ("relevant", "C"), ("constraint", "D"),
                                          ("calculation", "E")])
        for n, values in enumerate(rows, 2):
            cells = {}
            for key, letter, v in zip(("type", "name", "relevant", "constraint", "calculation"), "ABCDE", values):
                if v:
                    cells[key] = Cell(v, key, n, letter)
            if cells:
                survey.rows.append((n, cells))
        choices = Sheet("choices", rows=[(2, {"list_name": Cell("yes_no", "list_name", 2, "A"),
                                              "name": Cell("yes", "name", 2, "B")})])
        form, problems = compile_workbook(Workbook("fuzz.xlsx", survey, choices, None, []))
        if form is None:
            assert problems and all(p.sheet in ("survey", "choices") and str(p) for p in problems)
        else:
            FormState(form).errors()     # an accepted form must also open

    check()
