"""A first history row for every content row that exists, so an editor's first change to the
default content can be put back too (history only records changes from now on)."""

from django.db import migrations
from django.utils import timezone

CONTENT_MODELS = [
    "Cause", "Strategy", "StrategyForCause", "Question", "Choice", "ChoiceWeight",
    "StrategyTip", "Screen", "Escalation", "EscalationCondition", "Contraindication",
]  # fmt: skip


def baseline(apps, schema_editor):
    now = timezone.now()
    for name in CONTENT_MODELS:
        model = apps.get_model("assessments", name)
        historical = apps.get_model("assessments", f"Historical{name}")
        fields = [f.attname for f in model._meta.concrete_fields]
        historical.objects.bulk_create(
            historical(
                **{field: getattr(row, field) for field in fields},
                history_date=now,
                history_type="+",
                history_change_reason="The default content, as first installed",
            )
            for row in model.objects.all()
            if not historical.objects.filter(id=row.pk).exists()
        )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0010_content_history")]
    operations = [migrations.RunPython(baseline, migrations.RunPython.noop)]
