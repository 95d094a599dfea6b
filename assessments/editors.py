"""The "Content editors" group: content models only, never users or runners' data."""

EDITORS_GROUP = "Content editors"


def grant_editor_permissions(apps, model_names: list[str]) -> None:
    """Give the editors group every permission on the named assessments models.

    Used from migrations, so it takes the historical `apps` registry; permissions are
    normally created after migrate, so they are made here first.
    """
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("assessments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="assessments", content_type__model__in=model_names
        )
    )
