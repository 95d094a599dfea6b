"""Whole public pages cached for anonymous visitors, by content revision.

Rendering the template is most of a content page's cost (engineering notes); the page is the
same for every anonymous visitor until an editor changes content, which bumps the content
revision and so the cache key. What differs per response stays out of the cached body: the
CSP nonce is stored as a placeholder and filled in for each response, and cacheable pages
carry no CSRF token (they have no form that posts; see `cacheable` in templates/base.html).
"""

import hashlib
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from .content import current_revision_cached

NONCE_PLACEHOLDER = "\x00legache-csp-nonce\x00"
TIMEOUT = 24 * 60 * 60  # a new revision makes a new key anyway; this only bounds old ones


def _servable_from_cache(request, query_ok) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and (not request.GET or query_ok(request.GET))
        and not request.user.is_authenticated
        and not getattr(request, "htmx", False)
        and not len(get_messages(request))  # a message is for this visitor only
    )


def cached_for_anonymous(view=None, *, query_ok=lambda query: False):
    """Cache the page for anonymous visitors. Only canonical URLs are cached (no query
    string, or one `query_ok` accepts), so nobody can fill the cache with made-up URLs."""
    if view is None:
        return lambda view: cached_for_anonymous(view, query_ok=query_ok)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _servable_from_cache(request, query_ok):
            return view(request, *args, **kwargs)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{current_revision_cached()}:{path}"
        stored = cache.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                nonce = str(request._csp_nonce)
                body = response.content.decode().replace(nonce, NONCE_PLACEHOLDER)
                cache.set(key, (body, response["Content-Type"]), TIMEOUT)
            return response
        body, content_type = stored
        nonce = str(request._csp_nonce)  # this response's own, in its CSP header too
        response = HttpResponse(body.replace(NONCE_PLACEHOLDER, nonce), content_type=content_type)
        patch_vary_headers(response, ["Cookie", "HX-Request"])
        return response

    return wrapper
