"""Runner accounts: django-allauth's flows, with this site's sign-in limits and data pages.

The project package holds what spans both apps: a runner's whole data (runs from `runlog`,
assessments from `assessments`) for export and deletion, and sign-up, which sets up both.
"""

import functools
import ipaddress
import json
import zoneinfo
from dataclasses import dataclass
from functools import wraps
from urllib.parse import quote, urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter, get_adapter
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.cache import caches
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from .cache import CacheUnavailable, strict
from .page_cache import forget_pages, runner_pages

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


class RunnerSignupForm(forms.Form):
    """allauth's sign-up, plus the runner's time zone, filled in by the browser."""

    time_zone = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    def clean_time_zone(self):
        name = self.cleaned_data.get("time_zone", "")
        return name if name in zoneinfo.available_timezones() else "UTC"

    def signup(self, request, user):
        from runlog.models import RunnerSettings

        RunnerSettings.objects.update_or_create(
            user=user, defaults={"time_zone": self.cleaned_data.get("time_zone") or "UTC"}
        )


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


# A runner's own data: export everything, delete everything.


def everything_about(user) -> dict:
    from assessments.export import assessments_data
    from runlog.export import runlog_data

    return {
        "exported_at": timezone.now(),
        "account": {"email": user.email, "joined": user.date_joined},
        **runlog_data(user),
        "assessments": assessments_data(user),
    }


@require_safe
@login_required
def export_everything(request):
    body = json.dumps(everything_about(request.user), cls=DjangoJSONEncoder, indent=2)
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="legache-my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password, to confirm", widget=forms.PasswordInput, strip=False
    )

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = request.user

    def clean_password(self):
        # Counted against the sign-in limit: past it, a 429 like the sign-in page's.
        password = self.cleaned_data["password"]
        if not password_is_right(self.request, self.user, password):
            raise forms.ValidationError("That is not your password.")
        return password


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@sign_in_needs_the_shared_cache  # its password is counted like a sign-in's
def delete_account(request):
    """A confirmation, then everything of the runner is gone (see erase_runner)."""
    form = DeleteAccountForm(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        erase_runner(user=request.user, session=request.session)
        logout(request)
        return redirect("account_deleted")
    status = 422 if request.method == "POST" else 200
    return render(request, "account/delete.html", {"form": form}, status=status)


@require_safe
def account_deleted(request):
    return render(request, "account/deleted.html")


def erase_runner(*, user, session=None) -> None:
    """Delete a runner and everything kept about them, leaving nothing with their id.

    In one transaction: the account's rows (they cascade from it), the anonymous
    assessments of this browser `session` not yet claimed, and the background task rows
    that name the runner's imports (never one being run: its worker still has to record the
    end, and `manage.py purge` takes it after). Once that commits: the stored files (runlog
    deletes each row's file), then the runner's storage folders with anything left in them,
    then their cached pages. If the cache cannot be reached, the pages to forget are written
    down in the database, and `manage.py purge` deletes them once it answers; it also takes
    the runner's sessions in other browsers, which sign nobody in any more.
    """
    from django.core.files.storage import default_storage
    from django.tasks import TaskResultStatus

    from assessments.models import Assessment
    from assessments.wizard import session_owner_key
    from runlog import retention

    assessments = Assessment.objects.filter(user=user)
    owner_key = session_owner_key(session) if session is not None else ""
    if owner_key:
        assessments |= Assessment.objects.filter(user__isnull=True, owner_key=owner_key)
    pages = [runner_pages(user.pk)]
    pages += [f"assessment:{pk}" for pk in assessments.values_list("pk", flat=True)]
    batches = list(user.import_batches.values_list("pk", flat=True))
    user_id = user.pk

    with transaction.atomic():
        assessments.delete()
        user.delete()  # cascades to everything else the runner owns
        retention.import_task_rows(batches).exclude(status=TaskResultStatus.RUNNING).delete()
        # After the files' own deletions, which the cascade queued first.
        transaction.on_commit(
            functools.partial(retention.remove_runner_folders, default_storage, user_id),
            robust=True,
        )
    forget_pages_or_note(pages)


def forget_pages_or_note(owners) -> None:
    """Delete these owners' cached pages, or note them for `manage.py purge` if the cache
    cannot be reached now."""
    from runlog.retention import PendingCachePurge

    try:
        forget_pages(*owners)
    except CacheUnavailable:
        PendingCachePurge.objects.bulk_create(
            [PendingCachePurge(owner=owner) for owner in owners], ignore_conflicts=True
        )
