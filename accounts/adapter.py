"""allauth's adapter (ACCOUNT_ADAPTER): one sign-in limit for every password check, client
addresses through our own proxies only, and links in mail on the configured site address."""

import ipaddress
from dataclasses import dataclass
from functools import wraps
from urllib.parse import quote, urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter, get_adapter
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from django import forms
from django.conf import settings
from django.core.cache import caches
from django.shortcuts import render
from django.urls import reverse

from legache.cache import CacheUnavailable, strict

UNAVAILABLE_RETRY_AFTER = 30  # seconds; Redis usually restarts or fails over within that


def client_address(request) -> str:
    """The client's address, trusting X-Forwarded-For only as far as our own proxies.

    Walking from the right, each hop that is one of DJANGO_TRUSTED_PROXIES vouches for the
    address before it; the first address not in the list is the client. Without trusted
    proxies the header is ignored, so nobody can choose their own address by sending it.
    """
    trusted = set(settings.TRUSTED_PROXIES)
    address = request.META.get("REMOTE_ADDR", "")
    if address in trusted:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        for hop in reversed([hop for hop in hops if hop]):
            address = hop
            if hop not in trusted:
                break
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return "0.0.0.0"  # noqa: S104  (not an address: one shared bucket, never a bypass)
    return address


def site_link(path: str) -> str:
    """An absolute link to `path` on the configured site (LEGACHE_SITE_URL), whatever Host the
    request that triggered the mail carried."""
    return settings.LEGACHE_SITE_URL + path


def on_the_site(url: str) -> str:
    """`url` (absolute, built by allauth from the request) moved onto the configured site."""
    parts = urlsplit(url)
    site = urlsplit(settings.LEGACHE_SITE_URL)
    return urlunsplit((site.scheme, site.netloc, parts.path or "/", parts.query, parts.fragment))


@dataclass(frozen=True)
class ConfiguredSite:
    """Stands in for allauth's `current_site` in mail (a RequestSite would name the Host)."""

    domain: str
    name: str = "legache"


def user_display(user) -> str:
    """How allauth names an account (ACCOUNT_USER_DISPLAY): by its email address, never by
    the username allauth makes up for it."""
    return user.email or "your account"


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        # allauth's rate limits count per address; allauth groups an IPv6 /64 as one.
        return client_address(request)

    # Links in mail use LEGACHE_SITE_URL, never the request's Host header.

    def get_email_confirmation_url(self, request, emailconfirmation):
        return site_link(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return site_link(path.replace("UID-KEY", quote(key)))

    def send_mail(self, template_prefix, email, context):
        # Every other link allauth puts in a mail (sign-up and reset pages in the "already
        # have an account" and "unknown account" mails, ...) is built from the request: move
        # each onto the configured site, and name the site from it too.
        context = {
            key: on_the_site(value)
            if key.endswith("_url") and isinstance(value, str) and urlsplit(value).netloc
            else value
            for key, value in context.items()
        }
        context["current_site"] = ConfiguredSite(urlsplit(settings.LEGACHE_SITE_URL).netloc)
        context["site_url"] = settings.LEGACHE_SITE_URL  # for the mail's own links and sign-off
        return super().send_mail(template_prefix, email, context)

    # One sign-in limit for every password check.

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth keys the per-account count by the request's site (its Host header, port
        # included, as this site has no sites framework): a guesser could get a fresh count
        # per made-up port. Key it by the account alone.
        login = credentials.get("email", credentials.get("username", ""))
        return f"account:{login.lower()}"

    def reauthenticate(self, user, password):
        return password_is_right(allauth_context.request, user, password)

    def pre_authenticate(self, request, **credentials):
        # allauth says "too many attempts" as a form error (200); a polite 429 with
        # Retry-After tells browsers, scripts and monitoring what happened.
        try:
            super().pre_authenticate(request, **credentials)
        except forms.ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise ImmediateHttpResponse(too_many_attempts(request)) from error
            raise


def password_is_right(request, user, password: str) -> bool:
    """Check `user`'s password as signing in does: counted against the same limit (allauth's
    `login_failed`: 10 in 15 minutes per account and per address); past it, a 429 with
    Retry-After (ImmediateHttpResponse, answered by allauth's middleware), even for the right
    password. A right password does not count."""
    adapter = get_adapter(request)
    if user.email:  # the account's key is its sign-in address, as on the sign-in page
        found = adapter.authenticate(request, email=user.email, password=password)
        return found is not None and found.pk == user.pk
    return DefaultAccountAdapter.reauthenticate(adapter, user, password)


def sign_in_needs_the_shared_cache(view):
    """Sign-in limits are counted in Redis: without it, refuse politely rather than let an
    unlimited run of guesses through (every other page carries on without the cache)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.method == "POST":
            try:
                strict(caches["default"]).get("sign-in-limits-reachable")
            except CacheUnavailable:
                response = render(request, "503_signin.html", status=503)
                response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER)
                return response
        return view(request, *args, **kwargs)

    return guarded


def too_many_attempts(request, exception=None):
    """allauth's rate limits answer with this (ROOT_URLCONF's handler429)."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(15 * 60)
    return response
