"""Public pages are cached whole for anonymous visitors, per content revision, with each
response's own CSP nonce and nothing of one visitor's in another's page."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage

from assessments.models import Cause
from tests.clients import BrowserClient

pytestmark = pytest.mark.django_db
PAGES = ["/", "/causes/", "/causes/overuse/", "/strategies/", "/strategies/hydrate/", "/about/"]


def nonce_of(response):
    return response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]


@pytest.mark.parametrize("path", PAGES)
def test_a_cached_page_carries_each_responses_own_nonce(
    client, path, django_assert_max_num_queries
):
    first = client.get(path)
    with django_assert_max_num_queries(1):  # at most the once-a-second revision check
        second = BrowserClient().get(path)
    assert second.status_code == 200
    assert nonce_of(first) != nonce_of(second)
    for response in (first, second):
        nonces = set(re.findall(r'nonce="([^"]+)"', response.text))
        assert nonces == {nonce_of(response)}
    assert first.text.replace(nonce_of(first), "") == second.text.replace(nonce_of(second), "")
    assert "csrfmiddlewaretoken" not in second.text and "X-CSRFToken" not in second.text


def test_an_editors_change_shows_at_once(client):
    client.get("/causes/overuse/")
    cause = Cause.objects.get(slug="overuse")
    cause.summary = "A summary an editor just wrote."
    cause.save()
    assert "A summary an editor just wrote." in BrowserClient().get("/causes/overuse/").text


def test_a_signed_in_runner_gets_their_own_page(client, django_user_model):
    BrowserClient().get("/")  # an anonymous visitor fills the cache
    client.force_login(django_user_model.objects.create_user("r", "r@example.com", "pw-long-x"))
    page = client.get("/").text
    assert "My account" in page and "X-CSRFToken" in page


def test_a_message_for_one_visitor_is_not_cached_for_others(client, rf):
    request = rf.get("/")
    storage = CookieStorage(request)
    storage.add(constants.INFO, "You have signed out.")
    response = client.get("/")  # warms the cache without the message
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    assert "You have signed out." in client.get("/").text
    assert "You have signed out." not in BrowserClient().get("/").text


def test_made_up_urls_are_never_cached(client):
    from django.core.cache import cache

    cache.clear()
    for query in ("?x=1", "?grade=nonsense", "?grade=weak&x=1"):
        client.get(f"/causes/{query}")
    client.get("/causes/?grade=weak")
    cached = [key for key in cache._cache if ":page:" in key]  # the per-process test cache
    assert len(cached) == 1


def test_a_runners_cached_dashboard_is_theirs_alone_and_its_token_works(client, django_user_model):
    from datetime import timedelta

    from django.utils import timezone

    from runlog.models import Run

    one, two = (django_user_model.objects.create_user(n, f"{n}@example.com", "pw-long-x")
                for n in ("one", "two"))  # fmt: skip
    Run.objects.create(owner=one, start=timezone.now() - timedelta(days=1),
                       distance_m=12_345, duration_s=3_600)  # fmt: skip
    client.force_login(one)
    client.get("/me/")
    cached = client.get("/me/")  # from the page cache
    assert "12.35" in cached.text or "12.3" in cached.text
    token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', cached.text).group(1)
    other = BrowserClient()
    other.force_login(two)
    assert "12.3" not in other.get("/me/").text
    strict = BrowserClient(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    signed_out = strict.post("/accounts/logout/", {"csrfmiddlewaretoken": token})
    assert signed_out.status_code == 302, "the cached page's token is this response's own"


def test_a_new_run_shows_on_the_dashboard_at_once(client, django_user_model):
    from datetime import timedelta

    from django.utils import timezone

    from runlog.models import Run

    runner = django_user_model.objects.create_user("r", "r@example.com", "pw-long-x")
    client.force_login(runner)
    client.get("/me/")
    Run.objects.create(owner=runner, start=timezone.now() - timedelta(hours=3),
                       distance_m=21_097, duration_s=6_000)  # fmt: skip
    assert "21.1" in client.get("/me/").text


def test_turning_sharing_on_shows_on_the_result_at_once(client):
    from django.urls import reverse

    from assessments.models import Assessment

    client.post(reverse("assessment_new"))
    assessment = Assessment.objects.get()
    for number in range(1, 8):
        data = {"q-red_flags": ["none"]} if number == 1 else {}
        client.post(reverse("assessment_step", args=[assessment.pk, number]), data)
    url = assessment.get_absolute_url()
    assert "Share with a link" in client.get(url).text
    client.post(reverse("assessment_share", args=[assessment.pk]), {"shared": "on"})
    assert "Stop sharing" in client.get(url).text
