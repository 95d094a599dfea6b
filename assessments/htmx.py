"""Full page or partial: the one rule every HTMX-aware view follows."""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def wants_partial(request) -> bool:
    # Boosted navigation and history restores replace the whole page, so they get it.
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_page(request, template: str, context: dict, partial: str, status: int = 200):
    """Render `template`, or only its `{% partialdef partial %}` for an HTMX swap."""
    name = f"{template}#{partial}" if wants_partial(request) else template
    response = render(request, name, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response
