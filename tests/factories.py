"""Content snapshots for scoring tests, without the database."""

from assessments import default_content, default_questionnaire
from assessments.contract import ESCALATION_CAUSES, WARNING_SIGNS_QUESTION
from assessments.scoring import (
    CauseSpec,
    ChoiceSpec,
    Content,
    ContraindicationSpec,
    EscalationSpec,
    QuestionSpec,
    StrategySpec,
    Tip,
    Weight,
)


def default_content_snapshot() -> Content:
    """The same content the data migrations load, as scoring sees it."""
    tips: dict[str, list[Tip]] = {}
    for strategy, question, choice, text, *safe in default_questionnaire.TIPS:
        tips.setdefault(strategy, []).append(Tip(question, choice, text, bool(safe and safe[0])))
    links: dict[str, list[tuple[str, str]]] = {}
    for cause, strategy, why in default_content.STRATEGY_FOR_CAUSE:
        links.setdefault(strategy, []).append((cause, why))
    return Content(
        questions=tuple(
            QuestionSpec(
                slug=q["slug"],
                text=q["text"],
                kind=q["kind"],
                step=q["step"],
                required=q["slug"] == WARNING_SIGNS_QUESTION,
                choices=tuple(
                    ChoiceSpec(
                        slug=c["slug"],
                        label=c["label"],
                        exclusive=c.get("exclusive", False),
                        triage_level=c.get("triage_level", ""),
                        triage_message=c.get("triage_message", ""),
                        weights=tuple(
                            Weight(cause, points, reason)
                            for cause, (points, reason) in c.get("weights", {}).items()
                        ),
                    )
                    for c in q["choices"]
                ),
            )
            for q in default_questionnaire.QUESTIONS
        ),
        causes=tuple(
            CauseSpec(
                c["slug"],
                c["name"],
                evidence_grade=c["evidence_grade"],
                first_step=c.get("first_step", ""),
                secondary=c.get("secondary", False),
                only_with=tuple(tuple(answer) for answer in c.get("only_with", ())),
            )
            for c in default_content.CAUSES
        ),
        strategies=tuple(
            StrategySpec(
                slug=s["slug"],
                title=s["title"],
                answers=tuple(links.get(s["slug"], ())),
                tips=tuple(tips.get(s["slug"], ())),
                safe_with_warning=s.get("safe_with_warning", False),
            )
            for s in default_content.STRATEGIES
        ),
        escalations=tuple(
            EscalationSpec(
                slug=e["slug"],
                background=("health_background", e["background"]) if e["background"] else None,
                level=e["level"],
                message=e["message"],
                when=tuple(tuple(tuple(answer) for answer in part) for part in e["when"]),
                title=e.get("title", ""),
                top_cause=ESCALATION_CAUSES.get(e["slug"], ""),
            )
            for e in getattr(default_questionnaire, "ESCALATIONS", ())
        ),
        contraindications=tuple(
            ContraindicationSpec(
                ("health_background", background), strategy, tuple(tip) if tip else None
            )
            for background, strategy, tip in getattr(default_questionnaire, "CONTRAINDICATIONS", ())
        ),
        screens=tuple(getattr(default_questionnaire, "SCREENS", {}).items()),
    )


def tiny_content(**overrides) -> Content:
    """Two causes, one strategy, two questions: for rules that do not need real content."""
    questions = (
        QuestionSpec(
            "flags",
            "Any warning signs?",
            "many",
            1,
            (
                ChoiceSpec("none", "None", exclusive=True),
                ChoiceSpec(
                    "swollen", "Swollen calf", triage_level="urgent", triage_message="Today."
                ),
                ChoiceSpec("chest", "Chest pain", triage_level="emergency", triage_message="Now."),
                ChoiceSpec("ache", "Bone ache", triage_level="soon", triage_message="Days."),
            ),
        ),
        QuestionSpec(
            "hills",
            "Hills?",
            "one",
            2,
            (
                ChoiceSpec("flat", "Flat", weights=(Weight("downhill", -2, ""),)),
                ChoiceSpec(
                    "steep",
                    "Steep",
                    weights=(
                        Weight("downhill", 12, "You ran steep descents."),
                        Weight("overuse", 30, "Steep hills add load."),
                    ),
                ),
            ),
        ),
    )
    return Content(
        questions=overrides.get("questions", questions),
        causes=(CauseSpec("overuse", "Overuse"), CauseSpec("downhill", "Downhill")),
        strategies=(
            StrategySpec(
                "easy",
                "Easy days",
                answers=(("downhill", "Lets muscles repair."),),
                tips=(Tip("hills", "steep", "Walk the steepest descents."),),
            ),
        ),
    )
