"""No oracles (issue 16): nothing the site answers tells anyone whether an account or a
personal object exists, no password check escapes the sign-in limit, and links in account
mail point at the configured site, never at the request's Host.

Runs on SQLite and, with DATABASE_URL=postgres://…, on PostgreSQL (which cannot hold NUL in
text: the admin's filters and searches must refuse it before a query is made).
"""

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment, Cause
from legache.admin_oracles import is_personal
from legache.site_address import site_url
from runlog.models import Run
from tests.clients import BrowserClient

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "a-long-running-passphrase"
LIMIT = 10


@pytest.fixture
def runner(django_user_model):
    user = django_user_model.objects.create_user("kim", "kim@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_up(client, email, **extra):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, "time_zone": "UTC"}
    return client.post(reverse("account_signup"), data, **extra)


# Sign-up answers the same for a known and an unknown address.


def test_sign_up_answers_the_same_for_a_known_and_an_unknown_address(runner, django_user_model):
    known, unknown = BrowserClient(), BrowserClient()
    to_known = sign_up(known, "kim@example.com")
    to_unknown = sign_up(unknown, "new@example.com")
    assert to_known.status_code == to_unknown.status_code == 302
    assert to_known["Location"] == to_unknown["Location"]
    assert to_known["Location"] == reverse("account_email_verification_sent")
    page_known, page_unknown = known.get(to_known["Location"]), unknown.get(to_unknown["Location"])
    assert page_known.status_code == page_unknown.status_code == 200
    assert "already" not in page_known.text.lower()
    assert "_auth_user_id" not in known.session and "_auth_user_id" not in unknown.session
    # Nobody got a second account; the owner is told someone tried, the newcomer is sent a link.
    assert django_user_model.objects.filter(email__iexact="kim@example.com").count() == 1
    [to_owner] = [m for m in mail.outbox if "kim@example.com" in m.to]
    [to_newcomer] = [m for m in mail.outbox if "new@example.com" in m.to]
    assert "already" in to_owner.body.lower() and "/accounts/confirm-email/" not in to_owner.body
    assert "/accounts/confirm-email/" in to_newcomer.body


def test_a_taken_address_with_different_case_is_not_revealed_either(runner):
    response = sign_up(BrowserClient(), "KIM@Example.com")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "A user is already registered" not in response.text


# Every password check shares the sign-in limit.


def delete_with(client, password, **extra):
    return client.post(reverse("account_delete"), {"password": password}, **extra)


def test_the_delete_account_password_is_limited_like_sign_in(runner, django_user_model):
    client = BrowserClient()
    client.force_login(runner)
    for n in range(LIMIT):
        # From several addresses: the account's own count holds whatever the address.
        response = delete_with(client, "a-wrong-guess", REMOTE_ADDR=f"198.51.100.{n}")
        assert response.status_code == 422
    refused = delete_with(client, PASSWORD, REMOTE_ADDR="192.0.2.50")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert django_user_model.objects.filter(pk=runner.pk).exists()


def test_failed_sign_ins_count_against_deleting_the_account_and_back(runner):
    for _ in range(LIMIT - 1):
        BrowserClient().post(
            reverse("account_login"), {"login": "kim@example.com", "password": "x"}
        )
    client = BrowserClient()
    client.force_login(runner)
    assert delete_with(client, "one-more-guess").status_code == 422  # the tenth failure
    signing_in = BrowserClient().post(
        reverse("account_login"), {"login": "kim@example.com", "password": PASSWORD}
    )
    assert signing_in.status_code == 429


def test_a_right_password_does_not_count(runner, django_user_model):
    client = BrowserClient()
    client.force_login(runner)
    for _ in range(LIMIT - 1):
        delete_with(client, "a-wrong-guess")
    # Nine failures: the right password still deletes (and right answers never add up).
    response = delete_with(client, PASSWORD)
    assert response.status_code == 302
    assert not django_user_model.objects.filter(pk=runner.pk).exists()


def test_the_password_change_is_limited_like_sign_in(settings, runner):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "change_password": False}
    client = BrowserClient()
    client.force_login(runner)
    new = "n3w-passphrase!"
    change = {"oldpassword": "a-wrong-guess", "password1": new, "password2": new}
    for _ in range(LIMIT):
        assert client.post(reverse("account_change_password"), change).status_code == 200
    change["oldpassword"] = PASSWORD
    refused = client.post(reverse("account_change_password"), change)
    assert refused.status_code == 429
    runner.refresh_from_db()
    assert runner.check_password(PASSWORD)


def test_a_made_up_host_port_does_not_reset_the_count(settings, runner):
    """allauth keyed the per-account count by the request's Host, port included."""
    settings.ALLOWED_HOSTS = ["testserver"]
    for n in range(LIMIT):
        BrowserClient().post(
            reverse("account_login"), {"login": "kim@example.com", "password": "x"},
            HTTP_HOST=f"testserver:{1000 + n}", REMOTE_ADDR=f"198.51.100.{n}",
        )  # fmt: skip
    response = BrowserClient().post(
        reverse("account_login"), {"login": "kim@example.com", "password": PASSWORD},
        HTTP_HOST="testserver:2000", REMOTE_ADDR="192.0.2.60",
    )  # fmt: skip
    assert response.status_code == 429


@pytest.fixture
def redis_down(settings):
    from legache import cache as shared_cache

    settings.CACHES = {
        "default": {
            "BACKEND": "legache.cache.SharedRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    shared_cache._outages.clear()
    yield
    shared_cache._outages.clear()


def test_without_the_shared_cache_password_checks_are_paused_not_unlimited(runner, redis_down):
    client = BrowserClient()
    client.force_login(runner)
    refused = delete_with(client, PASSWORD)
    assert refused.status_code == 503
    assert int(refused["Retry-After"]) > 0
    new = "n3w-passphrase!"
    change = {"oldpassword": PASSWORD, "password1": new, "password2": new}
    assert client.post(reverse("account_change_password"), change).status_code == 503
    runner.refresh_from_db()
    assert runner.check_password(PASSWORD)


# Editors: no view-on-site for anything personal, the same answer for existing and missing.


def shortcut(model, pk):
    return f"/admin/r/{ContentType.objects.get_for_model(model).pk}/{pk}/"


def personal_objects(runner):
    assessment = Assessment.objects.create(user=runner)
    run = Run.objects.create(owner=runner, start=timezone.now(), distance_m=5_000, duration_s=1_600)
    return [(Assessment, assessment.pk, uuid.uuid4()), (Run, run.pk, run.pk + 1000),
            (type(runner), runner.pk, runner.pk + 1000)]  # fmt: skip


@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_view_on_site_is_off_for_personal_objects(who, editor_client, editor, runner):
    if who == "superuser":
        editor.is_superuser = True
        editor.save()
    for model, existing, missing in personal_objects(runner):
        assert editor_client.get(shortcut(model, existing)).status_code == 404, model
        assert editor_client.get(shortcut(model, missing)).status_code == 404, model
    assert editor_client.get("/admin/r/999999/1/").status_code == 404
    assert editor_client.get("/admin/r/abc/1/").status_code == 404


def test_view_on_site_still_works_for_content(editor_client):
    cause = Cause.objects.published().first()
    response = editor_client.get(shortcut(Cause, cause.pk))
    assert response.status_code == 302
    assert response["Location"].endswith(cause.get_absolute_url())
    change = editor_client.get(reverse("admin:assessments_cause_change", args=[cause.pk]))
    assert shortcut(Cause, cause.pk) in change.text


def personal_admin_objects(runner):
    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}}, task_path="runlog.tasks.example",
        backend_name="default", run_after=timezone.now(), exception_class_path="", traceback="",
    )  # fmt: skip
    address = EmailAddress.objects.get(user=runner)
    return {
        type(runner): (runner.pk, runner.pk + 1000),
        EmailAddress: (address.pk, address.pk + 1000),
        DBTaskResult: (task.pk, uuid.uuid4()),
    }


def test_every_personal_model_admin_answers_the_same_for_existing_and_missing(
    editor_client, runner
):
    from django.contrib import admin

    objects = personal_admin_objects(runner)
    registered = {model for model in admin.site._registry if is_personal(model)}
    from django.contrib.auth.models import Group

    assert registered - {Group} == set(objects), "a personal model joined the admin: add it here"
    for model, (existing, missing) in objects.items():
        meta = model._meta
        names = ["change", "delete", "history"]
        if meta.model_name == "user":
            names.append("password_change")
        for name in names:
            url = f"admin:{meta.app_label}_{meta.model_name}_{name}"
            real = editor_client.get(reverse(url, args=[existing]))
            made_up = editor_client.get(reverse(url, args=[missing]))
            assert real.status_code == made_up.status_code, (url, real, made_up)
            assert real.get("Location") == made_up.get("Location"), url
            assert real.status_code in {403, 404}, (url, real.status_code)


def test_a_users_history_is_the_same_403_for_an_existing_and_a_missing_user(editor_client, runner):
    real = editor_client.get(reverse("admin:auth_user_history", args=[runner.pk]))
    made_up = editor_client.get(reverse("admin:auth_user_history", args=[runner.pk + 1000]))
    assert real.status_code == made_up.status_code == 403


def test_a_superuser_still_sees_a_users_history(admin_client, runner):
    assert admin_client.get(reverse("admin:auth_user_history", args=[runner.pk])).status_code == 200


# Admin filters and searches: NUL bytes and other unusable values are a 400 (both databases).

CAUSES = "/admin/assessments/cause/"


@pytest.mark.parametrize(
    "query",
    ["evidence_grade__exact=%00", "q=%00", "q=cold%00", "%00=1", "published__exact=%00",
     "published__exact=maybe", "order__exact=abc", "no_such_field=1"],
)  # fmt: skip
def test_unusable_filters_and_searches_are_a_400(editor_client, query):
    response = editor_client.get(f"{CAUSES}?{query}")
    assert response.status_code == 400, response


def test_nul_is_a_400_on_every_admin_page(editor_client, admin_client):
    cause = Cause.objects.first()
    for url in [f"/admin/assessments/cause/{cause.pk}/change/?x=%00",
                f"/admin/assessments/cause/{cause.pk}/history/?x=%00",
                "/admin/autocomplete/?app_label=assessments&model_name=strategyforcause"
                "&field_name=strategy&term=%00"]:  # fmt: skip
        assert editor_client.get(url).status_code == 400, url
    assert admin_client.get("/admin/auth/user/?q=%00").status_code == 400
    assert admin_client.get("/admin/account/emailaddress/?verified__exact=%00").status_code == 400


def test_usable_filters_and_searches_still_work(editor_client):
    assert editor_client.get(f"{CAUSES}?evidence_grade__exact=C&q=cold").status_code == 200
    assert editor_client.get(f"{CAUSES}?published__exact=1").status_code == 200


# Links in account mail use LEGACHE_SITE_URL, never the request's Host.


@pytest.fixture
def hostile_host(settings):
    settings.LEGACHE_SITE_URL = "https://legache.example"
    settings.ALLOWED_HOSTS = ["*"]  # a proxy that passes any Host through
    return {"HTTP_HOST": "evil.example:666"}


def links_in(message):
    return re.findall(r"https?://[^\s\"'<>]+", message.body)


def assert_on_the_site(message):
    links = links_in(message)
    assert links, message.body
    assert all(link.startswith("https://legache.example/") for link in links), links
    assert "evil.example" not in message.body


def test_the_reset_link_uses_the_configured_site(hostile_host, runner):
    response = BrowserClient().post(
        reverse("account_reset_password"), {"email": "kim@example.com"}, **hostile_host
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert_on_the_site(message)
    assert any("/accounts/password/reset/key/" in link for link in links_in(message))


def test_the_verification_link_uses_the_configured_site(hostile_host):
    sign_up(BrowserClient(), "new@example.com", **hostile_host)
    [message] = mail.outbox
    assert_on_the_site(message)
    assert any("/accounts/confirm-email/" in link for link in links_in(message))


def test_the_already_registered_and_unknown_account_mails_use_it_too(hostile_host, runner):
    sign_up(BrowserClient(), "kim@example.com", **hostile_host)
    BrowserClient().post(
        reverse("account_reset_password"), {"email": "nobody@example.com"}, **hostile_host
    )
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert_on_the_site(message)


@pytest.mark.parametrize(
    ("value", "debug", "expected"),
    [("", True, "http://127.0.0.1:8000"), ("https://legache.example", False, "https://legache.example"),
     ("https://Legache.Example/", False, "https://legache.example"),
     ("http://127.0.0.1:8001", False, "http://127.0.0.1:8001")],
)  # fmt: skip
def test_the_site_address_is_read_and_normalised(value, debug, expected):
    assert site_url({"LEGACHE_SITE_URL": value}, debug) == expected


@pytest.mark.parametrize(
    "value",
    ["legache.example", "ftp://legache.example", "https://", "https://legache.example/app",
     "https://legache.example?x=1", "https://legache.example#top", "https://u:p@legache.example",
     "https://legache.example:99999", "https://legache.example:abc", "https://legache .example",
     "javascript:alert(1)"],
)  # fmt: skip
@pytest.mark.parametrize("debug", [True, False])
def test_a_malformed_site_address_stops_start_up(value, debug):
    with pytest.raises(ImproperlyConfigured, match="LEGACHE_SITE_URL"):
        site_url({"LEGACHE_SITE_URL": value}, debug)


def test_without_debug_a_missing_site_address_stops_start_up():
    with pytest.raises(ImproperlyConfigured, match="LEGACHE_SITE_URL must be set"):
        site_url({}, debug=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LEGACHE_"))}
    env.update({"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "k" * 60})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "LEGACHE_SITE_URL must be set" in result.stderr
