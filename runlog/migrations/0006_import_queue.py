from django.db import migrations, models
from django.db.models import F


def mark_dispatched(apps, schema_editor):
    """Batches waiting or running before the queue existed had their task enqueued already."""
    ImportBatch = apps.get_model("runlog", "ImportBatch")
    ImportBatch.objects.filter(status__in=["queued", "running"]).update(
        dispatched_at=F("created_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("runlog", "0005_run_sport_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="importbatch",
            name="dispatched_at",
            field=models.DateTimeField(
                blank=True,
                help_text=(
                    "When its task was last put in the task queue; empty while it waits for "
                    "the runner's earlier import (one of a runner's imports is in the queue "
                    "at a time)."
                ),
                null=True,
            ),
        ),
        migrations.AddIndex(
            model_name="importbatch",
            index=models.Index(fields=["status", "heartbeat_at"], name="runlog_batch_status_beat"),
        ),
        migrations.RunPython(mark_dispatched, migrations.RunPython.noop),
    ]
