"""The safety floor's rules for one edit: plain functions over plain values, no models.

`models.py` asks them on every save of a question, choice or escalation (so the admin can
say what it refuses), and `safety.py` builds its database triggers and system check on the
same tables. Keeping them here, apart from both, means neither imports the other.
"""

from . import contract
from .contract import (
    CONTRAINDICATIONS,
    ESCALATIONS,
    HEALTH_BACKGROUNDS,
    NEVER_BESIDE_A_WARNING,
    NONE_CHOICE,
    SAFETY_QUESTION_STEPS,
    SAFETY_QUESTIONS,
    WARNING_SIGNS,
    WARNING_SIGNS_QUESTION,
    rank,
)

LOCK_MESSAGE = "legache safety lock: this is part of the assessment contract's safety floor"

# Answers the contract's escalations need, wherever they are asked (location, sides): renaming
# one would slip its escalation condition past the lock.
ESCALATION_ANSWERS = {
    answer for floor in ESCALATIONS.values() for group in floor["when"] for answer in group
}
# (question slug, choice slug) -> least level rank, for every locked choice.
LOCKED_CHOICES: dict[tuple[str, str], int] = {
    **dict.fromkeys(ESCALATION_ANSWERS, 0),
    (WARNING_SIGNS_QUESTION, NONE_CHOICE): 0,
    **{(WARNING_SIGNS_QUESTION, sign): rank(level) for sign, level in WARNING_SIGNS.items()},
    (contract.HEALTH_BACKGROUND_QUESTION, NONE_CHOICE): 0,
    **{(contract.HEALTH_BACKGROUND_QUESTION, slug): 0 for slug in HEALTH_BACKGROUNDS},
}
# Questions whose slug the lock names; the safety questions also stay first and "pick any".
LOCKED_QUESTIONS = sorted({*SAFETY_QUESTIONS, *(question for question, _ in ESCALATION_ANSWERS)})
# Strategies whose slugs other rules name: renaming one would slip it past them.
LOCKED_STRATEGIES = sorted({*NEVER_BESIDE_A_WARNING, *(s for _, s in CONTRAINDICATIONS)})


def locked_choice_changes(question_slug: str, old_slug: str, choice) -> list[str]:
    """Why an edit of a locked choice is refused (empty if it is allowed)."""
    least = LOCKED_CHOICES.get((question_slug, old_slug))
    if least is None:
        return []
    problems = []
    if choice.slug != old_slug or choice.question.slug != question_slug:
        problems.append("A contract answer keeps its slug and its question.")
    if choice.exclusive and old_slug != NONE_CHOICE:
        problems.append("A contract answer cannot be made exclusive.")
    if rank(choice.triage_level) < least:
        problems.append(
            f"This warning sign must stay at level “{contract.TRIAGE_LEVELS[least]}” or above."
        )
    return problems


def locked_question_changes(old_slug: str, question) -> list[str]:
    if old_slug not in LOCKED_QUESTIONS:
        return []
    problems = []
    if question.slug != old_slug:
        problems.append("This question keeps its slug: the safety rules name it.")
    if old_slug not in SAFETY_QUESTIONS:
        return problems
    if question.kind != "many":
        problems.append("The warning-sign and health questions stay “pick any”.")
    if question.step != SAFETY_QUESTION_STEPS[old_slug]:
        problems.append(
            "The warning signs stay on the first screen and the health background on the second."
        )
    return problems


def locked_escalation_changes(old_slug: str, old_background_id, escalation) -> list[str]:
    floor = ESCALATIONS.get(old_slug)
    if floor is None:
        return []
    problems = []
    if escalation.slug != old_slug or escalation.background_id != old_background_id:
        problems.append("A contract escalation keeps its slug and its health background.")
    if rank(escalation.level) < rank(floor["level"]):
        problems.append(f"This escalation must stay at level “{floor['level']}” or above.")
    return problems
