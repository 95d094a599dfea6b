"""The site's own address (LEGACHE_SITE_URL), for links in account mail.

Password-reset and verification links are built from this, never from the request's Host
header: a Host chosen by someone else must not decide where a runner's reset link points.
Read by settings.py at start-up, before Django is set up, so this imports nothing of Django's
but its exception.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

VARIABLE = "LEGACHE_SITE_URL"
DEVELOPMENT_DEFAULT = "http://127.0.0.1:8000"


def site_url(environ, debug: bool) -> str:
    """The scheme and host (and port) of the site, without a trailing slash.

    Missing: the development address with DEBUG on, a start-up error with DEBUG off.
    Malformed (not http(s)://host[:port][/], or with a path, query, fragment or user): always
    a start-up error.
    """
    raw = (environ.get(VARIABLE) or "").strip()
    if not raw:
        if debug:
            return DEVELOPMENT_DEFAULT
        raise ImproperlyConfigured(
            f"{VARIABLE} must be set when DJANGO_DEBUG is off: the address runners reach the "
            "site at, used in password-reset and verification links, e.g. "
            f"{VARIABLE}=https://legache.example"
        )
    problem = _problem(raw)
    if problem:
        raise ImproperlyConfigured(
            f"{VARIABLE}={raw!r} is not a site address ({problem}); give scheme and host "
            "only, e.g. https://legache.example or http://127.0.0.1:8000"
        )
    parts = urlsplit(raw)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _problem(raw: str) -> str | None:
    if any(character.isspace() or ord(character) < 32 for character in raw):
        return "it contains spaces or control characters"
    try:
        parts = urlsplit(raw)
        port = parts.port  # raises ValueError for a port that is not a number or out of range
    except ValueError as error:
        return str(error)
    if parts.scheme.lower() not in {"http", "https"}:
        return "the scheme must be http or https"
    if not parts.hostname:
        return "no host"
    if parts.username is not None or parts.password is not None:
        return "no user or password belongs in it"
    if parts.path not in {"", "/"} or parts.query or parts.fragment or raw.endswith(("?", "#")):
        return "no path, query or fragment belongs in it"
    if port == 0:
        return "port 0"
    return None
