from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect, push_url

from helplines.services import helplines_for
from legache.htmx import render_page
from legache.page_cache import cached_for_anonymous, cached_page

from . import wizard
from .content import current_content, current_revision_cached
from .forms import StepForm
from .models import Assessment, Cause, EvidenceGrade, Strategy
from .scoring import FIT_WORDS, PLAN_NOW, PLAN_WITHHELD, REASONS_SHOWN, match_strength


def cached_public(view=None, **options):
    """A public page cached for anonymous visitors until an editor changes the content."""
    return cached_for_anonymous(view, revision=current_revision_cached, **options)


@require_safe
@cached_public
def home(request):
    causes = Cause.objects.published()
    content = current_content()
    context = {
        "causes": causes,
        "step_count": wizard.step_count(content),
        "minutes": wizard.minutes_to_answer(content),
        "cacheable": True,
    }
    return render(request, "home.html", context)


@require_safe
@cached_public(
    query_ok=lambda query: list(query) == ["grade"] and query["grade"] in EvidenceGrade.values
)
def cause_list(request):
    causes = Cause.objects.published()
    grade = request.GET.get("grade", "")
    if grade in EvidenceGrade.values:
        causes = causes.filter(evidence_grade=grade)
    else:
        grade = ""
    context = {"causes": causes, "grade": grade, "grades": EvidenceGrade.choices, "cacheable": True}
    return render_page(request, "causes/list.html", context, partial="cause-list")


@require_safe
@cached_public
def cause_detail(request, slug):
    cause = get_object_or_404(Cause.objects.published(), slug=slug)
    links = cause.strategy_links.filter(strategy__published=True).select_related("strategy")
    context = {"cause": cause, "links": links, "cacheable": True}
    return render(request, "causes/detail.html", context)


@require_safe
@cached_public
def strategy_list(request):
    strategies = Strategy.objects.published()
    return render(request, "strategies/list.html", {"strategies": strategies, "cacheable": True})


@require_safe
@cached_public
def strategy_detail(request, slug):
    strategy = get_object_or_404(Strategy.objects.published(), slug=slug)
    links = strategy.cause_links.filter(cause__published=True).select_related("cause")
    context = {"strategy": strategy, "links": links, "cacheable": True}
    return render(request, "strategies/detail.html", context)


@require_safe
@cached_public
def about(request):
    return render(request, "about.html", {"cacheable": True})


# The questionnaire.


@require_safe
def assessment_start(request):
    content = current_content()
    context = {
        "unfinished": wizard.latest_unfinished(request),
        "step_count": wizard.step_count(content),
        "minutes": wizard.minutes_to_answer(content),
        "past": wizard.past_results(request),
        "run_choices": wizard.run_choices(request),
    }
    return render(request, "assessment/start.html", context)


@require_POST
def assessment_new(request):
    raw = request.POST.get("run", "")
    # Only the runner's own runs can answer (the log is read for them alone); anything else
    # is no run at all.
    run_id = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 12 else None
    assessment = wizard.start(request, current_content(), run_id=run_id)
    return redirect("assessment_step", assessment.pk, 1)


def _step_response(request, assessment, number, content, form=None, status=200, asked=()):
    questions = wizard.questions_for(content, number)
    if form is None:
        initial = {q.slug: assessment.answers.get(q.slug) for q in questions}
        form = StepForm(questions, initial=initial, notes=wizard.log_notes(assessment))
    form.mark_asked(asked)
    context = {
        "asked": sorted(asked),
        "assessment": assessment,
        "form": form,
        "number": number,
        "screen_title": wizard.screen_title(content, number),
        "step_count": wizard.step_count(content),
        "is_last": number == wizard.step_count(content),
        "step_url": reverse("assessment_step", args=[assessment.pk, number]),
    }
    return render_page(request, "assessment/step.html", context, "wizard", status=status)


def _go(request, url):
    """Leave the wizard for a full page (result, warning), HTMX or not."""
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _ask_first(request, assessment, number):
    """No result without the warning-sign answer: send the runner back to give it."""
    messages.warning(request, "Please answer the warning-sign question first; it comes first.")
    return _go(request, reverse("assessment_step", args=[assessment.pk, number]))


def _private(response):
    """Pages showing a runner's answers: never cached or indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def assessment_step(request, assessment_id, number):
    content = current_content()
    questions = wizard.questions_for(content, number)
    if request.method != "POST":
        assessment = wizard.owned_assessment(request, assessment_id)
        if assessment.is_complete:
            return redirect(assessment)
        return _private(_step_response(request, assessment, number, content))

    form = StepForm(questions, request.POST)
    answers = form.answers() if form.is_valid() else None  # before the lock: no database
    # One locked read, then the write: two tabs or a double click cannot interleave
    # half-updates, change a finished assessment, or finish it twice.
    with wizard.locked_assessment(request, assessment_id) as assessment:
        if assessment.is_complete:
            return _go(request, assessment.get_absolute_url())
        outcome = wizard.submit_step(
            assessment,
            number,
            answers,
            content,
            back="back" in request.POST,
            asked=frozenset(request.POST.getlist("asked")),
        )

    match outcome:
        case wizard.Warn():
            return _go(request, reverse("assessment_warning", args=[assessment.pk, number]))
        case wizard.Finished():
            return _go(request, assessment.get_absolute_url())
        case wizard.AskFirst(step=missing):
            return _ask_first(request, assessment, missing)
        case wizard.Refused():
            response = _step_response(request, assessment, number, content, form=form, status=422)
            return _private(response)
        case wizard.AskAgain(questions=ask):
            response = _step_response(request, assessment, number, content, form=form, asked=ask)
            return _private(response)
        case wizard.GoTo(step=target):
            url = reverse("assessment_step", args=[assessment.pk, target])
            if not request.htmx:
                return redirect(url)
            return _private(push_url(_step_response(request, assessment, target, content), url))


def _help_lines(request):
    """The numbers to call, for the runner's country (settings, browser, or their choice)."""
    return {"help": helplines_for(request)}


@require_safe
def assessment_warning(request, assessment_id, number):
    """Urgent or emergency advice at once, with the choice to finish now or carry on."""
    assessment = wizard.owned_assessment(request, assessment_id)
    content = current_content()
    wizard.questions_for(content, number)
    flags = wizard.warning_for_screen(assessment, content, number)
    if not flags:
        return redirect("assessment_step", assessment.pk, number)
    last = wizard.step_count(content)
    level = flags[0].level
    context = {
        "assessment": assessment,
        "flags": flags,
        "level": level,
        # An emergency is the whole advice: no carrying on with questions about soreness.
        "next_url": (
            reverse("assessment_step", args=[assessment.pk, number + 1])
            if number < last and level != "emergency"
            else None
        ),
        **_help_lines(request),
    }
    return _private(render(request, "assessment/warning.html", context))


@require_POST
def assessment_finish(request, assessment_id):
    content = current_content()
    with wizard.locked_assessment(request, assessment_id) as assessment:
        if not assessment.is_complete:
            if missing := wizard.unanswered_required_step(assessment.answers, content):
                return _ask_first(request, assessment, missing)
            wizard.finish(assessment, content)
    return redirect(assessment)


@require_safe
def assessment_result(request, assessment_id):
    """The runner's own result; anyone else's is a 404 unless its runner chose to share it."""
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    is_owner = assessment is not None and wizard.owns(request, assessment)
    if not (is_owner or (assessment and assessment.shared and assessment.is_complete)):
        # The same page whether the result is private, unfinished or was never there: a
        # stranger learns nothing, and someone sent a private link knows what to ask for.
        return _private(render(request, "assessment/not_shared.html", status=404))
    if not assessment.is_complete:
        return redirect("assessment_step", assessment.pk, assessment.step)
    # A finished result changes only when its runner turns sharing on or off (updated_at).
    help_lines = helplines_for(request)
    key = (
        f"result:{assessment.pk}:{assessment.updated_at.timestamp()}:{is_owner}:"
        f"{request.user.pk or 0}:{request.get_host()}:{help_lines['key']}"
    )
    # Filed under the result, not the visitor: deleting the runner's account forgets every
    # copy, the ones strangers opened through a shared link included.
    return cached_page(
        request,
        key,
        lambda: _result_page(request, assessment, is_owner, help_lines),
        owner=f"assessment:{assessment.pk}",
    )


def _result_page(request, assessment, is_owner, help_lines):
    result = assessment.result
    context = {
        "help": help_lines,
        "assessment": assessment,
        "result": result,
        "plan": plan_of(result),
        "causes": [
            {
                **cause,
                "match": (strength := match_strength(cause["score"])),
                "fit_words": FIT_WORDS[strength],
                "reasons_shown": cause["reasons"][:REASONS_SHOWN],
                "reasons_folded": cause["reasons"][REASONS_SHOWN:],
            }
            for cause in result["causes"]
        ],
        "is_owner": is_owner,
    }
    return _private(render(request, "assessment/result.html", context))


def plan_of(result: dict) -> str:
    """What a stored result's plan is for. A result saved before plans followed the level
    holds an unfiltered plan: beside any warning sign it is not shown at all."""
    if "plan" in result:
        return result["plan"]
    return PLAN_NOW if result["triage"]["level"] == "self_care" else PLAN_WITHHELD


@require_POST
def assessment_share(request, assessment_id):
    """Turn link sharing on or off, for showing a result to a physiotherapist or coach."""
    with wizard.locked_assessment(request, assessment_id) as assessment:
        if not assessment.is_complete:
            raise Http404("Only a finished result can be shared.")
        assessment.shared = request.POST.get("shared") == "on"
        assessment.save(update_fields=["shared", "updated_at"])
    # Back to the sharing section, not the top of a long page.
    return redirect(f"{assessment.get_absolute_url()}#share-heading")
