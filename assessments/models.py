"""Content an editor maintains (causes, strategies) and, later, what runners submit."""

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
