"""Scoring a runner's answers: plain data in, a result out, no database.

The content (questions, choices, weights, causes, strategies) arrives as a `Content`
snapshot, so the same function serves the web wizard, the `assess` command and the tests.

Safety rule: the triage level is the most urgent level any chosen answer carries. It is
computed from the answers alone, before and apart from the cause scores, so nothing about
causes can lower, hide or soften it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

TRIAGE_LEVELS = ("self_care", "soon", "urgent", "emergency")

# Every HALF_POINTS of evidence halves the remaining doubt: 6 points -> 50, 12 -> 75, 18 -> 88.
# A saturating curve keeps scores in 0-100 however many answers point the same way.
HALF_POINTS = 6


class InvalidAnswers(ValueError):
    """Answers that do not fit the questionnaire; the message names the culprit."""


@dataclass(frozen=True)
class Weight:
    cause: str
    points: int
    reason: str


@dataclass(frozen=True)
class ChoiceSpec:
    slug: str
    label: str
    exclusive: bool = False
    triage_level: str = ""
    triage_message: str = ""
    weights: tuple[Weight, ...] = ()


@dataclass(frozen=True)
class QuestionSpec:
    slug: str
    text: str
    kind: str  # "one" or "many"
    step: int
    choices: tuple[ChoiceSpec, ...]
    help_text: str = ""

    @cached_property
    def choices_by_slug(self) -> dict[str, ChoiceSpec]:
        return {choice.slug: choice for choice in self.choices}


@dataclass(frozen=True)
class CauseSpec:
    slug: str
    name: str
    summary: str = ""
    evidence_grade: str = ""


@dataclass(frozen=True)
class Tip:
    question: str
    choice: str
    text: str


@dataclass(frozen=True)
class StrategySpec:
    slug: str
    title: str
    summary: str = ""
    answers: tuple[tuple[str, str], ...] = ()  # (cause slug, why it helps)
    tips: tuple[Tip, ...] = ()


@dataclass(frozen=True)
class Content:
    questions: tuple[QuestionSpec, ...]
    causes: tuple[CauseSpec, ...]
    strategies: tuple[StrategySpec, ...]

    @cached_property
    def questions_by_slug(self) -> dict[str, QuestionSpec]:
        return {question.slug: question for question in self.questions}

    @cached_property
    def steps(self) -> list[list[QuestionSpec]]:
        """Questions grouped into wizard screens, in step then content order."""
        grouped: dict[int, list[QuestionSpec]] = {}
        for question in self.questions:
            grouped.setdefault(question.step, []).append(question)
        return [grouped[step] for step in sorted(grouped)]


Answers = dict[str, tuple[str, ...]]


def normalise(raw: object, content: Content) -> Answers:
    """Check answers against the questionnaire and give every answer as a tuple of slugs.

    Unanswered questions (missing, null, empty list) are left out.
    """
    if not isinstance(raw, Mapping):
        raise InvalidAnswers("answers must be a JSON object keyed by question slug")
    answers: Answers = {}
    for question_slug, value in raw.items():
        question = content.questions_by_slug.get(question_slug)
        if question is None:
            raise InvalidAnswers(f"unknown question {question_slug!r}")
        if value is None:
            continue
        if question.kind == "one":
            if not isinstance(value, str):
                raise InvalidAnswers(
                    f"question {question_slug!r} takes one choice slug, not {type(value).__name__}"
                )
            chosen = (value,)
        else:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InvalidAnswers(f"question {question_slug!r} takes a list of choice slugs")
            chosen = tuple(dict.fromkeys(value))
        for slug in chosen:
            if slug not in question.choices_by_slug:
                raise InvalidAnswers(f"unknown choice {slug!r} for question {question_slug!r}")
        exclusive = [s for s in chosen if question.choices_by_slug[s].exclusive]
        if exclusive and len(chosen) > 1:
            raise InvalidAnswers(
                f"choice {exclusive[0]!r} of question {question_slug!r} cannot be combined "
                "with other choices"
            )
        if chosen:
            answers[question_slug] = chosen
    return answers


@dataclass(frozen=True)
class Flag:
    slug: str
    level: str
    message: str
    question: str
    label: str


@dataclass(frozen=True)
class Triage:
    level: str
    flags: tuple[Flag, ...]

    @property
    def is_self_care(self) -> bool:
        return self.level == "self_care"


@dataclass(frozen=True)
class LikelyCause:
    slug: str
    name: str
    score: int
    reasons: tuple[str, ...]
    summary: str = ""
    evidence_grade: str = ""


@dataclass(frozen=True)
class PlannedStrategy:
    slug: str
    title: str
    for_causes: tuple[str, ...]
    steps: tuple[str, ...]
    why: tuple[str, ...] = ()
    summary: str = ""


@dataclass(frozen=True)
class Result:
    triage: Triage
    causes: tuple[LikelyCause, ...]
    strategies: tuple[PlannedStrategy, ...]
    answers: Answers = field(default_factory=dict)
    answered: tuple[dict, ...] = ()

    def contract_dict(self) -> dict:
        """Exactly the shape `../shared/assessment-contract.md` fixes for `assess`."""
        return {
            "triage": {
                "level": self.triage.level,
                "flags": [
                    {"slug": f.slug, "level": f.level, "message": f.message}
                    for f in self.triage.flags
                ],
            },
            "causes": [
                {"slug": c.slug, "name": c.name, "score": c.score, "reasons": list(c.reasons)}
                for c in self.causes
            ],
            "strategies": [
                {"slug": s.slug, "title": s.title, "for_causes": list(s.for_causes)}
                for s in self.strategies
            ],
        }

    def snapshot(self) -> dict:
        """Everything the result page shows, frozen at the time it was computed."""
        return {
            "triage": {
                "level": self.triage.level,
                "flags": [vars(f) for f in self.triage.flags],
            },
            "causes": [{**vars(c), "reasons": list(c.reasons)} for c in self.causes],
            "strategies": [
                {
                    **vars(s),
                    "for_causes": list(s.for_causes),
                    "steps": list(s.steps),
                    "why": list(s.why),
                }
                for s in self.strategies
            ],
            "answered": list(self.answered),
        }


def keep_known(raw: Mapping, content: Content) -> dict:
    """Stored answers minus any question or choice an editor has since removed."""
    kept = {}
    for slug, value in raw.items():
        question = content.questions_by_slug.get(slug)
        if question is None:
            continue
        values = value if isinstance(value, list) else [value]
        known = [v for v in values if isinstance(v, str) and v in question.choices_by_slug]
        if len(known) > 1:
            # A choice made exclusive since: drop it, never the answers beside it (which may
            # be warning signs).
            known = [v for v in known if not question.choices_by_slug[v].exclusive]
        if known and question.kind == "one":
            # A question changed to pick-one since: keep its most urgent answer.
            known = [max(known, key=lambda v: urgency(question.choices_by_slug[v].triage_level))]
        if known:
            kept[slug] = known if question.kind == "many" else known[0]
    return kept


def answered_labels(answers: Answers, content: Content) -> list[dict]:
    """The runner's answers in words, in questionnaire order, for the result snapshot."""
    return [
        {
            "question": question.text,
            "answers": [question.choices_by_slug[s].label for s in answers[question.slug]],
        }
        for question in content.questions
        if question.slug in answers
    ]


def urgency(level: str) -> int:
    return TRIAGE_LEVELS.index(level) if level in TRIAGE_LEVELS else 0


def triage(answers: Answers, content: Content) -> Triage:
    flags = [
        Flag(choice.slug, choice.triage_level, choice.triage_message, question.slug, choice.label)
        for question in content.questions
        for choice in question.choices
        if choice.triage_level and choice.slug in answers.get(question.slug, ())
    ]
    flags.sort(key=lambda f: -urgency(f.level))
    level = flags[0].level if flags else "self_care"
    return Triage(level=level, flags=tuple(flags))


def score_from_points(points: int) -> int:
    if points <= 0:
        return 0
    return round(100 * (1 - 0.5 ** (points / HALF_POINTS)))


def likely_causes(answers: Answers, content: Content) -> list[LikelyCause]:
    points: dict[str, int] = {cause.slug: 0 for cause in content.causes}
    reasons: dict[str, list[str]] = {cause.slug: [] for cause in content.causes}
    for question in content.questions:
        for slug in answers.get(question.slug, ()):
            for weight in question.choices_by_slug[slug].weights:
                if weight.cause not in points:
                    continue  # a weight on an unpublished cause
                points[weight.cause] += weight.points
                if weight.points > 0 and weight.reason:
                    reasons[weight.cause].append(weight.reason)
    order = {cause.slug: index for index, cause in enumerate(content.causes)}
    ranked = sorted(
        (cause for cause in content.causes if score_from_points(points[cause.slug]) > 0),
        key=lambda cause: (-points[cause.slug], order[cause.slug]),
    )
    return [
        LikelyCause(
            slug=cause.slug,
            name=cause.name,
            score=score_from_points(points[cause.slug]),
            reasons=tuple(reasons[cause.slug]),
            summary=cause.summary,
            evidence_grade=cause.evidence_grade,
        )
        for cause in ranked
    ]


def prevention_plan(
    answers: Answers, causes: list[LikelyCause], content: Content
) -> list[PlannedStrategy]:
    """Strategies that answer the likely causes, most relevant first.

    A strategy ranks by the most likely cause it answers; among equals, the one with more
    personal steps (tips keyed to the runner's own answers) comes first, then the one that
    answers more of the likely causes.
    """
    cause_score = {cause.slug: cause.score for cause in causes}
    cause_rank = {cause.slug: rank for rank, cause in enumerate(causes)}
    planned = []
    for order, strategy in enumerate(content.strategies):
        answered = sorted(
            ((slug, why) for slug, why in strategy.answers if slug in cause_score),
            key=lambda pair: cause_rank[pair[0]],
        )
        if not answered:
            continue
        best = max(cause_score[slug] for slug, _ in answered)
        total = sum(cause_score[slug] for slug, _ in answered)
        steps = tuple(
            tip.text for tip in strategy.tips if tip.choice in answers.get(tip.question, ())
        )
        planned.append(
            (
                (-best, -len(steps), -total, order),
                PlannedStrategy(
                    slug=strategy.slug,
                    title=strategy.title,
                    for_causes=tuple(slug for slug, _ in answered),
                    steps=steps,
                    why=tuple(why for _, why in answered),
                    summary=strategy.summary,
                ),
            )
        )
    planned.sort(key=lambda pair: pair[0])
    return [strategy for _, strategy in planned]


def assess(raw_answers: object, content: Content) -> Result:
    """Validate the answers and score them. Raises InvalidAnswers for bad input."""
    answers = normalise(raw_answers, content)
    causes = likely_causes(answers, content)
    return Result(
        triage=triage(answers, content),
        causes=tuple(causes),
        strategies=tuple(prevention_plan(answers, causes, content)),
        answers=answers,
        answered=tuple(answered_labels(answers, content)),
    )
