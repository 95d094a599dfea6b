"""Full page or partial: the one rule every HTMX-aware view follows, in both apps.

A partial is a `{% partialdef %}` of the page's own template (`"page.html#name"`), as in
django-htmx's example project.
"""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def wants_partial(request) -> bool:
    # Boosted navigation and history restores replace the whole page, so they get it.
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_either(request, page: str, partial: str, context: dict, status: int = 200):
    """Render the full `page`, or `partial` ("template#name") for an HTMX swap."""
    response = render(request, partial if wants_partial(request) else page, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def render_page(request, template: str, context: dict, partial: str, status: int = 200):
    """Render `template`, or only its `{% partialdef partial %}` for an HTMX swap."""
    return render_either(request, template, f"{template}#{partial}", context, status=status)
