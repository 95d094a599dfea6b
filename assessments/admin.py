from django.contrib import admin

from .models import Cause, Strategy, StrategyForCause


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
