"""Sign-in throttling, shared by every gunicorn worker and host through the cache.

After MAX_FAILURES failed sign-ins for one account, or from one address, within WINDOW
seconds, further attempts get a polite 429 until the window passes. Counters live in the
default cache: Redis in production (REDIS_URL), so all workers see the same counts.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.shortcuts import render

MAX_FAILURES = 10
WINDOW = 15 * 60


def client_address(request) -> str:
    if getattr(settings, "BEHIND_PROXY", False):
        # The proxy appends the address it saw; earlier entries are the client's to forge.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _keys(username: str, address: str) -> list[str]:
    account = hashlib.sha256(username.strip().lower().encode()).hexdigest()
    return [f"signin-failures:account:{account}", f"signin-failures:address:{address}"]


def is_throttled(username: str, address: str) -> bool:
    counts = cache.get_many(_keys(username, address))
    return any(count >= MAX_FAILURES for count in counts.values())


def record_failure(username: str, address: str) -> None:
    for key in _keys(username, address):
        cache.add(key, 0, timeout=WINDOW)  # starts the window; no-op if already counting
        try:
            cache.incr(key)  # atomic in Redis, so concurrent workers do not lose counts
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=WINDOW)


def forget_failures(username: str) -> None:
    cache.delete(_keys(username, "")[0])


@receiver(user_login_failed, dispatch_uid="legache-throttle-failed")
def _on_failure(sender, credentials, request=None, **kwargs):
    if request is not None:
        record_failure(str(credentials.get("username", "")), client_address(request))


@receiver(user_logged_in, dispatch_uid="legache-throttle-success")
def _on_success(sender, request, user, **kwargs):
    forget_failures(user.get_username())


def throttled(login_view):
    """Wrap a sign-in view: refuse POSTs for a throttled account or address with 429."""

    @wraps(login_view)
    def view(request, *args, **kwargs):
        if request.method == "POST" and is_throttled(
            request.POST.get("username", ""), client_address(request)
        ):
            response = render(request, "429.html", {"minutes": WINDOW // 60}, status=429)
            response["Retry-After"] = str(WINDOW)
            return response
        return login_view(request, *args, **kwargs)

    return view
