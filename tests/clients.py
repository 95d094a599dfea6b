"""A test client that posts forms the way a browser does.

Django's test client sends `multipart/form-data` by default, but a browser sends a form
without a file as `application/x-www-form-urlencoded`, and the site refuses multipart
outside its upload views (legache/limits.py). Tests post what real pages post.
"""

from urllib.parse import urlencode

from django.test import Client

FORM = "application/x-www-form-urlencoded"


def _has_file(data) -> bool:
    values = data.values() if isinstance(data, dict) else []
    return any(
        hasattr(v, "read") or (isinstance(v, list | tuple) and any(hasattr(i, "read") for i in v))
        for v in values
    )


class BrowserClient(Client):
    def post(self, path, data=None, content_type=None, **kwargs):
        if content_type is None:
            data = {} if data is None else data
            if isinstance(data, dict) and not _has_file(data):
                return super().post(path, urlencode(data, doseq=True), content_type=FORM, **kwargs)
            return super().post(path, data, **kwargs)
        return super().post(path, data, content_type=content_type, **kwargs)
