from django.db import migrations


def grant(apps, schema_editor):
    from assessments.editors import grant_editor_permissions

    grant_editor_permissions(apps, ["question", "choice", "choiceweight", "strategytip"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0005_default_questionnaire"),
        ("assessments", "0003_content_editors"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
