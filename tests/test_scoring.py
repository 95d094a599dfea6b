"""Scoring, as a specification: plain answers and content in, a ranked result out."""

import pytest

from assessments import default_questionnaire
from assessments.scoring import (
    CauseSpec,
    ChoiceSpec,
    Content,
    ContraindicationSpec,
    EscalationSpec,
    InvalidAnswers,
    QuestionSpec,
    StrategySpec,
    Tip,
    Weight,
    assess,
    match_strength,
    score_from_points,
)
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


def calm(**answers):
    """Answers from a runner with no warning sign (the one question that must be answered)."""
    return {"red_flags": ["none"], **answers}


@pytest.mark.parametrize(
    ("cause", "answers"),
    [
        ("overuse", {"experience": "new", "load_change": "up_large", "rest_days": "none"}),
        ("dehydration", {"temperature": "hot", "fluids": "little"}),
        ("nutrition", {"nutrition": ["low_carb", "skipped_meals", "low_protein"]}),
        ("form", {"form": ["overstriding", "new_shoes"]}),
        ("genetics", {"recovery_history": "family"}),
        ("cold", {"temperature": "cold", "warm_up": "neither"}),
        ("eccentric_load", {"terrain": "downhill", "onset": "next_day"}),
    ],
)
def test_each_cause_comes_first_when_the_answers_point_to_it(cause, answers):
    result = assess(calm(**answers), CONTENT)
    assert result.causes[0].slug == cause, [(c.slug, c.score) for c in result.causes]
    assert result.causes[0].reasons, "a likely cause always says why"


def test_no_answers_but_no_warning_sign_means_no_likely_cause_and_self_care():
    result = assess(calm(), CONTENT)
    assert result.causes == ()
    assert result.strategies == ()
    assert result.triage.level == "self_care"
    assert result.plan == "now"


def test_the_warning_sign_question_must_be_answered():
    with pytest.raises(InvalidAnswers, match="'red_flags' must be answered"):
        assess({"terrain": "downhill"}, CONTENT)
    with pytest.raises(InvalidAnswers, match="'red_flags' must be answered"):
        assess({"red_flags": []}, CONTENT)


def test_slow_recovery_alone_points_to_genetics():
    result = assess(calm(recovery_history="family"), CONTENT)
    assert [cause.slug for cause in result.causes] == ["genetics"]


def test_evidence_against_a_cause_can_cancel_it():
    content = tiny_content()
    assert assess({"hills": "flat"}, content).causes == ()


@pytest.mark.parametrize(("question", "choice", "level"), ALL_FLAGS)
def test_each_warning_sign_reaches_its_level(question, choice, level):
    result = assess(calm(**answer(question, choice)), CONTENT)
    assert result.triage.level == level
    assert [flag.slug for flag in result.triage.flags] == [choice]
    assert result.triage.flags[0].message


@pytest.mark.parametrize(("question", "choice", "level"), ALL_FLAGS)
def test_a_warning_sign_is_never_outranked_hidden_or_contradicted(question, choice, level):
    answers = {**calm(**EVERYTHING_ELSE), **answer(question, choice)}
    result = assess(answers, CONTENT)
    assert result.triage.level == level
    assert choice in [flag.slug for flag in result.triage.flags]
    if level in ("urgent", "emergency"):
        # The warning is the whole advice: no causes, no plan.
        assert (result.plan, result.causes, result.strategies) == ("withheld", (), ())
    else:
        assert result.plan == "after_clearance"
        assert max(cause.score for cause in result.causes) > 50  # strong causes, no effect
        planned = {s.slug for s in result.strategies}
        assert not planned & {"compression", "repeated_bout", "flat_surfaces"}
        assert_only_safe_steps(result)


def assert_only_safe_steps(result):
    safe = {tip.text for s in CONTENT.strategies for tip in s.tips if tip.safe_with_warning}
    safe_strategies = {s.slug for s in CONTENT.strategies if s.safe_with_warning}
    for strategy in result.strategies:
        assert strategy.slug in safe_strategies
        assert set(strategy.steps) <= safe, f"{strategy.slug} keeps an unsafe step"


def test_the_most_urgent_sign_sets_the_level_and_is_listed_first():
    result = assess({"flags": ["ache", "chest", "swollen"]}, tiny_content())
    assert result.triage.level == "emergency"
    assert [flag.level for flag in result.triage.flags] == ["emergency", "urgent", "soon"]


def test_signs_outside_the_warning_question_count_too():
    result = assess(calm(pain_quality="sharp", duration_days="over_7"), CONTENT)
    assert result.triage.level == "soon"
    assert {flag.slug for flag in result.triage.flags} == {"sharp", "over_7"}


@pytest.mark.parametrize("sign", ["fever", "bone_tenderness", "breathless"])
def test_none_ticked_with_a_sign_counts_as_the_sign(sign):
    result = assess({"red_flags": ["none", sign]}, CONTENT)
    assert result.answers["red_flags"] == (sign,)
    assert [flag.slug for flag in result.triage.flags] == [sign]


def test_scores_rise_with_evidence_and_stay_within_0_to_100():
    assert score_from_points(0) == 0
    assert score_from_points(-5) == 0
    assert score_from_points(6) == 50
    assert 0 < score_from_points(3) < score_from_points(12) < score_from_points(60) <= 100
    steep = assess({"hills": "steep"}, tiny_content())
    assert [(c.slug, c.score) for c in steep.causes] == [("overuse", 97), ("downhill", 75)]


def test_scoring_is_deterministic():
    answers = calm(**EVERYTHING_ELSE)
    assert assess(answers, CONTENT) == assess(dict(reversed(answers.items())), CONTENT)


def test_plan_follows_the_causes_with_personal_steps():
    result = assess({"hills": "steep"}, tiny_content())
    [easy] = result.strategies
    assert easy.for_causes == ("downhill",)
    assert easy.steps == ("Walk the steepest descents.",)


def test_big_jump_puts_gradual_increase_first_with_a_distance_cap():
    result = assess(calm(experience="new", load_change="up_large"), CONTENT)
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
        ({"terrain": "flat"}, "question 'red_flags' must be answered"),
        (["experience"], "answers must be a JSON object"),
    ],
)
def test_bad_answers_name_the_culprit(answers, culprit):
    with pytest.raises(InvalidAnswers, match=culprit):
        assess(answers, CONTENT)


def test_every_other_question_may_be_left_unanswered():
    result = assess(calm(experience=None, location=[]), CONTENT)
    assert result.answers == {"red_flags": ("none",)}


def test_contract_shape():
    result = assess({"red_flags": ["bone_tenderness"], "terrain": "downhill"}, CONTENT)
    data = result.contract_dict()
    assert set(data) == {"triage", "causes", "plan", "strategies"}
    assert data["plan"] == "after_clearance"
    assert set(data["triage"]) == {"level", "flags"}
    assert set(data["triage"]["flags"][0]) == {"slug", "level", "message"}
    assert set(data["causes"][0]) == {"slug", "name", "score", "reasons"}
    assert all(set(s) == {"slug", "title", "for_causes", "steps"} for s in data["strategies"])
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


# The rules of contract v2, on small hand-made content.


def test_a_weak_cause_gets_at_most_2_points_from_one_answer():
    content = rules_content()
    result = assess({"q": ["loud"]}, content)
    weak = next(c for c in result.causes if c.slug == "weak")
    assert weak.score == score_from_points(2)  # the weight says 12


def test_a_secondary_cause_never_ranks_first_while_another_has_points():
    content = rules_content()
    result = assess({"q": ["family", "little"]}, content)
    assert [c.slug for c in result.causes] == ["plain", "genes"]
    assert [c.slug for c in assess({"q": ["family"]}, content).causes] == ["genes"]


def test_a_gated_cause_scores_only_with_its_answer():
    content = rules_content()
    assert "cold" not in [c.slug for c in assess({"q": ["stiff"]}, content).causes]
    assert [c.slug for c in assess({"q": ["stiff", "freezing"]}, content).causes][0] == "cold"


def test_an_escalation_needs_its_background_and_every_part():
    content = rules_content()
    assert assess({"q": ["calf"], "bg": ["clots"]}, content).triage.level == "self_care"
    raised = assess({"q": ["calf", "one_side"], "bg": ["clots"]}, content)
    assert raised.triage.level == "urgent"
    [flag] = raised.triage.flags
    assert flag.slug == "clot_calf" and flag.message == "See someone today."
    assert flag.label == "Clot risk"  # no title: the background's label, never stitched
    assert assess({"q": ["calf", "one_side"]}, content).triage.level == "self_care"


def test_a_contraindication_takes_out_a_strategy_or_one_step():
    content = rules_content()
    plain = assess({"q": ["little", "family"]}, content)
    assert [s.slug for s in plain.strategies] == ["rest", "squeeze"]
    assert plain.strategies[0].steps == ("Sleep more.", "Walk instead.")
    circulation = assess({"q": ["little", "family"], "bg": ["circulation"]}, content)
    assert [s.slug for s in circulation.strategies] == ["rest"]
    assert circulation.strategies[0].steps == ("Walk instead.",)


def test_beside_a_soon_sign_only_safe_strategies_and_steps_remain():
    content = rules_content()
    result = assess({"q": ["little", "family", "tender"]}, content)
    assert result.triage.level == "soon" and result.plan == "after_clearance"
    assert [(s.slug, s.steps) for s in result.strategies] == [("rest", ("Walk instead.",))]
    assert result.causes, "causes stay at soon"


def test_at_urgent_the_plan_and_causes_are_withheld():
    result = assess({"q": ["little", "calf", "one_side"], "bg": ["clots"]}, rules_content())
    assert (result.plan, result.causes, result.strategies) == ("withheld", (), ())


def test_what_to_do_now_follows_the_level_and_the_top_cause():
    content = rules_content()
    calm_lines = assess({"q": ["little"]}, content).first_steps
    assert len(calm_lines) == 3 and "Plain cause. Do the plain thing." in calm_lines[1]
    soon = assess({"q": ["little", "tender"]}, content).first_steps
    assert soon[0].startswith("Can I run tomorrow? No")
    urgent = assess({"q": ["calf", "one_side"], "bg": ["clots"]}, content).first_steps
    assert "today" in urgent[0]


@pytest.mark.parametrize(
    ("score", "words"),
    [(90, "strong"), (67, "strong"), (50, "moderate"), (34, "moderate"), (33, "weak"), (5, "weak")],
)
def test_scores_are_shown_as_words_not_probabilities(score, words):
    assert match_strength(score) == words


def rules_content():
    """One pick-any question exercising every scoring rule, plus a health background."""
    q = QuestionSpec(
        "q",
        "Anything?",
        "many",
        1,
        (
            ChoiceSpec("loud", "Loud", weights=(Weight("weak", 12, "Loud."),)),
            ChoiceSpec("family", "Family", weights=(Weight("genes", 12, "Family."),)),
            ChoiceSpec("little", "Little", weights=(Weight("plain", 3, "Little."),)),
            ChoiceSpec("stiff", "Stiff", weights=(Weight("cold", 6, "Stiff."),)),
            ChoiceSpec("freezing", "Freezing", weights=(Weight("cold", 1, "Freezing."),)),
            ChoiceSpec("calf", "Sore calf"),
            ChoiceSpec("one_side", "One side"),
            ChoiceSpec("tender", "Tender bone", triage_level="soon", triage_message="Book."),
        ),
    )
    bg = QuestionSpec(
        "bg",
        "Health?",
        "many",
        1,
        (ChoiceSpec("clots", "Clot risk"), ChoiceSpec("circulation", "Poor circulation")),
    )
    return Content(
        questions=(q, bg),
        causes=(
            CauseSpec("plain", "Plain cause", first_step="Do the plain thing."),
            CauseSpec("weak", "Weak", evidence_grade="weak"),
            CauseSpec("genes", "Genes", secondary=True),
            CauseSpec("cold", "Cold", only_with=(("q", "freezing"),)),
        ),
        strategies=(
            StrategySpec("squeeze", "Squeeze", answers=(("plain", "Helps."),)),
            StrategySpec(
                "rest",
                "Rest",
                answers=(("genes", "Helps."), ("plain", "Helps.")),
                tips=(
                    Tip("q", "family", "Sleep more."),
                    Tip("q", "little", "Walk instead.", safe_with_warning=True),
                ),
                safe_with_warning=True,
            ),
        ),
        escalations=(
            EscalationSpec(
                "clot_calf",
                ("bg", "clots"),
                "urgent",
                "See someone today.",
                ((("q", "calf"),), (("q", "one_side"),)),
            ),
        ),
        contraindications=(
            ContraindicationSpec(("bg", "circulation"), "squeeze"),
            ContraindicationSpec(("bg", "circulation"), "rest", ("q", "family")),
        ),
    )


def test_a_causes_reasons_come_strongest_first():
    # The result page shows the first three reasons of a cause: they must be its strongest.
    result = assess(calm(**EVERYTHING_ELSE), CONTENT)
    for cause in result.causes:
        strength = {}
        for question in CONTENT.questions:
            given = EVERYTHING_ELSE.get(question.slug)
            for slug in [given] if isinstance(given, str) else given or []:
                for weight in question.choices_by_slug[slug].weights:
                    if weight.cause == cause.slug and weight.reason:
                        strength[weight.reason] = max(weight.points, strength.get(weight.reason, 0))
        shown = [strength[reason] for reason in cause.reasons if reason in strength]
        assert shown == sorted(shown, reverse=True), (cause.slug, cause.reasons)
