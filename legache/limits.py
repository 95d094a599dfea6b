"""Refuse request bodies the site has no use for, before anything reads them.

Every form here is a few kilobytes of text, and no view takes files. So, before the session,
CSRF or a view look at a body, this middleware refuses:

- a body over settings.LEGACHE_MAX_BODY_BYTES (413), judged by its Content-Length, which is
  also all Django would ever read of it;
- any multipart body (413): it is how files are sent (Django spools them to disk), and
  browsers send forms without files urlencoded;
- a body without a length (Transfer-Encoding: chunked, 411): Django would silently read it
  as empty;
- a body declaring a charset other than UTF-8 (400): Django refuses such forms by raising
  from deep inside CSRF's check, which became a 500.

A future view that takes uploads says so with `@allows_upload(max_bytes)`: multipart bodies
up to its own limit are then let through to it. Django's own limits on the number of fields
and files (DATA_UPLOAD_MAX_NUMBER_FIELDS, DATA_UPLOAD_MAX_NUMBER_FILES) still apply.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import Resolver404, resolve

UPLOAD_LIMIT_ATTRIBUTE = "legache_upload_limit"


def allows_upload(max_bytes: int):
    """Let a view take multipart bodies (files) of up to max_bytes."""

    def decorate(view):
        # functools.wraps copies __dict__, so the mark survives the usual decorators.
        setattr(view, UPLOAD_LIMIT_ATTRIBUTE, max_bytes)
        return view

    return decorate


def upload_limit(request) -> int | None:
    """The limit the requested view set with @allows_upload, or None."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    return getattr(match.func, UPLOAD_LIMIT_ATTRIBUTE, None)


def _content_length(request) -> int | None:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    return length if length >= 0 else None


def _too_large(request, limit: int, upload: bool):
    context = {"limit_kib": limit // 1024, "upload": upload}
    return render(request, "413.html", context, status=413)


def _bad_request(request, reason: str, status: int = 400):
    return render(request, "400.html", {"reason": reason}, status=status)


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.refusal(request) or self.get_response(request)

    def refusal(self, request):
        length = _content_length(request)
        if length is None:
            return _bad_request(request, "a body with an invalid length")
        if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return _bad_request(request, "a body without a length", status=411)
        charset = request.content_params.get("charset")
        has_body = length > 0 or request.method == "POST"
        if has_body and charset is not None and charset.strip().lower() != "utf-8":
            return _bad_request(request, "a form in a text encoding other than UTF-8")
        limit = settings.LEGACHE_MAX_BODY_BYTES
        if length <= limit and request.content_type != "multipart/form-data":
            return None
        # Only now, for the rare body that the default refuses, find the view.
        own_limit = upload_limit(request)
        if own_limit is not None:
            return _too_large(request, own_limit, upload=True) if length > own_limit else None
        return _too_large(request, limit, upload=False)
