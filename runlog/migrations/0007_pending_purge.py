from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("runlog", "0006_import_queue"),
    ]

    operations = [
        migrations.CreateModel(
            name="PendingCachePurge",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "owner",
                    models.CharField(help_text="A page owner tag.", max_length=100, unique=True),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "ordering": ["created_at", "id"],
            },
        ),
    ]
