"""Runner accounts: django-allauth's flows, with this site's sign-in limits and data pages.

The project package holds what spans both apps: a runner's whole data (runs from `runlog`,
assessments from `assessments`) for export and deletion, and sign-up, which sets up both.
"""

import ipaddress
import json
import zoneinfo
from functools import wraps

from allauth.account.adapter import DefaultAccountAdapter
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
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from .cache import CacheUnavailable, strict

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


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        # allauth's rate limits count per address; allauth groups an IPv6 /64 as one.
        return client_address(request)

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

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def delete_account(request):
    """A confirmation, then every personal row is gone: runs, check-ins, assessments."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            user.delete()  # cascades to everything the runner owns
        logout(request)
        return redirect("account_deleted")
    status = 422 if request.method == "POST" else 200
    return render(request, "account/delete.html", {"form": form}, status=status)


@require_safe
def account_deleted(request):
    return render(request, "account/deleted.html")
