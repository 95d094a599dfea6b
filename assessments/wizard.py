"""The questionnaire's steps and storage: glue between requests, Assessment rows and scoring.

An anonymous runner owns the assessments started in their browser session: each row records
a keyed hash of that session's key, so ownership lives in the database, and parallel starts
in one session (two tabs, a double tap) cannot overwrite each other's claim the way a list
kept in the session did. A signed-in runner owns the ones attached to their account. Nobody
else can see or change one; a finished result is visible to others only if its runner turns
on sharing.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import Assessment
from .scoring import (
    Content,
    Flag,
    assess,
    keep_known,
    needed_answers,
    normalise,
    skipped_questions,
    triage,
    urgency,
)

# Sessions from before ownership moved to the database listed their assessments here.
LEGACY_SESSION_KEY = "assessment_ids"
# The owner key, also kept in the session's data: signing in gives the session a new key
# (against session fixation) but keeps its data, so the claim on sign-in can find them.
OWNER_KEY = "assessment_owner"


def session_owner_key(session) -> str:
    """The owner key of a browser session's assessments ("" before the session exists)."""
    if OWNER_KEY in session:
        return session[OWNER_KEY]
    if not session.session_key:
        return ""
    return salted_hmac(
        "legache.assessment-owner", session.session_key, algorithm="sha256"
    ).hexdigest()


class Owner:
    """Who is asking, read from the session once (and before any lock is taken)."""

    def __init__(self, request):
        self.user_id = request.user.pk if request.user.is_authenticated else None
        self.owner_key = session_owner_key(request.session)
        self.legacy_ids = set(request.session.get(LEGACY_SESSION_KEY, []))

    def owns(self, assessment: Assessment) -> bool:
        if assessment.user_id is not None:
            return assessment.user_id == self.user_id
        if assessment.owner_key:
            return bool(self.owner_key) and assessment.owner_key == self.owner_key
        return str(assessment.pk) in self.legacy_ids


def owns(request, assessment: Assessment) -> bool:
    return Owner(request).owns(assessment)


def owned_assessment(request, assessment_id) -> Assessment:
    """The runner's own assessment, else 404."""
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    if assessment is None or not owns(request, assessment):
        raise Http404("No such assessment.")
    return assessment


@contextmanager
def locked_assessment(request, assessment_id):
    """The runner's own assessment, locked for the writes inside the `with` block, else 404.

    The session is read before the transaction opens: on SQLite the write lock covers the
    whole database, so everything slow stays outside it.
    """
    owner = Owner(request)
    with transaction.atomic():
        assessment = Assessment.objects.select_for_update().filter(pk=assessment_id).first()
        if assessment is None or not owner.owns(assessment):
            raise Http404("No such assessment.")
        yield assessment


def latest_unfinished(request) -> Assessment | None:
    if request.user.is_authenticated:
        candidates = Assessment.objects.filter(user=request.user)
    else:
        owner_key = session_owner_key(request.session)
        if not owner_key:
            return None
        candidates = Assessment.objects.filter(owner_key=owner_key, user__isnull=True)
    return candidates.filter(completed_at__isnull=True).order_by("-updated_at").first()


def from_the_log(user, content: Content | None, run_id: int | None = None) -> dict:
    """A signed-in runner's answers the run log can give, each marked with its day and its
    sources. `run_id`: the run the runner said made their legs sore (asked, not assumed)."""
    from runlog.prefill import answers_from_log

    if content is None:
        return {}
    found = answers_from_log(user, run_id)
    answers = keep_known({slug: answer.value for slug, answer in found.items()}, content)
    prefilled = {
        slug: {
            "value": answers[slug],
            "day": found[slug].day.isoformat(),
            "runs": list(found[slug].run_ids),
            "sources": list(found[slug].sources),
        }
        for slug in answers
    }
    return {"answers": answers, "prefilled": prefilled}


def log_notes(assessment: Assessment) -> dict[str, str]:
    """ "From your log of 23 November" for each answer still as the log gave it."""
    notes = {}
    for slug in untouched_prefill(assessment.answers, assessment.prefilled):
        day = date.fromisoformat(assessment.prefilled[slug]["day"])
        notes[slug] = f"From your log of {day.day} {day:%B}"
    return notes


def past_results(request, limit: int = 20) -> list[dict]:
    """A signed-in runner's finished questionnaires, newest first: day, level, top cause."""
    if not request.user.is_authenticated:
        return []
    finished = (
        Assessment.objects.filter(user=request.user, completed_at__isnull=False)
        .order_by("-completed_at")
        .values("pk", "completed_at", "result")[:limit]
    )
    return [
        {
            "pk": row["pk"],
            "completed_at": row["completed_at"],
            "level": row["result"]["triage"]["level"],
            "top_cause": (row["result"]["causes"] or [{}])[0].get("name", ""),
        }
        for row in finished
    ]


def run_choices(request) -> list[tuple[int, str]]:
    """A signed-in runner's recent runs to pick "the run that made your legs sore" from."""
    if not request.user.is_authenticated:
        return []
    from runlog.prefill import run_choices

    return run_choices(request.user)


def start(request, content: Content | None = None, run_id: int | None = None) -> Assessment:
    user = request.user if request.user.is_authenticated else None
    if user is not None:
        return Assessment.objects.create(user=user, **from_the_log(user, content, run_id))
    if not request.session.session_key:
        request.session.save()  # a new visitor: the session (and its key) starts here
    # Every parallel start in this session computes the same key from the same session key,
    # so writing it back races harmlessly.
    owner_key = request.session[OWNER_KEY] = session_owner_key(request.session)
    return Assessment.objects.create(owner_key=owner_key)


def claim_session_assessments(request, user) -> int:
    """On sign-up and sign-in: the assessments this browser session owns become the
    account's, finished or not. Returns how many."""
    owner_key = request.session.get(OWNER_KEY)
    legacy_ids = request.session.get(LEGACY_SESSION_KEY, [])
    if not owner_key and not legacy_ids:
        return 0
    unclaimed = Assessment.objects.filter(user__isnull=True)
    claimed = unclaimed.filter(owner_key=owner_key).update(user=user) if owner_key else 0
    if legacy_ids:
        claimed += unclaimed.filter(pk__in=legacy_ids).update(user=user)
    return claimed


def step_count(content: Content) -> int:
    return len(content.steps)


# Measured walking through the questionnaire on a phone: about 10 seconds a question.
SECONDS_PER_QUESTION = 10


def minutes_to_answer(content: Content) -> int:
    """An honest estimate for the home page, from the questionnaire as editors left it."""
    return max(1, round(len(content.questions) * SECONDS_PER_QUESTION / 60))


def questions_for(content: Content, number: int):
    if not 1 <= number <= step_count(content):
        raise Http404("That step does not exist.")
    return content.steps[number - 1]


def screen_title(content: Content, number: int) -> str:
    fallback = "Warning signs first" if number == 1 else "About your running"
    return content.screen_titles[number - 1] or fallback


def screen_step(content: Content, number: int) -> int:
    """The content's step number of wizard screen `number` (editors may leave gaps)."""
    return content.steps[number - 1][0].step


@dataclass(frozen=True)
class GoTo:
    step: int


@dataclass(frozen=True)
class Warn:
    """An urgent or emergency warning this screen raised: interrupt at once."""


@dataclass(frozen=True)
class Finished:
    pass


@dataclass(frozen=True)
class AskFirst:
    """The result needs an answer that must be given (the warning signs) on this step."""

    step: int


@dataclass(frozen=True)
class Refused:
    """The screen's answers did not validate: nothing was saved."""


@dataclass(frozen=True)
class AskAgain:
    """An escalation depends on a question this screen left blank: ask it straight away
    (the runner may answer "not sure", or leave it, and then the fail safe applies)."""

    questions: frozenset


def submit_step(
    assessment,
    number: int,
    answers: dict | None,
    content: Content,
    back: bool,
    asked: frozenset = frozenset(),
):
    """Save one screen of a row the caller has locked, and say where the runner goes next.

    Urgent and emergency warnings interrupt at once, on the screen that completes them (a
    health background on screen 2 meets one-sided calf pain on screen 3), going back or
    forth. A question an escalation needs, left blank on this screen, is asked once more
    straight away (`asked`: the ones already asked again).
    """
    last = step_count(content)
    if answers is None:
        return GoTo(max(number - 1, 1)) if back else Refused()
    before = dict(assessment.answers)
    target = max(number - 1, 1) if back else min(number + 1, last)
    ask = set() if back else questions_to_ask(assessment.answers, answers, number, content)
    if ask and not ask <= asked:
        return AskAgain(frozenset(ask))
    save_step(assessment, answers, target)
    if newly_interrupting(before, assessment.answers, content, number, assessment.prefilled):
        return Warn()
    if back or number < last:
        return GoTo(target)
    if missing := unanswered_required_step(assessment.answers, content):
        return AskFirst(missing)
    finish(assessment, content)
    return Finished()


def save_step(assessment: Assessment, answers: dict, next_step: int) -> None:
    """Merge one screen's answers into a row the caller has locked."""
    merged = {**assessment.answers, **answers}
    assessment.answers = {slug: value for slug, value in merged.items() if value is not None}
    assessment.step = next_step
    assessment.updated_at = timezone.now()
    # One UPDATE of the three columns, without Model.save()'s per-field work (the row is
    # locked and no signal listens to an unfinished assessment).
    type(assessment).objects.filter(pk=assessment.pk).update(
        answers=assessment.answers, step=next_step, updated_at=assessment.updated_at
    )


def unanswered_required_step(answers: dict, content: Content) -> int | None:
    """The screen of the first question that must be answered and is not, if any."""
    kept = keep_known(answers, content)
    for number, questions in enumerate(content.steps, start=1):
        if any(q.required and not kept.get(q.slug) for q in questions):
            return number
    return None


def questions_to_ask(saved: dict, screen: dict, number: int, content: Content) -> set[str]:
    """This screen's blank questions that an escalation needs, given everything so far."""
    # This screen's answers replace the saved ones, a blank one included (a cleared answer
    # must not keep an escalation going).
    merged = {slug: value for slug, value in {**saved, **screen}.items() if value is not None}
    answers = normalise(keep_known(merged, content), content, complete=False)
    skipped = skipped_questions(answers, content, up_to_step=screen_step(content, number))
    blank = {slug for slug, value in screen.items() if value is None}
    return needed_answers(answers, content, skipped) & blank


def untouched_prefill(answers: dict, prefilled: dict) -> set[str]:
    """The answers still exactly as the run log filled them in."""
    return {
        slug
        for slug, source in (prefilled or {}).items()
        if slug in answers and answers[slug] == source.get("value")
    }


def safest_answers(assessment: Assessment, content: Content) -> dict:
    """The answers to score: a pre-filled answer from the log, left as it was given, never
    lowers the level the runner's own answers reach (it counts as skipped if it would)."""
    answers = keep_known(assessment.answers, content)

    def level(view):
        return urgency(triage(normalise(view, content, complete=False), content).level)

    # One pre-filled answer at a time: each that lowers the level, with the others kept, is
    # read as skipped (and a skipped answer fails safe).
    for slug in sorted(untouched_prefill(answers, assessment.prefilled)):
        without = {key: value for key, value in answers.items() if key != slug}
        if level(without) > level(answers):
            answers = without
    return answers


def finish(assessment: Assessment, content: Content) -> None:
    """Score and freeze the result, so later content edits do not rewrite it."""
    scored = safest_answers(assessment, content)
    result = assess(scored, content)
    assessment.result = result.snapshot()
    # What came from the run log, and the runs it drew on (only answers left as the log gave).
    if notes := log_notes(assessment):
        assessment.result["from_log"] = [
            {
                "question": content.questions_by_slug[slug].text,
                "note": note,
                "runs": assessment.prefilled[slug]["runs"],
                "sources": assessment.prefilled[slug].get("sources", []),
            }
            for slug, note in notes.items()
            # Only what the result was scored with: an answer read as skipped is not "from
            # your log" any more.
            if slug in content.questions_by_slug and slug in scored
        ]
    assessment.completed_at = timezone.now()
    assessment.save(update_fields=["result", "completed_at", "updated_at"])


# Warning signs at this level or above interrupt the questionnaire at once.
INTERRUPTING_LEVEL = "urgent"


def interrupting_flags(
    answers: dict, content: Content, up_to: int | None = None, prefilled: dict | None = None
) -> list[Flag]:
    """Urgent and emergency warnings (signs and escalations) among the answers so far.

    `up_to`: the screens answered so far; a blank question on them counts as skipped (fail
    safe), one on a later screen is not asked yet. None: every screen; 0: none.
    `prefilled`: answers still as the run log gave them are also read as skipped, and a
    warning either way counts (a pre-filled answer never hides one).
    """
    answers = keep_known(answers, content)
    from_log = untouched_prefill(answers, prefilled)
    views = [answers]
    if from_log:
        views.append({slug: value for slug, value in answers.items() if slug not in from_log})
    step = None if up_to is None else (screen_step(content, up_to) if up_to else 0)
    flags: dict[str, Flag] = {}
    for view in views:
        normalised = normalise(view, content, complete=False)
        skipped = skipped_questions(normalised, content, up_to_step=step)
        for flag in triage(normalised, content, skipped).flags:
            if urgency(flag.level) >= urgency(INTERRUPTING_LEVEL):
                flags.setdefault(flag.slug, flag)
    return sorted(flags.values(), key=lambda flag: -urgency(flag.level))


def newly_interrupting(
    before: dict, after: dict, content: Content, number: int, prefilled: dict | None = None
) -> list[Flag]:
    """The urgent or emergency warnings this screen's answers added: one shown before is
    never shown again when the runner carries on."""
    now = interrupting_flags(after, content, up_to=number, prefilled=prefilled)
    if not now:
        return []  # the usual screen: no need to work out what was there before
    seen = {
        flag.slug
        for flag in interrupting_flags(before, content, up_to=number - 1, prefilled=prefilled)
    }
    return [flag for flag in now if flag.slug not in seen]


def warning_for_screen(assessment: Assessment, content: Content, number: int) -> list[Flag]:
    """What the warning page after screen `number` shows: the warnings that screen raised,
    else (an old link) every urgent or emergency warning so far."""
    answers, prefilled = assessment.answers, assessment.prefilled
    on_screen = screen_slugs(content, number)
    earlier = {slug: value for slug, value in answers.items() if slug not in on_screen}
    new = newly_interrupting(earlier, answers, content, number, prefilled)
    return new or interrupting_flags(answers, content, up_to=number, prefilled=prefilled)


def screen_slugs(content: Content, number: int) -> set[str]:
    return {question.slug for question in questions_for(content, number)}
