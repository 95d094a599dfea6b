"""The default questionnaire in the database gives the answers a physiotherapist would."""

import pytest

from assessments.content import build_content
from assessments.scoring import assess

pytestmark = pytest.mark.django_db

CONTRACT_QUESTIONS = {
    "red_flags": ("many", ["none", "dark_urine", "calf_swelling_one_side", "breathless",
                           "severe_pain_swelling", "numbness", "cannot_bear_weight",
                           "bone_tenderness", "joint_swelling", "fever"]),
    "experience": ("one", ["new", "building", "established"]),
    "load_change": ("one", ["less", "same", "up_small", "up_large", "returning"]),
    "rest_days": ("one", ["none", "one", "two_plus"]),
    "terrain": ("one", ["flat", "rolling", "hilly", "downhill", "trail"]),
    "duration": ("one", ["under_30", "30_60", "60_90", "over_90"]),
    "temperature": ("one", ["cold", "mild", "warm", "hot"]),
    "fluids": ("one", ["plenty", "some", "little"]),
    "cramps": ("one", ["none", "during", "after"]),
    "nutrition": ("many", ["balanced", "low_carb", "low_protein", "skipped_meals"]),
    "warm_up": ("one", ["both", "warm_up_only", "cool_down_only", "neither"]),
    "form": ("many", ["no_issues", "overstriding", "new_shoes", "form_fades"]),
    "recovery_history": ("one", ["faster", "same", "slower", "family"]),
    "sleep": ("one", ["good", "poor"]),
    "onset": ("one", ["during", "same_day", "next_day", "later"]),
    "pain_quality": ("one", ["dull_ache", "stiff", "sharp", "burning"]),
    "location": ("many", ["quads", "hamstrings", "calves", "shins", "knees", "feet",
                          "hips_glutes"]),
    "sides": ("one", ["both", "one"]),
    "duration_days": ("one", ["under_3", "3_7", "over_7"]),
}  # fmt: skip


@pytest.fixture
def content():
    return build_content()


def test_the_questionnaire_is_the_contracts(content):
    loaded = {q.slug: (q.kind, [c.slug for c in q.choices]) for q in content.questions}
    assert loaded == CONTRACT_QUESTIONS
    assert content.questions[0].slug == "red_flags", "warning signs are asked first"
    assert len(content.steps) == 6


def test_new_runner_with_a_big_jump_gets_overuse_first(content):
    result = assess(
        {"red_flags": ["none"], "experience": "new", "load_change": "up_large"}, content
    )
    assert result.causes[0].slug == "overuse"
    assert result.strategies[0].slug == "gradual_increase"


def test_hot_long_run_with_little_water_and_cramps_points_to_fluids_and_salt(content):
    answers = {
        "temperature": "hot", "duration": "over_90", "fluids": "little", "cramps": "during",
        "experience": "established", "load_change": "same", "terrain": "flat",
    }  # fmt: skip
    result = assess(answers, content)
    assert {c.slug for c in result.causes[:2]} == {"dehydration", "electrolytes"}
    assert result.strategies[0].slug in {"hydrate", "electrolyte_plan"}


def test_long_downhill_race_points_to_eccentric_load(content):
    answers = {
        "terrain": "downhill", "duration": "over_90", "onset": "next_day",
        "pain_quality": "dull_ache", "location": ["quads"], "sides": "both",
        "experience": "established", "load_change": "same",
    }  # fmt: skip
    result = assess(answers, content)
    assert result.causes[0].slug == "eccentric_load"
    assert result.triage.level == "self_care"
    assert "repeated_bout" in [s.slug for s in result.strategies[:2]]


def test_cold_run_without_warm_up_points_to_cold(content):
    result = assess({"temperature": "cold", "warm_up": "neither", "pain_quality": "stiff"}, content)
    assert result.causes[0].slug == "cold"
    assert result.strategies[0].slug == "dress_for_cold"
    assert result.strategies[0].steps


@pytest.mark.parametrize(
    ("choice", "level"),
    [("dark_urine", "emergency"), ("breathless", "emergency"),
     ("severe_pain_swelling", "emergency"), ("calf_swelling_one_side", "urgent"),
     ("numbness", "urgent"), ("cannot_bear_weight", "urgent"),
     ("fever", "urgent"), ("bone_tenderness", "soon"), ("joint_swelling", "soon")],
)  # fmt: skip
def test_any_warning_sign_reaches_its_level(content, choice, level):
    result = assess({"red_flags": [choice], "terrain": "downhill"}, content)
    assert result.triage.level == level
    assert result.triage.flags[0].slug == choice


def test_an_editors_weight_change_takes_effect(content, client):
    from assessments.content import current_content
    from assessments.models import ChoiceWeight

    before = assess({"recovery_history": "slower"}, current_content()).causes[0].score
    weight = ChoiceWeight.objects.get(choice__slug="slower", cause__slug="genetics")
    weight.points += 6
    weight.save()  # as the admin does; the cached snapshot is forgotten
    after = assess({"recovery_history": "slower"}, current_content()).causes[0].score
    assert after > before


def test_an_edit_made_by_another_process_is_picked_up(monkeypatch):
    from django.db.models import F

    from assessments import content as content_module
    from assessments.models import ContentRevision, Question

    monkeypatch.setattr(content_module, "RECHECK_SECONDS", 0)  # as if a second had passed
    before = content_module.current_content()
    assert before.questions_by_slug["sleep"].text != "Slept well?"
    # Another worker's edit: the rows change, this process's signals never fire.
    Question.objects.filter(slug="sleep").update(text="Slept well?")
    assert content_module.current_content() is before, "no rebuild without a new revision"
    ContentRevision.objects.update(number=F("number") + 1)  # what that worker's save did
    assert content_module.current_content().questions_by_slug["sleep"].text == "Slept well?"
