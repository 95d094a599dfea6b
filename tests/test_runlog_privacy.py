"""A runner's log is theirs alone: the cross-user matrix over every run log URL.

The URLs come from walking `runlog.urls.urlpatterns`, so a view added later is covered (or
this test says what it needs to learn). For every URL and for GET and POST, another runner's
run or check-in is a 404, never a 403 that would tell it exists, and nothing of the owner's
changes; pages without an object show the visitor only their own. Anonymous visitors are
sent to sign in.
"""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, reverse

from runlog import urls as runlog_urls
from runlog.models import Run, RunnerSettings, SorenessEntry, SoreRegion
from tests.test_runlog_factories import (
    checkin_form,
    make_entry,
    make_run,
    make_settings,
    make_user,
    run_form,
)

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}

ROUTES = [(f"runlog:{p.name}", p) for p in runlog_urls.urlpatterns if isinstance(p, URLPattern)]
ROUTE_IDS = [name for name, _ in ROUTES]
# What each URL argument names; a new kind of argument must be taught here.
OBJECT_ARGUMENTS = {"run_id": "run", "entry_id": "entry"}
# A post that would change something if the view let it through.
PLAUSIBLE_POSTS = {
    "runlog:run_new": run_form(),
    "runlog:run_edit": run_form(rpe="9", notes="changed by someone else"),
    "runlog:checkin": checkin_form(regions=["left-calves"]),
    "runlog:entry_edit": checkin_form(soreness="9", notes="changed by someone else"),
    "runlog:settings": {"distance_unit": "mi", "temperature_unit": "F", "time_zone": "Asia/Tokyo"},
}


@pytest.fixture
def owner(django_user_model):
    return make_user(django_user_model, "owner")


@pytest.fixture
def owners(owner):
    """The owner's log: settings, a run and a check-in with regions after it."""
    make_settings(owner, distance_unit="km", time_zone="Europe/London")
    run = make_run(owner, notes="owner's secret run note", rpe=3)
    entry = make_entry(
        owner, run=run, notes="owner's secret check-in note", regions=[("calves", "left", 5)]
    )
    return {"run": run, "entry": entry}


@pytest.fixture
def intruder_client(client, django_user_model):
    intruder = make_user(django_user_model, "intruder")
    make_run(intruder, notes="intruder's own run")
    client.force_login(intruder)
    return client


def snapshot(user) -> dict:
    """Every row of the user's log, as values: equal snapshots mean nothing changed."""
    return {
        "runs": list(Run.objects.filter(owner=user).order_by("pk").values()),
        "entries": list(SorenessEntry.objects.filter(owner=user).order_by("pk").values()),
        "regions": list(SoreRegion.objects.filter(entry__owner=user).order_by("pk").values()),
        "settings": list(RunnerSettings.objects.filter(user=user).values()),
    }


def arguments(pattern) -> list[str]:
    return list(getattr(pattern.pattern, "converters", {}))


def url_for(name, pattern, objects) -> str:
    kwargs = {}
    for argument in arguments(pattern):
        assert argument in OBJECT_ARGUMENTS, f"{name}: teach the matrix what <{argument}> names"
        kwargs[argument] = objects[OBJECT_ARGUMENTS[argument]].pk
    return reverse(name, kwargs=kwargs)


def test_the_walk_finds_every_run_log_view():
    assert set(ROUTE_IDS) >= {
        "runlog:home",
        "runlog:runs",
        "runlog:run_new",
        "runlog:run_edit",
        "runlog:run_delete",
        "runlog:checkin",
        "runlog:entries",
        "runlog:entry_edit",
        "runlog:entry_delete",
        "runlog:settings",
        "runlog:export_runs_csv",
        "runlog:export_soreness_csv",
    }


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "pattern"), ROUTES, ids=ROUTE_IDS)
def test_another_runners_log_is_out_of_reach(
    intruder_client, owner, owners, name, pattern, method, htmx
):
    before = snapshot(owner)
    url = url_for(name, pattern, owners)
    send = getattr(intruder_client, method)
    data = PLAUSIBLE_POSTS.get(name, {}) if method == "post" else {}
    response = send(url, data, headers=HX if htmx else None)
    if arguments(pattern):
        assert response.status_code == 404, f"{method.upper()} {url}: {response.status_code}"
    else:
        # The intruder's own page, which shows none of the owner's log.
        assert response.status_code in (200, 302, 405)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"owner's secret" not in body
    assert snapshot(owner) == before, f"{method.upper()} {url} changed the owner's log"


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_checkin_cannot_name_another_runners_run(intruder_client, owner, owners, method):
    before = snapshot(owner)
    url = f"{reverse('runlog:checkin')}?run={owners['run'].pk}"
    response = getattr(intruder_client, method)(url, checkin_form() if method == "post" else {})
    assert response.status_code == 404
    # Nor in the form itself: it is not among the choices, so the check-in is refused.
    posted = intruder_client.post(
        reverse("runlog:checkin"), checkin_form(run=str(owners["run"].pk))
    )
    assert posted.status_code == 422
    assert not SorenessEntry.objects.exclude(owner=owner).exists()
    assert snapshot(owner) == before


def test_saved_cannot_show_another_runners_run(intruder_client, owners):
    page = intruder_client.get(reverse("runlog:runs"), {"saved": owners["run"].pk})
    assert page.status_code == 200
    assert page.context["saved_run"] is None
    assert f"?run={owners['run'].pk}" not in page.text


@pytest.mark.parametrize(
    "ident",
    ["0", "999999999", "9" * 30, "9" * 5000, "-1", "1e3", "%00", "abc"],
    ids=lambda i: i[:12],
)
def test_a_made_up_id_is_a_plain_404(intruder_client, ident):
    for path in (f"/me/runs/{ident}/edit/", f"/me/check-ins/{ident}/delete/"):
        assert intruder_client.get(path).status_code == 404
        assert intruder_client.post(path).status_code == 404
    assert intruder_client.get(f"/me/check-in/?run={ident}").status_code == 404
    assert intruder_client.post(f"/me/check-in/?run={ident}", checkin_form()).status_code == 404
    assert not SorenessEntry.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "pattern"), ROUTES, ids=ROUTE_IDS)
def test_anonymous_visitors_are_sent_to_sign_in(client, owner, owners, name, pattern, method):
    before = snapshot(owner)
    url = url_for(name, pattern, owners)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == resolve_url(settings.LOGIN_URL)
    assert "next=" in location.query
    assert snapshot(owner) == before
