"""Shipping corrections to the default content without overwriting what editors wrote.

A data migration lists, for each text it corrects, the text as it was shipped and the new text.
`apply_text_updates` writes the new text only where the stored text is still the shipped one
(compared after normalising line breaks and surrounding space). Where an editor has changed
it, the editor's text stays and a `ContentUpdateLeftAlone` row records it: editors see these in
the admin under "Texts the update left alone", each with the suggested new text, and delete the
row once they have dealt with it. On a fresh database the data migrations have already loaded
the new defaults, so there is nothing to do and nothing to record.

Only plain Django here, and the historical `apps` registry is passed in, so that migrations can
call it: a migration holds its own texts, frozen, and this code only applies them.
"""

from django.db import models
from django.db.models import F
from django.utils import timezone

# An update's `model`: a page found by its slug, or a link found by "cause-slug/strategy-slug".
PAGE_MODELS = {"cause": "Cause", "strategy": "Strategy"}
LINK_MODEL = "strategyforcause"
REMOVE = None  # an update whose new text is REMOVE deletes the row (a link that was wrong)


class ContentUpdateLeftAlone(models.Model):
    """A default text that an update would have corrected, left alone because an editor had
    changed it. Read-only in the admin; an editor deletes it once dealt with."""

    what = models.CharField(
        max_length=200, help_text="Which text, e.g. “Cause overuse: explanation”."
    )
    model = models.CharField(max_length=40, help_text="cause, strategy or strategyforcause")
    slug = models.CharField(
        max_length=120, help_text="The page's slug; for a link, “cause-slug/strategy-slug”."
    )
    field = models.CharField(max_length=40)
    new_text = models.TextField(
        "suggested new text",
        blank=True,
        help_text="The text the update ships; for a link it removes, why.",
    )
    migration = models.CharField(max_length=100, help_text="The update (migration) that left it.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "assessments"
        verbose_name = "text the update left alone"
        verbose_name_plural = "texts the update left alone"
        ordering = ["-created_at", "what"]
        # Nobody adds or edits these: the migration writes them, editors read and delete them.
        default_permissions = ("view", "delete")
        constraints = [
            models.UniqueConstraint(
                fields=["migration", "model", "slug", "field"], name="one_left_alone_per_text"
            ),
        ]

    def __str__(self):
        return self.what


def normalise(field: str, text: str | None) -> str:
    """The text as compared: plain newlines, no surrounding space; references line by line."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if field == "references":
        return "\n".join(line.strip() for line in text.split("\n") if line.strip())
    return text


def shipped(update: dict) -> list[str]:
    """The texts as shipped: one, or a list when releases shipped different ones."""
    old = update["old"]
    return list(old) if isinstance(old, (list, tuple)) else [old]


def describe(model: str, slug: str, field: str) -> str:
    if model == LINK_MODEL:
        cause, strategy = slug.split("/")
        part = "remove the link" if field == "link" else field
        return f"Strategy for cause {cause} → {strategy}: {part}"
    return f"{model.capitalize()} {slug}: {field}"


def _find(apps, model: str, slug: str):
    if model == LINK_MODEL:
        cause, strategy = slug.split("/")
        link = apps.get_model("assessments", "StrategyForCause")
        return link.objects.filter(cause__slug=cause, strategy__slug=strategy).first()
    page = apps.get_model("assessments", PAGE_MODELS[model])
    return page.objects.filter(slug=slug).first()


def _record_history(apps, row, history_type: str, reason: str, now) -> None:
    """A history row, as an editor's save would make, so "History" shows the update."""
    name = type(row).__name__
    try:
        historical = apps.get_model("assessments", f"Historical{name}")
    except LookupError:
        return
    fields = {f.attname: getattr(row, f.attname) for f in type(row)._meta.concrete_fields}
    entry = historical.objects.create(
        **fields,
        history_date=now,
        history_type=history_type,
        history_change_reason=reason[:100],
    )
    # A history row with no record of a many-to-many field would clear it when reverted to
    # (a cause's "scores only with"): record its rows too, as simple_history does.
    for m2m in type(row)._meta.many_to_many:
        try:
            m2m_history = apps.get_model("assessments", f"Historical{name}_{m2m.name}")
        except LookupError:
            continue
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        for link in m2m.remote_field.through.objects.filter(**{f"{source}_id": row.pk}):
            m2m_history.objects.create(
                id=link.pk,
                history=entry,
                **{f"{source}_id": row.pk, f"{target}_id": getattr(link, f"{target}_id")},
            )


def apply_text_updates(apps, updates: list[dict], migration: str) -> dict[str, int]:
    """Apply `updates` ({model, slug, field, old, new}) where the stored text is still `old`
    (one shipped text, or a list of the texts different releases shipped).

    `field` "link" with `new` REMOVE deletes a StrategyForCause row whose `why` is still `old`
    (`note`, shown to editors if it is left alone, says why).
    Returns counts: updated, already (the new text is there), left_alone, missing.
    """
    left_alone_model = apps.get_model("assessments", "ContentUpdateLeftAlone")
    counts = {"updated": 0, "already": 0, "left_alone": 0, "missing": 0}
    reason = f"Default content corrected ({migration})"
    now = timezone.now()
    changes: dict[tuple[str, str], dict[str, str]] = {}
    removals = []
    rows = {}

    for update in updates:
        model, slug, field = update["model"], update["slug"], update["field"]
        key = (model, slug)
        if key not in rows:
            rows[key] = _find(apps, model, slug)
        row = rows[key]
        if row is None:
            counts["missing"] += 1  # deleted by an editor, or already removed
            continue
        stored_field = "why" if field == "link" else field
        stored = normalise(stored_field, getattr(row, stored_field))
        new = update["new"]
        if new is not REMOVE and stored == normalise(field, new):
            counts["already"] += 1
        elif stored in {normalise(stored_field, old) for old in shipped(update)}:
            if new is REMOVE:
                removals.append(row)
            else:
                changes.setdefault(key, {})[field] = new
        else:
            counts["left_alone"] += 1
            left_alone_model.objects.get_or_create(
                migration=migration,
                model=model,
                slug=slug,
                field=field,
                defaults={
                    "what": describe(model, slug, field),
                    "new_text": update.get("note", "") if new is REMOVE else new,
                },
            )

    for key, fields in changes.items():
        row = rows[key]
        type(row).objects.filter(pk=row.pk).update(**fields)
        row.refresh_from_db()
        _record_history(apps, row, "~", reason, now)
        counts["updated"] += len(fields)
    for row in removals:
        _record_history(apps, row, "-", reason, now)
        row.delete()
        counts["updated"] += 1

    if changes or removals:
        # Every worker rebuilds its content snapshot and page cache (see content.py).
        revision = apps.get_model("assessments", "ContentRevision")
        if not revision.objects.update(number=F("number") + 1):
            revision.objects.create(number=1)
    return counts
