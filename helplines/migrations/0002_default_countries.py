"""The default countries and numbers (helplines/defaults.py), a first history row for each so
an editor's first correction can be put back, and the editors' permissions to correct them."""

from django.db import migrations
from django.utils import timezone


def load(apps, schema_editor):
    from helplines.defaults import COUNTRIES

    Country = apps.get_model("helplines", "Country")
    HistoricalCountry = apps.get_model("helplines", "HistoricalCountry")
    now = timezone.now()
    for item in COUNTRIES:
        country, created = Country.objects.get_or_create(code=item.code, defaults=item._asdict())
        if created:
            HistoricalCountry.objects.create(
                id=country.pk,
                **item._asdict(),
                history_date=now,
                history_type="+",
                history_change_reason="The default numbers, as first installed",
            )


def grant_editors(apps, schema_editor):
    """Like assessments.editors.grant_editor_permissions, for this app: editors view and
    change countries (adding or deleting one stays with administrators)."""
    from django.contrib.auth.management import create_permissions

    from assessments.editors import EDITORS_GROUP

    app_config = apps.get_app_config("helplines")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="helplines",
            codename__in=["view_country", "change_country"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("helplines", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
