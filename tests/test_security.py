"""Security headers on every page type, and production settings that pass check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-like-secret-key-for-tests-only-0123456789",
    "DJANGO_ALLOWED_HOSTS": "legache.example",
    "LEGACHE_SITE_URL": "https://legache.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",  # check --deploy does not connect
    "LEGACHE_SMTP_HOST": "smtp.example.com",  # production mail (the console is refused)
}

PAGES = ["/", "/causes/", "/causes/overuse/", "/strategies/", "/strategies/hydrate/", "/about/",
         "/no-such-page", "/accounts/login/", "/accounts/signup/"]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_every_page_sends_the_security_headers(client, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_script_tags_carry_the_csp_nonce(client):
    response = client.get("/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    body = response.text
    assert body.count("<script") == body.count(f'nonce="{nonce}"') > 0
    assert " hx-on" not in body


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        # As deployed: no test-only variables such as DJANGO_ALLOW_ASYNC_UNSAFE.
        env={**{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def deployed_database(tmp_path_factory, migrated_databases):
    """A migrated database, as a deployment has: the checks include the safety floor."""
    return f"sqlite:///{migrated_databases.copy(tmp_path_factory.mktemp('deploy'))}"


def test_production_settings_pass_check_deploy(deployed_database):
    env = {**PRODUCTION_ENV, "DATABASE_URL": deployed_database}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_workers_would_not_share_a_cache():
    env = {**PRODUCTION_ENV, "REDIS_URL": ""}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "legache.W001" in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_production_sends_hsts_behind_a_tls_proxy(settings, client):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    assert client.get("/").status_code == 301
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
