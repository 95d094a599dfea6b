"""Content an editor maintains (causes, strategies) and, later, what runners submit."""

import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from . import safety_rules
from .contract import NEVER_BESIDE_A_WARNING


def normalise_line_breaks(instance, *fields: str) -> None:
    """Browsers post textareas with Windows line breaks; store plain newlines."""
    for name in fields:
        value = getattr(instance, name)
        if isinstance(value, str):
            setattr(instance, name, value.replace("\r\n", "\n").replace("\r", "\n"))


def paragraphs(text: str) -> list[str]:
    """Paragraphs separated by a blank line, whatever line breaks the text was saved with."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


class EvidenceGrade(models.TextChoices):
    SUPPORTED = "supported", "Supported by good evidence"
    MIXED = "mixed", "Mixed evidence"
    WEAK = "weak", "Weak or little evidence"


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class ContentPage(models.Model):
    """What a cause and a strategy share: an explained, referenced page."""

    slug = models.SlugField(
        unique=True,
        max_length=50,
        help_text="Stable identifier used in links, the assessment and the assess command.",
    )
    summary = models.CharField(max_length=200, help_text="One line, shown in lists.")
    explanation = models.TextField(help_text="Plain text; separate paragraphs with a blank line.")
    evidence_grade = models.CharField(max_length=10, choices=EvidenceGrade.choices)
    references = models.TextField(help_text="One reference per line.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower comes first.")
    published = models.BooleanField(default=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "slug"]

    def save(self, *args, **kwargs):
        normalise_line_breaks(self, "explanation", "references")
        super().save(*args, **kwargs)

    def paragraphs(self) -> list[str]:
        return paragraphs(self.explanation)

    def reference_list(self) -> list[str]:
        return [line.strip() for line in self.references.splitlines() if line.strip()]


class Cause(ContentPage):
    name = models.CharField(max_length=80)
    first_step = models.CharField(
        max_length=200,
        blank=True,
        help_text="One line on the result page: what to do now when this is the most likely "
        "cause and there is no warning sign.",
    )
    secondary = models.BooleanField(
        default=False,
        help_text="Only a contributing factor (like slow-recovery genes): never shown as the "
        "most likely cause while another cause has points.",
    )
    only_with = models.ManyToManyField(
        "Choice",
        blank=True,
        related_name="gated_causes",
        verbose_name="scores only with",
        help_text="If any are chosen here, the cause scores only when the runner gave one of "
        "these answers (cold only after a cold run).",
    )

    # Who changed what, and the way back: health advice changes only with a record.
    history = HistoricalRecords(m2m_fields=["only_with"])

    class Meta(ContentPage.Meta):
        constraints = [
            models.CheckConstraint(condition=~models.Q(name=""), name="cause_has_name"),
            models.CheckConstraint(condition=~models.Q(slug=""), name="cause_has_slug"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cause_detail", args=[self.slug])


class Strategy(ContentPage):
    title = models.CharField(max_length=80)
    causes = models.ManyToManyField(Cause, through="StrategyForCause", related_name="strategies")
    safe_with_warning = models.BooleanField(
        "safe beside a warning sign",
        default=False,
        help_text="Kept in the plan (for after a clinician's all-clear) when the runner has a "
        "warning sign at the 'soon' level. Only for what never keeps a runner running or "
        "loading a sore spot: pain-free cross-training, sleep, eating and drinking enough.",
    )

    # Who changed what, and the way back: health advice changes only with a record.
    history = HistoricalRecords()

    class Meta(ContentPage.Meta):
        verbose_name_plural = "strategies"
        constraints = [
            models.CheckConstraint(condition=~models.Q(title=""), name="strategy_has_title"),
            models.CheckConstraint(condition=~models.Q(slug=""), name="strategy_has_slug"),
            models.CheckConstraint(
                condition=~models.Q(slug__in=NEVER_BESIDE_A_WARNING, safe_with_warning=True),
                name="never_safe_beside_a_warning",
                violation_error_message=(
                    "Compression, downhill dosing and 'run flat while sore' are never safe "
                    "beside a warning sign."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("strategy_detail", args=[self.slug])


class StrategyForCause(models.Model):
    """A strategy that answers a cause, and why it helps."""

    cause = models.ForeignKey(Cause, on_delete=models.CASCADE, related_name="strategy_links")
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="cause_links")
    why = models.CharField(max_length=300, help_text="One sentence: why it helps this cause.")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "strategy for a cause"
        verbose_name_plural = "strategies for causes"
        ordering = ["cause__order", "strategy__order"]
        constraints = [
            models.UniqueConstraint(fields=["cause", "strategy"], name="one_link_per_pair"),
        ]

    def __str__(self):
        return f"{self.strategy} → {self.cause}"


# The questionnaire: questions, their choices, and how each choice bears on causes.


class TriageLevel(models.TextChoices):
    SOON = "soon", "Soon: stop running, see a GP or physiotherapist within days"
    URGENT = "urgent", "Urgent: be seen today"
    EMERGENCY = "emergency", "Emergency: emergency services now"


class Question(models.Model):
    class Kind(models.TextChoices):
        ONE = "one", "Pick one"
        MANY = "many", "Pick any"

    slug = models.SlugField(unique=True, max_length=50)
    text = models.CharField(max_length=200)
    help_text = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=4, choices=Kind.choices, default=Kind.ONE)
    step = models.PositiveSmallIntegerField(
        help_text="Questions with the same step share a screen; screens go in step order."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Order within the step.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["step", "order", "slug"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="question_has_text"),
            models.CheckConstraint(condition=~models.Q(slug=""), name="question_has_slug"),
            models.CheckConstraint(condition=models.Q(step__gte=1), name="question_step_positive"),
        ]

    def __str__(self):
        return self.text

    def clean(self):

        old_slug = self._old("slug")
        if old_slug is not None and (
            problems := safety_rules.locked_question_changes(old_slug, self)
        ):
            raise ValidationError(problems)

    def _old(self, field):
        if self.pk is None:
            return None
        return type(self).objects.filter(pk=self.pk).values_list(field, flat=True).first()


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    slug = models.SlugField(max_length=50)
    label = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    exclusive = models.BooleanField(
        default=False, help_text='Only on its own, like "None of these".'
    )
    triage_level = models.CharField(
        max_length=10,
        choices=TriageLevel.choices,
        blank=True,
        help_text="Makes this answer a warning sign. Leave empty for ordinary answers.",
    )
    triage_message = models.TextField(
        blank=True, help_text="For a warning sign: what it may mean and what to do now."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["question__step", "question__order", "order", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["question", "slug"], name="choice_slug_per_question"),
            models.CheckConstraint(condition=~models.Q(label=""), name="choice_has_label"),
            models.CheckConstraint(
                condition=models.Q(triage_level="") | ~models.Q(triage_message=""),
                name="warning_sign_says_what_to_do",
                violation_error_message="A warning sign needs a message saying what to do.",
            ),
        ]

    def __str__(self):
        return f"{self.question.slug}: {self.label}"

    def clean(self):

        if self.pk is None or self.question_id is None:
            return
        old = Choice.objects.filter(pk=self.pk).values_list("question__slug", "slug").first()
        if old and (problems := safety_rules.locked_choice_changes(*old, self)):
            raise ValidationError(problems)


class ChoiceWeight(models.Model):
    """How far an answer points to a cause, and the sentence the runner sees for it."""

    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="weights")
    cause = models.ForeignKey(Cause, on_delete=models.CASCADE, related_name="weights")
    points = models.SmallIntegerField(
        help_text="Evidence points, -20 to 20. Every 6 points halve the remaining doubt."
    )
    reason = models.CharField(
        max_length=200, blank=True, help_text="Shown under 'why we think so' (positive points)."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["choice", "-points"]
        constraints = [
            models.UniqueConstraint(fields=["choice", "cause"], name="one_weight_per_choice_cause"),
            models.CheckConstraint(
                condition=models.Q(points__gte=-20, points__lte=20), name="points_in_range"
            ),
        ]

    def __str__(self):
        return f"{self.choice} → {self.cause.slug} ({self.points:+d})"


class StrategyTip(models.Model):
    """A concrete step added to a strategy in the plan when the runner gave an answer."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="tips")
    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="tips")
    text = models.CharField(max_length=300)
    safe_with_warning = models.BooleanField(
        "safe beside a warning sign",
        default=False,
        help_text="Kept when the runner has a 'soon' warning sign. Never for a step that "
        "keeps the runner running.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy__order", "choice__question__step", "choice__order"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "choice"], name="one_tip_per_answer"),
            models.CheckConstraint(condition=~models.Q(text=""), name="tip_has_text"),
        ]

    def __str__(self):
        return f"{self.strategy.slug} when {self.choice}"

    def clean(self):
        never = self.strategy_id and self.strategy.slug in NEVER_BESIDE_A_WARNING
        if self.safe_with_warning and never:
            message = "Steps of this strategy are never safe beside a warning sign."
            raise ValidationError({"safe_with_warning": message})


class Screen(models.Model):
    """The heading of one questionnaire screen (the questions with that step number)."""

    step = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=80, help_text="Shown as the screen's heading.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["step"]
        constraints = [
            models.CheckConstraint(condition=models.Q(step__gte=1), name="screen_step_positive"),
            models.CheckConstraint(condition=~models.Q(title=""), name="screen_has_title"),
        ]

    def __str__(self):
        return f"Screen {self.step}: {self.title}"


class Escalation(models.Model):
    """Answers that together raise the triage level: a health background with other answers,
    or (with no background) a pattern of the pain alone, such as one-sided shin pain that
    built up over runs.

    The contract's escalations are locked (see safety.py): editors may reword them, raise
    their level and add alternatives to a part, never delete them or lower them.
    """

    slug = models.SlugField(unique=True, max_length=50)
    background = models.ForeignKey(
        Choice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="escalations",
        limit_choices_to={"question__slug": "health_background"},
        help_text="The health background this applies to; empty for a pattern of the pain "
        "alone (then the answers of its first part, where it hurts, must have been given).",
    )
    title = models.CharField(
        max_length=120,
        blank=True,
        help_text="A short sentence the runner sees as the warning's heading, e.g. “Pain in "
        "one calf with a higher risk of clots”.",
    )
    level = models.CharField(max_length=10, choices=TriageLevel.choices)
    message = models.TextField(help_text="What it may mean and what to do now.")
    conditions = models.ManyToManyField(
        Choice, through="EscalationCondition", related_name="escalation_conditions"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["background__order", "slug"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(slug=""), name="escalation_has_slug"),
            models.CheckConstraint(
                condition=models.Q(level__in=TriageLevel.values), name="escalation_has_level"
            ),
            models.CheckConstraint(
                condition=~models.Q(message=""),
                name="escalation_says_what_to_do",
                violation_error_message="An escalation needs a message saying what to do.",
            ),
        ]

    def __str__(self):
        return self.slug

    def clean(self):

        if self.pk is None:
            return
        old = Escalation.objects.filter(pk=self.pk).values_list("slug", "background_id").first()
        if old and (problems := safety_rules.locked_escalation_changes(*old, self)):
            raise ValidationError(problems)


class EscalationCondition(models.Model):
    """One answer an escalation needs: every part must match, any answer within a part."""

    escalation = models.ForeignKey(
        Escalation, on_delete=models.CASCADE, related_name="condition_rows"
    )
    choice = models.ForeignKey(Choice, on_delete=models.PROTECT, related_name="+")
    part = models.PositiveSmallIntegerField(
        default=1,
        help_text="Answers with the same part number are alternatives; every part must match.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["part", "choice__question__step", "choice__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["escalation", "choice"], name="one_condition_per_answer"
            ),
            models.CheckConstraint(condition=models.Q(part__gte=1), name="condition_part_positive"),
        ]

    def __str__(self):
        return f"{self.escalation} needs {self.choice} (part {self.part})"


class Contraindication(models.Model):
    """A health background that takes a strategy, or one of its steps, out of the plan."""

    background = models.ForeignKey(
        Choice,
        on_delete=models.PROTECT,
        related_name="contraindications",
        limit_choices_to={"question__slug": "health_background"},
    )
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="contraindications"
    )
    tip = models.ForeignKey(
        StrategyTip,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contraindications",
        help_text="Leave empty to remove the whole strategy; else only this step.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["background__order", "strategy__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["background", "strategy"],
                condition=models.Q(tip__isnull=True),
                name="one_strategy_contraindication",
            ),
            models.UniqueConstraint(
                fields=["background", "tip"],
                condition=models.Q(tip__isnull=False),
                name="one_step_contraindication",
            ),
        ]

    def __str__(self):
        what = f"step “{self.tip.text[:40]}…”" if self.tip_id else "strategy"
        return f"{self.background.label}: no {self.strategy} {what}"

    def clean(self):
        if self.tip_id and self.strategy_id and self.tip.strategy_id != self.strategy_id:
            raise ValidationError({"tip": "Choose a step of the same strategy."})


class ContentRevision(models.Model):
    """One row counting content edits, so every process on every host notices them.

    Bumped in the same transaction as the edit (see content.py): a worker that sees the new
    number also sees the edited rows.
    """

    number = models.BigIntegerField(default=0)

    def __str__(self):
        return f"content revision {self.number}"


# What runners submit. Personal data: never in the admin, always scoped to its owner.


class Assessment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    owner_key = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        help_text="For an anonymous runner: a keyed hash of the browser session that owns it.",
    )
    answers = models.JSONField(default=dict, blank=True)
    prefilled = models.JSONField(
        default=dict,
        blank=True,
        help_text="Answers taken from the runner's log: {question: {value, day, runs}}.",
    )
    step = models.PositiveSmallIntegerField(default=1, help_text="The screen to resume on.")
    result = models.JSONField(null=True, blank=True, help_text="Snapshot when completed.")
    shared = models.BooleanField(
        default=False, help_text="The runner chose to let anyone with the link see the result."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(completed_at__isnull=True) | models.Q(result__isnull=False),
                name="completed_assessment_has_result",
            ),
        ]

    def __str__(self):
        return f"Assessment {self.id}"

    def get_absolute_url(self):
        return reverse("assessment_result", args=[self.id])

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


from .content_updates import ContentUpdateLeftAlone  # noqa: E402,F401
