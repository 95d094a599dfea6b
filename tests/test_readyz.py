"""/readyz: ready means the database and the shared cache both answer; /healthz stays lean.

`/healthz` is liveness (the database only), so Docker does not restart a healthy web server
because Redis is away. `/readyz` is for monitoring and deploys: it says which one is down.
"""

import pytest
from django.db import DatabaseError

from legache import cache as shared_cache
from tests.services import REDIS_URL, needs_redis

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_outage_state():
    shared_cache._outages.clear()
    yield
    shared_cache._outages.clear()


def use_redis(settings, url):
    settings.CACHES = {"default": {"BACKEND": "legache.cache.SharedRedisCache", "LOCATION": url}}


@pytest.fixture
def database_down(monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)


def test_ready_when_database_and_cache_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_not_ready_when_redis_is_not_there(settings, client):
    use_redis(settings, "redis://127.0.0.1:1/0")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "unavailable"}


def test_healthz_stays_ok_when_only_redis_is_down(settings, client):
    use_redis(settings, "redis://127.0.0.1:1/0")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_not_ready_when_the_database_is_down(client, database_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable", "cache": "ok"}


def test_readyz_only_answers_get_and_head(client):
    assert client.head("/readyz").status_code == 200
    assert client.post("/readyz").status_code == 405


@needs_redis
def test_ready_with_a_real_redis(settings, client):
    use_redis(settings, REDIS_URL)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["cache"] == "ok"
