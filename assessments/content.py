"""The questionnaire and its scoring content, read from the database as one snapshot.

Every wizard step and every `assess` run needs the whole questionnaire; reading it takes a
fixed handful of queries whatever its size. Each process keeps the snapshot it built, tagged
with the content revision number; an editor's save or delete bumps that number in the same
transaction (see signals below), so every worker on every host rebuilds once, from committed
rows. A request costs at most one one-row query a second.
"""

import time

from django.db.models import F, Prefetch, Value
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import models
from .contract import ESCALATION_CAUSES, WARNING_SIGNS_QUESTION
from .scoring import (
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

CONTENT_MODELS = (
    models.Cause,
    models.Strategy,
    models.StrategyForCause,
    models.Question,
    models.Choice,
    models.ChoiceWeight,
    models.StrategyTip,
    models.Screen,
    models.Escalation,
    models.EscalationCondition,
    models.Contraindication,
)


def _answer(choice) -> tuple[str, str]:
    return (choice.question.slug, choice.slug)


def build_content() -> Content:
    causes = list(
        models.Cause.objects.published().prefetch_related(
            Prefetch("only_with", queryset=models.Choice.objects.select_related("question"))
        )
    )
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
                required=q.slug == WARNING_SIGNS_QUESTION,
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
        causes=tuple(
            CauseSpec(
                c.slug,
                c.name,
                c.summary,
                c.evidence_grade,
                first_step=c.first_step,
                secondary=c.secondary,
                only_with=tuple(_answer(choice) for choice in c.only_with.all()),
            )
            for c in causes
        ),
        strategies=tuple(
            StrategySpec(
                slug=s.slug,
                title=s.title,
                summary=s.summary,
                answers=tuple((link.cause.slug, link.why) for link in s.cause_links.all()),
                tips=tuple(
                    Tip(t.choice.question.slug, t.choice.slug, t.text, t.safe_with_warning)
                    for t in s.tips.all()
                ),
                safe_with_warning=s.safe_with_warning,
            )
            for s in strategies
        ),
        escalations=tuple(
            EscalationSpec(
                slug=e.slug,
                background=_answer(e.background) if e.background_id else None,
                level=e.level,
                message=e.message,
                when=_parts(e.condition_rows.all()),
                title=e.title,
                top_cause=ESCALATION_CAUSES.get(e.slug, ""),
            )
            for e in models.Escalation.objects.select_related(
                "background__question"
            ).prefetch_related(
                Prefetch(
                    "condition_rows",
                    queryset=models.EscalationCondition.objects.select_related("choice__question"),
                )
            )
        ),
        contraindications=tuple(
            ContraindicationSpec(
                background=_answer(c.background),
                strategy=c.strategy.slug,
                tip=_answer(c.tip.choice) if c.tip_id else None,
            )
            for c in models.Contraindication.objects.select_related(
                "background__question", "strategy", "tip__choice__question"
            )
        ),
        screens=tuple(models.Screen.objects.values_list("step", "title")),
    )


def _parts(rows) -> tuple[tuple[tuple[str, str], ...], ...]:
    parts: dict[int, list[tuple[str, str]]] = {}
    for row in rows:
        parts.setdefault(row.part, []).append(_answer(row.choice))
    return tuple(tuple(parts[number]) for number in sorted(parts))


# How long a process trusts its snapshot before asking the database for the revision
# again: an editor's change reaches every worker within this many seconds.
RECHECK_SECONDS = 1.0


class _Snapshot:
    version: int | None = None
    content: Content | None = None
    checked_at: float = float("-inf")


_snapshot = _Snapshot()


def current_revision() -> int:
    number = models.ContentRevision.objects.values_list("number", flat=True).first()
    return -1 if number is None else number


def current_content() -> Content:
    now = time.monotonic()
    if _snapshot.content is not None and now - _snapshot.checked_at < RECHECK_SECONDS:
        return _snapshot.content
    version = current_revision()
    if _snapshot.version != version or _snapshot.content is None:
        _snapshot.content = build_content()
        _snapshot.version = version
    _snapshot.checked_at = now
    return _snapshot.content


class _Revision:
    number: int | None = None
    checked_at: float = float("-inf")


_revision = _Revision()


def current_revision_cached() -> int:
    """The content revision, asked of the database at most once a second per process (the
    cached pages' key: an edit reaches every worker within that second)."""
    now = time.monotonic()
    if now - _revision.checked_at >= RECHECK_SECONDS:
        _revision.number = current_revision()
        _revision.checked_at = now
    return _revision.number


class _Titles:
    version: int | None = None
    names: dict[str, dict[str, str]] | None = None


_titles = _Titles()


def page_titles(kind: str, slugs) -> dict[str, str]:
    """The run log's title provider (registered in `AssessmentsConfig.ready`): {slug: title}
    of the published causes (kind "cause": `Cause.name`) or strategies ("strategy":
    `Strategy.title`) among `slugs`. Read in one query once per content revision per
    process; the revision itself is asked at most once a second."""
    version = current_revision_cached()
    if _titles.names is None or _titles.version != version:
        # One UNION; no ordering anywhere (SQLite refuses the models' Meta ordering in it).
        causes = models.Cause.objects.published().order_by()
        strategies = models.Strategy.objects.published().order_by()
        rows = (
            causes.values_list(Value("cause"), "slug", "name")
            .union(strategies.values_list(Value("strategy"), "slug", "title"), all=True)
            .order_by()
        )
        names: dict[str, dict[str, str]] = {"cause": {}, "strategy": {}}
        for row_kind, slug, title in rows:
            names[row_kind][slug] = title
        _titles.names, _titles.version = names, version
    found = _titles.names.get(kind, {})
    return {slug: found[slug] for slug in slugs if slug in found}


def forget_local_snapshot() -> None:
    _revision.checked_at = float("-inf")
    _snapshot.version = None
    _snapshot.checked_at = float("-inf")
    _titles.names = _titles.version = None


def forget_content(**kwargs) -> None:
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # a many-to-many change announces itself before and after: count it once
    # Same transaction as the edit: other processes see the new number with the new rows.
    if not models.ContentRevision.objects.update(number=F("number") + 1):
        models.ContentRevision.objects.create(number=1)
    forget_local_snapshot()


for _model in CONTENT_MODELS:
    post_save.connect(forget_content, sender=_model, dispatch_uid=f"forget-{_model.__name__}")
    post_delete.connect(forget_content, sender=_model, dispatch_uid=f"forget-d-{_model.__name__}")
m2m_changed.connect(
    forget_content, sender=models.Cause.only_with.through, dispatch_uid="forget-only-with"
)


def warning_signs(slugs) -> dict[str, tuple[str, str, str]]:
    """The run log's sign provider (registered in `AssessmentsConfig.ready`): {slug: (title,
    level, message)} for warning signs (any answer with a triage level) and escalations,
    from the questionnaire as editors left it."""
    content = current_content()
    found = {}
    for question in content.questions:
        for choice in question.choices:
            if choice.triage_level and choice.slug in slugs and choice.slug not in found:
                found[choice.slug] = (choice.label, choice.triage_level, choice.triage_message)
    for escalation in content.escalations:
        if escalation.slug in slugs:
            title = escalation.title or escalation.slug.replace("_", " ").capitalize()
            found[escalation.slug] = (title, escalation.level, escalation.message)
    return found
