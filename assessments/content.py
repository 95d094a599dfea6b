"""The questionnaire and its scoring content, read from the database as one snapshot.

Every wizard step and every `assess` run needs the whole questionnaire; reading it takes a
fixed handful of queries whatever its size, and the snapshot is cached until an editor
saves or deletes content (see signals below).
"""

from django.core.cache import cache
from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save

from . import models
from .scoring import CauseSpec, ChoiceSpec, Content, QuestionSpec, StrategySpec, Tip, Weight

CACHE_KEY = "assessments:content:v1"
CONTENT_MODELS = (
    models.Cause,
    models.Strategy,
    models.StrategyForCause,
    models.Question,
    models.Choice,
    models.ChoiceWeight,
    models.StrategyTip,
)


def build_content() -> Content:
    causes = list(models.Cause.objects.published())
    published = {cause.pk for cause in causes}
    questions = models.Question.objects.prefetch_related(
        Prefetch(
            "choices",
            queryset=models.Choice.objects.order_by("order", "slug").prefetch_related(
                Prefetch(
                    "weights",
                    queryset=models.ChoiceWeight.objects.filter(
                        cause__published=True
                    ).select_related("cause"),
                )
            ),
        )
    )
    strategies = models.Strategy.objects.published().prefetch_related(
        Prefetch(
            "cause_links",
            queryset=models.StrategyForCause.objects.filter(cause__published=True).select_related(
                "cause"
            ),
        ),
        Prefetch(
            "tips",
            queryset=models.StrategyTip.objects.select_related("choice__question"),
        ),
    )
    return Content(
        questions=tuple(
            QuestionSpec(
                slug=q.slug,
                text=q.text,
                help_text=q.help_text,
                kind=q.kind,
                step=q.step,
                choices=tuple(
                    ChoiceSpec(
                        slug=c.slug,
                        label=c.label,
                        exclusive=c.exclusive,
                        triage_level=c.triage_level,
                        triage_message=c.triage_message,
                        weights=tuple(
                            Weight(w.cause.slug, w.points, w.reason)
                            for w in c.weights.all()
                            if w.cause_id in published
                        ),
                    )
                    for c in q.choices.all()
                ),
            )
            for q in questions
        ),
        causes=tuple(CauseSpec(c.slug, c.name, c.summary, c.evidence_grade) for c in causes),
        strategies=tuple(
            StrategySpec(
                slug=s.slug,
                title=s.title,
                summary=s.summary,
                answers=tuple((link.cause.slug, link.why) for link in s.cause_links.all()),
                tips=tuple(
                    Tip(t.choice.question.slug, t.choice.slug, t.text) for t in s.tips.all()
                ),
            )
            for s in strategies
        ),
    )


def current_content() -> Content:
    content = cache.get(CACHE_KEY)
    if content is None:
        content = build_content()
        cache.set(CACHE_KEY, content, timeout=60 * 60)
    return content


def forget_content(**kwargs) -> None:
    cache.delete(CACHE_KEY)


for _model in CONTENT_MODELS:
    post_save.connect(forget_content, sender=_model, dispatch_uid=f"forget-{_model.__name__}")
    post_delete.connect(forget_content, sender=_model, dispatch_uid=f"forget-d-{_model.__name__}")
