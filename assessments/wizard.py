"""The questionnaire's steps and storage: glue between requests, Assessment rows and scoring.

An anonymous runner owns the assessments started in their browser session: each row records
a keyed hash of that session's key, so ownership lives in the database, and parallel starts
in one session (two tabs, a double tap) cannot overwrite each other's claim the way a list
kept in the session did. A signed-in runner owns the ones attached to their account. Nobody
else can see or change one; a finished result is visible to others only if its runner turns
on sharing.
"""

from contextlib import contextmanager

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import Assessment
from .scoring import Content, Flag, assess, keep_known, normalise, triage, urgency

# Sessions from before ownership moved to the database listed their assessments here.
LEGACY_SESSION_KEY = "assessment_ids"
# Marks a session as holding assessments, so it is saved and its cookie sent.
STARTED_KEY = "assessments_started"


def session_owner_key(session) -> str:
    """The owner key of a browser session's assessments ("" before the session exists)."""
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


def start(request) -> Assessment:
    user = request.user if request.user.is_authenticated else None
    if user is not None:
        return Assessment.objects.create(user=user)
    if not request.session.session_key:
        request.session.save()  # a new visitor: the session (and its key) starts here
    request.session[STARTED_KEY] = True
    return Assessment.objects.create(owner_key=session_owner_key(request.session))


def step_count(content: Content) -> int:
    return len(content.steps)


def questions_for(content: Content, number: int):
    if not 1 <= number <= step_count(content):
        raise Http404("That step does not exist.")
    return content.steps[number - 1]


def screen_title(content: Content, number: int) -> str:
    fallback = "Warning signs first" if number == 1 else "About your running"
    return content.screen_titles[number - 1] or fallback


def save_step(assessment: Assessment, answers: dict, next_step: int) -> None:
    """Merge one screen's answers into a row the caller has locked (`for_update=True`)."""
    merged = {**assessment.answers, **answers}
    assessment.answers = {slug: value for slug, value in merged.items() if value is not None}
    assessment.step = next_step
    assessment.save(update_fields=["answers", "step", "updated_at"])


def unanswered_required_step(answers: dict, content: Content) -> int | None:
    """The screen of the first question that must be answered and is not, if any."""
    kept = keep_known(answers, content)
    for number, questions in enumerate(content.steps, start=1):
        if any(q.required and not kept.get(q.slug) for q in questions):
            return number
    return None


def finish(assessment: Assessment, content: Content) -> None:
    """Score and freeze the result, so later content edits do not rewrite it."""
    result = assess(keep_known(assessment.answers, content), content)
    assessment.result = result.snapshot()
    assessment.completed_at = timezone.now()
    assessment.save(update_fields=["result", "completed_at", "updated_at"])


# Warning signs at this level or above interrupt the questionnaire at once.
INTERRUPTING_LEVEL = "urgent"


def interrupting_flags(answers: dict, content: Content) -> list[Flag]:
    """Urgent and emergency warnings (signs and escalations) among the answers so far."""
    signs = triage(normalise(keep_known(answers, content), content, complete=False), content)
    return [flag for flag in signs.flags if urgency(flag.level) >= urgency(INTERRUPTING_LEVEL)]


def newly_interrupting(before: dict, after: dict, content: Content) -> list[Flag]:
    """The urgent or emergency warnings this screen's answers added."""
    seen = {flag.slug for flag in interrupting_flags(before, content)}
    return [flag for flag in interrupting_flags(after, content) if flag.slug not in seen]
