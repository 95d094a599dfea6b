"""The default questionnaire in the database gives the answers a physiotherapist would."""

import pytest

from assessments.content import build_content
from assessments.contract import WARNING_SIGNS
from assessments.scoring import assess

pytestmark = pytest.mark.django_db

CONTRACT_QUESTIONS = {
    "red_flags": ("many", ["none", "breathless", "collapse_or_confusion",
                           "severe_pain_swelling", "cold_pale_foot", "dark_urine",
                           "saddle_numbness", "deformed_limb", "dark_urine_mild",
                           "fainted_during_run", "calf_swelling_one_side", "numbness",
                           "cannot_bear_weight", "tendon_pop", "groin_pain", "hot_red_joint",
                           "spreading_redness", "cramp_wont_ease", "fever", "bone_tenderness",
                           "night_pain", "joint_swelling"]),
    "health_background": ("many", ["none", "under_16", "clot_risk", "poor_circulation",
                                   "kidney_heart_bp", "quinolone", "same_site_before",
                                   "bone_health"]),
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
    "onset": ("one", ["during", "same_day", "next_day", "later", "not_sure"]),
    "pain_quality": ("one", ["dull_ache", "stiff", "sharp", "burning"]),
    "location": ("many", ["quads", "hamstrings", "calves", "shins", "knees", "feet",
                          "hips_glutes"]),
    "sides": ("one", ["both", "one", "not_sure"]),
    "duration_days": ("one", ["under_3", "3_7", "over_7"]),
}  # fmt: skip
# v3: "not sure" answers that fail safe, and whether it is easing (editors may add questions
# and choices beyond the contract's).
BEYOND_THE_CONTRACT = {
    "onset": ("one", ["during", "same_day", "next_day", "later", "not_sure"]),
    "sides": ("one", ["both", "one", "not_sure"]),
    "trend": ("one", ["easing", "same", "worse"]),
}
NEVER_BESIDE_A_WARNING = {"compression", "repeated_bout", "flat_surfaces"}


@pytest.fixture
def content():
    return build_content()


def run(content, **answers):
    return assess({"red_flags": ["none"], **answers}, content)


def slugs(items):
    return [item.slug for item in items]


def test_the_questionnaire_is_the_contracts(content):
    loaded = {q.slug: (q.kind, [c.slug for c in q.choices]) for q in content.questions}
    assert loaded == {**CONTRACT_QUESTIONS, **BEYOND_THE_CONTRACT}
    first_screen = [q.slug for q in content.steps[0]]
    assert first_screen == ["red_flags"], "warning signs come first"
    second_screen = [q.slug for q in content.steps[1]]
    assert second_screen == ["health_background"], "then the health background"
    assert len(content.steps) == 7
    assert all(content.screen_titles), "every screen has its own heading"
    assert len(set(content.screen_titles)) == 7


def test_every_warning_sign_is_at_or_above_its_least_level(content):
    from assessments.contract import WARNING_SIGNS, rank

    signs = content.questions_by_slug["red_flags"].choices_by_slug
    for slug, least in WARNING_SIGNS.items():
        assert rank(signs[slug].triage_level) >= rank(least), slug
        assert signs[slug].triage_message.strip(), slug
        assert not signs[slug].weights, f"{slug} must not feed a cause score"


def test_new_runner_with_a_big_jump_gets_overuse_first(content):
    result = run(content, experience="new", load_change="up_large")
    assert result.causes[0].slug == "overuse"
    assert result.strategies[0].slug == "gradual_increase"
    assert result.plan == "now"


def test_hot_long_run_with_little_water_and_cramps_points_to_fluids_and_salt(content):
    result = run(content, temperature="hot", duration="over_90", fluids="little", cramps="during")
    assert set(slugs(result.causes[:2])) == {"dehydration", "electrolytes"}
    assert result.strategies[0].slug in {"hydrate", "electrolyte_plan"}


@pytest.mark.parametrize("extra", [{}, {"temperature": "warm"}, {"duration": "over_90"}])
def test_a_cramp_with_plenty_to_drink_points_to_fatigue_not_fluid_or_salt(content, extra):
    result = run(content, cramps="during", fluids="plenty", **extra)
    assert result.causes[0].slug not in {"dehydration", "electrolytes"}


def test_no_cramps_means_no_salt_cause_even_on_a_hot_long_run(content):
    result = run(content, cramps="none", temperature="hot", duration="over_90")
    assert "electrolytes" not in slugs(result.causes)


def test_long_downhill_race_points_to_eccentric_load(content):
    result = run(
        content, terrain="downhill", duration="over_90", onset="next_day",
        pain_quality="dull_ache", location=["quads"], sides="both", experience="established",
        load_change="same",
    )  # fmt: skip
    assert result.causes[0].slug == "eccentric_load"
    assert result.triage.level == "self_care"
    assert "repeated_bout" in slugs(result.strategies[:2])


def test_cold_run_without_warm_up_points_to_cold(content):
    result = run(content, temperature="cold", warm_up="neither", pain_quality="stiff")
    assert result.causes[0].slug == "cold"
    assert result.strategies[0].slug == "dress_for_cold"
    assert result.strategies[0].steps


@pytest.mark.parametrize("temperature", ["mild", "warm", "hot", None])
def test_only_a_cold_run_points_to_cold(content, temperature):
    result = run(content, temperature=temperature, warm_up="neither", pain_quality="stiff")
    assert "cold" not in slugs(result.causes)
    assert "dress_for_cold" not in slugs(result.strategies)


def test_slow_recovery_in_the_family_never_outranks_a_one_sided_worsening_shin(content):
    result = run(
        content, recovery_history="family", location=["shins"], sides="one",
        pain_quality="sharp", duration_days="over_7",
    )  # fmt: skip
    assert result.causes[0].slug == "overuse"
    assert slugs(result.causes)[-1] == "genetics"


def test_dark_urine_after_a_downhill_race_gets_no_downhill_repeats(content):
    result = run(content, red_flags=["dark_urine"], terrain="downhill", location=["quads"])
    assert result.triage.level == "emergency"
    assert (result.plan, result.causes, result.strategies) == ("withheld", (), ())


def test_a_tender_shin_bone_is_not_told_to_hold_its_distance(content):
    result = run(
        content, red_flags=["bone_tenderness"], location=["shins"], load_change="up_large",
        experience="new",
    )  # fmt: skip
    assert result.triage.level == "soon"
    assert result.plan == "after_clearance"
    assert "gradual_increase" not in slugs(result.strategies)
    steps = [step for strategy in result.strategies for step in strategy.steps]
    assert not [s for s in steps if "distance" in s.lower()], steps
    assert result.first_steps[0].startswith("Can I run tomorrow? No")


@pytest.mark.parametrize("sign", ["breathless", "severe_pain_swelling", "calf_swelling_one_side"])
def test_no_compression_beside_a_suspected_clot_or_compartment_syndrome(content, sign):
    result = run(content, red_flags=[sign], location=["calves"], duration="over_90")
    assert "compression" not in slugs(result.strategies)
    assert result.plan == "withheld"


@pytest.mark.parametrize("sign", ["bone_tenderness", "night_pain", "joint_swelling"])
def test_at_soon_only_what_is_safe_beside_a_warning_remains(content, sign):
    result = run(
        content, red_flags=[sign], terrain="downhill", duration="over_90", sleep="poor",
        location=["calves", "quads"], nutrition=["low_carb"], load_change="up_large",
    )  # fmt: skip
    assert result.plan == "after_clearance"
    assert result.strategies, "sleep and eating enough still help"
    assert not set(slugs(result.strategies)) & NEVER_BESIDE_A_WARNING
    safe_steps = {tip.text for s in content.strategies for tip in s.tips if tip.safe_with_warning}
    assert all(set(s.steps) <= safe_steps for s in result.strategies)


@pytest.mark.parametrize(
    ("background", "answers", "level"),
    [
        ("clot_risk", {"location": ["calves"], "sides": "one"}, "urgent"),
        ("quinolone", {"location": ["feet"]}, "urgent"),
        ("quinolone", {"location": ["calves"], "sides": "both"}, "urgent"),
        ("under_16", {"location": ["knees"], "sides": "one"}, "soon"),
        (
            "under_16",
            {
                "location": ["hips_glutes"],
                "sides": "one",
                "onset": "next_day",
                "duration_days": "under_3",
            },
            "soon",
        ),  # fmt: skip
        ("under_16", {"red_flags": ["fever"]}, "emergency"),
        ("bone_health", {"red_flags": ["night_pain"]}, "soon"),
    ],
)
def test_a_health_background_escalates_in_combination(content, background, answers, level):
    result = run(content, health_background=[background], **answers)
    assert result.triage.level == level
    without = run(content, **answers)
    assert without.triage.level != level or background == "bone_health"


def test_bone_health_with_bone_pain_names_under_fuelling(content):
    result = run(content, health_background=["bone_health"], red_flags=["bone_tenderness"])
    assert any("RED-S" in flag.message for flag in result.triage.flags)


def test_one_calf_without_clot_risk_stays_self_care(content):
    result = run(content, health_background=["none"], location=["calves"], sides="one")
    assert result.triage.level == "self_care"


@pytest.mark.parametrize(
    ("background", "strategy", "answers"),
    [
        ("poor_circulation", "compression", {"location": ["calves"], "duration": "over_90"}),
        ("kidney_heart_bp", "electrolyte_plan", {"cramps": "during", "temperature": "hot"}),
    ],
)
def test_a_health_background_takes_a_strategy_out(content, background, strategy, answers):
    assert strategy in slugs(run(content, **answers).strategies)
    result = run(content, health_background=[background], **answers)
    assert strategy not in slugs(result.strategies)


def test_none_with_a_background_counts_as_the_background(content):
    answers = {"location": ["calves"], "sides": "one"}
    result = run(content, health_background=["none", "clot_risk"], **answers)
    assert result.triage.level == "urgent"


@pytest.mark.parametrize(("choice", "level"), sorted(WARNING_SIGNS.items()))
def test_any_warning_sign_reaches_its_level(content, choice, level):
    result = run(content, red_flags=[choice], terrain="downhill")
    assert result.triage.level == level
    assert result.triage.flags[0].slug == choice


def test_no_content_text_sends_an_emergency_to_a_gp(content):
    """Causes, strategies, tips and reasons never give a lower level of care than the signs."""
    from assessments.models import Cause, Strategy

    texts = [page.explanation + page.summary for page in Cause.objects.all()]
    texts += [page.explanation + page.summary for page in Strategy.objects.all()]
    texts += [tip.text for s in content.strategies for tip in s.tips]
    for text in texts:
        lowered = text.lower()
        for emergency in ("cola", "confus", "chest pain"):
            if emergency in lowered:
                assert "emergency" in lowered or "999" in lowered, text[:200]


def test_an_editors_weight_change_takes_effect(content, client):
    from assessments.content import current_content
    from assessments.models import ChoiceWeight

    answers = {"red_flags": ["none"], "load_change": "up_small"}
    before = assess(answers, current_content()).causes[0].score
    weight = ChoiceWeight.objects.get(choice__slug="up_small", cause__slug="overuse")
    weight.points += 6
    weight.save()  # as the admin does; the cached snapshot is forgotten
    after = assess(answers, current_content()).causes[0].score
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
