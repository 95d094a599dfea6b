"""A runner's account pages of our own: export everything, delete everything."""

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from .adapter import sign_in_needs_the_shared_cache
from .forms import DeleteAccountForm
from .services import erase_runner, everything_about


@require_safe
@login_required
def export_everything(request):
    body = json.dumps(everything_about(request.user), cls=DjangoJSONEncoder, indent=2)
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="legache-my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


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
