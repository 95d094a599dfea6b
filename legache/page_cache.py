"""Whole pages cached while what they show is unchanged, with per-response parts kept out.

Rendering the template is most of a page's cost (engineering notes). Public pages are the
same for every anonymous visitor until an editor changes content (the content revision is in
their key); a runner's dashboard or result page is the same until their log or result
changes (its caller builds the key from that). What differs per response stays out of the
cached body: the CSP nonce and the CSRF token are stored as placeholders and filled in for
each response. A request with a pending message, an htmx request or a POST is never served
from or stored in the cache. Keys carry a release stamp, so a deploy's new templates or
static files are never hidden behind an old page.

Each stored page is filed under its owner, whose data it shows (`runner:<id>` by default for
a signed-in visitor, "public" otherwise): the owner is readable in the stored key, so
`forget_pages` can find and delete all of a runner's pages when their account goes.
"""

import functools
import hashlib
import re
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from redis.exceptions import RedisError

from .cache import CacheUnavailable

NONCE_PLACEHOLDER = "\x00legache-csp-nonce\x00"
TOKEN_PLACEHOLDER = "\x00legache-csrf-token\x00"  # noqa: S105 (a marker, not a secret)
TIMEOUT = 24 * 60 * 60  # new content, logs or releases make new keys; this bounds old ones
KEPT_HEADERS = ("Cache-Control", "X-Robots-Tag", "Vary")
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="(\w+)"|"X-CSRFToken": "(\w+)"')
# An owner is one or more words joined by colons ("runner:12", "assessment:<uuid>"): nothing
# a SCAN pattern would read as a wildcard. Keys end the owner with a colon, so forgetting
# runner:1 never touches runner:10's pages.
_OWNER = re.compile(r"[\w-]+(:[\w-]+)*")
SCAN_BATCH = 1000


# The release stamp.


def _add_tree(stamp, label: str, folder: Path) -> None:
    """Each file's path inside `folder` and a hash of its contents: the same on every host
    that has the same files, wherever they are and whatever their modification times."""
    if not folder.is_dir():
        return
    files = sorted((path.relative_to(folder).as_posix(), path) for path in folder.rglob("*"))
    for name, path in files:
        if path.is_file():
            stamp.update(f"{label}/{name}\x00".encode())
            stamp.update(hashlib.sha256(path.read_bytes()).digest())


def release_stamp(template_dirs, static_root=None, static_dirs=()) -> str:
    """Changes whenever a deploy changes a template or a static file.

    Templates by content; static files by the manifest `collectstatic` wrote (its names carry
    each file's content hash) when there is one, else by the source files' contents.
    """
    stamp = hashlib.sha256()
    for number, folder in enumerate(template_dirs):
        _add_tree(stamp, f"templates{number}", Path(folder))
    manifest = Path(static_root) / "staticfiles.json" if static_root else None
    if manifest is not None and manifest.is_file():
        stamp.update(b"manifest\x00" + manifest.read_bytes())
    else:
        for number, folder in enumerate(static_dirs):
            # STATICFILES_DIRS entries may be (prefix, folder) pairs.
            prefix, folder = folder if isinstance(folder, (list, tuple)) else ("", folder)
            _add_tree(stamp, f"static{number}:{prefix}", Path(folder))
    return stamp.hexdigest()[:12]


@functools.cache
def release() -> str:
    """This deploy's stamp, computed once per process (the first cached page asks for it)."""
    return release_stamp(
        [folder for engine in settings.TEMPLATES for folder in engine.get("DIRS", ())],
        getattr(settings, "STATIC_ROOT", None),
        getattr(settings, "STATICFILES_DIRS", ()),
    )


# Whose pages: finding and deleting a runner's stored pages.


def runner_pages(user_id) -> str:
    """The owner of the pages that show runner `user_id`'s data."""
    return f"runner:{int(user_id)}"


def _owner_prefix(owner: str) -> str:
    if not _OWNER.fullmatch(owner):
        raise ValueError(f"Not a page owner: {owner!r}")
    return f"page:{owner}:"


def owned_key(owner: str, key: str) -> str:
    """A cache key filed under `owner`, for anything else cached from their data (e.g. the
    dashboard's insights): `forget_pages(owner)` deletes it with their pages."""
    return _owner_prefix(owner) + key


def _default_owner(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return runner_pages(user.pk)
    return "public"


def forget_pages(*owners: str) -> int:
    """Delete every stored page of these owners; returns how many were deleted.

    Raises CacheUnavailable when the cache cannot be reached: the caller keeps the owners
    somewhere that lasts (the database) and tries again later.
    """
    backend = caches["default"]
    prefixes = [backend.make_key(_owner_prefix(owner)) for owner in owners]
    if isinstance(backend, RedisCache):
        return _forget_in_redis(backend, prefixes)
    if isinstance(backend, LocMemCache):
        return _forget_in_memory(backend, prefixes)
    if isinstance(backend, DummyCache):
        return 0
    raise ImproperlyConfigured(
        f"legache.page_cache cannot list the keys of {type(backend).__name__}; "
        "use Redis (legache.cache.SharedRedisCache) or the local memory cache."
    )


def _glob_escaped(text: str) -> str:
    return re.sub(r"([*?\[\]\\])", r"\\\1", text)


def _forget_in_redis(backend: RedisCache, prefixes: list[str]) -> int:
    deleted = 0
    try:
        client = backend._cache.get_client(write=True)
        for prefix in prefixes:
            found = client.scan_iter(match=_glob_escaped(prefix) + "*", count=SCAN_BATCH)
            batch = []
            for key in found:
                batch.append(key)
                if len(batch) >= SCAN_BATCH:
                    deleted += client.delete(*batch)
                    batch = []
            if batch:
                deleted += client.delete(*batch)
    except RedisError as exc:
        raise CacheUnavailable(f"Redis did not answer: {exc}") from exc
    return deleted


def _forget_in_memory(backend: LocMemCache, prefixes: list[str]) -> int:
    prefixes = tuple(prefixes)
    with backend._lock:
        keys = [key for key in backend._cache if key.startswith(prefixes)]
        for key in keys:
            backend._cache.pop(key, None)
            backend._expire_info.pop(key, None)
    return len(keys)


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


def cached_page(request, key: str, render, *, owner: str | None = None):
    """The response `render()` gives, from the cache while `key` stands for the same page.

    `owner`: whose data the page shows, for `forget_pages` (e.g. `runner_pages(user.pk)`,
    or "assessment:<id>" for a result others may see); by default the signed-in visitor
    (`runner:<id>`), else "public".
    """
    if not _cacheable(request):
        return render()
    prefix = _owner_prefix(owner or _default_owner(request))
    key = prefix + hashlib.sha256(f"{release()}:{key}".encode()).hexdigest()
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


def cached_for_anonymous(view=None, *, revision=None, query_ok=lambda query: False):
    """Cache a public page for anonymous visitors, by content revision. Only canonical URLs
    are cached (no query string, or one `query_ok` accepts), so nobody can fill the cache
    with made-up URLs.

    `revision`: a function giving the current content revision, which is in the key (the
    caller's: this module knows no app).
    """
    if revision is None:
        raise TypeError("cached_for_anonymous needs revision=, the content revision's reader")
    if view is None:
        return lambda view: cached_for_anonymous(view, revision=revision, query_ok=query_ok)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated or (request.GET and not query_ok(request.GET)):
            return view(request, *args, **kwargs)
        key = f"public:{revision()}:{request.get_full_path()}"
        return cached_page(request, key, lambda: view(request, *args, **kwargs))

    return wrapper
