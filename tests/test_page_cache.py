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
