"""Sign-in throttling: after 10 failures for an account or an address, a polite 429."""

import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches

from legache import throttle
from tests.clients import BrowserClient as Client

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
    assert 0 < int(response["Retry-After"]) <= 2 * throttle.WINDOW


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


def proxied(client, username, forwarded, password="x"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_behind_our_proxy_the_address_it_saw_counts(settings, client, editor_account):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    for n in range(throttle.MAX_FAILURES):
        proxied(client, f"guess{n}", f"forged-{n}, 203.0.113.9")
    # The guesser is refused whatever they put in front of the header...
    assert proxied(Client(), "ed", "another-forgery, 203.0.113.9").status_code == 429
    # ...and another runner behind the same proxy is not punished for them.
    ok = proxied(Client(), "ed", "203.0.113.10", password="the-right-passphrase")
    assert ok.status_code == 302


def test_without_a_trusted_proxy_the_header_is_ignored(client, editor_account):
    for n in range(throttle.MAX_FAILURES):
        proxied(client, f"guess{n}", f"198.51.100.{n}")  # a fresh "address" every time
    assert proxied(Client(), "someone", "192.0.2.1").status_code == 429


def test_look_alike_usernames_count_as_the_same_account(client, editor_account):
    for n in range(throttle.MAX_FAILURES):
        attempt(client, "\uff45\uff44", address=f"198.51.100.{n}")  # full-width "ed"
    response = attempt(Client(), "ed", "the-right-passphrase", address="192.0.2.50")
    assert response.status_code == 429


def test_the_pause_ends_after_the_windows_pass():
    username, address = "ed", "203.0.113.77"
    start = 100 * throttle.WINDOW + 10
    account_key = throttle._keys(username, address, 100)[0]
    throttle.cache.set(account_key, throttle.MAX_FAILURES)
    wait = throttle.seconds_throttled(username, address, now=start)
    assert 0 < wait <= 2 * throttle.WINDOW
    assert throttle.seconds_throttled(username, address, now=start + wait) == 0


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
def test_workers_share_counts_through_redis(settings, editor_account):
    """Each worker process has its own cache client; only Redis connects them."""
    import redis

    from legache.cache import SharedRedisCache

    backend = "legache.cache.SharedRedisCache"
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": REDIS_URL}}
    raw = redis.Redis.from_url(REDIS_URL)
    raw.flushdb()
    workers = [SharedRedisCache(REDIS_URL, {}) for _ in range(4)]
    try:
        # 4 "workers" x 25 concurrent increments of one counter: none may be lost.
        key = "signin-failures:1:account:race"
        workers[0].add(key, 0, timeout=60)
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda n: workers[n % 4].incr(key), range(100)))
        assert workers[3].get(key) == 100
        assert 0 < raw.ttl(workers[0].make_key(key)) <= 60

        for _ in range(throttle.MAX_FAILURES):
            attempt(Client(), "ed")
        assert attempt(Client(), "ed", "the-right-passphrase").status_code == 429
    finally:
        raw.flushdb()
        for worker in workers:
            worker.close()
        caches["default"].close()
