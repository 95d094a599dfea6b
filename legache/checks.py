"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    if settings.CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
        return [
            Warning(
                "The default cache is private to each process.",
                hint=(
                    "Set REDIS_URL: with several gunicorn workers or hosts the sign-in "
                    "limits would count each worker's attempts separately."
                ),
                id="legache.W001",
            )
        ]
    return []
