from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .cache import CacheUnavailable, strict


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def _cache_answers() -> bool:
    try:
        strict(caches["default"]).get("readyz")  # a round trip; the value does not matter
    except CacheUnavailable:
        return False
    return True


@require_safe
@never_cache
def healthz(request):
    """Liveness for load balancers and Docker: 503 when the database cannot answer.

    The cache is left out on purpose: the site works without Redis (see legache/cache.py),
    so restarting containers because Redis is away would only make things worse.
    """
    if not _database_answers():
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
@never_cache
def readyz(request):
    """Readiness, for monitoring and deploys: the database and the shared cache both answer.

    503 names what does not. Without Redis the site still serves its pages and sessions from
    the database, but refuses sign-in (its limits' counts fail closed).
    """
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    ready = all(checks.values())
    body = {"status": "ok" if ready else "error"}
    body.update((name, "ok" if answers else "unavailable") for name, answers in checks.items())
    return JsonResponse(body, status=200 if ready else 503)
