from django.db import migrations


def create_group(apps, schema_editor):
    from assessments.editors import grant_editor_permissions

    grant_editor_permissions(apps, ["cause", "strategy", "strategyforcause"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0002_default_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
