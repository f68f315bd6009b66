"""Form state engine on the built-in household form: skip logic, constraints, required, repeats, languages."""
from __future__ import annotations

import pytest

from survey_app.forms.interview import FormState
from survey_app.storage.forms import builtin_definition


@pytest.fixture
def state():
    return FormState(builtin_definition(), lang="en")


def test_consent_first_and_refusal_hides_everything(state):
    assert state.errors() == [("consent", None, "This question needs an answer.")]
    assert not state.relevant("hamlet") and not state.relevant("members")
    state.set("consent", "no")
    assert state.relevant("refused_note") and not state.relevant("hamlet")
    assert state.errors() == []
    state.set("consent", "yes")
    assert state.relevant("hamlet") and not state.relevant("refused_note")
    assert {e[0] for e in state.errors()} == {"hamlet", "hh_size", "hh_phone", "hh_computer", "internet_at_home"}


def test_skip_logic_internet_and_fixed_broadband(state):
    state.set("consent", "yes")
    state.set("internet_at_home", "no")
    assert state.relevant("barriers") and not state.relevant("conn_types") and not state.relevant("isp")
    state.set("internet_at_home", "yes")
    assert not state.relevant("barriers") and state.relevant("conn_types")
    state.set("conn_types", ["mobile_broadband"])
    assert not state.relevant("isp") and not state.relevant("plan_mbps")
    changed = state.set("conn_types", "fibre mobile_broadband")
    assert state.relevant("isp") and ("isp", None) in changed
    assert state.value("conn_types") == ["fibre", "mobile_broadband"]


def test_constraints_and_type_errors_in_the_form_language(state):
    state.set("consent", "yes")
    state.set("hh_size", "0")
    assert state.error("hh_size") == "The household has 1 to 30 people."
    state.set("hh_size", "abc")
    assert state.error("hh_size") == "Enter a whole number." and state.text("hh_size") == "abc"
    state.set_language("vi")
    assert state.error("hh_size") == "Hãy nhập số nguyên."
    state.set("hh_size", "3")
    assert state.error("hh_size") is None and state.text("hh_size") is None
    state.set("plan_mbps", "1,5")            # decimal comma
    assert state.value("plan_mbps") == 1.5
    state.set("hh_computer", "no")
    state.set("devices", ["smartphone", "computer"])
    assert "không có máy tính" in state.error("devices")


def test_roster_position_count_and_member_skip_logic(state):
    state.set("consent", "yes")
    for age in ("40", "3", "15"):
        k = state.add_instance("members")
        state.set("age", age, k)
    assert state.value("member_count") == 3
    assert [state.value("member_no", k) for k in range(3)] == [1, 2, 3]
    assert state.label("name", 1) == "Name of member 2"
    assert not state.relevant("uses_internet", 1) and state.relevant("uses_internet", 0)
    assert state.relevant("vneid_level2", 2) and not state.relevant("vneid_level2", 1)
    state.set("uses_internet", "no", 0)
    assert state.relevant("reasons_not_using", 0) and not state.relevant("use_frequency", 0)
    state.set("uses_mobile", "no", 2)
    state.set("owns_mobile", "yes", 2)
    assert state.error("owns_mobile", 2).startswith("Someone who owns")
    state.move_instance("members", 2, 0)
    assert state.value("age", 0) == 15 and state.error("owns_mobile", 0) and state.error("owns_mobile", 2) is None
    assert state.label("name", 0) == "Name of member 1"
    state.remove_instance("members", 1)
    assert state.value("member_count") == 2 and [state.value("age", k) for k in range(2)] == [15, 3]
    state.set("hh_size", "3")
    assert state.relevant("roster_check") and "lists 2 people" in state.label("roster_check")


def test_invalid_text_survives_a_round_trip(state):
    state.set("consent", "yes")
    k = state.add_instance("members")
    state.set("age", "12x", k)
    data = state.to_data()
    again = FormState(builtin_definition(), data, lang="en")
    assert again.text("age", 0) == "12x" and again.error("age", 0) == "Enter a whole number."


def test_prune_drops_hidden_answers(state):
    state.set("consent", "yes")
    state.set("internet_at_home", "no")
    state.set("barriers", ["cost_service"])
    state.set("internet_at_home", "yes")
    assert "barriers" in state.to_data()["answers"]
    assert "barriers" not in state.to_data(prune=True)["answers"]


def test_incremental_evaluation_touches_only_dependents(state):
    state.set("consent", "yes")
    for _ in range(10):
        state.add_instance("members")
    before = state.evaluations
    state.set("hamlet", "Tổ 5")        # nothing reads hamlet
    assert state.evaluations - before == 1
    before = state.evaluations
    state.set("age", "30", 4)          # only member 5's cells and the counts that read ages
    assert state.evaluations - before < 25


def test_incremental_equals_full_evaluation():
    """After every answer, the incrementally updated state matches a state evaluated from scratch."""
    import random

    form = builtin_definition()
    rng = random.Random(7)
    state = FormState(form, lang="en")
    state.set("consent", "yes")
    inputs = [f for f in form["fields"] if f["type"] in ("integer", "decimal", "text", "select_one",
                                                         "select_multiple")]
    for step in range(300):
        if step % 40 == 0:
            state.add_instance("members")
        if step % 97 == 50 and state.count("members") > 1:
            state.remove_instance("members", 0)
        f = rng.choice(inputs)
        inst = rng.randrange(state.count("members")) if f.get("repeat") else None
        if f.get("repeat") and state.count("members") == 0:
            continue
        if f["type"] in ("integer", "decimal"):
            value = rng.choice(["", "abc", str(rng.randint(-5, 200)), "1,5"])
        elif f["type"] == "text":
            value = rng.choice(["", "x", "0912345678"])
        elif f["type"] == "select_one":
            value = rng.choice([""] + [c["name"] for c in form["choices"][f["list"]]])
        else:
            names = [c["name"] for c in form["choices"][f["list"]]]
            value = rng.sample(names, rng.randint(0, min(3, len(names))))
        state.set(f["name"], value, inst)
        fresh = FormState(form, state.to_data(), lang="en")
        assert fresh.rel == state.rel, step
        assert fresh.err == state.err, step
        assert fresh.top == state.top and fresh.instances == state.instances, step


@pytest.mark.parametrize("name, typed, stored", [
    ("monthly_cost_vnd", "195.000", 195000), ("monthly_cost_vnd", "1 234 567", 1234567),
    ("monthly_cost_vnd", "195,000", 195000), ("plan_mbps", "1.234,5", 1234.5), ("plan_mbps", "1,234.5", 1234.5),
    ("plan_mbps", "300", 300.0), ("location", "16,4637 107,5909", "16.4637 107.5909 0 0"),
    ("location", "16.4637,107.5909", "16.4637 107.5909 0 0"), ("location", "16.4637 107.5909 12 5",
                                                                "16.4637 107.5909 12 5"),
])
def test_vietnamese_number_and_position_input(state, name, typed, stored):
    state.set("consent", "yes")
    state.set("consent_location", "yes")
    state.set(name, typed)
    assert state.value(name) == stored and state.text(name) is None


@pytest.mark.parametrize("name, typed", [("monthly_cost_vnd", "19.5"), ("monthly_cost_vnd", "abc"),
                                         ("location", "95 107"), ("location", "16.46"), ("plan_mbps", "1,2,3")])
def test_bad_number_and_position_input(state, name, typed):
    state.set("consent", "yes")
    state.set("consent_location", "yes")
    state.set("internet_at_home", "yes")
    state.set("conn_types", ["fibre"])
    state.set(name, typed)
    assert state.value(name) is None and state.text(name) == typed and state.error(name)
