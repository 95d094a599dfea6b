"""Another runner's imports are out of reach: the cross-user matrix over the import URLs.

The URLs come from walking runlog's URLconf, included lists too (the import pages are one),
so a page added later is covered or this test says what it needs to learn. For every URL and
for GET and POST, with and without HTMX, another runner's batch or merge offer is a 404 and
nothing of the owner's changes; pages without an object show the visitor only their own.
Anonymous visitors are sent to sign in.
"""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, reverse

from runlog import urls as runlog_urls
from runlog.models import ActivityFile, ImportBatch, ImportUpload, MergeOffer, Run
from tests.test_runlog_factories import make_run, make_user
from tests.test_runlog_import_factories import START, fit, run_batch, upload

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}
SECRET_NAME = "owners-secret-run.fit"


def walk(patterns, nested=False):
    """(pattern, nested) for every URL pattern, included lists too."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, nested=True)
        elif isinstance(pattern, URLPattern):
            yield pattern, nested


IMPORT_ROUTES = {"import", "import_progress", "import_merge", "export_files_zip"}
# The walk in test_runlog_privacy.py covers the top-level routes; this one covers the import
# routes and every route inside an included list.
ROUTES = [
    (f"runlog:{p.name}", p)
    for p, nested in walk(runlog_urls.urlpatterns)
    if nested or p.name in IMPORT_ROUTES
]
ROUTE_IDS = [name for name, _ in ROUTES]
OBJECT_ARGUMENTS = {"batch_id": "batch", "offer_id": "offer"}


def plausible_post(name) -> dict:
    """A post that would change something if the view let it through."""
    return {
        "runlog:import": {"files": [upload("intruders.fit", fit(START.replace(year=2023)))]},
        "runlog:import_progress": {},  # start the owner's stopped import again
        "runlog:import_merge": {"decision": "merge"},
    }.get(name, {})


@pytest.fixture
def owner(django_user_model):
    return make_user(django_user_model, "owner")


@pytest.fixture
def owners(owner):
    """A stopped import (resumable) with a merge offer waiting, and an imported run."""
    make_run(owner, start=START + timedelta(minutes=2), notes="owner's secret note")
    batch = run_batch(owner, (SECRET_NAME, fit()))
    ImportBatch.objects.filter(pk=batch.pk).update(status="failed")
    return {"batch": batch, "offer": MergeOffer.objects.get(owner=owner)}


@pytest.fixture
def intruder_client(client, django_user_model):
    intruder = make_user(django_user_model, "intruder")
    run_batch(intruder, ("intruders-own.fit", fit(START.replace(year=2022))))
    client.force_login(intruder)
    return client


def snapshot(user) -> dict:
    return {
        "runs": list(Run.objects.filter(owner=user).order_by("pk").values()),
        "batches": list(ImportBatch.objects.filter(owner=user).order_by("pk").values()),
        "uploads": list(ImportUpload.objects.filter(batch__owner=user).order_by("pk").values()),
        "offers": list(MergeOffer.objects.filter(owner=user).order_by("pk").values()),
        "files": list(ActivityFile.objects.filter(owner=user).order_by("pk").values()),
    }


def arguments(pattern) -> list[str]:
    return list(getattr(pattern.pattern, "converters", {}))


def url_for(name, pattern, objects) -> str:
    kwargs = {}
    for argument in arguments(pattern):
        assert argument in OBJECT_ARGUMENTS, f"{name}: teach the matrix what <{argument}> names"
        kwargs[argument] = objects[OBJECT_ARGUMENTS[argument]].pk
    return reverse(name, kwargs=kwargs)


def test_the_walk_finds_every_import_view():
    assert set(ROUTE_IDS) >= {f"runlog:{name}" for name in IMPORT_ROUTES}


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "pattern"), ROUTES, ids=ROUTE_IDS)
def test_another_runners_imports_are_out_of_reach(
    intruder_client, owner, owners, name, pattern, method, htmx, django_capture_on_commit_callbacks
):
    before = snapshot(owner)
    url = url_for(name, pattern, owners)
    data = plausible_post(name) if method == "post" else {}
    with django_capture_on_commit_callbacks(execute=True):
        response = getattr(intruder_client, method)(url, data, headers=HX if htmx else None)
    if arguments(pattern):
        assert response.status_code == 404, f"{method.upper()} {url}: {response.status_code}"
    else:
        assert response.status_code in (200, 302, 405)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET_NAME.encode() not in body and b"owner's secret" not in body
    assert snapshot(owner) == before, f"{method.upper()} {url} changed the owner's imports"


@pytest.mark.parametrize("ident", ["0", "999999999", "9" * 30, "-1", "abc"])
def test_a_made_up_id_is_a_plain_404(intruder_client, ident):
    for path in (f"/me/import/{ident}/", f"/me/import/offers/{ident}/"):
        assert intruder_client.get(path).status_code == 404
        assert intruder_client.post(path).status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "pattern"), ROUTES, ids=ROUTE_IDS)
def test_anonymous_visitors_are_sent_to_sign_in(client, owner, owners, name, pattern, method):
    before = snapshot(owner)
    url = url_for(name, pattern, owners)
    data = plausible_post(name) if method == "post" else {}
    response = getattr(client, method)(url, data)
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == resolve_url(settings.LOGIN_URL)
    assert snapshot(owner) == before
