"""Scoring a runner's answers: plain data in, a result out, no database.

The content (questions, choices, weights, causes, strategies) arrives as a `Content`
snapshot, so the same function serves the web wizard, the `assess` command and the tests.

Safety rules (contract v3, `../shared/assessment-contract.md`):
- The triage level is the most urgent level any chosen answer or escalation reaches. It is
  computed from the answers alone, before and apart from the cause scores, so nothing about
  causes can lower, hide or soften it.
- The plan follows the level: at `soon` only steps safe beside a warning sign, for after a
  clinician has cleared the runner; at `urgent` and `emergency` no plan and no causes.
- A warning sign ticked with "none" counts as the sign: "none" is dropped, never an error.
- A skipped answer fails safe: a question an escalation needs that was skipped counts as the
  escalating answer (a skipped "one leg or both?" counts as one leg).
- Causes tied on points are ordered by evidence, then by the pain's pattern, never by the
  order of the content list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .contract import NEVER_BESIDE_A_WARNING, rank

# What the plan is for, set by the triage level alone.
PLAN_NOW = "now"
PLAN_AFTER_CLEARANCE = "after_clearance"
PLAN_WITHHELD = "withheld"
PLANS = {
    "self_care": PLAN_NOW,
    "soon": PLAN_AFTER_CLEARANCE,
    "urgent": PLAN_WITHHELD,
    "emergency": PLAN_WITHHELD,
}

# A cause graded "weak" gets at most this many points from any one answer: thin evidence
# must not outvote better-supported causes by one loud weight.
WEAK_CAUSE_MAX_POINTS = 2

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
    required: bool = False  # the warning-sign question: "none" when there are none

    @cached_property
    def choices_by_slug(self) -> dict[str, ChoiceSpec]:
        return {choice.slug: choice for choice in self.choices}


Answer = tuple[str, str]  # (question slug, choice slug)


@dataclass(frozen=True)
class CauseSpec:
    slug: str
    name: str
    summary: str = ""
    evidence_grade: str = ""
    first_step: str = ""  # what to do now when this is the most likely cause
    secondary: bool = False  # only contributes: never first while another cause has points
    only_with: tuple[Answer, ...] = ()  # scores only when one of these answers was given


@dataclass(frozen=True)
class Tip:
    question: str
    choice: str
    text: str
    safe_with_warning: bool = False


@dataclass(frozen=True)
class StrategySpec:
    slug: str
    title: str
    summary: str = ""
    answers: tuple[tuple[str, str], ...] = ()  # (cause slug, why it helps)
    tips: tuple[Tip, ...] = ()
    safe_with_warning: bool = False


@dataclass(frozen=True)
class EscalationSpec:
    """Answers that together reach at least `level`: a health background with other answers,
    or (background None) a pattern of the pain alone."""

    slug: str
    background: Answer | None
    level: str
    message: str
    when: tuple[tuple[Answer, ...], ...]  # every group must match; any answer in a group
    title: str = ""  # the warning's heading, a sentence
    top_cause: str = ""  # a cause that ranks in the top two whenever this applies


@dataclass(frozen=True)
class ContraindicationSpec:
    """A health background that takes a strategy, or one of its steps, out of the plan."""

    background: Answer
    strategy: str
    tip: Answer | None = None  # None: the whole strategy


@dataclass(frozen=True)
class Content:
    questions: tuple[QuestionSpec, ...]
    causes: tuple[CauseSpec, ...]
    strategies: tuple[StrategySpec, ...]
    escalations: tuple[EscalationSpec, ...] = ()
    contraindications: tuple[ContraindicationSpec, ...] = ()
    screens: tuple[tuple[int, str], ...] = ()  # (step, heading)

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

    @cached_property
    def screen_titles(self) -> list[str]:
        """A heading per wizard screen, in step order ("" where an editor gave none)."""
        titles = dict(self.screens)
        return [titles.get(screen[0].step, "") for screen in self.steps]

    def label(self, question_slug: str, choice_slug: str) -> str:
        question = self.questions_by_slug.get(question_slug)
        choice = question.choices_by_slug.get(choice_slug) if question else None
        return choice.label if choice else choice_slug


Answers = dict[str, tuple[str, ...]]


def normalise(raw: object, content: Content, *, complete: bool = True) -> Answers:
    """Check answers against the questionnaire and give every answer as a tuple of slugs.

    Unanswered questions (missing, null, empty list) are left out. An exclusive choice ("none
    of these") ticked with others is dropped: the specific answers, which may be warning
    signs, win. `complete=False` accepts a questionnaire still being filled in, without the
    required warning-sign answer.
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
        chosen = drop_exclusive_beside_others(question, chosen)
        if chosen:
            answers[question_slug] = chosen
    if complete:
        for question in content.questions:
            if question.required and question.slug not in answers:
                raise InvalidAnswers(
                    f"question {question.slug!r} must be answered "
                    f"(use [{question.choices[0].slug!r}] when none apply)"
                    if question.choices
                    else f"question {question.slug!r} must be answered"
                )
    return answers


def drop_exclusive_beside_others(question: QuestionSpec, chosen: tuple[str, ...]):
    """Fail safe: "none of these" ticked together with a sign counts as the sign."""
    if len(chosen) > 1:
        specific = tuple(s for s in chosen if not question.choices_by_slug[s].exclusive)
        if specific:
            return specific
    return chosen


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
    first_steps: tuple[str, ...] = ()

    @property
    def plan(self) -> str:
        return PLANS[self.triage.level]

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
            "plan": self.plan,
            "strategies": [
                {
                    "slug": s.slug,
                    "title": s.title,
                    "for_causes": list(s.for_causes),
                    "steps": list(s.steps),
                }
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
            "plan": self.plan,
            "first_steps": list(self.first_steps),
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


urgency = rank  # 0 for self-care (or no level) up to 3 for emergency


def chose(answers: Answers, answer: Answer) -> bool:
    question, choice = answer
    return choice in answers.get(question, ())


def skipped_questions(answers: Answers, content: Content, *, up_to_step: int | None = None):
    """The questions the runner has passed without answering: all unanswered ones once the
    questionnaire is done, or those on the screens up to `up_to_step` while it is going on
    (a question on a screen not yet reached is not skipped, only not asked yet)."""
    return frozenset(
        q.slug
        for q in content.questions
        if q.slug not in answers and (up_to_step is None or q.step <= up_to_step)
    )


def group_matches(group, answers: Answers, skipped=frozenset()) -> bool:
    """Any answer of the group was given, or (fail safe) a question it asks was skipped."""
    return any(chose(answers, answer) or answer[0] in skipped for answer in group)


def escalation_applies(escalation: EscalationSpec, answers: Answers, skipped=frozenset()) -> bool:
    """Every part matches. Fail safe: a skipped question counts as its escalating answer, but
    an escalation needs something real to go on: its health background, or, for a pattern
    of the pain with no background, its first part (where it hurts) actually answered."""
    if escalation.background is not None:
        if not chose(answers, escalation.background):
            return False
        rest = escalation.when
    else:
        if not escalation.when or not any(chose(answers, a) for a in escalation.when[0]):
            return False
        rest = escalation.when[1:]
    return all(group_matches(group, answers, skipped) for group in rest)


def escalation_label(escalation: EscalationSpec, content: Content) -> str:
    """The warning's heading: the editor's sentence, else one made from the background."""
    if escalation.title:
        return escalation.title
    if escalation.background is not None:
        return content.label(*escalation.background)
    return "The pattern of your pain"


def triage(answers: Answers, content: Content, skipped=None) -> Triage:
    """The most urgent level any answer or escalation reaches. `skipped`: the questions that
    count as skipped (fail safe); by default every unanswered one, as for a finished
    questionnaire."""
    if skipped is None:
        skipped = skipped_questions(answers, content)
    flags = [
        Flag(choice.slug, choice.triage_level, choice.triage_message, question.slug, choice.label)
        for question in content.questions
        for choice in question.choices
        if choice.triage_level and choice.slug in answers.get(question.slug, ())
    ]
    for escalation in content.escalations:
        if escalation_applies(escalation, answers, skipped):
            flags.append(
                Flag(
                    escalation.slug,
                    escalation.level,
                    escalation.message,
                    (escalation.background or escalation.when[0][0])[0],
                    escalation_label(escalation, content),
                )
            )
    flags.sort(key=lambda f: -urgency(f.level))
    level = flags[0].level if flags else "self_care"
    return Triage(level=level, flags=tuple(flags))


def needed_answers(answers: Answers, content: Content, skipped) -> set[str]:
    """Skipped questions that decide whether an escalation applies: the web questionnaire
    asks them straight away (with "not sure"), rather than leave the fail safe to guess."""
    needed = set()
    # Only where the answer could change the level: beside a real "soon", a second soon-level
    # escalation that waits on a blank answer is not worth asking about.
    reached = urgency(triage(answers, content, frozenset()).level)
    for escalation in content.escalations:
        if urgency(escalation.level) <= reached:
            continue
        if not escalation_applies(escalation, answers, skipped):
            continue
        for group in escalation.when:
            if not any(chose(answers, answer) for answer in group):
                needed |= {question for question, _ in group if question in skipped}
    return needed


# Strongest evidence first when causes tie on points.
EVIDENCE_ORDER = {"supported": 0, "mixed": 1, "weak": 2}
# The answers that describe the pain itself, for breaking ties between causes.
PAIN_PATTERN_QUESTIONS = ("onset", "pain_quality", "sides")


def score_from_points(points: int) -> int:
    if points <= 0:
        return 0
    return round(100 * (1 - 0.5 ** (points / HALF_POINTS)))


def likely_causes(answers: Answers, content: Content) -> list[LikelyCause]:
    causes = {cause.slug: cause for cause in content.causes}
    points: dict[str, int] = dict.fromkeys(causes, 0)
    reasons: dict[str, list[tuple[int, str]]] = {slug: [] for slug in causes}
    for question in content.questions:
        for slug in answers.get(question.slug, ()):
            for weight in question.choices_by_slug[slug].weights:
                cause = causes.get(weight.cause)
                if cause is None:
                    continue  # a weight on an unpublished cause
                gained = weight.points
                if cause.evidence_grade == "weak":
                    gained = min(gained, WEAK_CAUSE_MAX_POINTS)
                points[cause.slug] += gained
                if gained > 0 and weight.reason:
                    reasons[cause.slug].append((gained, weight.reason))
    for cause in content.causes:
        # A cause that needs a particular answer (cold needs a cold run) scores nothing
        # without it, whatever else points its way.
        if cause.only_with and not any(chose(answers, answer) for answer in cause.only_with):
            points[cause.slug] = 0
    pattern_points: dict[str, int] = dict.fromkeys(causes, 0)
    for question_slug in PAIN_PATTERN_QUESTIONS:
        question = content.questions_by_slug.get(question_slug)
        for slug in answers.get(question_slug, ()) if question else ():
            for weight in question.choices_by_slug[slug].weights:
                if weight.cause in pattern_points and weight.points > 0:
                    pattern_points[weight.cause] += weight.points
    ranked = sorted(
        (cause for cause in content.causes if score_from_points(points[cause.slug]) > 0),
        # Ties: better evidence first, then the cause that explains the pain's pattern (a
        # next-day, diffuse ache in both legs is eccentric work), then the slug: never the
        # order an editor happened to list the causes in.
        key=lambda cause: (
            cause.secondary,
            -points[cause.slug],
            EVIDENCE_ORDER.get(cause.evidence_grade, len(EVIDENCE_ORDER)),
            -pattern_points[cause.slug],
            cause.slug,
        ),
    )
    for escalation in content.escalations:
        top = escalation.top_cause
        if top and escalation_applies(escalation, answers, skipped_questions(answers, content)):
            index = next((i for i, c in enumerate(ranked) if c.slug == top), None)
            if index is not None and index > 1:
                ranked.insert(1, ranked.pop(index))
    return [
        LikelyCause(
            slug=cause.slug,
            name=cause.name,
            score=score_from_points(points[cause.slug]),
            # Strongest first (ties in question order): the page shows the first few.
            reasons=tuple(text for _, text in sorted(reasons[cause.slug], key=lambda r: -r[0])),
            summary=cause.summary,
            evidence_grade=cause.evidence_grade,
        )
        for cause in ranked
    ]


# How well the answers fit a cause, in words that cannot be confused with an evidence grade
# ("weak evidence" is about the research; a loose fit is about this runner's answers).
FIT_WORDS = {
    "strong": "Fits your answers closely",
    "moderate": "Fits some of your answers",
    "weak": "Fits a few of your answers",
}
# Reasons shown open under each cause; the rest are folded (a phone shows little at once).
REASONS_SHOWN = 3


def match_strength(score: int) -> str:
    """A score in words: "75 / 100" reads like a probability, which it is not."""
    if score >= 67:
        return "strong"
    if score >= 34:
        return "moderate"
    return "weak"


def contraindicated(answers: Answers, content: Content) -> tuple[set[str], set[tuple]]:
    """Strategies, and (strategy, question, choice) steps, the runner's background rules out."""
    strategies: set[str] = set()
    steps: set[tuple] = set()
    for rule in content.contraindications:
        if chose(answers, rule.background):
            if rule.tip is None:
                strategies.add(rule.strategy)
            else:
                steps.add((rule.strategy, *rule.tip))
    return strategies, steps


def prevention_plan(
    answers: Answers, causes: list[LikelyCause], content: Content, plan: str = PLAN_NOW
) -> list[PlannedStrategy]:
    """Strategies that answer the likely causes, most relevant first.

    A strategy ranks by the most likely cause it answers; among equals, the one with more
    personal steps (tips keyed to the runner's own answers) comes first, then the one that
    answers more of the likely causes. Beside a warning sign (`after_clearance`) only what is
    marked safe there is kept; a contraindicated strategy or step never is.
    """
    if plan == PLAN_WITHHELD:
        return []
    beside_warning = plan == PLAN_AFTER_CLEARANCE
    ruled_out, ruled_out_steps = contraindicated(answers, content)
    cause_score = {cause.slug: cause.score for cause in causes}
    cause_rank = {cause.slug: rank for rank, cause in enumerate(causes)}
    planned = []
    for order, strategy in enumerate(content.strategies):
        if strategy.slug in ruled_out:
            continue
        if beside_warning and (
            not strategy.safe_with_warning or strategy.slug in NEVER_BESIDE_A_WARNING
        ):
            continue
        answered = sorted(
            ((slug, why) for slug, why in strategy.answers if slug in cause_score),
            key=lambda pair: cause_rank[pair[0]],
        )
        if not answered:
            continue
        best = max(cause_score[slug] for slug, _ in answered)
        total = sum(cause_score[slug] for slug, _ in answered)
        steps = tuple(
            tip.text
            for tip in strategy.tips
            if chose(answers, (tip.question, tip.choice))
            and (strategy.slug, tip.question, tip.choice) not in ruled_out_steps
            and (tip.safe_with_warning or not beside_warning)
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


# The one time frame for ordinary soreness, everywhere on the site (NHS inform).
SEE_SOMEONE = "See a GP or physiotherapist if it is no better after 5 days, or getting worse."


def first_steps(
    result_triage: Triage, causes: list[LikelyCause], content: Content, answers: Answers
) -> list[str]:
    """Three lines of "what to do now", from the level and the most likely cause."""
    level = result_triage.level
    if level == "emergency":
        return [
            "Call your local emergency number now, or go to an emergency department.",
            "Do not run, and do not drive yourself.",
            "Show the warning below to whoever helps you.",
        ]
    if level == "urgent":
        return [
            "Be seen today: a GP, an urgent treatment centre or a telephone health line (an "
            "urgent treatment centre or emergency department if the warning says you may need "
            "an X-ray or your heart checked).",
            "Do not run until you have been checked.",
            "If it gets worse, call your local emergency number.",
        ]
    if level == "soon":
        return [
            "Can I run tomorrow? No: stop running until a GP or physiotherapist has checked you.",
            "Book an appointment within the next few days.",
            "Until then, keep to activities that do not hurt, such as cycling or swimming.",
        ]
    top = next((c for c in content.causes if causes and c.slug == causes[0].slug), None)
    lines = [
        "Can I run tomorrow? An easy, short run is fine if it is an ordinary ache that eases "
        "as you warm up and day by day; if it is getting worse, stop running and book a GP or "
        "physiotherapist.",
    ]
    ruled_out, _ = contraindicated(answers, content)
    # A cause's first step may lean on a strategy the runner's health rules out (salt for a
    # kidney condition): then the line points to the plan, which has already left it out.
    leans_on_ruled_out = top is not None and any(
        strategy.slug in ruled_out and any(cause == top.slug for cause, _ in strategy.answers)
        for strategy in content.strategies
    )
    if top is not None and not leans_on_ruled_out:
        lines.append(f"Most likely: {top.name}. {top.first_step}".strip())
    elif top is not None:
        lines.append(
            f"Most likely: {top.name}. Your plan below leaves out what does not suit your health."
        )
    else:
        lines.append("Ordinary soreness usually eases within a few days.")
    lines.append(SEE_SOMEONE)
    return lines


def assess(raw_answers: object, content: Content) -> Result:
    """Validate the answers and score them. Raises InvalidAnswers for bad input."""
    answers = normalise(raw_answers, content)
    result_triage = triage(answers, content)
    plan = PLANS[result_triage.level]
    # At urgent and emergency the warning is the whole advice: a list of causes could put
    # "dehydration" first beside suspected low blood sodium.
    causes = [] if plan == PLAN_WITHHELD else likely_causes(answers, content)
    return Result(
        triage=result_triage,
        causes=tuple(causes),
        strategies=tuple(prevention_plan(answers, causes, content, plan)),
        answers=answers,
        answered=tuple(answered_labels(answers, content)),
        first_steps=tuple(first_steps(result_triage, causes, content, answers)),
    )
