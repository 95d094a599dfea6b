"""Another site cannot make a runner's or an editor's browser post here.

Every POST the site accepts needs the CSRF token that comes with its own pages. A forged form
on an attacker's page, or an htmx-style request without the token, gets 403 "CSRF
verification failed" and changes nothing; the same request with the token goes through, so
it is the missing token that is refused, not the request.
"""

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.converters import IntConverter, SlugConverter, UUIDConverter

from assessments.models import Assessment, Cause, Strategy
from tests.clients import BrowserClient as Client

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def strict():
    """A browser whose posts Django checks for a CSRF token, as in production."""
    return Client(enforce_csrf_checks=True)


def token(client):
    """The token the site's own pages hand this browser (its CSRF cookie)."""
    return client.cookies[settings.CSRF_COOKIE_NAME].value


@pytest.fixture
def assessment(strict):
    """An unfinished assessment the strict browser owns, started the honest way."""
    strict.get(reverse("assessment_start"))
    response = strict.post(reverse("assessment_new"), {"csrfmiddlewaretoken": token(strict)})
    assert response.status_code == 302
    return Assessment.objects.latest("created_at")


@pytest.fixture
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def assert_csrf_refused(response):
    assert response.status_code == 403
    assert b"CSRF verification failed" in response.content


def honest_post(client, url, data, htmx):
    """The same post as the site's own form (token field) or htmx (X-CSRFToken header) sends."""
    if htmx:
        return client.post(url, data, headers={**HX, "X-CSRFToken": token(client)})
    return client.post(url, {**data, "csrfmiddlewaretoken": token(client)})


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
def test_starting_an_assessment_needs_the_token(strict, assessment, htmx):
    """A forged "Start" cannot create assessments in a runner's session."""
    url = reverse("assessment_new")
    assert_csrf_refused(strict.post(url, headers=HX if htmx else None))
    assert Assessment.objects.count() == 1
    assert honest_post(strict, url, {}, htmx).status_code == 302
    assert Assessment.objects.count() == 2


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
def test_answering_a_step_needs_the_token(strict, assessment, htmx):
    """A forged step cannot plant answers (say, "no warning signs") in a runner's assessment."""
    url = reverse("assessment_step", args=[assessment.pk, 1])
    data = {"q-red_flags": ["none"]}
    assert_csrf_refused(strict.post(url, data, headers=HX if htmx else None))
    assessment.refresh_from_db()
    assert (assessment.answers, assessment.step) == ({}, 1)
    assert honest_post(strict, url, data, htmx).status_code in (200, 302)
    assessment.refresh_from_db()
    assert assessment.answers == {"red_flags": ["none"]}


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
def test_finishing_needs_the_token(strict, assessment, htmx):
    """A forged "See my results" cannot freeze a runner's half-answered assessment."""
    assessment.answers = {"red_flags": ["none"]}  # the warning signs were answered
    assessment.save()
    url = reverse("assessment_finish", args=[assessment.pk])
    assert_csrf_refused(strict.post(url, headers=HX if htmx else None))
    assessment.refresh_from_db()
    assert not assessment.is_complete
    assert honest_post(strict, url, {}, htmx).status_code == 302
    assessment.refresh_from_db()
    assert assessment.is_complete


def test_a_token_from_another_browser_does_not_work(strict, assessment):
    """An attacker's own valid token, pasted into a forged form, is refused for the victim."""
    attacker = Client(enforce_csrf_checks=True)
    attacker.get(reverse("assessment_start"))
    assert token(attacker) != token(strict)
    url = reverse("assessment_step", args=[assessment.pk, 1])
    forged = {"q-red_flags": ["none"], "csrfmiddlewaretoken": token(attacker)}
    assert_csrf_refused(strict.post(url, forged))
    assessment.refresh_from_db()
    assert assessment.answers == {}


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
def test_sign_in_needs_the_token(strict, fast_hashing, editor, htmx):
    """A forged sign-in cannot log a runner's or editor's browser into an attacker's account."""
    from allauth.account.models import EmailAddress

    # Verification is mandatory (no sign-up oracle): only a confirmed address signs in.
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    url = reverse("account_login")
    strict.get(url)
    credentials = {"login": "eddie@example.com", "password": "a-long-passphrase"}
    assert_csrf_refused(strict.post(url, credentials, headers=HX if htmx else None))
    assert "_auth_user_id" not in strict.session
    assert honest_post(strict, url, credentials, htmx).status_code == 302
    assert strict.session["_auth_user_id"] == str(editor.pk)


# Every view, including ones added later.


def site_routes(patterns=None, namespace=""):
    """(name, pattern) for every URL outside the admin, walking into includes."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue  # the admin's own views; its sign-in is tested above
            if getattr(entry.urlconf_module, "__name__", "").startswith("allauth"):
                continue  # allauth's own flows; the ones a runner meets are walked below
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from site_routes(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            assert entry.name, f"{entry.pattern} has no name: name it so this test can reach it"
            yield f"{namespace}{entry.name}", entry


ALLAUTH_FORMS = ["account_login", "account_signup", "account_logout", "account_reset_password",
                 "account_change_password", "account_email"]  # fmt: skip
ROUTES = list(site_routes()) + [(name, None) for name in ALLAUTH_FORMS]
POST_ENDPOINTS = {"assessment_new", "assessment_step", "assessment_finish"}
SLUG_MODELS = {"cause": Cause, "strateg": Strategy}


def url_for(name, pattern, assessment):
    """A URL that reaches the view itself: the runner's own assessment, real slugs, step 1."""
    kwargs = {}
    converters = getattr(pattern.pattern, "converters", {}) if pattern else {}
    for key, converter in converters.items():
        if isinstance(converter, UUIDConverter):
            kwargs[key] = assessment.pk
        elif isinstance(converter, IntConverter):
            kwargs[key] = 1
        elif isinstance(converter, SlugConverter):
            model = next((m for part, m in SLUG_MODELS.items() if part in name), None)
            assert model, f"{name}: which published slug fits <{key}>? Teach url_for()."
            kwargs[key] = model.objects.published().first().slug
        else:
            pytest.fail(f"{name}: no value for <{key}>; teach url_for() about {converter!r}")
    return reverse(name, kwargs=kwargs)


def test_the_walk_finds_every_view_that_takes_a_post():
    names = {name for name, _ in ROUTES}
    assert names >= POST_ENDPOINTS
    assert {"home", "cause_detail", "strategy_detail", "assessment_result", "healthz"} <= names


@pytest.mark.parametrize(("name", "pattern"), ROUTES, ids=[name for name, _ in ROUTES])
def test_no_view_takes_a_post_without_the_token(strict, assessment, name, pattern):
    """Each view either refuses POST outright (405) or refuses it without the token (403)."""
    url = url_for(name, pattern, assessment)
    view = resolve(url).func
    assert not getattr(view, "csrf_exempt", False), f"{name} is exempt from CSRF checks"
    tokenless = [strict.post(url), strict.post(url, headers=HX)]
    honest = honest_post(strict, url, {}, htmx=False)
    if name in POST_ENDPOINTS:
        assert honest.status_code != 405, f"{name} should take a POST"
    if honest.status_code == 405:
        assert all(response.status_code in (403, 405) for response in tokenless)
    else:
        for response in tokenless:
            assert_csrf_refused(response)
