from django.contrib import admin

from .models import Cause, Choice, ChoiceWeight, Question, Strategy, StrategyForCause, StrategyTip


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


class ContentPageAdmin(admin.ModelAdmin):
    list_editable = ["order", "published"]
    list_filter = ["evidence_grade", "published"]
    ordering = ["order", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    save_on_top = True


@admin.register(Cause)
class CauseAdmin(ContentPageAdmin):
    list_display = ["name", "slug", "evidence_grade", "order", "published"]
    search_fields = ["name", "slug", "summary", "explanation"]
    inlines = [StrategyForCauseInline]
    fields = [
        "name", "slug", "summary", "explanation", "evidence_grade", "references", "order",
        "published",
    ]  # fmt: skip


@admin.register(Strategy)
class StrategyAdmin(ContentPageAdmin):
    list_display = ["title", "slug", "evidence_grade", "order", "published"]
    search_fields = ["title", "slug", "summary", "explanation"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CauseForStrategyInline]
    fields = [
        "title", "slug", "summary", "explanation", "evidence_grade", "references", "order",
        "published",
    ]  # fmt: skip


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0
    fields = ["order", "slug", "label", "exclusive", "triage_level", "triage_message"]
    show_change_link = True  # weights, tips and warning messages are on the choice's own page


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "slug", "kind", "step", "order"]
    list_editable = ["step", "order"]
    list_filter = ["step", "kind"]
    search_fields = ["slug", "text", "choices__label"]
    ordering = ["step", "order"]
    inlines = [ChoiceInline]
    save_on_top = True


class ChoiceWeightInline(admin.TabularInline):
    model = ChoiceWeight
    extra = 1
    fields = ["cause", "points", "reason"]


class StrategyTipInline(admin.TabularInline):
    model = StrategyTip
    extra = 0
    fields = ["strategy", "text"]
    verbose_name = "personal step in the plan when this answer is given"
    verbose_name_plural = "personal steps in the plan when this answer is given"


@admin.register(Choice)
class ChoiceAdmin(admin.ModelAdmin):
    list_display = ["label", "slug", "question", "triage_level", "exclusive", "order"]
    list_filter = ["triage_level", "question__step", "question"]
    list_select_related = ["question"]
    search_fields = ["slug", "label", "question__slug", "question__text"]
    autocomplete_fields = ["question"]
    inlines = [ChoiceWeightInline, StrategyTipInline]
    fields = ["question", "slug", "label", "order", "exclusive", "triage_level", "triage_message"]
    save_on_top = True
