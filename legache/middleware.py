"""While the database is down, answer 503 with the branded error page, not a 500.

A view that cannot reach the database raises OperationalError or InterfaceError. That is an
outage, not a bug: the page says so, `Retry-After` tells clients and proxies when to come
back, and monitoring can tell the two apart by status. The page is 500.html rendered with no
context, so it needs neither the database nor the session.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

RETRY_AFTER = 30  # seconds


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if settings.DEBUG or not isinstance(exception, OperationalError | InterfaceError):
            return None  # a developer wants the traceback; other errors are 500s
        logger.error("Database unavailable, answering 503 for %s: %s", request.path, exception)
        response = HttpResponse(loader.render_to_string("500.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
