from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .htmx import render_page
from .models import Cause, EvidenceGrade, Strategy


@require_safe
def home(request):
    causes = Cause.objects.published()
    return render(request, "home.html", {"causes": causes})


@require_safe
def cause_list(request):
    causes = Cause.objects.published()
    grade = request.GET.get("grade", "")
    if grade in EvidenceGrade.values:
        causes = causes.filter(evidence_grade=grade)
    else:
        grade = ""
    context = {"causes": causes, "grade": grade, "grades": EvidenceGrade.choices}
    return render_page(request, "causes/list.html", context, partial="cause-list")


@require_safe
def cause_detail(request, slug):
    cause = get_object_or_404(Cause.objects.published(), slug=slug)
    links = cause.strategy_links.filter(strategy__published=True).select_related("strategy")
    return render(request, "causes/detail.html", {"cause": cause, "links": links})


@require_safe
def strategy_list(request):
    strategies = Strategy.objects.published()
    return render(request, "strategies/list.html", {"strategies": strategies})


@require_safe
def strategy_detail(request, slug):
    strategy = get_object_or_404(Strategy.objects.published(), slug=slug)
    links = strategy.cause_links.filter(cause__published=True).select_related("cause")
    return render(request, "strategies/detail.html", {"strategy": strategy, "links": links})


@require_safe
def about(request):
    return render(request, "about.html")
