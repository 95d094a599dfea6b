"""Content an editor maintains (causes, strategies) and, later, what runners submit."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse


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

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.explanation.split("\n\n") if p.strip()]

    def reference_list(self) -> list[str]:
        return [line.strip() for line in self.references.splitlines() if line.strip()]


class Cause(ContentPage):
    name = models.CharField(max_length=80)

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

    class Meta(ContentPage.Meta):
        verbose_name_plural = "strategies"
        constraints = [
            models.CheckConstraint(condition=~models.Q(title=""), name="strategy_has_title"),
            models.CheckConstraint(condition=~models.Q(slug=""), name="strategy_has_slug"),
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

    class Meta:
        ordering = ["step", "order", "slug"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="question_has_text"),
            models.CheckConstraint(condition=~models.Q(slug=""), name="question_has_slug"),
            models.CheckConstraint(condition=models.Q(step__gte=1), name="question_step_positive"),
        ]

    def __str__(self):
        return self.text


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

    class Meta:
        ordering = ["strategy__order", "choice__question__step", "choice__order"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "choice"], name="one_tip_per_answer"),
            models.CheckConstraint(condition=~models.Q(text=""), name="tip_has_text"),
        ]

    def __str__(self):
        return f"{self.strategy.slug} when {self.choice}"


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
    answers = models.JSONField(default=dict, blank=True)
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
