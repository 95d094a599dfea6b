import re
from math import ceil

from django import forms
from django.contrib import admin
from django.contrib.admin import widgets
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.http import Http404
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, format_html
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

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

# Editing long texts: a textarea as tall as the text, never a 270 px one-line box.

# A CharField this long holds a sentence or more (a summary, a first step, a step's text).
LONG_LINE = 150


class FittingTextarea(widgets.AdminTextareaWidget):
    """A textarea with as many rows as its text needs (plus one to type into), within limits.

    Browsers that know `field-sizing: content` (static/css/admin-editors.css) also grow it as
    the editor types; the rows computed here are for the first look and for the others.
    """

    def __init__(self, attrs=None, *, chars_per_row=70, min_rows=2, max_rows=30):
        super().__init__({"class": "vLargeTextField fits-content", **(attrs or {})})
        self.chars_per_row, self.min_rows, self.max_rows = chars_per_row, min_rows, max_rows

    def rows_for(self, text: str) -> int:
        lines = text.replace("\r\n", "\n").split("\n")
        needed = sum(max(1, ceil(len(line) / self.chars_per_row)) for line in lines)
        return max(self.min_rows, min(self.max_rows, needed + 1))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        text = "" if value is None else str(value)
        context["widget"]["attrs"]["rows"] = self.rows_for(text)
        return context


class OneLineTextField(forms.CharField):
    """A sentence shown on one line (a summary, a first step, a step of the plan): edited in a
    textarea to see it whole, saved without line breaks."""

    def to_python(self, value):
        value = super().to_python(value)
        return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", value) if isinstance(value, str) else value


def is_long_line(db_field) -> bool:
    return (
        type(db_field) is models.CharField
        and not db_field.choices
        and (db_field.max_length or 0) >= LONG_LINE
    )


class FittingTextMixin:
    """Long texts of a model admin or an inline in textareas sized to their content."""

    chars_per_row = 70

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.TextField) and not db_field.choices:
            kwargs.setdefault("widget", FittingTextarea(chars_per_row=self.chars_per_row))
        elif is_long_line(db_field):
            widget = FittingTextarea(chars_per_row=self.chars_per_row, min_rows=1, max_rows=8)
            kwargs.setdefault("widget", widget)
            kwargs.setdefault("form_class", OneLineTextField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class LabelledRowsFormSet(BaseInlineFormSet):
    """A table row's inputs are named by their column, for screen readers too (a tabular
    inline shows the column's heading only once, above the table)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name, field in form.fields.items():
            label = "Delete this row" if name == "DELETE" else field.label
            if label and not field.widget.is_hidden:
                field.widget.attrs.setdefault("aria-label", str(label))


class LockedRowsFormSet(LabelledRowsFormSet):
    """Deleting a row of the safety floor from an inline is refused with a message (the
    database would refuse it anyway, less politely)."""

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and safety.is_locked(form.instance):
                raise ValidationError(f"“{form.instance}” is part of the safety floor.")


class FittingTabularInline(FittingTextMixin, admin.TabularInline):
    chars_per_row = 36  # a column of a table, not the page's width
    formset = LabelledRowsFormSet


# History in words: who, when, which field, the old and new text in full, and why.

CHANGE_REASON_MAX = 100  # simple-history's history_change_reason column


class ContentForm(forms.ModelForm):
    """Every content form asks why (kept with the change in the History)."""

    change_reason = forms.CharField(
        label="Reason for this change",
        required=False,
        max_length=CHANGE_REASON_MAX,
        help_text="Optional: a few words kept with your change in the History, for whoever "
        "reads it later (e.g. “typo”, “clearer for beginners”, “new guidance, BJSM 2024”).",
        widget=widgets.AdminTextInputWidget(),
    )

    @cached_property
    def changed_data(self):
        # The reason is about the change, not a change: keep it out of "Changed …" messages.
        return [name for name in super().changed_data if name != "change_reason"]


class FullTextHistoryHelper(HistoricalRecordContextHelper):
    """The History's "what changed" in full: simple-history shortens both texts to 100
    characters ("A sma[80 chars]st..."), which hides the change an editor looks for."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if isinstance(field, models.BooleanField):
            return "yes" if value else "no"
        if field.choices and not isinstance(value, list):
            return dict(field.flatchoices).get(value, value)
        return super().prepare_delta_change_value(change, value)

    def stringify_delta_change_values(self, change, old, new):
        def text(value):
            if isinstance(value, list):
                return ", ".join(str(item) for item in value)
            return "" if value is None else str(value)

        return conditional_escape(text(old)), conditional_escape(text(new))


def who_changed(record) -> str:
    """The History's "who": the editor's email, or what a change without an editor was."""
    user = getattr(record, "history_user", None)
    if user is None:
        return "a data migration or the system (no editor)"
    return user.email or user.get_username()


def when_changed(record) -> str:
    return formats.date_format(timezone.localtime(record.history_date), "j M Y, H:i")


class ContentAdmin(FittingTextMixin, SimpleHistoryAdmin):
    """Content with its history ("History" on each page, with revert); deleting anything that
    the contract's safety floor needs is shown as protected."""

    save_on_top = True
    form = ContentForm

    def get_fields(self, request, obj=None):
        # The reason is asked beside the save button (templates/admin/assessments/), not
        # among the content's fields.
        return [name for name in super().get_fields(request, obj) if name != "change_reason"]

    # History and revert: the overrides in templates/simple_history/ tell it in words.
    def get_historical_record_context_helper(self, request, historical_record):
        return FullTextHistoryHelper(self.model, historical_record)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not str(version_id).isdigit():
            raise Http404
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        pk_name = self.model._meta.pk.attname
        try:
            version = (
                history.filter(**{pk_name: unquote(object_id), "history_id": int(version_id)})
                .select_related("history_user")
                .first()
            )
        except (ValueError, ValidationError):
            raise Http404 from None  # not a primary key of this model
        if version is not None:
            request.legache_reverting_to = version  # for the reason saved with the revert
            extra_context = {
                "version_when": when_changed(version),
                "version_who": who_changed(version),
                "version_reason": version.history_change_reason,
                **(extra_context or {}),
            }
        return super().history_form_view(request, object_id, version_id, extra_context)

    def render_history_view(self, request, template, context, **kwargs):
        # simple-history sets has_file_field=True, so the revert form posted multipart, which
        # the site refuses outside its upload views (legache/limits.py): a 413, nothing
        # reverted. No content form has a file, so it posts urlencoded like every other form.
        if "adminform" in context:
            context["has_file_field"] = context["adminform"].form.is_multipart()
        return super().render_history_view(request, template, context, **kwargs)

    def change_reason(self, request, form) -> str | None:
        cleaned = getattr(form, "cleaned_data", None) or {}
        reason = (cleaned.get("change_reason") or "").strip()
        version = getattr(request, "legache_reverting_to", None)
        if not reason and version is not None:
            reason = f"Reverted to the version of {when_changed(version)}"
        return reason[:CHANGE_REASON_MAX] or None

    def save_model(self, request, obj, form, change):
        obj._change_reason = self.change_reason(request, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        reason = self.change_reason(request, form)
        for inline_form in formset.forms:
            inline_form.instance._change_reason = reason
        super().save_formset(request, form, formset, change)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        locked = safety.locked_among(objs)
        if locked:
            protected = [
                *protected,
                *(f"{obj._meta.verbose_name.capitalize()}: {obj} (safety floor)" for obj in locked),
            ]
        return deleted, counts, perms_needed, protected


class SlugFixedAfterCreation:
    """A slug is typed once, when the row is added; after that links, the assessment and the
    safety rules name it, so the change page shows it read-only."""

    slug_source = None  # the field the add page fills the slug from as the editor types

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and "slug" not in fields:
            fields.append("slug")
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        # Not the prepopulated_fields attribute: simple-history's revert page uses that as is,
        # and a read-only slug has no input to fill.
        return {"slug": [self.slug_source]} if obj is None and self.slug_source else {}


class SlugFixedOnceSavedForm(forms.ModelForm):
    """For inline rows: the slug of a saved row is shown but not editable (a new row's is)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "slug" in self.fields:
            self.fields["slug"].disabled = True


class StrategyForCauseInline(FittingTabularInline):
    model = StrategyForCause
    extra = 1
    autocomplete_fields = ["strategy"]


class CauseForStrategyInline(FittingTabularInline):
    model = StrategyForCause
    extra = 1
    autocomplete_fields = ["cause"]
    verbose_name = "cause it answers"
    verbose_name_plural = "causes it answers"


class ContentPageAdmin(SlugFixedAfterCreation, ContentAdmin):
    """A public page (a cause, a strategy): after saving, a link to it as runners see it."""

    list_editable = ["order", "published"]
    list_filter = ["evidence_grade", "published"]
    ordering = ["order", "slug"]
    slug_source = "name"

    def response_add(self, request, obj, post_url_continue=None):
        self.point_to_the_page(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self.point_to_the_page(request, obj)
        return super().response_change(request, obj)

    def point_to_the_page(self, request, obj):
        if IS_POPUP_VAR in request.POST:
            return
        if obj.published:
            message = format_html(
                'See it as runners do: <a href="{}">view “{}” on the site</a>.',
                obj.get_absolute_url(),
                obj,
            )
        else:
            message = format_html("“{}” is not published, so the site does not show it.", obj)
        self.message_user(request, message)


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


class StrategyStepInline(FittingTabularInline):
    """A strategy's personal steps, on the strategy: each is added to its plan when the runner
    gave one answer (also listed on that answer's page)."""

    model = StrategyTip
    formset = LockedRowsFormSet
    extra = 1
    fields = ["choice", "text", "safe_with_warning"]
    autocomplete_fields = ["choice"]
    verbose_name = "personal step (added to the plan when the runner gave this answer)"
    verbose_name_plural = "personal steps (each added to the plan when the runner gave its answer)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("choice__question")


@admin.register(Strategy)
class StrategyAdmin(ContentPageAdmin):
    list_display = ["title", "slug", "evidence_grade", "safe_with_warning", "order", "published"]
    list_filter = ["evidence_grade", "safe_with_warning", "published"]
    search_fields = ["title", "slug", "summary", "explanation"]
    slug_source = "title"
    inlines = [CauseForStrategyInline, StrategyStepInline]
    fields = [
        "title", "slug", "summary", "explanation", "evidence_grade", "references",
        "safe_with_warning", "order", "published",
    ]  # fmt: skip


class ChoiceInline(FittingTabularInline):
    model = Choice
    form = SlugFixedOnceSavedForm
    formset = LockedRowsFormSet
    extra = 0
    fields = ["order", "slug", "label", "exclusive", "triage_level", "triage_message"]
    show_change_link = True  # weights, tips and warning messages are on the choice's own page


@admin.register(Question)
class QuestionAdmin(SlugFixedAfterCreation, ContentAdmin):
    list_display = ["text", "slug", "kind", "step", "order"]
    list_editable = ["step", "order"]
    list_filter = ["step", "kind"]
    search_fields = ["slug", "text", "choices__label"]
    ordering = ["step", "order"]
    fields = ["slug", "text", "help_text", "kind", "step", "order"]
    inlines = [ChoiceInline]


class ChoiceWeightInline(FittingTabularInline):
    model = ChoiceWeight
    extra = 1
    fields = ["cause", "points", "reason"]


class StrategyTipInline(FittingTabularInline):
    model = StrategyTip
    extra = 0
    fields = ["strategy", "text", "safe_with_warning"]
    verbose_name = "personal step in the plan when this answer is given"
    verbose_name_plural = "personal steps in the plan when this answer is given"


@admin.register(Choice)
class ChoiceAdmin(SlugFixedAfterCreation, ContentAdmin):
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
    fields = ["step", "title"]


class EscalationConditionInline(FittingTabularInline):
    model = EscalationCondition
    formset = LockedRowsFormSet
    extra = 1
    autocomplete_fields = ["choice"]
    verbose_name = "answer it needs"
    verbose_name_plural = "answers it needs (same part: any one of them; every part must match)"


@admin.register(Escalation)
class EscalationAdmin(SlugFixedAfterCreation, ContentAdmin):
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
