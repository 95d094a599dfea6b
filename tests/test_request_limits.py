"""Request bodies the site has no use for are refused before anything reads them.

Forms here are a few kilobytes and no view takes files: a body over 64 KiB or any multipart
body gets a clear 413, a body without a length 411, a form in a charset other than UTF-8 a
400, and nothing is saved. A view that takes uploads sets its own limit with
`@allows_upload`. Django's field-count limit still applies.
"""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import include, path

from assessments.models import Assessment
from legache.limits import allows_upload

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"
BOUNDARY = "legache-test-boundary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"
MB = 1024 * 1024


@allows_upload(200 * 1024)
def upload_view(request):
    upload = request.FILES["file"]
    return HttpResponse(f"received {upload.size} bytes")


# A URLconf with one upload view next to the site's own (see test_an_upload_view_*).
urlpatterns = [path("upload/", upload_view), path("", include("legache.urls"))]


def multipart(fields=None, file_bytes=b"", filename="notes.txt") -> bytes:
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in (fields or {}).items()
    ]
    if file_bytes:
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'.encode()
            + file_bytes
            + b"\r\n"
        )
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


class UnreadableBody:
    """A wsgi.input that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


@pytest.fixture
def step_1(client):
    response = client.post("/assessment/new/", "", content_type=FORM)
    assert response.status_code == 302
    return response["Location"]


def post(client, url, body: bytes, content_type: str, **extra):
    return client.generic("POST", url, body, content_type=content_type, **extra)


def assert_refused_as_too_large(response):
    assert response.status_code == 413
    assert "That was too much to send" in response.text
    assert "64 KB" in response.text


def answers_saved():
    return [a.answers for a in Assessment.objects.all() if a.answers]


@pytest.mark.parametrize("target", ["new", "step 1"])
def test_a_megabyte_form_is_refused_with_413_and_nothing_is_saved(client, step_1, target):
    url = step_1 if target == "step 1" else "/assessment/new/"
    before = Assessment.objects.count()
    response = post(client, url, b"q-red_flags=none&notes=" + b"x" * MB, FORM)
    assert_refused_as_too_large(response)
    assert Assessment.objects.count() == before
    assert answers_saved() == []


@pytest.mark.parametrize("target", ["new", "step 1"])
def test_a_multipart_body_is_refused_with_413_and_nothing_is_saved(client, step_1, target):
    url = step_1 if target == "step 1" else "/assessment/new/"
    before = Assessment.objects.count()
    body = multipart({"q-red_flags": "none"}, file_bytes=b"hello")
    response = post(client, url, body, MULTIPART)
    assert_refused_as_too_large(response)
    assert "does not take file uploads" in response.text
    assert Assessment.objects.count() == before
    assert answers_saved() == []


def test_a_claimed_1000_mb_upload_is_refused_before_any_of_it_is_read(client, step_1):
    """The probe's case: 1,000 MB of multipart used to be read and spooled to /tmp."""
    response = post(
        client,
        step_1,
        b"",
        MULTIPART,
        CONTENT_LENGTH=str(1000 * MB),
        CONTENT_TYPE=MULTIPART,
        **{"wsgi.input": UnreadableBody()},
    )
    assert_refused_as_too_large(response)


def test_the_limit_holds_on_every_url_even_a_missing_one(client):
    response = post(client, "/no-such-page/", b"x" * (65 * 1024), FORM)
    assert_refused_as_too_large(response)


def test_an_ordinary_form_post_still_works(client, step_1):
    response = post(client, step_1, b"q-red_flags=none", FORM)
    assert response.status_code == 302
    assert answers_saved() != []


def test_a_form_just_under_the_limit_is_read(client):
    body = b"padding=" + b"x" * (64 * 1024 - len(b"padding="))
    assert post(client, "/assessment/new/", body, FORM).status_code == 302


def test_the_limit_comes_from_settings(settings, client):
    settings.LEGACHE_MAX_BODY_BYTES = 1024
    response = post(client, "/assessment/new/", b"x=" + b"y" * 2000, FORM)
    assert response.status_code == 413
    assert "1 KB" in response.text


def test_a_body_without_a_length_is_refused_with_411(client):
    response = post(
        client, "/assessment/new/", b"a=1", FORM, headers={"Transfer-Encoding": "chunked"}
    )
    assert response.status_code == 411
    assert Assessment.objects.count() == 0


def test_an_invalid_content_length_is_a_400(client):
    response = post(client, "/assessment/new/", b"a=1", FORM, CONTENT_LENGTH="lots")
    assert response.status_code == 400
    assert Assessment.objects.count() == 0


def test_django_still_limits_the_number_of_fields(client, step_1):
    body = b"q-red_flags=none&" + "&".join(f"f{n}=1" for n in range(1001)).encode()
    assert len(body) < 64 * 1024
    response = post(client, step_1, body, FORM)
    assert response.status_code == 400
    assert "We could not read that request" in response.text  # Django's handler, our page
    assert answers_saved() == []


@pytest.mark.urls(__name__)
def test_an_upload_view_takes_multipart_up_to_its_own_limit(client):
    response = post(client, "/upload/", multipart(file_bytes=b"x" * 150 * 1024), MULTIPART)
    assert response.status_code == 200
    assert response.text == f"received {150 * 1024} bytes"


@pytest.mark.urls(__name__)
def test_an_upload_view_refuses_more_than_its_own_limit_unread(client):
    response = post(
        client,
        "/upload/",
        b"",
        MULTIPART,
        CONTENT_LENGTH=str(300 * 1024),
        CONTENT_TYPE=MULTIPART,
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 413
    assert "at most 200 KB" in response.text


# Non-UTF-8 forms: Django refuses them from deep inside the CSRF check, which gave a 500
# (with DEBUG on, or for a charset Python does not know). Now: a 400 page, before anything.

CHARSETS = ["latin-1", "utf-16", "no-such-charset", "utf8", "us-ascii"]


def browser_with_an_assessment():
    """A client checked for CSRF tokens as in production, owning one unfinished assessment."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get("/assessment/")
    token = client.cookies["csrftoken"].value
    step_1 = client.post("/assessment/new/", f"csrfmiddlewaretoken={token}", content_type=FORM)
    return client, token, step_1["Location"]


@pytest.mark.parametrize("debug", [False, True], ids=["production", "debug"])
@pytest.mark.parametrize("charset", CHARSETS)
def test_a_form_in_another_charset_is_a_400_on_every_post_url(settings, charset, debug):
    settings.DEBUG = debug
    client, token, step_1 = browser_with_an_assessment()
    finish = step_1.replace("step/1/", "finish/")
    for url in ["/assessment/new/", step_1, finish, "/admin/login/"]:
        before = [(a.pk, a.answers, a.completed_at) for a in Assessment.objects.all()]
        body = f"csrfmiddlewaretoken={token}&q-red_flags=none&username=ed&password=x".encode()
        response = post(client, url, body, f"{FORM}; charset={charset}")
        assert response.status_code == 400, url
        assert "We could not read that request" in response.text
        assert [(a.pk, a.answers, a.completed_at) for a in Assessment.objects.all()] == before


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", '"utf-8"'])
def test_a_form_declaring_utf_8_is_read(client, charset):
    response = post(client, "/assessment/new/", b"", f"{FORM}; charset={charset}")
    assert response.status_code == 302
