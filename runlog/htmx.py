"""Full page or partial: the rule every HTMX-aware run log view follows.

The same rule as the questionnaire's (`assessments/htmx.py`), repeated here because runlog
never imports assessments. A partial is a `{% partialdef %}` of a template.
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
