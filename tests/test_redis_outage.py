"""With Redis gone, runners carry on from the database and sign-in fails closed, politely.

Production sets REDIS_URL: the cache uses Redis; sessions are in the database alone. When
Redis does not answer, cache reads miss and writes are dropped (legache/cache.py), sessions
carry on from the database, each process leaves Redis alone for a moment after a failure
instead of paying the timeout on every call, and sign-in is refused with a 503 because its
attempt counts cannot be checked. tests/test_session_stall.py stalls a real Redis under
several gunicorn workers.
"""

import socket
import threading
from pathlib import Path

import pytest
import redis
from django.core.cache import caches

from assessments.models import Assessment
from legache import cache as shared_cache
from legache.cache import CacheUnavailable, SharedRedisCache, strict
from tests.services import REDIS_URL, needs_redis

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
NOBODY_LISTENING = "redis://127.0.0.1:1/0"
FORM = "application/x-www-form-urlencoded"


def use_redis(settings, url):
    """The production cache and session settings, with Redis at `url` (production keeps
    sessions in the database whatever REDIS_URL says; set here to make that explicit)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "legache.cache.SharedRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "legache",
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"


SIGN_IN = "/accounts/login/"


@pytest.fixture(autouse=True)
def fresh_outage_state():
    """Each test starts with no remembered outage in this process."""
    shared_cache._outages.clear()
    yield
    shared_cache._outages.clear()


@pytest.fixture
def redis_down(settings):
    use_redis(settings, NOBODY_LISTENING)


@pytest.fixture
def hanging_redis(settings):
    """A Redis that accepts connections and never answers (a hung or unreachable server).

    The socket is closed after 3 s, so code that would wait forever fails instead of hanging.
    """
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    timer = threading.Timer(3, server.close)
    timer.start()
    use_redis(settings, f"redis://127.0.0.1:{server.getsockname()[1]}/0")
    yield
    timer.cancel()
    server.close()


@pytest.fixture
def editor_account(django_user_model):
    user = django_user_model.objects.create_user(
        "ed", email="ed@example.com", password="the-right-passphrase"
    )
    user.is_staff = True
    user.save()
    return user


def start(client):
    response = client.post("/assessment/new/", "", content_type=FORM)
    assert response.status_code == 302
    return response["Location"]


def test_the_questionnaire_carries_on_from_the_database(redis_down, client):
    first = start(client)
    second = start(client)
    # The session cookie now names two assessments; only the database can remember that.
    for step_url in (first, second, first):
        assert client.get(step_url).status_code == 200
    assert client.post(first, "q-red_flags=none", content_type=FORM).status_code == 302
    assert client.get("/assessment/").status_code == 200


def test_starting_an_assessment_works_and_orphans_nothing(redis_down, client):
    step_url = start(client)
    assessment = Assessment.objects.get()
    assert str(assessment.pk) in step_url
    assert client.get(step_url).status_code == 200  # reachable by the runner who started it


def test_a_hanging_redis_costs_one_short_timeout_not_one_per_request(
    hanging_redis, client, caplog, monkeypatch
):
    monkeypatch.setattr(shared_cache, "RETRY_AFTER", 60)  # no retry within this test
    step_url = start(client)
    # The step reads its session from the database; the public page reads the page cache.
    statuses = [client.get(url).status_code for url in [step_url, "/causes/"] * 5]
    assert statuses == [200] * 10
    warnings = [r for r in caplog.records if r.name == "legache.cache"]
    assert len(warnings) == 1  # one timeout, then Redis is left alone for the rest


def test_sign_in_fails_closed_with_a_polite_503(redis_down, client, editor_account):
    assert client.get(SIGN_IN).status_code == 200  # the form itself still shows
    for password in ["wrong", "wrong", "the-right-passphrase"]:
        response = client.post(
            SIGN_IN, {"login": "ed@example.com", "password": password}, REMOTE_ADDR="203.0.113.5"
        )
        assert response.status_code == 503
        assert "Signing in is paused" in response.text
        assert int(response["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session


def test_sign_in_works_again_when_redis_is_back(redis_down, settings, client, editor_account):
    credentials = {"login": "ed@example.com", "password": "the-right-passphrase"}
    assert client.post(SIGN_IN, credentials).status_code == 503
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert client.post(SIGN_IN, credentials).status_code == 302


@pytest.mark.parametrize("url", ["/accounts/signup/", "/accounts/password/reset/"])
def test_other_rate_limited_account_forms_fail_closed_too(redis_down, client, url):
    response = client.post(url, {"email": "new@example.com", "password1": "x", "password2": "x"})
    assert response.status_code == 503


def test_an_unreachable_cache_reads_as_empty_and_forgets_writes(redis_down):
    cache = caches["default"]
    cache.set("k", 1)
    assert cache.get("k") is None
    assert cache.get("k", "default") == "default"
    assert cache.get_many(["k", "l"]) == {}
    assert "k" not in cache
    assert cache.add("k", 1) is False
    assert cache.get_or_set("k", 5) == 5
    assert cache.delete("k") is False
    cache.delete_many(["k"])
    with pytest.raises(ValueError):
        cache.incr("k")


def test_the_strict_cache_says_it_is_unavailable(redis_down):
    for operation in (
        lambda c: c.get("k"),
        lambda c: c.get_many(["k"]),
        lambda c: c.add("k", 0),
        lambda c: c.incr("k"),
    ):
        with pytest.raises(CacheUnavailable):
            operation(strict(caches["default"]))


def test_the_backend_never_waits_forever():
    """Production settings give no OPTIONS: the backend's own quarter-second applies."""
    backend = SharedRedisCache(NOBODY_LISTENING, {})
    assert backend._options["socket_timeout"] == backend._options["socket_connect_timeout"] == 0.25


@needs_redis
def test_a_sign_out_during_an_outage_stays_signed_out_when_redis_returns(
    settings, client, editor_account, monkeypatch
):
    """Redis kept its copy of the session; the sign-out only reached the database."""
    use_redis(settings, REDIS_URL)
    raw = redis.Redis.from_url(REDIS_URL)
    raw.flushdb()
    monkeypatch.setattr(shared_cache, "RETRY_AFTER", 0)
    try:
        client.force_login(editor_account)
        assert client.get("/admin/").status_code == 200
        stolen_cookie = client.cookies["sessionid"].value

        def unreachable(*args, **kwargs):
            raise redis.ConnectionError("Redis is down")

        with monkeypatch.context() as outage:
            outage.setattr(redis.Redis, "execute_command", unreachable)
            assert client.post("/admin/logout/").status_code == 200

        client.cookies["sessionid"] = stolen_cookie
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith(("/admin/login/", SIGN_IN))
    finally:
        raw.flushdb()
        caches["default"].close()
