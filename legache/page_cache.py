"""Whole pages cached while what they show is unchanged, with per-response parts kept out.

Rendering the template is most of a page's cost (engineering notes). Public pages are the
same for every anonymous visitor until an editor changes content (the content revision is in
their key); a runner's dashboard or result page is the same until their log or result
changes (its caller builds the key from that). What differs per response stays out of the
cached body: the CSP nonce and the CSRF token are stored as placeholders and filled in for
each response. A request with a pending message, an htmx request or a POST is never served
from or stored in the cache. Keys carry a release stamp, so a deploy's new templates are
never hidden behind an old page.
"""

import hashlib
import re
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers

NONCE_PLACEHOLDER = "\x00legache-csp-nonce\x00"
TOKEN_PLACEHOLDER = "\x00legache-csrf-token\x00"  # noqa: S105 (a marker, not a secret)
TIMEOUT = 24 * 60 * 60  # new content, logs or releases make new keys; this bounds old ones
KEPT_HEADERS = ("Cache-Control", "X-Robots-Tag", "Vary")
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="(\w+)"|"X-CSRFToken": "(\w+)"')


def _release() -> str:
    """Changes whenever a deploy changes a template."""
    stamp = hashlib.sha256()
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(Path(folder).rglob("*.html")):
            info = path.stat()
            stamp.update(f"{path}:{info.st_mtime_ns}:{info.st_size}".encode())
    return stamp.hexdigest()[:12]


RELEASE = _release()


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not getattr(request, "htmx", False)
        and not len(get_messages(request))  # a message is for this visitor only
    )


def _as_template(body: str, request) -> str:
    if request._csp_nonce:  # only if the page used it
        body = body.replace(str(request._csp_nonce), NONCE_PLACEHOLDER)
    if found := _TOKEN.search(body):
        body = body.replace(found.group(1) or found.group(2), TOKEN_PLACEHOLDER)
    return body


def _from_template(body: str, request) -> str:
    body = body.replace(NONCE_PLACEHOLDER, str(request._csp_nonce))
    if TOKEN_PLACEHOLDER in body:
        body = body.replace(TOKEN_PLACEHOLDER, get_token(request))
    return body


def cached_page(request, key: str, render):
    """The response `render()` gives, from the cache while `key` stands for the same page."""
    if not _cacheable(request):
        return render()
    key = "page:" + hashlib.sha256(f"{RELEASE}:{key}".encode()).hexdigest()
    stored = cache.get(key)
    if stored is None:
        response = render()
        if response.status_code == 200 and not response.streaming:
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            body = _as_template(response.content.decode(), request)
            cache.set(key, (body, response["Content-Type"], headers), TIMEOUT)
        return response
    body, content_type, headers = stored
    response = HttpResponse(_from_template(body, request), content_type=content_type)
    for name, value in headers.items():
        response[name] = value
    patch_vary_headers(response, ["Cookie", "HX-Request"])
    return response


def cached_for_anonymous(view=None, *, query_ok=lambda query: False):
    """Cache a public page for anonymous visitors, by content revision. Only canonical URLs
    are cached (no query string, or one `query_ok` accepts), so nobody can fill the cache
    with made-up URLs."""
    if view is None:
        return lambda view: cached_for_anonymous(view, query_ok=query_ok)

    from assessments.content import current_revision_cached

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated or (request.GET and not query_ok(request.GET)):
            return view(request, *args, **kwargs)
        key = f"public:{current_revision_cached()}:{request.get_full_path()}"
        return cached_page(request, key, lambda: view(request, *args, **kwargs))

    return wrapper
