"""Scoring, as a specification: plain answers and content in, a ranked result out."""

import pytest

from assessments import default_questionnaire
from assessments.scoring import InvalidAnswers, assess, score_from_points
from tests.factories import default_content_snapshot, tiny_content

CONTENT = default_content_snapshot()
ALL_FLAGS = [
    (question["slug"], choice["slug"], choice["triage_level"])
    for question in default_questionnaire.QUESTIONS
    for choice in question["choices"]
    if choice.get("triage_level")
]
# Every ordinary (non-warning) answer a runner could give at once, to try to drown a sign.
EVERYTHING_ELSE = {
    "experience": "new",
    "load_change": "up_large",
    "rest_days": "none",
    "terrain": "downhill",
    "duration": "over_90",
    "temperature": "hot",
    "fluids": "little",
    "cramps": "during",
    "nutrition": ["low_carb", "skipped_meals", "low_protein"],
    "warm_up": "neither",
    "form": ["overstriding", "new_shoes", "form_fades"],
    "recovery_history": "family",
    "sleep": "poor",
}


def answer(question_slug, choice_slug):
    kind = CONTENT.questions_by_slug[question_slug].kind
    return {question_slug: [choice_slug] if kind == "many" else choice_slug}


@pytest.mark.parametrize(
    ("cause", "answers"),
    [
        ("overuse", {"experience": "new", "load_change": "up_large", "rest_days": "none"}),
        ("dehydration", {"temperature": "hot", "fluids": "little"}),
        ("nutrition", {"nutrition": ["low_carb", "skipped_meals", "low_protein"]}),
        ("form", {"form": ["overstriding", "new_shoes"]}),
        ("genetics", {"recovery_history": "family"}),
        ("cold", {"temperature": "cold", "warm_up": "neither"}),
        ("electrolytes", {"cramps": "during", "duration": "over_90", "fluids": "plenty"}),
        ("eccentric_load", {"terrain": "downhill", "onset": "next_day"}),
    ],
)
def test_each_cause_comes_first_when_the_answers_point_to_it(cause, answers):
    result = assess(answers, CONTENT)
    assert result.causes[0].slug == cause
    assert result.causes[0].reasons, "a likely cause always says why"
    assert result.causes[0].score > result.causes[1].score if len(result.causes) > 1 else True


def test_no_answers_means_no_likely_cause_and_self_care():
    result = assess({}, CONTENT)
    assert result.causes == ()
    assert result.strategies == ()
    assert result.triage.level == "self_care"


def test_a_cause_without_evidence_scores_zero_and_is_not_shown():
    result = assess({"recovery_history": "family"}, CONTENT)
    assert [cause.slug for cause in result.causes] == ["genetics"]


def test_evidence_against_a_cause_can_cancel_it():
    content = tiny_content()
    assert assess({"hills": "flat"}, content).causes == ()


@pytest.mark.parametrize(("question", "choice", "level"), ALL_FLAGS)
def test_each_warning_sign_reaches_its_level(question, choice, level):
    result = assess(answer(question, choice), CONTENT)
    assert result.triage.level == level
    assert [flag.slug for flag in result.triage.flags] == [choice]
    assert result.triage.flags[0].message


@pytest.mark.parametrize(("question", "choice", "level"), ALL_FLAGS)
def test_a_warning_sign_is_never_outranked_by_cause_scores(question, choice, level):
    answers = {**EVERYTHING_ELSE, **answer(question, choice)}
    result = assess(answers, CONTENT)
    assert result.triage.level == level
    assert choice in [flag.slug for flag in result.triage.flags]
    assert max(cause.score for cause in result.causes) > 50  # causes were strong, still no effect


def test_the_most_urgent_sign_sets_the_level_and_is_listed_first():
    result = assess({"flags": ["ache", "chest", "swollen"]}, tiny_content())
    assert result.triage.level == "emergency"
    assert [flag.level for flag in result.triage.flags] == ["emergency", "urgent", "soon"]


def test_signs_outside_the_warning_question_count_too():
    result = assess({"pain_quality": "sharp", "duration_days": "over_7"}, CONTENT)
    assert result.triage.level == "soon"
    assert {flag.slug for flag in result.triage.flags} == {"sharp", "over_7"}


def test_scores_rise_with_evidence_and_stay_within_0_to_100():
    assert score_from_points(0) == 0
    assert score_from_points(-5) == 0
    assert score_from_points(6) == 50
    assert 0 < score_from_points(3) < score_from_points(12) < score_from_points(60) <= 100
    steep = assess({"hills": "steep"}, tiny_content())
    assert [(c.slug, c.score) for c in steep.causes] == [("overuse", 97), ("downhill", 75)]


def test_scoring_is_deterministic():
    answers = {**EVERYTHING_ELSE, "red_flags": ["none"]}
    assert assess(answers, CONTENT) == assess(dict(reversed(answers.items())), CONTENT)


def test_plan_follows_the_causes_with_personal_steps():
    result = assess({"hills": "steep"}, tiny_content())
    [easy] = result.strategies
    assert easy.for_causes == ("downhill",)
    assert easy.steps == ("Walk the steepest descents.",)


def test_big_jump_puts_gradual_increase_first_with_a_distance_cap():
    result = assess({"experience": "new", "load_change": "up_large"}, CONTENT)
    plan = result.strategies[0]
    assert plan.slug == "gradual_increase"
    assert "overuse" in plan.for_causes
    assert any("10" in step for step in plan.steps)


@pytest.mark.parametrize(
    ("answers", "culprit"),
    [
        ({"nope": "x"}, "unknown question 'nope'"),
        ({"experience": "veteran"}, "unknown choice 'veteran' for question 'experience'"),
        ({"experience": ["new"]}, "question 'experience' takes one choice slug"),
        ({"location": "quads"}, "question 'location' takes a list of choice slugs"),
        ({"location": ["quads", 3]}, "question 'location' takes a list of choice slugs"),
        ({"red_flags": ["none", "fever"]}, "choice 'none' of question 'red_flags' cannot be"),
        (["experience"], "answers must be a JSON object"),
    ],
)
def test_bad_answers_name_the_culprit(answers, culprit):
    with pytest.raises(InvalidAnswers, match=culprit):
        assess(answers, CONTENT)


def test_unanswered_questions_are_allowed():
    result = assess({"experience": None, "location": []}, CONTENT)
    assert result.answers == {}


def test_contract_shape():
    result = assess({"red_flags": ["bone_tenderness"], "terrain": "downhill"}, CONTENT)
    data = result.contract_dict()
    assert set(data) == {"triage", "causes", "strategies"}
    assert set(data["triage"]) == {"level", "flags"}
    assert set(data["triage"]["flags"][0]) == {"slug", "level", "message"}
    assert set(data["causes"][0]) == {"slug", "name", "score", "reasons"}
    assert set(data["strategies"][0]) == {"slug", "title", "for_causes"}
    assert all(isinstance(c["score"], int) and 0 < c["score"] <= 100 for c in data["causes"])


def test_stored_answers_from_an_older_questionnaire_keep_their_warning_signs():
    from assessments.scoring import keep_known

    stored = {"red_flags": ["none", "fever"], "gone": "x", "experience": "retired"}
    kept = keep_known(stored, CONTENT)
    assert kept == {"red_flags": ["fever"]}
    assert assess(kept, CONTENT).triage.level == "urgent"


def test_a_question_changed_to_pick_one_keeps_its_most_urgent_stored_answer():
    from assessments.scoring import keep_known

    assert keep_known({"pain_quality": ["dull_ache", "sharp"]}, CONTENT) == {
        "pain_quality": "sharp"
    }
