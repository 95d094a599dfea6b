"""Sign-in throttling, shared by every gunicorn worker and host through the cache.

After MAX_FAILURES failed sign-ins for one account, or from one address, within about
WINDOW seconds, further attempts get a polite 429 until the count falls back. Counters live
in the default cache: Redis in production (REDIS_URL), so all workers see the same counts.

Without counts there would be no limit, so the counts are read and written with
`strict(cache)`: when Redis cannot be reached, a sign-in POST gets a polite 503 rather than
an unlimited run of guesses (everything else on the site carries on without the cache).

Counts are kept in fixed windows (one cache key per account or address per window) and a
request is refused when this window and the previous one together reach the limit. A key is
written only during its own window and lives for two, so it can never lose its expiry
between the existence check and the increment of Django's `incr`.
"""

import hashlib
import ipaddress
import time
import unicodedata
from functools import wraps

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache, caches
from django.dispatch import receiver
from django.shortcuts import render

from .cache import CacheUnavailable, strict

MAX_FAILURES = 10
WINDOW = 15 * 60
UNAVAILABLE_RETRY_AFTER = 30  # seconds; Redis usually restarts or fails over within that


def _counts():
    # caches["default"], not the `cache` proxy: strict() needs the backend itself.
    return strict(caches["default"])


def _group(address: str) -> str:
    """One IPv6 subscriber gets a whole /64; count it as one address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_address(request) -> str:
    """The client's address, trusting X-Forwarded-For only as far as our own proxies.

    Walking from the right, each hop that is one of DJANGO_TRUSTED_PROXIES vouches for the
    address before it; the first address not in the list is the client. Without trusted
    proxies the header is ignored, so nobody can choose their own address by sending it.
    """
    trusted = set(getattr(settings, "TRUSTED_PROXIES", []))
    address = request.META.get("REMOTE_ADDR", "")
    if address in trusted:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        for hop in reversed([hop for hop in hops if hop]):
            address = hop
            if hop not in trusted:
                break
    return _group(address)


def _account(username: str) -> str:
    # The same normalisation Django applies to usernames, so look-alikes count together.
    return unicodedata.normalize("NFKC", username).strip().casefold()


def _digest(text: str) -> str:
    # Whatever a visitor typed becomes a short, safe cache key.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _keys(username: str, address: str, window: int) -> list[str]:
    return [
        f"signin-failures:{window}:account:{_digest(_account(username))}",
        f"signin-failures:{window}:address:{_digest(address)}",
    ]


def _window(now: float) -> int:
    return int(now // WINDOW)


def seconds_throttled(username: str, address: str, now: float | None = None) -> int:
    """0 if a sign-in may be tried now, else how many seconds until it may."""
    now = time.time() if now is None else now
    window = _window(now)
    # (this window's key, the previous window's key) for the account, then the address.
    now_keys, before_keys = _keys(username, address, window), _keys(username, address, window - 1)
    pairs = list(zip(now_keys, before_keys, strict=True))
    counts = _counts().get_many(now_keys + before_keys)
    next_window_at = (window + 1) * WINDOW
    waits = []
    for this_key, before_key in pairs:
        this = counts.get(this_key, 0)
        if this + counts.get(before_key, 0) >= MAX_FAILURES:
            # The previous window stops counting at the next boundary; this one, a window on.
            waits.append(
                next_window_at - now if this < MAX_FAILURES else next_window_at + WINDOW - now
            )
    return int(max(waits)) + 1 if waits else 0


def record_failure(username: str, address: str) -> None:
    window = _window(time.time())
    counts = _counts()
    for key in _keys(username, address, window):
        counts.add(key, 0, timeout=2 * WINDOW)
        counts.incr(key)  # atomic in Redis: concurrent workers do not lose counts


def forget_failures(username: str) -> None:
    # Not strict: the sign-in has already succeeded, and a count left behind only errs on
    # the safe side.
    window = _window(time.time())
    cache.delete_many([_keys(username, "", w)[0] for w in (window, window - 1)])


@receiver(user_login_failed, dispatch_uid="legache-throttle-failed")
def _on_failure(sender, credentials, request=None, **kwargs):
    if request is not None:
        record_failure(str(credentials.get("username", "")), client_address(request))


@receiver(user_logged_in, dispatch_uid="legache-throttle-success")
def _on_success(sender, request, user, **kwargs):
    forget_failures(user.get_username())


def throttled(login_view):
    """Wrap a sign-in view: refuse POSTs for a throttled account or address with 429.

    When the counts cannot be reached, refuse sign-in POSTs with 503 (fail closed).
    """

    @wraps(login_view)
    def view(request, *args, **kwargs):
        if request.method != "POST":
            return login_view(request, *args, **kwargs)
        try:
            wait = seconds_throttled(request.POST.get("username", ""), client_address(request))
            if wait:
                context = {"minutes": max(1, round(wait / 60))}
                response = render(request, "429.html", context, status=429)
                response["Retry-After"] = str(wait)
                return response
            # A failed attempt is counted inside the view (user_login_failed), strictly too.
            return login_view(request, *args, **kwargs)
        except CacheUnavailable:
            response = render(request, "503_signin.html", status=503)
            response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER)
            return response

    return view
