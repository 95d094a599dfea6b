from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from . import safety
from .content_updates import LINK_MODEL, PAGE_MODELS, ContentUpdateLeftAlone
from .models import (
    Cause,
    Choice,
    ChoiceWeight,
    Contraindication,
    Escalation,
    EscalationCondition,
    Question,
    Screen,
    Strategy,
    StrategyForCause,
    StrategyTip,
)


class LockedRowsFormSet(BaseInlineFormSet):
    """Deleting a row of the safety floor from an inline is refused with a message (the
    database would refuse it anyway, less politely)."""

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and safety.is_locked(form.instance):
                raise ValidationError(f"“{form.instance}” is part of the safety floor.")


class ContentAdmin(SimpleHistoryAdmin):
    """Content with its history ("History" on each page, with revert); deleting anything that
    the contract's safety floor needs is shown as protected."""

    save_on_top = True

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        locked = safety.locked_among(objs)
        if locked:
            protected = [
                *protected,
                *(f"{obj._meta.verbose_name.capitalize()}: {obj} (safety floor)" for obj in locked),
            ]
        return deleted, counts, perms_needed, protected


class StrategyForCauseInline(admin.TabularInline):
    model = StrategyForCause
    extra = 1
    autocomplete_fields = ["strategy"]


class CauseForStrategyInline(admin.TabularInline):
    model = StrategyForCause
    extra = 1
    autocomplete_fields = ["cause"]
    verbose_name = "cause it answers"
    verbose_name_plural = "causes it answers"


class ContentPageAdmin(ContentAdmin):
    list_editable = ["order", "published"]
    list_filter = ["evidence_grade", "published"]
    ordering = ["order", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Cause)
class CauseAdmin(ContentPageAdmin):
    list_display = ["name", "slug", "evidence_grade", "order", "published"]
    search_fields = ["name", "slug", "summary", "explanation"]
    inlines = [StrategyForCauseInline]
    autocomplete_fields = ["only_with"]
    fields = [
        "name", "slug", "summary", "first_step", "explanation", "evidence_grade", "references",
        "secondary", "only_with", "order", "published",
    ]  # fmt: skip


@admin.register(Strategy)
class StrategyAdmin(ContentPageAdmin):
    list_display = ["title", "slug", "evidence_grade", "safe_with_warning", "order", "published"]
    list_filter = ["evidence_grade", "safe_with_warning", "published"]
    search_fields = ["title", "slug", "summary", "explanation"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CauseForStrategyInline]
    fields = [
        "title", "slug", "summary", "explanation", "evidence_grade", "references",
        "safe_with_warning", "order", "published",
    ]  # fmt: skip


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = LockedRowsFormSet
    extra = 0
    fields = ["order", "slug", "label", "exclusive", "triage_level", "triage_message"]
    show_change_link = True  # weights, tips and warning messages are on the choice's own page


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    list_display = ["text", "slug", "kind", "step", "order"]
    list_editable = ["step", "order"]
    list_filter = ["step", "kind"]
    search_fields = ["slug", "text", "choices__label"]
    ordering = ["step", "order"]
    inlines = [ChoiceInline]


class ChoiceWeightInline(admin.TabularInline):
    model = ChoiceWeight
    extra = 1
    fields = ["cause", "points", "reason"]


class StrategyTipInline(admin.TabularInline):
    model = StrategyTip
    extra = 0
    fields = ["strategy", "text", "safe_with_warning"]
    verbose_name = "personal step in the plan when this answer is given"
    verbose_name_plural = "personal steps in the plan when this answer is given"


@admin.register(Choice)
class ChoiceAdmin(ContentAdmin):
    list_display = ["label", "slug", "question", "triage_level", "exclusive", "order"]
    list_filter = ["triage_level", "question__step", "question"]
    list_select_related = ["question"]
    search_fields = ["slug", "label", "question__slug", "question__text"]
    autocomplete_fields = ["question"]
    inlines = [ChoiceWeightInline, StrategyTipInline]
    fields = ["question", "slug", "label", "order", "exclusive", "triage_level", "triage_message"]


@admin.register(Screen)
class ScreenAdmin(ContentAdmin):
    list_display = ["step", "title"]
    list_editable = ["title"]


class EscalationConditionInline(admin.TabularInline):
    model = EscalationCondition
    formset = LockedRowsFormSet
    extra = 1
    autocomplete_fields = ["choice"]
    verbose_name = "answer it needs"
    verbose_name_plural = "answers it needs (same part: any one of them; every part must match)"


@admin.register(Escalation)
class EscalationAdmin(ContentAdmin):
    """A health background that, with other answers, makes the advice more urgent."""

    list_display = ["slug", "background", "level"]
    list_filter = ["level"]
    search_fields = ["slug", "message", "background__label"]
    list_select_related = ["background__question"]
    fields = ["slug", "background", "title", "level", "message"]
    inlines = [EscalationConditionInline]


@admin.register(Contraindication)
class ContraindicationAdmin(ContentAdmin):
    """A health background that takes a strategy, or one of its steps, out of the plan."""

    list_display = ["background", "strategy", "tip"]
    list_select_related = ["background__question", "strategy", "tip__strategy"]
    autocomplete_fields = ["strategy"]
    fields = ["background", "strategy", "tip"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Each choice's label names its strategy and answer: fetch them with the rows.
        if db_field.name == "tip":
            kwargs["queryset"] = StrategyTip.objects.select_related("strategy", "choice__question")
        elif db_field.name == "background":
            kwargs["queryset"] = Choice.objects.filter(
                question__slug="health_background"
            ).select_related("question")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(ContentUpdateLeftAlone)
class ContentUpdateLeftAloneAdmin(admin.ModelAdmin):
    """Texts a content update did not overwrite because an editor had changed them. Each shows
    the text now and the suggested new text; read-only: edit the page itself, then delete the
    row here once dealt with."""

    list_display = ["what", "migration", "created_at"]
    list_filter = ["model", "migration"]
    search_fields = ["what", "new_text"]
    fields = ["what", "text_now", "new_text", "edit_link", "migration", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @staticmethod
    def _row(obj):
        if obj.model == LINK_MODEL:
            cause, _, strategy = obj.slug.partition("/")
            return (
                StrategyForCause.objects.filter(cause__slug=cause, strategy__slug=strategy)
                .select_related("cause")
                .first()
            )
        model = {"Cause": Cause, "Strategy": Strategy}.get(PAGE_MODELS.get(obj.model, ""))
        return model.objects.filter(slug=obj.slug).first() if model else None

    @admin.display(description="the text now")
    def text_now(self, obj):
        row = self._row(obj)
        if row is None:
            return "(no longer there)"
        return getattr(row, "why" if obj.field == "link" else obj.field, "")

    @admin.display(description="where to edit it")
    def edit_link(self, obj):
        row = self._row(obj)
        if row is None:
            return "-"
        page = row.cause if obj.model == LINK_MODEL else row  # links are edited on the cause
        url = reverse(f"admin:assessments_{page._meta.model_name}_change", args=[page.pk])
        return format_html('<a href="{}">{}</a>', url, page)
