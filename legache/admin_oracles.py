"""The admin tells an editor nothing about personal data they may not see.

- The view-on-site shortcut (`/admin/r/<content_type_id>/<object_id>/`) redirects for
  content only: for anything personal (assessments, users and their addresses, the run log),
  and for models the editor may not view, it is a 404 whether the object exists or not.
  Django's own shortcut redirected for a real object and 404ed for a missing one, whatever
  the model and the editor's permissions.
- A model's history page checks the editor's permission before it looks the object up (Django
  answered 403 for an existing user and a redirect for a missing one).
- Query strings with NUL bytes are refused with a 400 on every admin page (PostgreSQL cannot
  hold NUL in text and raised a 500), and a change list whose filters or search do not fit
  the model answers 400 instead of redirecting to its "?e=1" error page.

`seal(admin.site)` installs this; legache/urls.py calls it before building the admin's URLs.
"""

from functools import wraps

from django.contrib.admin.views.main import ERROR_FLAG
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern

# Apps and models that hold a runner's data (or an account's): never behind view-on-site.
PERSONAL_APPS = frozenset(
    {"auth", "account", "runlog", "sessions", "django_tasks_database", "admin"}
)
PERSONAL_MODELS = frozenset({"assessments.assessment"})


def is_personal(model) -> bool:
    meta = model._meta
    return meta.app_label in PERSONAL_APPS or meta.label_lower in PERSONAL_MODELS


def bad_request(request, reason: str):
    return render(request, "400.html", {"reason": reason}, status=400)


def has_nul(query) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values)
               for key, values in query.lists())  # fmt: skip


def view_on_site(site):
    """Django's shortcut, for content an editor may view; a 404 for everything else."""

    def view(request, content_type_id, object_id):
        if not (content_type_id.isdigit() and len(content_type_id) < 10):
            raise Http404
        try:
            model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        except ContentType.DoesNotExist:
            raise Http404 from None
        model_admin = site._registry.get(model) if model is not None else None
        if (
            model_admin is None
            or is_personal(model)
            or not model_admin.view_on_site
            or not model_admin.has_view_or_change_permission(request)
        ):
            raise Http404
        return shortcut(request, content_type_id, object_id)

    return site.admin_view(view)


def _refusing_nul(admin_view):
    """Wrap the site's `admin_view` so every admin page refuses NUL in its query string."""

    @wraps(admin_view)
    def wrapped_admin_view(view, cacheable=False):
        inner = admin_view(view, cacheable)

        @wraps(inner)
        def guarded(request, *args, **kwargs):
            if has_nul(request.GET):
                return bad_request(request, "a NUL character in the address")
            return inner(request, *args, **kwargs)

        return guarded

    return wrapped_admin_view


def _history_checks_permission_first(model_admin):
    original = model_admin.history_view

    @wraps(original)
    def history_view(request, object_id, extra_context=None):
        if not model_admin.has_view_or_change_permission(request):
            raise PermissionDenied  # the same answer whether the object exists or not
        return original(request, object_id, extra_context)

    model_admin.history_view = history_view


def _changelist_refuses_invalid_lookups(model_admin):
    original = model_admin.changelist_view

    @wraps(original)
    def changelist_view(request, extra_context=None):
        response = original(request, extra_context)
        error_page = getattr(response, "template_name", None) == "admin/invalid_setup.html"
        if error_page or (
            isinstance(response, HttpResponseRedirect) and response.url.endswith(f"?{ERROR_FLAG}=1")
        ):
            return bad_request(request, "a filter or search this list cannot apply")
        return response

    model_admin.changelist_view = changelist_view


def _own_view_on_site(get_urls, site):
    """The site's URLs with its view-on-site shortcut (same path and name) replaced."""

    @wraps(get_urls)
    def urls():
        return [
            URLPattern(entry.pattern, view_on_site(site), entry.default_args, entry.name)
            if isinstance(entry, URLPattern) and entry.name == "view_on_site"
            else entry
            for entry in get_urls()
        ]

    return urls


def seal(site) -> None:
    """Install the above on `site` and each of its model admins (before its URLs are built)."""
    if getattr(site, "_legache_sealed", False):
        return
    site.admin_view = _refusing_nul(site.admin_view)
    site.get_urls = _own_view_on_site(site.get_urls, site)
    for model_admin in site._registry.values():
        _history_checks_permission_first(model_admin)
        _changelist_refuses_invalid_lookups(model_admin)
    site._legache_sealed = True
