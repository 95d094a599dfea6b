"""Contract v3, as a runner would meet it: the pattern of a bone stress injury is caught with
no warning sign ticked, a skipped answer fails safe, and ties follow the evidence.

Plain data in, a result out: the default content as scoring sees it, no database (the same
rules through the database, `assess` and the wizard are in test_assessment_v3_views.py).
"""

import pytest

from assessments import contract
from assessments.scoring import (
    CauseSpec,
    ChoiceSpec,
    Content,
    QuestionSpec,
    Weight,
    assess,
    likely_causes,
    normalise,
)
from tests.factories import default_content_snapshot

CONTENT = default_content_snapshot()
NEVER_BESIDE_A_WARNING = set(contract.NEVER_BESIDE_A_WARNING)


def run(**answers):
    return assess({"red_flags": ["none"], **answers}, CONTENT)


def flags(result):
    return {flag.slug for flag in result.triage.flags}


def planned(result):
    return {strategy.slug for strategy in result.strategies}


# Bone stress patterns, with no warning box ticked and no health background.


@pytest.mark.parametrize("site", ["shins", "feet", "hips_glutes"])
def test_one_sided_pain_that_built_up_over_runs_is_soon(site):
    result = run(location=[site], sides="one", onset="later", duration_days="under_3")
    assert result.triage.level == "soon"
    assert "building_one_side" in flags(result)
    assert result.plan == "after_clearance"
    assert not planned(result) & NEVER_BESIDE_A_WARNING  # no downhill repeats, no "run flat"


@pytest.mark.parametrize("quality", ["dull_ache", "sharp", "burning"])
def test_one_sided_bone_site_pain_lasting_3_days_or_more_is_soon(quality):
    result = run(
        location=["shins"], sides="one", onset="next_day", duration_days="3_7", pain_quality=quality
    )
    assert result.triage.level == "soon"
    assert "bone_site_lasting" in flags(result)


def test_stiffness_alone_is_the_muscles_not_a_bone():
    result = run(
        location=["shins"], sides="one", onset="next_day", duration_days="3_7", pain_quality="stiff"
    )
    assert "bone_site_lasting" not in flags(result)


def test_the_hip_message_says_be_seen_the_same_day_if_hopping_hurts():
    result = run(location=["hips_glutes"], sides="one", onset="later")
    message = next(f.message for f in result.triage.flags if f.slug == "building_one_side")
    assert "today" in message and "hop" in message and "weight" in message


def test_an_ordinary_next_day_ache_in_both_legs_stays_self_care_with_eccentric_work_first():
    result = run(
        location=["quads", "calves"],
        sides="both",
        onset="next_day",
        pain_quality="dull_ache",
        duration_days="under_3",
        terrain="downhill",
    )
    assert result.triage.level == "self_care"
    assert result.causes[0].slug == "eccentric_load"


def test_both_legs_at_the_shins_is_not_the_one_sided_pattern():
    result = run(location=["shins"], sides="both", onset="later", duration_days="under_3")
    assert not flags(result) & {"building_one_side", "bone_site_lasting"}


def test_a_questionnaire_with_only_the_warning_signs_answered_is_self_care():
    """The fail safe needs something real to go on: where it hurts, or a background."""
    assert run().triage.level == "self_care"
    assert run(experience="new", load_change="up_large").triage.level == "self_care"


# Health backgrounds widened in v3.


@pytest.mark.parametrize("location", ["knees", "quads", "hamstrings", "calves", "hips_glutes"])
def test_any_pain_on_a_quinolone_is_urgent(location):
    result = run(health_background=["quinolone"], location=[location], sides="both")
    assert result.triage.level == "urgent"
    assert result.plan == "withheld" and not result.causes and not result.strategies


@pytest.mark.parametrize(
    "answers",
    [
        {"onset": "later", "duration_days": "under_3"},
        {"onset": "next_day", "duration_days": "3_7"},
        {"onset": "next_day", "duration_days": "over_7"},
    ],
)
def test_a_past_stress_fracture_with_bone_site_pain_that_builds_or_lasts_is_soon(answers):
    result = run(health_background=["bone_health"], location=["shins"], sides="both", **answers)
    assert result.triage.level == "soon"
    assert "bone_health_bone_site" in flags(result)


@pytest.mark.parametrize("nutrition", [["skipped_meals"], ["low_carb"], ["balanced", "low_carb"]])
def test_under_fuelling_with_bone_pain_names_red_s_and_a_sports_doctor(nutrition):
    result = run(
        health_background=["bone_health"],
        location=["feet"],
        sides="both",
        onset="later",
        nutrition=nutrition,
        terrain="downhill",
        duration="over_90",
        load_change="up_large",
    )
    red_s = next(f for f in result.triage.flags if f.slug == "bone_health_under_fuelled")
    assert "RED-S" in red_s.message and "sports doctor" in red_s.message
    assert "nutrition" in [cause.slug for cause in result.causes[:2]]


def test_a_past_stress_fracture_with_an_ordinary_next_day_ache_is_not_escalated():
    result = run(
        health_background=["bone_health"],
        location=["quads"],
        sides="both",
        onset="next_day",
        duration_days="under_3",
    )
    assert result.triage.level == "self_care"


# Fail safe: a skipped answer counts as the escalating one.


def test_calf_pain_with_clot_risk_and_the_side_skipped_is_urgent():
    result = run(health_background=["clot_risk"], location=["calves"])
    assert result.triage.level == "urgent"


def test_not_sure_which_leg_counts_as_one_leg():
    result = run(health_background=["clot_risk"], location=["calves"], sides="not_sure")
    assert result.triage.level == "urgent"


def test_calf_pain_in_both_legs_with_clot_risk_is_not_escalated():
    result = run(health_background=["clot_risk"], location=["calves"], sides="both")
    assert "clot_risk_calf" not in flags(result)


def test_knee_pain_building_for_a_week_at_14_with_the_side_skipped_is_soon():
    result = run(
        health_background=["under_16"], location=["knees"], onset="later", duration_days="3_7"
    )
    assert result.triage.level == "soon"
    assert "under_16_hip_knee" in flags(result)


def test_one_sided_shin_pain_with_the_onset_skipped_counts_as_built_up():
    result = run(location=["shins"], sides="one", duration_days="under_3")
    assert "building_one_side" in flags(result)


def test_onset_not_sure_counts_as_built_up():
    result = run(location=["shins"], sides="one", onset="not_sure", duration_days="under_3")
    assert "building_one_side" in flags(result)


def test_quinolone_with_where_it_hurts_skipped_still_escalates():
    assert run(health_background=["quinolone"]).triage.level == "urgent"


def test_the_background_itself_is_never_assumed():
    result = run(location=["calves"], sides="one")
    assert "clot_risk_calf" not in flags(result)


# Escalation warnings read as sentences, not stitched labels.


def test_every_escalation_has_a_sentence_for_a_title_and_a_message():
    for escalation in CONTENT.escalations:
        assert escalation.title and escalation.title[0].isupper(), escalation.slug
        assert ", with " not in escalation.title, escalation.slug  # v2's stitched labels
        assert escalation.message.rstrip().endswith("."), escalation.slug


def test_an_escalation_flag_is_titled_by_its_sentence():
    result = run(health_background=["clot_risk"], location=["calves"], sides="one")
    flag = next(f for f in result.triage.flags if f.slug == "clot_risk_calf")
    assert flag.label == "Pain in one calf with a higher risk of clots"


# Ties between causes: by evidence, then by the pain's pattern, never by list order.


def _tie_content(order):
    causes = {
        "thirst": CauseSpec("thirst", "Not drinking enough", evidence_grade="weak"),
        "fuel": CauseSpec("fuel", "Nutrition", evidence_grade="mixed"),
        "eccentric": CauseSpec("eccentric", "Unaccustomed running", evidence_grade="mixed"),
    }
    question = QuestionSpec(
        "long",
        "Long run?",
        "one",
        1,
        (
            ChoiceSpec(
                "yes",
                "Yes",
                weights=(
                    Weight("thirst", 2, "a"),
                    Weight("fuel", 2, "b"),
                    Weight("eccentric", 2, "c"),
                ),
            ),
        ),
    )
    onset = QuestionSpec(
        "onset",
        "When?",
        "one",
        2,
        (ChoiceSpec("next_day", "Next day", weights=(Weight("eccentric", 0, ""),)),),
    )
    return Content(
        questions=(question, onset), causes=tuple(causes[s] for s in order), strategies=()
    )


@pytest.mark.parametrize(
    "order",
    [
        ("thirst", "fuel", "eccentric"),
        ("eccentric", "fuel", "thirst"),
        ("fuel", "thirst", "eccentric"),
    ],
)
def test_tied_causes_rank_by_evidence_grade_whatever_the_list_order(order):
    content = _tie_content(order)
    ranked = [
        c.slug for c in likely_causes(normalise({"long": "yes"}, content, complete=False), content)
    ]
    assert ranked[-1] == "thirst"  # weak evidence last
    assert ranked[:2] == sorted(ranked[:2])  # the same two mixed-grade causes, same order


def test_tied_causes_of_the_same_grade_rank_by_the_pain_pattern():
    content = _tie_content(("fuel", "eccentric", "thirst"))
    pattern = QuestionSpec(
        "onset",
        "When?",
        "one",
        2,
        (ChoiceSpec("next_day", "Next day", weights=(Weight("eccentric", 1, "next day"),)),),
    )
    long_run = QuestionSpec(
        "long",
        "Long run?",
        "one",
        1,
        (ChoiceSpec("yes", "Yes", weights=(Weight("fuel", 3, "b"), Weight("eccentric", 2, "c"))),),
    )
    content = Content(questions=(long_run, pattern), causes=content.causes, strategies=())
    answers = normalise({"long": "yes", "onset": "next_day"}, content, complete=False)
    assert [c.slug for c in likely_causes(answers, content)][0] == "eccentric"


def test_a_next_day_ache_after_a_long_run_ranks_eccentric_work_above_drinks_and_food():
    result = run(
        location=["quads", "calves"],
        sides="both",
        onset="next_day",
        pain_quality="dull_ache",
        duration="over_90",
        fluids="some",
    )
    ranks = [cause.slug for cause in result.causes]
    assert ranks[0] == "eccentric_load"
    for weaker in ("dehydration", "nutrition"):
        if weaker in ranks:
            assert ranks.index(weaker) > ranks.index("eccentric_load")


# The contract's floor in data.


def test_every_contract_escalation_is_in_the_default_content_with_the_same_parts():
    defaults = {e.slug: e for e in CONTENT.escalations}
    for slug, floor in contract.ESCALATIONS.items():
        escalation = defaults[slug]
        wanted = floor["background"] and ("health_background", floor["background"])
        assert escalation.background == (wanted or None)
        assert len(escalation.when) == len(floor["when"])  # editors may widen, not narrow
        assert all(
            set(mine) >= set(g) for mine, g in zip(escalation.when, floor["when"], strict=True)
        )
        assert contract.rank(escalation.level) >= contract.rank(floor["level"])


def test_the_pain_is_asked_before_the_run_and_the_training():
    step = {q.slug: q.step for q in CONTENT.questions}
    assert step["red_flags"] == 1 and step["health_background"] == 2
    pain = {"location", "sides", "onset", "pain_quality", "duration_days"}
    assert {step[slug] for slug in pain} == {3}
    for later in ("experience", "load_change", "terrain", "duration", "fluids", "warm_up"):
        assert step[later] > 3
