"""Sign-in throttling: after 10 failures for an account or an address, a polite 429."""

import os

import pytest
from django.core.cache import caches
from django.test import Client

from legache import throttle

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture
def editor_account(django_user_model):
    user = django_user_model.objects.create_user("ed", password="the-right-passphrase")
    user.is_staff = True
    user.save()
    return user


def attempt(client, username, password="wrong-password", address="203.0.113.5"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_ten_failures_for_an_account_then_a_polite_429(client, editor_account):
    for _ in range(throttle.MAX_FAILURES):
        assert attempt(client, "ed").status_code == 200  # the form again, with its error
    response = attempt(client, "ed", password="the-right-passphrase")
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.text
    assert int(response["Retry-After"]) == throttle.WINDOW


def test_the_account_limit_holds_from_any_address(client, editor_account):
    for n in range(throttle.MAX_FAILURES):
        attempt(client, "ed", address=f"198.51.100.{n}")
    assert attempt(Client(), "ed", address="192.0.2.99").status_code == 429


def test_ten_failures_from_one_address_throttle_every_account_from_it(client, editor_account):
    for n in range(throttle.MAX_FAILURES):
        attempt(client, f"guess{n}", address="203.0.113.7")
    assert (
        attempt(client, "ed", password="the-right-passphrase", address="203.0.113.7").status_code
        == 429
    )
    ok = attempt(Client(), "ed", password="the-right-passphrase", address="203.0.113.8")
    assert ok.status_code == 302


def test_a_success_before_the_limit_clears_the_account_count(client, editor_account):
    for _ in range(throttle.MAX_FAILURES - 1):
        attempt(client, "ed", address="198.51.100.1")
    assert attempt(client, "ed", "the-right-passphrase", address="198.51.100.2").status_code == 302
    Client().logout()
    for _ in range(throttle.MAX_FAILURES - 1):
        assert attempt(Client(), "ed", address="198.51.100.3").status_code == 200


def test_behind_a_proxy_the_forwarded_address_counts(settings, client, editor_account):
    settings.BEHIND_PROXY = True
    for n in range(throttle.MAX_FAILURES):
        client.post(
            LOGIN,
            {"username": f"guess{n}", "password": "x"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="forged, 203.0.113.9",
        )
    # Another client behind the same proxy is not punished for the first one's guesses.
    response = Client().post(
        LOGIN,
        {"username": "ed", "password": "the-right-passphrase"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert response.status_code == 302


def redis_available() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.mark.skipif(
    not redis_available() and not os.environ.get("CI"),
    reason=f"no Redis at {REDIS_URL} (CI always runs this)",
)
def test_counts_are_shared_through_redis_across_workers(settings, editor_account):
    """Two workers are two processes; only the shared Redis connects them."""
    import redis

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    raw = redis.Redis.from_url(REDIS_URL)
    raw.flushdb()
    try:
        for _ in range(throttle.MAX_FAILURES):
            attempt(Client(), "ed")
        keys = [k.decode() for k in raw.keys("*signin-failures:account:*")]
        assert len(keys) == 1  # what any other worker's cache client reads
        assert int(raw.get(keys[0])) == throttle.MAX_FAILURES
        assert attempt(Client(), "ed", "the-right-passphrase").status_code == 429
    finally:
        raw.flushdb()
        caches["default"].close()
