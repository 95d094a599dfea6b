from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import detect, services


@require_POST
def choose_country(request):
    """The picker's one tap: remember the runner's country in their session, then back."""
    value = request.POST.get("country", "")
    code = detect.normalise(value)
    known = {country.code for country in services.countries()}
    if value.strip() and code not in known:
        response = render(
            request,
            "helplines/unknown_country.html",
            {"value": value[:20]},
            status=400,
        )
        response["Cache-Control"] = "private, no-store"
        return response
    services.remember_country(request, code or detect.OTHER)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response.status_code = 303  # See Other: the page again, with a GET
    return response
