"""Sign-in limits (allauth's): after 10 failures for an account or from an address, a 429.

Runners and editors sign in on the same page (the admin's sign-in redirects there), so one
limit guards both. The counts live in the cache, Redis in production, shared by every
gunicorn worker and host.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches
from django.urls import reverse

from tests.clients import BrowserClient as Client
from tests.services import REDIS_URL, needs_redis

pytestmark = pytest.mark.django_db
LIMIT = 10


@pytest.fixture
def runner(django_user_model):
    return django_user_model.objects.create_user(
        "ed", email="ed@example.com", password="the-right-passphrase"
    )


def attempt(client, email, password="wrong-password", address="203.0.113.5", **extra):
    return client.post(
        reverse("account_login"), {"login": email, "password": password},
        REMOTE_ADDR=address, **extra,
    )  # fmt: skip


def test_ten_failures_for_an_account_then_a_polite_429(client, runner):
    for _ in range(LIMIT):
        assert attempt(client, "ed@example.com").status_code == 200  # the form, with its error
    response = attempt(client, "ed@example.com", password="the-right-passphrase")
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.text
    assert int(response["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session


def test_the_account_limit_holds_from_any_address(client, runner):
    for n in range(LIMIT):
        attempt(client, "ed@example.com", address=f"198.51.100.{n}")
    assert attempt(Client(), "ED@example.com", address="192.0.2.99").status_code == 429


def test_ten_failures_from_one_address_throttle_every_account_from_it(client, runner):
    for n in range(LIMIT):
        attempt(client, f"guess{n}@example.com", address="203.0.113.7")
    blocked = attempt(client, "ed@example.com", "the-right-passphrase", address="203.0.113.7")
    assert blocked.status_code == 429
    ok = attempt(Client(), "ed@example.com", "the-right-passphrase", address="203.0.113.8")
    assert ok.status_code == 302


def test_an_ipv6_network_counts_as_one_address(client, runner):
    for n in range(LIMIT):
        attempt(client, f"guess{n}@example.com", address=f"2001:db8:1:2::{n + 1}")
    blocked = attempt(
        Client(), "ed@example.com", "the-right-passphrase", address="2001:db8:1:2::ff"
    )
    assert blocked.status_code == 429


def proxied(client, email, forwarded, password="x"):
    return attempt(client, email, password, address="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)


def test_behind_our_proxy_the_address_it_saw_counts(settings, client, runner):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    for n in range(LIMIT):
        proxied(client, f"guess{n}@example.com", f"192.0.2.{n}, 203.0.113.9")
    # The guesser is refused whatever they put in front of the header...
    assert proxied(Client(), "ed@example.com", "192.0.2.200, 203.0.113.9").status_code == 429
    # ...and another runner behind the same proxy is not punished for them.
    ok = proxied(Client(), "ed@example.com", "203.0.113.10", password="the-right-passphrase")
    assert ok.status_code == 302


def test_without_a_trusted_proxy_the_header_is_ignored(client, runner):
    for n in range(LIMIT):
        proxied(client, f"guess{n}@example.com", f"198.51.100.{n}")  # a fresh "address" each time
    assert proxied(Client(), "someone@example.com", "192.0.2.1").status_code == 429


def test_the_admin_signs_in_on_the_same_limited_page(client, runner):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    for _ in range(LIMIT):
        attempt(client, "ed@example.com")
    runner.is_staff = True
    runner.save()
    assert attempt(Client(), "ed@example.com", "the-right-passphrase").status_code == 429


@needs_redis
def test_workers_share_counts_through_redis(settings, runner):
    """Four workers, each with its own cache client, and only Redis between them."""
    import redis

    from legache.cache import SharedRedisCache

    settings.CACHES = {
        "default": {"BACKEND": "legache.cache.SharedRedisCache", "LOCATION": REDIS_URL}
    }
    raw = redis.Redis.from_url(REDIS_URL)
    raw.flushdb()
    workers = [SharedRedisCache(REDIS_URL, {}) for _ in range(4)]
    try:
        # 100 concurrent increments of one counter from 4 clients: none may be lost.
        key = "race"
        workers[0].add(key, 0, timeout=60)
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda n: workers[n % 4].incr(key), range(100)))
        assert workers[3].get(key) == 100

        # Ten failures from fresh browsers, counted in Redis: the next is refused.
        for _ in range(LIMIT):
            attempt(Client(), "ed@example.com")
        assert raw.dbsize() > 0, "the counts live in Redis"
        assert attempt(Client(), "ed@example.com", "the-right-passphrase").status_code == 429
    finally:
        raw.flushdb()
        for worker in workers:
            worker.close()
        caches["default"].close()
