"""Another site cannot make a runner's browser post to their run log.

Every run log URL is walked (so new views are covered): a POST without the CSRF token is
refused with 403 and changes nothing; the same POST with the token is not refused for CSRF.
"""

import pytest
from django.conf import settings
from django.urls import URLPattern, reverse

from runlog import urls as runlog_urls
from runlog.models import Run, RunnerSettings, SorenessEntry, SoreRegion
from tests.clients import BrowserClient
from tests.test_runlog_factories import checkin_form, make_entry, make_run, make_user, run_form

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}

ROUTES = [(f"runlog:{p.name}", p) for p in runlog_urls.urlpatterns if isinstance(p, URLPattern)]
POST_ENDPOINTS = {
    "runlog:run_new": run_form(),
    "runlog:run_edit": run_form(rpe="8"),
    "runlog:run_delete": {},
    "runlog:checkin": checkin_form(regions=["left-calves"]),
    "runlog:entry_edit": checkin_form(soreness="7"),
    "runlog:entry_delete": {},
    "runlog:settings": {"distance_unit": "mi", "temperature_unit": "F", "time_zone": "UTC"},
}


@pytest.fixture
def strict(django_user_model):
    """A signed-in runner's browser whose posts Django checks for a token, as in production."""
    client = BrowserClient(enforce_csrf_checks=True)
    runner = make_user(django_user_model)
    client.force_login(runner)
    client.get(reverse("runlog:runs"))  # the site's own page hands out the token
    run = make_run(runner)
    entry = make_entry(runner, run=run, regions=[("quads", "right", 2)])
    client.objects = {"run_id": run.pk, "entry_id": entry.pk}
    return client


def token(client):
    return client.cookies[settings.CSRF_COOKIE_NAME].value


def everything() -> list:
    return [
        list(model.objects.order_by("pk").values())
        for model in (Run, SorenessEntry, SoreRegion, RunnerSettings)
    ]


def url_for(client, pattern, name):
    kwargs = {key: client.objects[key] for key in getattr(pattern.pattern, "converters", {})}
    return reverse(name, kwargs=kwargs)


def test_the_walk_finds_every_post_endpoint():
    assert {name for name, _ in ROUTES} >= set(POST_ENDPOINTS)


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
@pytest.mark.parametrize(("name", "pattern"), ROUTES, ids=[name for name, _ in ROUTES])
def test_no_run_log_post_goes_through_without_the_token(strict, name, pattern, htmx):
    url = url_for(strict, pattern, name)
    data = POST_ENDPOINTS.get(name, {})
    before = everything()
    response = strict.post(url, data, headers=HX if htmx else None)
    assert response.status_code == 403
    assert b"CSRF verification failed" in response.content
    assert everything() == before
    # With the token, as the site's form (field) or htmx (header) sends it, CSRF lets it by.
    if htmx:
        honest = strict.post(url, data, headers={**HX, "X-CSRFToken": token(strict)})
    else:
        honest = strict.post(url, {**data, "csrfmiddlewaretoken": token(strict)})
    assert honest.status_code != 403
    if name in POST_ENDPOINTS:
        assert honest.status_code in (200, 302), f"{name} should take this post"
    else:
        assert honest.status_code == 405, f"{name} takes no posts"


def test_every_run_log_form_carries_the_token(strict):
    for name in ("runlog:run_new", "runlog:checkin", "runlog:settings"):
        assert 'name="csrfmiddlewaretoken"' in strict.get(reverse(name)).text
    run_id = strict.objects["run_id"]
    for name in ("runlog:run_edit", "runlog:run_delete"):
        assert (
            'name="csrfmiddlewaretoken"'
            in strict.get(reverse(name, args=[run_id]), headers=HX).text
        )
