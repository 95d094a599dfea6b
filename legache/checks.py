"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

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


@register(Tags.security)
def sessions_from_the_database(app_configs, **kwargs):
    """A sign-out must hold on every worker and host whatever the cache does: a session read
    from a cache would outlive a sign-out whose cache delete was lost (tests/
    test_session_stall.py)."""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return [
            Error(
                f"SESSION_ENGINE is {settings.SESSION_ENGINE!r}.",
                hint=(
                    "Sessions must come from the database alone "
                    "(django.contrib.sessions.backends.db), so that signing out holds."
                ),
                id="legache.E002",
            )
        ]
    return []
